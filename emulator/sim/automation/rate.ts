/**
 * Rate control ("Running automations that use targets and rate controls"): a parent execution whose
 * steps are child executions, one per target, started within MaxConcurrency and stopped by MaxErrors.
 *
 *   Targets + TargetParameterName   tag:<key>, tag-key, ResourceGroup, AWS::EC2::Instance=* and
 *                                   InstanceIds resolve to the fleet's instances (stopped ones
 *                                   included: Automation targets resources, not managed nodes);
 *                                   ParameterValues lists the values themselves (at most 50)
 *   TargetMaps                      one child per map (each map: parameter -> values)
 *   TargetLocations                 one child per account and Region pair, started in that scope
 *                                   (the emulator holds every account, so the child really runs there,
 *                                   with the location's Targets and rate controls); the parent is
 *                                   AutomationType CrossAccount
 *
 * The parent lists one step per child (StepName the target value, Action aws:executeAutomation, Inputs
 * the target parameter), Pending until the child starts. "The queueing system delivers the automation
 * to a single resource and waits until the initial invocation is complete before sending the
 * automation to two more resources. The system exponentially sends the automation to more resources
 * until the concurrency value is met": the number in flight is min(MaxConcurrency, 2^k) where 2^k is
 * the largest power of two not above the number completed + 1. MaxConcurrency defaults to 10 (the API
 * reference); MaxErrors to 0 [unverified]; when errors exceed MaxErrors no new child starts, and the
 * ones running finish. The parent is Success when errors stayed within MaxErrors, else Failed
 * [unverified: AWS does not document the parent's status with tolerated errors].
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import { InvalidAutomationExecutionParametersException, InvalidTarget } from '../../generated/ssm/errors.js';
import type { StartAutomationExecutionRequest, Target, TargetLocation } from '../../generated/ssm/types.js';
import { resolveParameters, toWireParameters, type ParameterInput, type ResolvedDocument } from '../documents/index.js';
import { resolveTargets } from '../fleet/index.js';
import { resolveConcurrency, resolveMaxErrors } from '../commands/rate.js';
import { finish, hooks, isTerminal, setStatus, startExecution, tickHooks } from './engine.js';
import { emitStepStatus } from './events.js';
import type { ExecutionRecord, RateEntry, StepRecord } from './state.js';
import type { StartOptions } from './start.js';
import * as m from './messages.js';

export const DEFAULT_MAX_CONCURRENCY = '10';
export const DEFAULT_MAX_ERRORS = '0';
/** TargetLocation defaults (API reference): TargetLocationMaxConcurrency 1, TargetLocationMaxErrors 0. */
export const DEFAULT_LOCATION_CONCURRENCY = '1';
export const DEFAULT_LOCATION_ERRORS = '0';
/** "You can target a maximum of 50 parameter values." */
export const MAX_PARAMETER_VALUES = 50;

const paramError = (msg: string) => new InvalidAutomationExecutionParametersException(msg);
const secs = (ctx: Ctx) => toEpochSeconds(ctx.now);

/** The values the targets resolve to. */
function targetValues(ctx: Ctx, targets: readonly Target[]): string[] {
  const pv = targets.find((t) => t.Key === 'ParameterValues');
  if (pv) {
    if (targets.length > 1) throw new InvalidTarget(m.noTargetsResolved());
    const values = pv.Values ?? [];
    if (values.length > MAX_PARAMETER_VALUES) throw paramError(m.tooManyParameterValues(MAX_PARAMETER_VALUES));
    return [...values];
  }
  return resolveTargets(ctx, { Targets: targets }, { profile: 'automation', includeStopped: true, unknownInstanceIds: 'ignore' }).ids;
}

