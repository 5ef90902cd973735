/**
 * Change Manager change requests (StartChangeRequestExecution): an execution of subtype ChangeRequest
 * whose document is a change template (Automation.ChangeTemplate) and whose work is one runbook.
 *
 *   PendingApproval            the template's aws:approve steps, one after another; each needs its
 *                              approvals (EnhancedApprovals minRequiredApprovals, or MinRequiredApprovals)
 *                              by SendAutomationSignal Approve; one Reject ends the request Rejected.
 *                              AutoApprove (an autoApprovable template) skips the reviews.
 *   Approved / Scheduled       then, until ScheduledTime (if later)
 *   PendingChangeCalendarOverride
 *                              the change calendars (Automation preferences) are CLOSED: Approve lets it
 *                              run (ChangeCalendarOverrideApproved), Reject ends it
 *                              (ChangeCalendarOverrideRejected); otherwise it waits for the calendar to
 *                              open ("the change won't be processed until the calendar state is again OPEN")
 *   RunbookInProgress          the runbook runs as a child execution
 *   CompletedWithSuccess / CompletedWithFailure
 *
 * The template version must be APPROVED (its review, UpdateDocumentMetadata), else
 * AutomationDefinitionNotApprovedException. An OpsItem of type /aws/changerequest represents the
 * request when the OpsCenter area provides opsItemCreator (OpsItemId); without it there is none. Its
 * Status follows the request's (the statuses above are OpsItem statuses too), and its operational
 * data /aws/changerequest (a JSON object: templateName, requesterArn, requesterName,
 * targetsResourceGroup, then approverArn / approverName per review) is what DescribeOpsItems'
 * ChangeRequestBy* filters read.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import {
  AutomationDefinitionNotApprovedException,
  InvalidAutomationExecutionParametersException,
} from '../../generated/ssm/errors.js';
import type { StartChangeRequestExecutionRequest } from '../../generated/ssm/types.js';
import { renderExecution, resolveParameters } from '../documents/index.js';
import { readableDocument, selectVersion } from '../documents/model.js';
import { opsItemCreator } from '../ops-items/creator.js';
import { calendarStateAt } from '../calendars/index.js';
import { ServiceError } from '../../core/errors.js';
import { finish, hooks, isTerminal, setStatus, startExecution, tickHooks, type SignalError } from './engine.js';
import { emitStepStatus } from './events.js';
import { changeRequestOpsItem } from './opsitems.js';
import { resolveRunbook, startAutomation } from './start.js';
import type { ExecutionRecord, StepRecord } from './state.js';
import * as m from './messages.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const paramError = (msg: string) => new InvalidAutomationExecutionParametersException(msg);
const secs = (ctx: Ctx) => toEpochSeconds(ctx.now);

/** How many approvals an aws:approve step of a template needs. */
function requiredApprovals(inputs: unknown): number {
  if (!isObj(inputs)) return 1;
  const enhanced = isObj(inputs.EnhancedApprovals) ? inputs.EnhancedApprovals : undefined;
  if (enhanced && Array.isArray(enhanced.Approvers)) {
    const n = enhanced.Approvers.filter(isObj).reduce((sum, a) => sum + (typeof a.minRequiredApprovals === 'number' ? a.minRequiredApprovals : 1), 0);
    return Math.max(1, n);
  }
  return typeof inputs.MinRequiredApprovals === 'number' ? Math.max(1, inputs.MinRequiredApprovals) : 1;
}

