/**
 * State Manager's engine: when associations run, on which nodes, and what each run leaves behind
 * (statuses, compliance, events), on the virtual clock. Runs go through the per-node runner
 * (sim/commands/runner.ts) as the "association" host, WITHOUT Run Command commands: as on AWS, an
 * association's runs are its executions' own records (DescribeAssociationExecutionTargets), not
 * entries of ListCommands. An Automation runbook's association starts an Automation execution
 * through the automationStarter port instead, and learns how it ended through automationWatchers.
 *
 * When an association runs ("When are associations applied to resources?", user guide):
 *   created / updated       at once (a task at the same instant), unless ApplyOnlyAtCronInterval;
 *                           an at() already past with ApplyOnlyAtCronInterval runs at once too (the
 *                           AWS CLI's create-association example 3)
 *   its schedule            every run of ScheduleExpression (+ ScheduleOffset) counted from the
 *                           creation or last update (time/schedule.ts, profile 'association')
 *   StartAssociationsOnce   at once
 *   new targets             a node that starts matching (added, retagged, joined the resource group,
 *                           its agent back after missing a run) gets an execution of its own
 *                           NEW_TARGET_DELAY_MS after the change (not Automation associations, not
 *                           ApplyOnlyAtCronInterval ones: "run only according to the schedule")
 * A run asked for while an execution is still going waits for it (an update first stops that
 * execution's targets not yet started, as the user guide says), except a scheduled run: "the earlier
 * association times out and the new association runs" (its unfinished targets end TimedOut /
 * DeliveryTimedOut).
 *
 * An execution resolves the document, parameters ({{ssm:...}} now) and targets at its start; a
 * closed change calendar (CalendarNames) skips it (Status Skipped); a document or resource group
 * that has gone makes it Failed with the error's code as DetailedStatus. Targets are sent in
 * InstanceId order, at most MaxConcurrency at once (default 50 nodes); when errors exceed MaxErrors
 * (default 100%) no more are sent (the rest end Cancelled/Terminated); with Duration (and
 * ApplyOnlyAtCronInterval, the API reference's condition) the cutoff cancels what is still running
 * and never starts the rest.
 *
 * On each node the association's status follows the agent's: Pending/Associated when first
 * targeted, InProgress when the run is received, then Success, Failed (ErrorCode ExecutionError),
 * TimedOut, or Failed/Cancelled, with the agent's ExecutionSummary ("1 out of 1 plugin processed,
 * ..."). Each final status with SyncCompliance AUTO (the default) is written as compliance type
 * "Association" (writeCompliance: COMPLETE, one item per AUTO association of the node, Id = the
 * association id, COMPLIANT for Success, else NON_COMPLIANT, the association's ComplianceSeverity),
 * as the agent's compliance uploader does. The node's record carries the summary
 * DescribeInstanceInformation shows (AssociationStatus, AssociationOverview, last execution dates).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import type { AutomationExecutionStatus, StartAutomationExecutionRequest } from '../../generated/ssm/types.js';
import { automationStarter, type AutomationWatcher } from '../automation/starter.js';
import { changeCalendars } from '../calendars/port.js';
import {
  cancelRun,
  cancelRunTask,
  defineRunHost,
  expireRun,
  finishRun,
  forgetWait,
  isTerminal,
  resolveConcurrency,
  resolveMaxErrors,
  sendRun,
  type FinalDetail,
} from '../commands/index.js';
import { toStoredStep, type CommandCounts, type NodeRun } from '../commands/state.js';
import { writeCompliance } from '../compliance/writer.js';
import { renderExecution, resolveDocument, resolveParameters } from '../documents/index.js';
import { agentConnected, getInstance, resolveTargets, type FleetChange, type FleetInstance } from '../fleet/index.js';
import { nextRun } from '../../time/schedule.js';
import { emitAssociationState, emitInstanceAssociationState } from './events.js';
import { NO_OP_AUTOMATION_TARGET, scheduleOf } from './spec.js';
import {
  associationsOf,
  currentVersion,
  getAssociation,
  getExecution,
  type AssociationRecord,
  type ExecutionRecord,
  type ExecutionTrigger,
  type NodeStatus,
  type TargetRun,
} from './state.js';
import { DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_ERRORS, EXECUTION_RETENTION_MS, NEW_TARGET_DELAY_MS } from './timing.js';
import { nonZero, overview } from './views.js';
import * as m from './messages.js';

export const TASKS = {
  run: 'associations.run',
  scheduled: 'associations.scheduled',
  reconcile: 'associations.reconcile',
  cutoff: 'associations.cutoff',
} as const;

interface RunPayload {
  a: string;
  t?: ExecutionTrigger;
}
interface CutoffPayload {
  a: string;
  e: string;
}

const key = (a: string, what: string) => `associations:${a}:${what}`;
/** A run owner id for the runner: association and execution. */
const ownerOf = (a: string, e: string) => `${a}:${e}`;
const DOCUMENT_TYPES = ['Command', 'Policy', 'Automation'] as const;