/** The parent execution for Targets / TargetMaps / TargetLocations. */
export function startRateParent(
  ctx: Ctx,
  doc: ResolvedDocument,
  req: StartAutomationExecutionRequest,
  supplied: Record<string, ParameterInput>,
  opts: StartOptions,
): ExecutionRecord {
  const name = req.TargetParameterName;
  const declared = new Set(doc.parameters.map((p) => p.name));
  if (req.Targets?.length && req.TargetMaps?.length) throw paramError(m.targetsAndTargetMaps());
  if (name !== undefined && !declared.has(name)) throw paramError(m.targetParameterNotDeclared(name));
  const locations = req.TargetLocations ?? [];
  if (!locations.length && ((req.Targets?.length ?? 0) > 0) !== (name !== undefined) && !req.TargetMaps?.length) throw paramError(m.targetParameterNeedsTargets());
  if (req.Targets?.length && name === undefined && !locations.length) throw paramError(m.targetParameterNeedsTargets());
  for (const map of req.TargetMaps ?? []) for (const k of Object.keys(map)) if (!declared.has(k)) throw paramError(m.targetMapUndeclared(k));

  // The entries (one child each).
  let entries: RateEntry[];
  let concurrencyText: string;
  let errorsText: string;
  if (locations.length) {
    entries = [];
    for (const loc of locations) for (const account of loc.Accounts ?? [ctx.account]) for (const region of loc.Regions ?? [ctx.region]) entries.push({ params: {}, account, region });
    const first = locations[0];
    concurrencyText = first.TargetLocationMaxConcurrency ?? DEFAULT_LOCATION_CONCURRENCY;
    errorsText = first.TargetLocationMaxErrors ?? DEFAULT_LOCATION_ERRORS;
  } else {
    entries = req.TargetMaps?.length
      ? req.TargetMaps.map((map) => ({ params: Object.fromEntries(Object.entries(map).map(([k, v]) => [k, [...v]])) }))
      : targetValues(ctx, req.Targets ?? []).map((v) => ({ params: { [name!]: [v] } }));
    concurrencyText = req.MaxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    errorsText = req.MaxErrors ?? DEFAULT_MAX_ERRORS;
  }

  // The parameters every child gets must pass the runbook's checks with a target value in place.
  const base = { ...supplied };
  const probe: Record<string, ParameterInput> = { ...base, ...(entries[0]?.params ?? (name ? { [name]: ['placeholder'] } : {})) };
  if (!locations.length) {
    const values = resolveParameters(doc, entries.length ? probe : { ...base, ...(name && !Object.hasOwn(base, name) ? { [name]: ['placeholder'] } : {}) }, { style: 'automation' });
    void values;
  }

  const request: Record<string, unknown> = {
    DocumentName: locations.length ? (doc.ownership === 'amazon' ? doc.name : doc.arn) : doc.name,
    DocumentVersion: doc.documentVersion,
    Parameters: base,
    Mode: req.Mode ?? 'Auto',
    ...(locations.length && {
      ...(name !== undefined && { TargetParameterName: name }),
      ...(req.Targets && { Targets: req.Targets }),
      ...(req.TargetMaps && { TargetMaps: req.TargetMaps }),
      MaxConcurrency: locations[0].TargetsMaxConcurrency ?? req.MaxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
      MaxErrors: locations[0].TargetsMaxErrors ?? req.MaxErrors ?? DEFAULT_MAX_ERRORS,
      ...(locations[0].Targets?.length && { Targets: locations[0].Targets }),
    }),
  };
  const steps: StepRecord[] = entries.map((entry) => {
    const label = entry.account ? `${entry.account}:${entry.region}` : (name && entry.params[name]?.[0]) ?? Object.values(entry.params)[0]?.[0] ?? '';
    return {
      StepName: label,
      Action: 'aws:executeAutomation',
      StepStatus: 'Pending' as const,
      StepExecutionId: ctx.emu.ids.uuid(),
      Inputs: Object.fromEntries(Object.entries(entry.params).map(([k, v]) => [k, v.length === 1 ? v[0] : JSON.stringify(v)])),
      ...(entry.account && { TargetLocation: locationOf(locations, entry) }),
    };
  });
  const n = entries.length;
  const values = entries.map((e) => (name && e.params[name]?.[0]) ?? '').filter((v) => v !== '');
  return startExecution(ctx, {
    document: doc,
    params: { values: {}, supplied: toWireParameters(base as Record<string, string[]>), defaulted: [], style: 'automation' },
    mode: req.Mode ?? 'Auto',
    tags: req.Tags,
    ...(opts.origin && { origin: opts.origin }),
    ...(opts.parent && { parent: opts.parent }),
    ...(opts.associationId !== undefined && { associationId: opts.associationId }),
    steps,
    extra: {
      Parameters: toWireParameters(base as Record<string, string[]>),
      ...(name !== undefined && { TargetParameterName: name }),
      Targets: (req.Targets ?? []).map((t) => ({ ...t })),
      ...(req.TargetMaps && { TargetMaps: req.TargetMaps.map((t) => ({ ...t })) }),
      ResolvedTargets: { ParameterValues: values.slice(0, 100), Truncated: values.length > 100 },
      MaxConcurrency: concurrencyText,
      MaxErrors: errorsText,
      ...(locations.length && { TargetLocations: structuredClone(locations), AutomationType: 'CrossAccount' as const }),
      ...(req.TargetLocationsURL && { TargetLocationsURL: req.TargetLocationsURL }),
      ...(req.AlarmConfiguration && { AlarmConfiguration: structuredClone(req.AlarmConfiguration) }),
    },
    engine: {
      docOutputs: [],
      outputs: {},
      cursor: -1,
      attempt: 1,
      rate: {
        entries,
        children: entries.map(() => null),
        next: 0,
        inFlight: 0,
        concurrency: resolveConcurrency(concurrencyText, n),
        maxErrors: resolveMaxErrors(errorsText, n),
        errors: 0,
        completed: 0,
        request,
      },
    },
  });
}

function locationOf(locations: readonly TargetLocation[], entry: RateEntry): TargetLocation {
  const loc = locations.find((l) => (l.Accounts ?? []).includes(entry.account!) && (l.Regions ?? []).includes(entry.region!)) ?? locations[0];
  return { ...structuredClone(loc), Accounts: [entry.account!], Regions: [entry.region!] };
}