export function startChangeRequest(ctx: Ctx, req: StartChangeRequestExecutionRequest): ExecutionRecord {
  const template = resolveRunbook(ctx, req.DocumentName, req.DocumentVersion, ['Automation', 'Automation.ChangeTemplate']);
  if (template.documentType !== 'Automation.ChangeTemplate') throw paramError(m.notAChangeTemplate(template.name, template.documentType));
  const stored = selectVersion(readableDocument(ctx, req.DocumentName)!, { DocumentVersion: template.documentVersion });
  const review = stored.ReviewStatus ?? 'NOT_REVIEWED';
  if (review !== 'APPROVED') throw new AutomationDefinitionNotApprovedException(m.templateNotApproved(template.name, review));
  if ((req.Tags?.length ?? 0) > 5) throw paramError(m.tooManyTags());
  const body = template.body as Record<string, unknown>;
  if (req.AutoApprove && body.autoApprovable !== true) throw paramError(m.autoApproveNotAllowed(template.name));
  const runbook = req.Runbooks[0];
  const rb = resolveRunbook(ctx, runbook.DocumentName, runbook.DocumentVersion);
  if (Array.isArray(body.executableRunBooks) && body.executableRunBooks.length) {
    const allowed = body.executableRunBooks.filter(isObj).map((r) => String(r.name));
    if (!allowed.includes(rb.name) && !allowed.includes(runbook.DocumentName)) throw paramError(m.runbookNotAllowed(runbook.DocumentName, template.name));
  }
  const params = resolveParameters(template, req.Parameters ?? {}, { style: 'automation' });
  const approvals = renderExecution(ctx, template, params).steps.filter((s) => s.action === 'aws:approve');
  const steps: StepRecord[] = approvals.map((s) => ({
    StepName: s.name,
    Action: s.action,
    StepStatus: 'Pending',
    StepExecutionId: ctx.emu.ids.uuid(),
    ...(typeof s.options.timeoutSeconds === 'number' && { TimeoutSeconds: s.options.timeoutSeconds }),
  }));
  const creator = ctx.emu.ports.one(opsItemCreator);
  const title = req.ChangeRequestName ?? template.name;
  const resourceGroup = runbook.Targets?.find((t) => t.Key === 'ResourceGroup')?.Values?.[0];
  const opsItemId = creator?.create(ctx, {
    Title: title.slice(0, 1024),
    Description: (req.ChangeDetails ?? (typeof body.templateInformation === 'string' ? body.templateInformation : title)).slice(0, 2048) || title,
    Source: 'ssm',
    OpsItemType: '/aws/changerequest',
    ...changeRequestOpsItem({
      templateName: template.name,
      requesterArn: `arn:aws:iam::${ctx.account}:root`,
      ...(resourceGroup !== undefined && { targetsResourceGroup: resourceGroup }),
      ...(req.ScheduledTime !== undefined && { scheduledTime: Number(req.ScheduledTime) }),
      ...(req.ScheduledEndTime !== undefined && { scheduledEndTime: Number(req.ScheduledEndTime) }),
    }),
  });
  return startExecution(ctx, {
    document: template,
    params,
    tags: req.Tags,
    steps,
    extra: {
      AutomationSubtype: 'ChangeRequest',
      ...(req.ChangeRequestName !== undefined && { ChangeRequestName: req.ChangeRequestName }),
      ...(req.ScheduledTime !== undefined && { ScheduledTime: Number(req.ScheduledTime) }),
      Runbooks: req.Runbooks.map((r) => structuredClone(r)),
      ...(opsItemId !== undefined && { OpsItemId: opsItemId }),
    },
    engine: {
      docOutputs: [],
      outputs: {},
      cursor: -1,
      attempt: 1,
      change: {
        phase: 'approval',
        approvalStep: 0,
        approvals: 0,
        ...(req.AutoApprove && { autoApprove: true }),
        ...(req.ScheduledEndTime !== undefined && { scheduledEnd: Number(req.ScheduledEndTime) }),
      },
      program: approvals.map((s) => ({ name: s.name, action: s.action, inputs: s.inputs, options: s.options })),
    },
  });
}

function setStep(ctx: Ctx, ex: ExecutionRecord, rec: StepRecord, status: StepRecord['StepStatus']): void {
  if (rec.StepStatus === status) return;
  rec.StepStatus = status;
  if (status === 'Waiting' || status === 'InProgress') rec.ExecutionStartTime ??= secs(ctx);
  else rec.ExecutionEndTime = secs(ctx);
  emitStepStatus(ctx, ex, rec);
}