const isRunning = (e: ExecutionRecord) => e.Status === 'Pending' || e.Status === 'InProgress';

function schedule(ctx: Ctx, kind: string, at: number, taskKey: string, payload: RunPayload | CutoffPayload): void {
  ctx.emu.scheduler.schedule({ at, kind, account: ctx.account, region: ctx.region, key: taskKey, payload });
}

// ───────────────────────────────────────── the run host ─────────────────────────────────────────

function locate(ctx: Ctx, owner: string): { a: AssociationRecord; e: ExecutionRecord } | undefined {
  const colon = owner.indexOf(':');
  const a = getAssociation(ctx, owner.slice(0, colon));
  const e = a && getExecution(a, owner.slice(colon + 1));
  return a && e ? { a, e } : undefined;
}

const host = defineRunHost('association', {
  find(ctx, c, i) {
    const l = locate(ctx, c);
    const run = l?.e.Targets[i];
    if (!l || !run) return undefined;
    const g = l.e.Engine;
    return { run, program: { id: l.e.ExecutionId, documentName: g.documentName, schemaVersion: g.schemaVersion, steps: g.steps } };
  },
  statusChanged(ctx, c, i, run) {
    const l = locate(ctx, c)!;
    if (run.Status === 'InProgress') {
      setNodeStatus(ctx, l.a, run.InstanceId, { ...baseStatus(l.a, l.e, run.InstanceId), Status: 'InProgress', DetailedStatus: 'InProgress', ExecutionSummary: 'Executing association' });
    }
  },
  finished(ctx, c, i, detail, sent) {
    const l = locate(ctx, c)!;
    counted(ctx, l.a, l.e, i, detail, sent);
  },
  proceed(ctx, c) {
    const l = locate(ctx, c);
    if (l) advance(ctx, l.a, l.e);
  },
});

/** The status record of a node as this execution leaves it, before the outcome is known. */
function baseStatus(a: AssociationRecord, e: ExecutionRecord, instanceId: string): NodeStatus {
  const prev = a.Nodes[instanceId];
  return {
    Status: 'Pending',
    DetailedStatus: 'Associated',
    AssociationVersion: e.AssociationVersion,
    DocumentVersion: e.Engine.documentVersion,
    ExecutionId: e.ExecutionId,
    ...(prev?.ExecutionDate !== undefined && { ExecutionDate: prev.ExecutionDate }),
    ...(prev?.LastSuccessfulExecutionDate !== undefined && { LastSuccessfulExecutionDate: prev.LastSuccessfulExecutionDate }),
  };
}

/** The agent's summary of a finished run (amazon-ssm-agent association processor buildOutput). */
function summaryOf(run: NodeRun): string {
  const plugins = run.Plugins ?? [];
  let success = 0;
  let failed = 0;
  let timedOut = 0;
  let skipped = 0;
  let failures = '';
  for (const p of plugins) {
    if (p.Status === 'Success' && p.Output.startsWith('Step execution skipped')) skipped++;
    else if (p.Status === 'Success') success++;
    else if (p.Status === 'TimedOut') timedOut++;
    else if (p.Status === 'Failed') {
      failed++;
      failures += m.failedPlugin(p.Name, p.Stderr.trim());
    }
  }
  const completed = success + failed + timedOut + skipped;
  return m.executionSummary(completed, plugins.length || 1, success, failed, timedOut, skipped, failures);
}