/** How many children may run now: doubling from one up to MaxConcurrency, as the queueing system does. */
export function allowedInFlight(concurrency: number, completed: number): number {
  let wave = 1;
  while (wave * 2 <= completed + 1) wave *= 2;
  return Math.min(concurrency, wave);
}

function setStep(ctx: Ctx, parent: ExecutionRecord, rec: StepRecord, status: StepRecord['StepStatus']): void {
  if (rec.StepStatus === status) return;
  rec.StepStatus = status;
  emitStepStatus(ctx, parent, rec);
}

/** Starts children while there is room; ends the parent when every child has. */
function advance(ctx: Ctx, parent: ExecutionRecord): void {
  const r = parent.E.rate!;
  if (parent.AutomationExecutionStatus === 'Pending') setStatus(ctx, parent, 'InProgress');
  while (!r.stopped && !parent.E.cancel && r.next < r.entries.length && r.inFlight < allowedInFlight(r.concurrency, r.completed)) {
    const i = r.next++;
    const entry = r.entries[i];
    const rec = parent.StepExecutions[i];
    rec.ExecutionStartTime = secs(ctx);
    const cctx = entry.account ? ctx.emu.context(entry.account, entry.region!, ctx.now) : ctx;
    const req = r.request as unknown as StartAutomationExecutionRequest;
    const params = { ...(req.Parameters ?? {}), ...entry.params };
    try {
      // Imported lazily: start.ts imports this module.
      const child = startChild(cctx, { ...req, Parameters: params }, {
        parent: { e: parent.AutomationExecutionId, record: i, account: ctx.account, region: ctx.region },
        ...(!entry.account && { target: rec.StepName }),
      });
      r.children[i] = child;
      r.inFlight++;
      setStep(ctx, parent, rec, 'InProgress');
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      rec.ExecutionEndTime = secs(ctx);
      rec.FailureMessage = entry.account ? m.targetLocationFailed(entry.account, entry.region!, `${e.code}: ${e.message}`) : m.childStartFailed(`${e.code}: ${e.message}`);
      rec.FailureDetails = { FailureStage: 'Invocation', FailureType: 'Action' };
      setStep(ctx, parent, rec, 'Failed');
      counted(parent, false);
    }
  }
  settle(ctx, parent);
}

/** Set by start.ts (which imports this module). */
export const childStart: { start?: (ctx: Ctx, req: StartAutomationExecutionRequest, opts: StartOptions) => ExecutionRecord } = {};
const startChild = (ctx: Ctx, req: StartAutomationExecutionRequest, opts: StartOptions) => childStart.start!(ctx, req, opts).AutomationExecutionId;

function counted(parent: ExecutionRecord, success: boolean): void {
  const r = parent.E.rate!;
  r.completed++;
  if (!success) r.errors++;
  if (r.errors > r.maxErrors) r.stopped = true;
}

function settle(ctx: Ctx, parent: ExecutionRecord): void {
  const r = parent.E.rate!;
  if (r.inFlight > 0 || isTerminal(parent)) return;
  if (r.next < r.entries.length && !r.stopped && !parent.E.cancel) return;
  if (parent.E.cancel) return finish(ctx, parent, 'Cancelled');
  const failed = r.errors > r.maxErrors;
  if (failed) {
    const last = parent.StepExecutions.filter((s) => s.StepStatus !== 'Success' && s.StepStatus !== 'Pending').pop();
    parent.E.failureMessage = last?.FailureMessage ?? m.childFailed(r.children.find(Boolean) ?? '', 'Failed');
  }
  finish(ctx, parent, failed ? 'Failed' : 'Success');
}

hooks.rateChild = (ctx, parent, record, child) => {
  const r = parent.E.rate!;
  const rec = parent.StepExecutions[record];
  if (r.children[record] !== child.AutomationExecutionId) return;
  rec.ExecutionEndTime = secs(ctx);
  const ok = child.AutomationExecutionStatus === 'Success';
  if (!ok) {
    rec.FailureMessage = child.FailureMessage ?? m.childFailed(child.AutomationExecutionId, child.AutomationExecutionStatus);
    rec.FailureDetails = { FailureStage: 'Invocation', FailureType: 'Action', Details: { ExecutionId: [child.AutomationExecutionId] } };
  }
  const status = ok ? 'Success' : child.AutomationExecutionStatus === 'TimedOut' || child.AutomationExecutionStatus === 'Cancelled' ? child.AutomationExecutionStatus : 'Failed';
  setStep(ctx, parent, rec, status);
  r.inFlight--;
  counted(parent, ok);
  advance(ctx, parent);
};

tickHooks.rate = (ctx, ex) => {
  if (ex.E.cancel && ex.E.wait?.kind === 'cancelling') {
    delete ex.E.wait;
    const r = ex.E.rate!;
    if (r.inFlight === 0) finish(ctx, ex, 'Cancelled');
    return;
  }
  advance(ctx, ex);
};

/** The child execution of a parent's step (rate control). */
export function rateChildOf(ex: ExecutionRecord, record: number): string | undefined {
  return ex.E.rate?.children[record] ?? undefined;
}