function schedule(ctx: Ctx, ex: ExecutionRecord, at: number): void {
  ctx.emu.scheduler.schedule({ at, kind: 'automation.tick', account: ctx.account, region: ctx.region, key: `automation:${ex.AutomationExecutionId}`, payload: { e: ex.AutomationExecutionId } });
}

/** Moves the request along as far as it can go now. */
function advance(ctx: Ctx, ex: ExecutionRecord): void {
  const c = ex.E.change!;
  if (c.phase === 'approval') {
    if (c.autoApprove || c.approvalStep >= ex.StepExecutions.length) {
      c.phase = 'scheduled';
      setStatus(ctx, ex, 'Approved');
    } else {
      setStatus(ctx, ex, 'PendingApproval');
      setStep(ctx, ex, ex.StepExecutions[c.approvalStep], 'Waiting');
      return;
    }
  }
  if (c.phase === 'scheduled') {
    const at = ex.ScheduledTime === undefined ? undefined : Math.round(ex.ScheduledTime * 1000);
    if (at !== undefined && at > ctx.now) {
      setStatus(ctx, ex, 'Scheduled');
      return schedule(ctx, ex, at);
    }
    c.phase = 'calendar';
  }
  if (c.phase === 'calendar') {
    const names = ex.E.calendars ?? [];
    if (names.length && tickHooks.calendars && !tickHooks.calendars(ctx, names)) {
      setStatus(ctx, ex, 'PendingChangeCalendarOverride');
      const next = tickHooks.nextOpen?.(ctx, names);
      if (next !== undefined) schedule(ctx, ex, next);
      return;
    }
    return runRunbook(ctx, ex);
  }
}

function runRunbook(ctx: Ctx, ex: ExecutionRecord): void {
  const c = ex.E.change!;
  c.phase = 'runbook';
  const rb = ex.Runbooks![0];
  setStatus(ctx, ex, 'RunbookInProgress');
  try {
    const child = startAutomation(
      ctx,
      {
        DocumentName: rb.DocumentName,
        ...(rb.DocumentVersion !== undefined && { DocumentVersion: rb.DocumentVersion }),
        ...(rb.Parameters && { Parameters: rb.Parameters }),
        ...(rb.TargetParameterName !== undefined && { TargetParameterName: rb.TargetParameterName }),
        ...(rb.Targets && { Targets: rb.Targets }),
        ...(rb.TargetMaps && { TargetMaps: rb.TargetMaps }),
        ...(rb.MaxConcurrency !== undefined && { MaxConcurrency: rb.MaxConcurrency }),
        ...(rb.MaxErrors !== undefined && { MaxErrors: rb.MaxErrors }),
        ...(rb.TargetLocations && { TargetLocations: rb.TargetLocations }),
      },
      { parent: { e: ex.AutomationExecutionId, record: -1, account: ctx.account, region: ctx.region } },
    );
    c.child = child.AutomationExecutionId;
  } catch (e) {
    ex.E.failureMessage = m.childStartFailed(String((e as Error).message));
    c.phase = 'done';
    finish(ctx, ex, 'CompletedWithFailure');
  }
}

// A calendar that can't be read (deleted, not a calendar) counts as CLOSED: a change must not slip through.
tickHooks.calendars = (ctx, names) => {
  try {
    return calendarStateAt(ctx, names, ctx.now).state === 'OPEN';
  } catch (e) {
    if (e instanceof ServiceError) return false;
    throw e;
  }
};
tickHooks.nextOpen = (ctx, names) => {
  try {
    return calendarStateAt(ctx, names, ctx.now).nextTransitionTime;
  } catch (e) {
    if (e instanceof ServiceError) return undefined;
    throw e;
  }
};