/** A run ended: the execution's counts and slot, the node's status, MaxErrors. */
function counted(ctx: Ctx, a: AssociationRecord, e: ExecutionRecord, i: number, detail: FinalDetail, sent: boolean): void {
  const g = e.Engine;
  if (sent) g.inFlight--;
  g.completed++;
  const c = g.counts;
  const field: Record<FinalDetail, keyof CommandCounts> = {
    Success: 'success',
    Failed: 'failed',
    ExecutionTimedOut: 'executionTimedOut',
    DeliveryTimedOut: 'deliveryTimedOut',
    Cancelled: 'cancelled',
    Terminated: 'terminated',
    Undeliverable: 'undeliverable',
    InvalidPlatform: 'invalidPlatform',
  };
  c[field[detail]]++;
  nodeFinished(ctx, a, e, e.Targets[i], detail);
  if (c.failed + c.executionTimedOut > g.maxErrors && !g.stopped) {
    // "If you specify 3, the system stops sending requests when the fourth error is received";
    // runs already sent complete.
    g.stopped = 'errors';
    stopQueued(ctx, e, 'Terminated');
  }
}

/** Ends the targets not sent yet (MaxErrors, Duration cutoff, an update). */
function stopQueued(ctx: Ctx, e: ExecutionRecord, detail: 'Terminated' | 'Cancelled'): void {
  const owner = ownerOf(e.Engine.owner, e.ExecutionId);
  for (let j = e.Engine.next; j < e.Targets.length; j++) {
    const t = e.Targets[j];
    if (t.Status === 'Pending' && t.SentAt === undefined) {
      cancelRunTask(ctx, host, owner, j);
      finishRun(ctx, host, owner, j, detail);
    }
  }
  e.Engine.next = e.Targets.length;
}

const NODE_OUTCOME: Record<FinalDetail, { Status: string; DetailedStatus: string; ErrorCode?: string } | undefined> = {
  Success: { Status: 'Success', DetailedStatus: 'Success' },
  Failed: { Status: 'Failed', DetailedStatus: 'Failed', ErrorCode: 'ExecutionError' },
  ExecutionTimedOut: { Status: 'TimedOut', DetailedStatus: 'TimedOut' },
  DeliveryTimedOut: { Status: 'TimedOut', DetailedStatus: 'DeliveryTimedOut' },
  Cancelled: { Status: 'Failed', DetailedStatus: 'Cancelled' },
  InvalidPlatform: { Status: 'Failed', DetailedStatus: 'InvalidPlatform' },
  // Never sent: the node keeps the status it had; a node that is gone leaves the association.
  Terminated: undefined,
  Undeliverable: undefined,
};

function nodeFinished(ctx: Ctx, a: AssociationRecord, e: ExecutionRecord, run: TargetRun, detail: FinalDetail): void {
  if (detail === 'Undeliverable') {
    removeNode(ctx, a, run.InstanceId);
    return;
  }
  const outcome = NODE_OUTCOME[detail];
  if (!outcome) return;
  const now = toEpochSeconds(ctx.now);
  const next: NodeStatus = {
    ...baseStatus(a, e, run.InstanceId),
    Status: outcome.Status,
    DetailedStatus: outcome.DetailedStatus,
    ExecutionDate: now,
    ExecutionSummary: summaryOf(run),
    ...(outcome.ErrorCode && { ErrorCode: outcome.ErrorCode }),
    ...(detail === 'Success' && { LastSuccessfulExecutionDate: now }),
  };
  setNodeStatus(ctx, a, run.InstanceId, next);
  if (currentVersion(a).SyncCompliance !== 'MANUAL') writeNodeCompliance(ctx, run.InstanceId, e.ExecutionId);
}

/** Sends queued targets while there is room, then settles the execution when every target has ended. */
function advance(ctx: Ctx, a: AssociationRecord, e: ExecutionRecord): void {
  const g = e.Engine;
  const owner = ownerOf(a.AssociationId, e.ExecutionId);
  let sent = false;
  while (!g.stopped && g.inFlight < g.concurrency && g.next < e.Targets.length) {
    const i = g.next++;
    const t = e.Targets[i];
    if (t.Status !== 'Pending') continue;
    const node = getInstance(ctx, t.InstanceId);
    if (!node) {
      finishRun(ctx, host, owner, i, 'Undeliverable');
      continue;
    }
    if (!g.platformTypes.includes(node.PlatformType)) {
      finishRun(ctx, host, owner, i, 'InvalidPlatform');
      continue;
    }
    g.inFlight++;
    sent = true;
    sendRun(ctx, host, owner, i, t);
  }
  if (sent && e.Status === 'Pending') {
    e.Status = 'InProgress';
    e.DetailedStatus = 'InProgress';
  }
  settle(ctx, a, e);
}

/** Every target ended: the execution's status, the association's dates, and a run that waited for it. */
function settle(ctx: Ctx, a: AssociationRecord, e: ExecutionRecord): void {
  if (!isRunning(e) || e.Automation || e.Engine.completed < e.Targets.length) return;
  const c = e.Engine.counts;
  const failures = e.Targets.length - c.success - c.undeliverable - c.terminated;
  let status = 'Success';
  let detail = 'Success';
  if (failures > 0 || c.terminated > 0) {
    status = 'Failed';
    const timeouts = c.executionTimedOut + c.deliveryTimedOut;
    detail = e.Engine.stopped === 'cutoff' ? 'Cancelled' : timeouts > 0 && timeouts === failures ? 'TimedOut' : 'Failed';
  }
  finishExecution(ctx, a, e, status, detail);
}

function finishExecution(ctx: Ctx, a: AssociationRecord, e: ExecutionRecord, status: string, detail: string): void {
  e.Status = status;
  e.DetailedStatus = detail;
  const now = toEpochSeconds(ctx.now);
  if (status !== 'Skipped') {
    a.LastExecutionDate = now;
    if (status === 'Success') a.LastSuccessfulExecutionDate = now;
  }
  ctx.emu.scheduler.cancel(key(a.AssociationId, `${e.ExecutionId}:cutoff`));
  reportOverview(ctx, a);
  const queued = a.Engine.queued;
  if (queued && !a.Executions.some(isRunning)) {
    delete a.Engine.queued;
    startExecution(ctx, a, queued);
  }
}

// ───────────────────────────────────────── node statuses ─────────────────────────────────────────

/**
 * Records the association's status on a node. The instance event goes out for what the agent reports
 * (a run received, a run ended), not for the service's own Pending/Associated of a node first targeted.
 */
function setNodeStatus(ctx: Ctx, a: AssociationRecord, instanceId: string, next: NodeStatus): void {
  const prev = Object.hasOwn(a.Nodes, instanceId) ? a.Nodes[instanceId] : undefined;
  if (prev) a.Counts[prev.Status] = (a.Counts[prev.Status] ?? 1) - 1;
  a.Counts[next.Status] = (a.Counts[next.Status] ?? 0) + 1;
  a.Nodes[instanceId] = next;
  if (prev?.Status !== next.Status && next.DetailedStatus !== 'Associated') emitInstanceAssociationState(ctx, a, instanceId, next);
  refreshNodeSummary(ctx, instanceId);
  reportOverview(ctx, a);
}

function removeNode(ctx: Ctx, a: AssociationRecord, instanceId: string): void {
  const prev = a.Nodes[instanceId];
  if (!prev) return;
  a.Counts[prev.Status] = (a.Counts[prev.Status] ?? 1) - 1;
  delete a.Nodes[instanceId];
  refreshNodeSummary(ctx, instanceId);
  reportOverview(ctx, a);
}

/** Sends the association's state to EventBridge when its overview Status changed. */
function reportOverview(ctx: Ctx, a: AssociationRecord): void {
  const o = overview(a);
  if (o.Status === a.Engine.reported) return;
  a.Engine.reported = o.Status;
  emitAssociationState(ctx, a, o.Status!, nonZero(a.Counts));
}

/**
 * What DescribeInstanceInformation shows of a node's associations: AssociationStatus (Failed if any
 * failed or timed out, Pending while any is pending or running, else Success), the overview with the
 * count per Status, the last execution dates, and the associated documents.
 */