tickHooks.change = (ctx, ex) => {
  if (ex.E.cancel) return finish(ctx, ex, 'Cancelled');
  advance(ctx, ex);
};

hooks.changeChild = (ctx, parent, child) => {
  const c = parent.E.change!;
  if (c.child !== child.AutomationExecutionId || isTerminal(parent)) return;
  c.phase = 'done';
  if (child.AutomationExecutionStatus !== 'Success') parent.E.failureMessage = child.FailureMessage ?? m.childFailed(child.AutomationExecutionId, child.AutomationExecutionStatus);
  finish(ctx, parent, child.AutomationExecutionStatus === 'Success' ? 'CompletedWithSuccess' : 'CompletedWithFailure');
};

/** The workflow data of a change request's OpsItem (CHANGE_DATA_KEY). */
const CHANGE_DATA_KEY = '/aws/changerequest';
const changeRequestData = (o: Record<string, unknown>) => ({ [CHANGE_DATA_KEY]: { Type: 'SearchableString' as const, Value: JSON.stringify(o) } });

/** Records a reviewer in the change request's OpsItem (ChangeRequestByApprover* filters). */
function recordApprover(ctx: Ctx, ex: ExecutionRecord): void {
  if (ex.OpsItemId === undefined) return;
  const creator = ctx.emu.ports.one(opsItemCreator);
  const current = creator?.operationalData(ctx, ex.OpsItemId)?.[CHANGE_DATA_KEY]?.Value;
  let data: Record<string, unknown> = {};
  try {
    data = current ? (JSON.parse(current) as Record<string, unknown>) : {};
  } catch {
    // a user replaced the object with something else: start again
  }
  const add = (field: string, value: string) => {
    const list = Array.isArray(data[field]) ? (data[field] as unknown[]) : data[field] === undefined ? [] : [data[field]];
    if (!list.includes(value)) list.push(value);
    data[field] = list;
  };
  add('approverArn', `arn:aws:iam::${ctx.account}:root`);
  add('approverName', 'root');
  creator?.update(ctx, { OpsItemId: ex.OpsItemId, OperationalData: changeRequestData(data) });
}

/** SendAutomationSignal for a change request: reviews and change-freeze overrides. */
export function changeSignal(ctx: Ctx, ex: ExecutionRecord, type: string, payload: Record<string, string[]> | undefined): SignalError | undefined {
  const c = ex.E.change!;
  const invalid = (): SignalError => ({ code: 'invalid', message: m.signalNotValid(type, ex.AutomationExecutionId, ex.AutomationExecutionStatus) });
  if (isTerminal(ex) || (type !== 'Approve' && type !== 'Reject')) return invalid();
  const comment = payload?.Comment?.[0];
  if (c.phase === 'approval' && ex.AutomationExecutionStatus === 'PendingApproval') {
    const rec = ex.StepExecutions[c.approvalStep];
    recordApprover(ctx, ex);
    if (type === 'Reject') {
      rec.FailureMessage = m.approvalRejected(comment);
      setStep(ctx, ex, rec, 'Failed');
      ex.E.failureMessage = rec.FailureMessage;
      finish(ctx, ex, 'Rejected');
      return undefined;
    }
    c.approvals++;
    if (c.approvals >= requiredApprovals(ex.E.program?.[c.approvalStep]?.inputs)) {
      rec.Outputs = { ApprovalStatus: ['Approved'] };
      setStep(ctx, ex, rec, 'Success');
      c.approvalStep++;
      c.approvals = 0;
      advance(ctx, ex);
    }
    return undefined;
  }
  if (c.phase === 'calendar' && ex.AutomationExecutionStatus === 'PendingChangeCalendarOverride') {
    if (type === 'Reject') {
      finish(ctx, ex, 'ChangeCalendarOverrideRejected');
      return undefined;
    }
    setStatus(ctx, ex, 'ChangeCalendarOverrideApproved');
    runRunbook(ctx, ex);
    return undefined;
  }
  return invalid();
}