export function refreshNodeSummary(ctx: Ctx, instanceId: string): void {
  const node = getInstance(ctx, instanceId);
  if (!node) return;
  const counts: Record<string, number> = {};
  const documents = new Set<string>();
  let last: number | undefined;
  let lastSuccess: number | undefined;
  for (const a of Object.values(associationsOf(ctx).byId)) {
    const s = Object.hasOwn(a.Nodes, instanceId) ? a.Nodes[instanceId] : undefined;
    if (!s) continue;
    counts[s.Status] = (counts[s.Status] ?? 0) + 1;
    documents.add(currentVersion(a).Name);
    if (s.ExecutionDate !== undefined) last = Math.max(last ?? 0, s.ExecutionDate);
    if (s.LastSuccessfulExecutionDate !== undefined) lastSuccess = Math.max(lastSuccess ?? 0, s.LastSuccessfulExecutionDate);
  }
  if (documents.size === 0) {
    for (const k of ['AssociationStatus', 'AssociationOverview', 'AssociatedDocuments', 'LastAssociationExecutionDate', 'LastSuccessfulAssociationExecutionDate'] as const) delete node[k];
    return;
  }
  const status = counts.Failed || counts.TimedOut ? 'Failed' : counts.Pending || counts.InProgress ? 'Pending' : 'Success';
  node.AssociationStatus = status;
  node.AssociationOverview = { DetailedStatus: status, InstanceAssociationStatusAggregatedCount: counts };
  node.AssociatedDocuments = [...documents].sort();
  if (last !== undefined) node.LastAssociationExecutionDate = last;
  if (lastSuccess !== undefined) node.LastSuccessfulAssociationExecutionDate = lastSuccess;
}

/**
 * The node's association compliance, as the agent uploads it: every association of the node with
 * SyncCompliance AUTO that has run there, one item each, replacing what was there (COMPLETE).
 */
function writeNodeCompliance(ctx: Ctx, instanceId: string, executionId: string): void {
  const node = getInstance(ctx, instanceId);
  if (!node) return;
  const items = [];
  // Object.values keeps insertion (creation) order: no sort per node.
  for (const a of Object.values(associationsOf(ctx).byId)) {
    const s = Object.hasOwn(a.Nodes, instanceId) ? a.Nodes[instanceId] : undefined;
    const spec = currentVersion(a);
    if (!s || spec.SyncCompliance === 'MANUAL' || !['Success', 'Failed', 'TimedOut'].includes(s.Status)) continue;
    items.push({
      Id: a.AssociationId,
      Severity: spec.ComplianceSeverity ?? 'UNSPECIFIED',
      Status: s.Status === 'Success' ? ('COMPLIANT' as const) : ('NON_COMPLIANT' as const),
      Details: { DocumentName: spec.Name, DocumentVersion: s.DocumentVersion ?? '' },
    });
  }
  writeCompliance(ctx, {
    ResourceId: instanceId,
    ResourceType: 'ManagedInstance',
    ComplianceType: 'Association',
    ExecutionSummary: { ExecutionTime: toEpochSeconds(ctx.now), ExecutionId: executionId, ExecutionType: 'Command' },
    Items: items,
    UploadType: 'COMPLETE',
  });
}

// ───────────────────────────────────────── executions ─────────────────────────────────────────

function newExecution(ctx: Ctx, a: AssociationRecord, trigger: ExecutionTrigger): ExecutionRecord {
  const e: ExecutionRecord = {
    ExecutionId: ctx.emu.ids.uuid(),
    Seq: ++a.Engine.executions,
    AssociationVersion: currentVersion(a).AssociationVersion,
    Status: 'Pending',
    DetailedStatus: 'Pending',
    CreatedTime: toEpochSeconds(ctx.now),
    Trigger: trigger,
    Targets: [],
    Engine: {
      owner: a.AssociationId,
      documentName: currentVersion(a).Name,
      documentVersion: '',
      schemaVersion: '2.2',
      platformTypes: [],
      steps: [],
      concurrency: 1,
      maxErrors: 0,
      next: 0,
      inFlight: 0,
      completed: 0,
      counts: { success: 0, failed: 0, executionTimedOut: 0, deliveryTimedOut: 0, cancelled: 0, terminated: 0, undeliverable: 0, invalidPlatform: 0 },
    },
  };
  // Forget finished executions past the retention period.
  const horizon = toEpochSeconds(ctx.now - EXECUTION_RETENTION_MS);
  a.Executions = a.Executions.filter((x) => x.CreatedTime >= horizon || isRunning(x));
  a.Executions.push(e);
  a.Engine.fresh = false;
  return e;
}

/**
 * Starts an execution now: the whole target set, or `only` these nodes (new targets). See the module
 * header for what waits and what supersedes.
 */
export function startExecution(ctx: Ctx, a: AssociationRecord, trigger: ExecutionTrigger, only?: readonly FleetInstance[]): void {
  const running = a.Executions.filter(isRunning);
  if (trigger === 'schedule') {
    delete a.Engine.queued;
    for (const r of running) supersede(ctx, a, r);
  } else if ((trigger === 'create' || trigger === 'update' || trigger === 'manual') && running.length) {
    a.Engine.queued = trigger;
    return;
  }
  const spec = currentVersion(a);
  const e = newExecution(ctx, a, trigger);

  if (spec.CalendarNames?.length) {
    const calendars = ctx.emu.ports.one(changeCalendars);
    const state = calendars ? safely(() => calendars.stateAt(ctx, spec.CalendarNames!, ctx.now).state) : 'CLOSED';
    if (state !== 'OPEN') {
      // "If the calendar is closed, the association isn't applied"; the skipped interval is recorded.
      finishExecution(ctx, a, e, 'Skipped', typeof state === 'object' ? state.code : 'ChangeCalendarClosed');
      return;
    }
  }
  if (a.Engine.automation) {
    startAutomation(ctx, a, e);
    return;
  }

  const prepared = safely(() => {
    const doc = resolveDocument(ctx, { name: spec.Name, version: spec.DocumentVersion }, { types: DOCUMENT_TYPES });
    const execution = renderExecution(ctx, doc, resolveParameters(doc, spec.Parameters ?? {}));
    const nodes = only ?? resolveTargets(ctx, { Targets: spec.Targets }, { profile: 'state-manager', unknownInstanceIds: 'ignore' }).instances;
    return { doc, execution, nodes };
  });
  if ('code' in prepared) {
    finishExecution(ctx, a, e, 'Failed', prepared.code);
    return;
  }
  const { doc, execution, nodes } = prepared;
  const g = e.Engine;
  g.documentVersion = doc.documentVersion;
  g.schemaVersion = doc.schemaVersion ?? '2.2';
  g.platformTypes = [...doc.platformTypes];
  g.steps = execution.steps.map(toStoredStep);
  g.concurrency = resolveConcurrency(spec.MaxConcurrency ?? DEFAULT_MAX_CONCURRENCY, nodes.length);
  g.maxErrors = resolveMaxErrors(spec.MaxErrors ?? DEFAULT_MAX_ERRORS, nodes.length);

  if (!only) {
    // Nodes that no longer match leave the association (their status is no longer counted).
    const targeted = new Set(nodes.map((n) => n.InstanceId));
    for (const id of Object.keys(a.Nodes)) if (!targeted.has(id)) removeNode(ctx, a, id);
  }
  for (const n of nodes) {
    e.Targets.push({ InstanceId: n.InstanceId, Status: 'Pending', StatusDetails: 'Pending', OutputSourceId: ctx.emu.ids.uuid() });
    if (!Object.hasOwn(a.Nodes, n.InstanceId)) setNodeStatus(ctx, a, n.InstanceId, baseStatus(a, e, n.InstanceId));
  }
  if (spec.Duration !== undefined && spec.ApplyOnlyAtCronInterval) {
    schedule(ctx, TASKS.cutoff, ctx.now + spec.Duration * 3600_000, key(a.AssociationId, `${e.ExecutionId}:cutoff`), { a: a.AssociationId, e: e.ExecutionId });
  }
  reportOverview(ctx, a);
  advance(ctx, a, e);
}

/** Runs an AWS error thrown by `fn` into a value with its code (an execution that cannot start). */
function safely<T>(fn: () => T): T | { code: string } {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ServiceError) return { code: err.code };
    throw err;
  }
}

/** A scheduled run found this execution still going: what has not finished times out. */
function supersede(ctx: Ctx, a: AssociationRecord, e: ExecutionRecord): void {
  if (e.Automation) return;
  e.Engine.stopped = 'superseded';
  const owner = ownerOf(a.AssociationId, e.ExecutionId);
  e.Targets.forEach((t, i) => {
    if (!isTerminal(t)) expireRun(ctx, host, owner, i);
  });
  settle(ctx, a, e);
}

/** An update stops the targets of running executions that have not started ("those that haven't started are stopped"). */
export function stopPendingTargets(ctx: Ctx, a: AssociationRecord): void {
  for (const e of a.Executions.filter(isRunning)) {
    if (e.Automation) continue;
    stopQueued(ctx, e, 'Terminated');
    settle(ctx, a, e);
  }
}

// ───────────────────────────────────────── Automation ─────────────────────────────────────────

const AUTOMATION_DONE: Partial<Record<AutomationExecutionStatus, string>> = {
  Success: 'Success',
  CompletedWithSuccess: 'Success',
  Failed: 'Failed',
  TimedOut: 'Failed',
  Cancelled: 'Failed',
  CompletedWithFailure: 'Failed',
  Rejected: 'Failed',
  Exited: 'Failed',
};

function startAutomation(ctx: Ctx, a: AssociationRecord, e: ExecutionRecord): void {
  const starter = ctx.emu.ports.one(automationStarter);
  const spec = currentVersion(a);
  const targets = spec.Targets?.filter((t) => t.Key !== NO_OP_AUTOMATION_TARGET.Key);
  const request: StartAutomationExecutionRequest = {
    DocumentName: spec.Name,
    ...(spec.DocumentVersion !== undefined && { DocumentVersion: spec.DocumentVersion }),
    ...(spec.Parameters && { Parameters: spec.Parameters }),
    ...(targets?.length && { Targets: targets, ...(spec.AutomationTargetParameterName && { TargetParameterName: spec.AutomationTargetParameterName }) }),
    ...(spec.TargetMaps && { TargetMaps: spec.TargetMaps }),
    ...(spec.MaxConcurrency !== undefined && { MaxConcurrency: spec.MaxConcurrency }),
    ...(spec.MaxErrors !== undefined && { MaxErrors: spec.MaxErrors }),
    ...(spec.TargetLocations && { TargetLocations: spec.TargetLocations }),
  };
  const started = starter ? safely(() => starter.start(ctx, request, { kind: AUTOMATION_ORIGIN, id: ownerOf(a.AssociationId, e.ExecutionId) })) : { code: 'AutomationUnavailable' };
  if (typeof started === 'object') {
    // The user guide's example of such a detail: AutomationExecutionLimitExceeded.
    finishExecution(ctx, a, e, 'Failed', started.code.replace(/Exception$/, ''));
    return;
  }
  e.Automation = { ExecutionId: started, Status: 'InProgress' };
  e.Status = 'InProgress';
  e.DetailedStatus = 'InProgress';
  reportOverview(ctx, a);
}

const AUTOMATION_ORIGIN = 'association';

/** Told when an Automation execution an association started has ended (provided by the associations area). */
export const automationWatcher: AutomationWatcher = {
  kind: AUTOMATION_ORIGIN,
  settled(ctx, executionId, status, origin) {
    const l = locate(ctx, origin.id);
    if (!l || !l.e.Automation || l.e.Automation.ExecutionId !== executionId || !isRunning(l.e)) return;
    const done = AUTOMATION_DONE[status] ?? 'Failed';
    l.e.Automation.Status = status;
    finishExecution(ctx, l.a, l.e, done, status);
  },
};

// ───────────────────────────────────────── lifecycle ─────────────────────────────────────────

/** Asks for a run at the current instant (created, updated, StartAssociationsOnce). */
export function requestRun(ctx: Ctx, a: AssociationRecord, trigger: ExecutionTrigger): void {
  schedule(ctx, TASKS.run, ctx.now, key(a.AssociationId, 'run'), { a: a.AssociationId, t: trigger });
}

/** The next run of the association's schedule, as a task (none without a schedule or after an at() has passed). */
function scheduleNext(ctx: Ctx, a: AssociationRecord): void {
  const s = scheduleOf(currentVersion(a));
  const at = s && nextRun(s, ctx.now, { anchor: a.Engine.anchor });
  if (at === undefined) ctx.emu.scheduler.cancel(key(a.AssociationId, 'schedule'));
  else schedule(ctx, TASKS.scheduled, at, key(a.AssociationId, 'schedule'), { a: a.AssociationId });
}

/** A new version took effect (CreateAssociation, UpdateAssociation): its first run and its schedule. */
export function activate(ctx: Ctx, a: AssociationRecord, trigger: 'create' | 'update'): void {
  const spec = currentVersion(a);
  const s = scheduleOf(spec);
  a.Engine.anchor = ctx.now;
  a.Engine.fresh = true;
  if (!spec.ApplyOnlyAtCronInterval) requestRun(ctx, a, trigger);
  else if (s?.kind === 'at' && s.at <= ctx.now) requestRun(ctx, a, 'schedule');
  scheduleNext(ctx, a);
  reportOverview(ctx, a);
}

/** DeleteAssociation: its runs stop, its tasks go, the nodes forget it. */
export function deleteAssociation(ctx: Ctx, a: AssociationRecord): void {
  for (const e of a.Executions) {
    const owner = ownerOf(a.AssociationId, e.ExecutionId);
    e.Targets.forEach((t, i) => {
      if (isTerminal(t)) return;
      cancelRunTask(ctx, host, owner, i);
      forgetWait(ctx, host, owner, i, t);
    });
    ctx.emu.scheduler.cancel(key(a.AssociationId, `${e.ExecutionId}:cutoff`));
    if (e.Automation && isRunning(e)) safely(() => ctx.emu.ports.one(automationStarter)?.stop(ctx, e.Automation!.ExecutionId));
  }
  for (const what of ['run', 'schedule', 'reconcile']) ctx.emu.scheduler.cancel(key(a.AssociationId, what));
  const slice = associationsOf(ctx);
  delete slice.byId[a.AssociationId];
  slice.count--;
  const auto = currentVersion(a).SyncCompliance !== 'MANUAL';
  for (const id of Object.keys(a.Nodes)) {
    refreshNodeSummary(ctx, id);
    if (auto) writeNodeCompliance(ctx, id, a.AssociationId);
  }
}

/**
 * Fleet changes: a node that may now match gets the association soon (a reconcile task per
 * association, coalesced); a removed node leaves every association.
 */
export function fleetChanged(ctx: Ctx, change: FleetChange): void {
  const all = associationsOf(ctx).byId;
  if (change.type === 'removed') {
    for (const a of Object.values(all)) if (Object.hasOwn(a.Nodes, change.instanceId)) removeNode(ctx, a, change.instanceId);
    return;
  }
  if (change.type === 'agent-stopped') return;
  for (const a of Object.values(all)) {
    if (a.Engine.automation || currentVersion(a).ApplyOnlyAtCronInterval) continue;
    const k = key(a.AssociationId, 'reconcile');
    if (!ctx.emu.scheduler.pending(k)) schedule(ctx, TASKS.reconcile, ctx.now + NEW_TARGET_DELAY_MS, k, { a: a.AssociationId });
  }
}

/** Nodes that match now and never had the association (or missed a run while offline) get it; nodes that stopped matching leave. */
function reconcile(ctx: Ctx, a: AssociationRecord): void {
  const found = safely(() => resolveTargets(ctx, { Targets: currentVersion(a).Targets }, { profile: 'state-manager', unknownInstanceIds: 'ignore' }).instances);
  if ('code' in found) return;
  const matching = new Set(found.map((n) => n.InstanceId));
  for (const id of Object.keys(a.Nodes)) if (!matching.has(id)) removeNode(ctx, a, id);
  const fresh = found.filter((n) => {
    const s = Object.hasOwn(a.Nodes, n.InstanceId) ? a.Nodes[n.InstanceId] : undefined;
    return !s || (s.DetailedStatus === 'DeliveryTimedOut' && agentConnected(n));
  });
  if (fresh.length) startExecution(ctx, a, 'new-targets', fresh);
}

export const tasks = {
  [TASKS.run](task: { payload: RunPayload }, ctx: Ctx) {
    const a = getAssociation(ctx, task.payload.a);
    if (a) startExecution(ctx, a, task.payload.t ?? 'manual');
  },
  [TASKS.scheduled](task: { payload: RunPayload }, ctx: Ctx) {
    const a = getAssociation(ctx, task.payload.a);
    if (!a) return;
    startExecution(ctx, a, 'schedule');
    scheduleNext(ctx, a);
  },
  [TASKS.reconcile](task: { payload: RunPayload }, ctx: Ctx) {
    const a = getAssociation(ctx, task.payload.a);
    if (a) reconcile(ctx, a);
  },
  [TASKS.cutoff](task: { payload: CutoffPayload }, ctx: Ctx) {
    const a = getAssociation(ctx, task.payload.a);
    const e = a && getExecution(a, task.payload.e);
    if (!a || !e || !isRunning(e) || e.Automation) return;
    // "After the resulting cutoff time passes, associations that are currently running are
    // cancelled, and no pending executions are started on remaining targets."
    e.Engine.stopped = 'cutoff';
    stopQueued(ctx, e, 'Cancelled');
    const owner = ownerOf(a.AssociationId, e.ExecutionId);
    e.Targets.forEach((t, i) => {
      if (!isTerminal(t)) cancelRun(ctx, host, owner, i);
    });
    settle(ctx, a, e);
  },
};
