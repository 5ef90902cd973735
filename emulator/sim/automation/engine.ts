/**
 * The Automation engine: executions move through AWS's statuses on the virtual clock, step by step,
 * as scheduler tasks (one pending task per execution, key automation:<id>), so they persist,
 * snapshot and run only when time passes.
 *
 *   startExecution()   Pending; every step of the runbook listed, Pending. A task at the same instant
 *                      starts it: InProgress and the first step (Interactive mode: Waiting, and each
 *                      step runs when a StartStep signal names it).
 *   a step             InProgress (Waiting when it waits for input: aws:approve, aws:pause); its
 *                      inputs resolved ({{ step.Output }}, system variables) and shown as JSON text;
 *                      the action runs (actions.ts). Steps that take no time follow each other at the
 *                      same instant; a wait (sleep, poll, command, child, signal) schedules the task.
 *   success            outputs; next: the branch's choice, isEnd, nextStep, or the next step in order.
 *   failure            retried up to maxAttempts; then Failed (TimedOut when timeoutSeconds passed) and
 *                      onFailure: Abort (the execution ends Failed / TimedOut, unless the step is not
 *                      critical), Continue, or step:<name>; isCritical (default: false with Continue,
 *                      true otherwise) makes the final status Failed even when the workflow goes on.
 *   the end            Success, or Failed / TimedOut after a critical failure; document outputs
 *                      ("step.Output", or AWS's "No output available yet..." for a step that did not
 *                      succeed); watchers told (automationWatchers, a parent step, a change request).
 *   Cancel             Cancelling; the running step is stopped (its command or child cancelled) and
 *                      Cancelled after CANCEL_LATENCY_MS; an onCancel step:<name> runs before the
 *                      execution ends Cancelled.
 *
 * aws:loop is the engine's own: its Steps run as a frame inside the loop step, each iteration's step
 * executions carrying ParentStepDetails; a step that leaves the loop (nextStep, onFailure step:) ends
 * it Exited. Rate control (Targets, TargetMaps, TargetLocations) is a parent execution whose steps are
 * child executions (rate.ts). Change requests are in change.ts.
 *
 * Zero-time cycles (nextStep back to an earlier step without a wait) are bounded: an execution runs at
 * most MAX_STEP_EXECUTIONS steps, then fails (AWS bounds runs by time; the emulator's clock may not move).
 */
import { own, setOwn } from '../../core/maps.js';
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import type { AutomationExecutionStatus, ExecutionMode, Tag } from '../../generated/ssm/types.js';
import { renderExecution, substituteReferences, toWireParameters, type ResolvedDocument, type ResolvedParameters, type TypedValue } from '../documents/index.js';
import { ACTIONS, actionOf, childOutcome, commandOutcome, evaluateCondition, type Outcome, type StepRun } from './actions.js';
import { emitExecutionStatus, emitStepStatus } from './events.js';
import { executionEnded, statusChanged } from './opsitems.js';
import { resolveInputs, toWireInputs, toWireOutputs } from './refs.js';
import {
  addExecution,
  removeExecutions,
  executionsInOrder,
  automationOf,
  getExecution,
  type ExecutionRecord,
  type LoopFrame,
  type ProgramStep,
  type StepRecord,
} from './state.js';
import { automationWatchers, type AutomationOrigin } from './starter.js';
import * as m from './messages.js';

export const TASKS = { tick: 'automation.tick' } as const;

/** From StopAutomationExecution (or StopStep) to the step being Cancelled: a model, as Run Command's cancel. */
export const CANCEL_LATENCY_MS = 1000;
export const MAX_STEP_EXECUTIONS = 1000;
/**
 * Executions kept per account and Region (ctx.emu.limits.maxAutomationExecutions). AWS documents no
 * count; the emulator caps the history so that a long test run cannot grow without bound: past it,
 * the oldest finished executions are dropped first (GET /_emulator/health counts them).
 */
export const MAX_AUTOMATION_EXECUTIONS = 10_000;
/** aws:loop: "The maximum number of iterations is 100." */
export const MAX_ITERATIONS = 100;

const TERMINAL: ReadonlySet<AutomationExecutionStatus> = new Set([
  'Success',
  'Failed',
  'TimedOut',
  'Cancelled',
  'Rejected',
  'CompletedWithSuccess',
  'CompletedWithFailure',
  'ChangeCalendarOverrideRejected',
  'Exited',
]);
export const isTerminalStatus = (s: AutomationExecutionStatus) => TERMINAL.has(s);
export const isTerminal = (ex: Pick<ExecutionRecord, 'AutomationExecutionStatus'>) => TERMINAL.has(ex.AutomationExecutionStatus);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const secs = (ctx: Ctx) => toEpochSeconds(ctx.now);
const key = (id: string) => `automation:${id}`;

/** Where a child reports when it ends. */
export interface ParentRef {
  e: string;
  record: number;
  account: string;
  region: string;
}

export interface StartSpec {
  document: ResolvedDocument;
  params: ResolvedParameters;
  /** As requested ($DEFAULT, $LATEST, a number): the record shows the version that runs. */
  mode?: ExecutionMode;
  tags?: readonly Tag[];
  origin?: AutomationOrigin;
  parent?: ParentRef;
  /** The child's target (rate control), shown as Target. */
  target?: string;
  associationId?: string;
  /** Extra wire members (rate control, change requests): merged into the record. */
  extra?: Partial<ExecutionRecord>;
  /** The engine state a rate-control or change-request parent starts with instead of a program. */
  engine?: Partial<ExecutionRecord['E']>;
  /** Parent steps (rate control: one per target) instead of the runbook's. */
  steps?: StepRecord[];
}

// ───────────────────────────────────────── start ─────────────────────────────────────────

function toProgram(doc: ResolvedDocument, params: ResolvedParameters, ctx: Ctx): ProgramStep[] {
  return renderExecution(ctx, doc, params).steps.map((s) => ({ name: s.name, action: s.action, inputs: s.inputs, options: s.options }));
}

function pendingRecord(ctx: Ctx, s: ProgramStep): StepRecord {
  const o = s.options;
  const rec: StepRecord = { StepName: s.name, Action: s.action, StepStatus: 'Pending', StepExecutionId: ctx.emu.ids.uuid() };
  if (typeof o.timeoutSeconds === 'number') rec.TimeoutSeconds = o.timeoutSeconds;
  if (typeof o.onFailure === 'string') rec.OnFailure = o.onFailure;
  if (typeof o.maxAttempts === 'number') rec.MaxAttempts = o.maxAttempts;
  if (typeof o.isEnd === 'boolean') rec.IsEnd = o.isEnd;
  if (typeof o.nextStep === 'string') rec.NextStep = o.nextStep;
  if (typeof o.isCritical === 'boolean') rec.IsCritical = o.isCritical;
  return rec;
}

/** Runbook variables (schema 0.3 `variables`: name -> {type, default}), for aws:updateVariable. */
function variablesOf(doc: ResolvedDocument): Record<string, unknown> | undefined {
  const body = doc.body as Record<string, unknown>;
  if (!isObj(body.variables)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body.variables)) out[k] = isObj(v) ? (v.default ?? '') : v;
  return out;
}

/** Creates an execution and schedules its start at the same instant. */
export function startExecution(ctx: Ctx, spec: StartSpec): ExecutionRecord {
  const doc = spec.document;
  const slice = automationOf(ctx);
  const program = spec.engine ? undefined : toProgram(doc, spec.params, ctx);
  const body = doc.body as Record<string, unknown>;
  const docOutputs = Array.isArray(body.outputs) ? body.outputs.filter((o): o is string => typeof o === 'string') : [];
  const parameters = toWireParameters(spec.params.values);
  const variables = variablesOf(doc);
  const assumeRole = doc.assumeRole === undefined ? undefined : substituteReferences(doc.assumeRole, (n) => spec.params.values[n]);
  const ex: ExecutionRecord = {
    Seq: ++slice.seq,
    AutomationExecutionId: ctx.emu.ids.uuid(),
    DocumentName: doc.name,
    DocumentVersion: doc.documentVersion,
    ExecutionStartTime: secs(ctx),
    AutomationExecutionStatus: 'Pending',
    StepExecutions: spec.steps ?? (program ?? []).map((s) => pendingRecord(ctx, s)),
    Parameters: parameters,
    Mode: spec.mode ?? 'Auto',
    ExecutedBy: `arn:aws:iam::${ctx.account}:root`,
    AutomationType: 'Local',
    Tags: (spec.tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
    ...(spec.parent && { ParentAutomationExecutionId: spec.parent.e }),
    ...(spec.target !== undefined && { Target: spec.target }),
    ...(spec.associationId !== undefined && { AssociationId: spec.associationId }),
    ...(typeof assumeRole === 'string' && assumeRole !== '' && { AssumeRole: assumeRole }),
    ...(variables && { Variables: toWireParameters(variables as Record<string, TypedValue>) }),
    ...spec.extra,
    E: {
      ...(program && { program }),
      docOutputs,
      outputs: {},
      cursor: program?.length ? 0 : -1,
      attempt: 1,
      ...(spec.origin && { origin: { ...spec.origin } }),
      ...(spec.parent && { parentStep: { ...spec.parent } }),
      ...(variables && { variables }),
      // The Change Calendar integration gates what starts; a child runs as part of a parent that passed it.
      ...(slice.calendarNames.length && !spec.parent && { calendars: [...slice.calendarNames] }),
      ...spec.engine,
    } as ExecutionRecord['E'],
  };
  addExecution(ctx, ex);
  enforceExecutionCap(ctx);
  emitExecutionStatus(ctx, ex);
  schedule(ctx, ex, ctx.now);
  return ex;
}

/** Keeps the region within the execution cap by dropping its oldest finished executions. */
function enforceExecutionCap(ctx: Ctx): void {
  const order = executionsInOrder(ctx);
  const max = ctx.emu.limits.maxAutomationExecutions;
  if (order.length <= max) return;
  const gone = new Set<ExecutionRecord>();
  for (const ex of order) {
    if (order.length - gone.size <= max) break;
    if (isTerminal(ex)) gone.add(ex);
  }
  if (!gone.size) return;
  removeExecutions(ctx, gone);
  const slice = automationOf(ctx);
  slice.evicted = (slice.evicted ?? 0) + gone.size;
}

function schedule(ctx: Ctx, ex: ExecutionRecord, at: number): void {
  ctx.emu.scheduler.schedule({ at, kind: TASKS.tick, account: ctx.account, region: ctx.region, key: key(ex.AutomationExecutionId), payload: { e: ex.AutomationExecutionId } });
}

/** The next instant the execution needs the clock: its wait's end or the step's deadline. */
function rearm(ctx: Ctx, ex: ExecutionRecord): void {
  const e = ex.E;
  const times = [e.wait?.until, e.deadline].filter((x): x is number => x !== undefined);
  if (times.length) schedule(ctx, ex, Math.min(...times));
  else ctx.emu.scheduler.cancel(key(ex.AutomationExecutionId));
}

// ───────────────────────────────────────── statuses ─────────────────────────────────────────

export function setStatus(ctx: Ctx, ex: ExecutionRecord, status: AutomationExecutionStatus): void {
  if (ex.AutomationExecutionStatus === status) return;
  ex.AutomationExecutionStatus = status;
  emitExecutionStatus(ctx, ex);
  statusChanged(ctx, ex);
}

function setStepStatus(ctx: Ctx, ex: ExecutionRecord, rec: StepRecord, status: AutomationExecutionStatus): void {
  if (rec.StepStatus === status) return;
  rec.StepStatus = status;
  emitStepStatus(ctx, ex, rec);
}

// ───────────────────────────────────────── the current step ─────────────────────────────────────────

function current(ex: ExecutionRecord): ProgramStep | undefined {
  const e = ex.E;
  if (e.loop) return e.loop.steps[e.loop.at];
  return e.cursor >= 0 ? e.program?.[e.cursor] : undefined;
}

function indexOf(ex: ExecutionRecord, name: string): number {
  return ex.E.program?.findIndex((s) => s.name === name) ?? -1;
}

/** The record a step runs under: its Pending record the first time, a new one when it runs again. */
function recordFor(ctx: Ctx, ex: ExecutionRecord, step: ProgramStep): number {
  const e = ex.E;
  if (!e.loop && e.cursor >= 0) {
    const i = ex.StepExecutions.findIndex((r) => r.StepName === step.name && r.StepStatus === 'Pending' && r.ExecutionStartTime === undefined && !r.ParentStepDetails);
    if (i >= 0) return i;
  }
  const rec = pendingRecord(ctx, step);
  if (e.loop) {
    const loopRec = ex.StepExecutions[e.loop.record];
    const value = e.loop.iterators?.[e.loop.iteration - 1];
    rec.ParentStepDetails = {
      StepExecutionId: loopRec.StepExecutionId,
      StepName: loopRec.StepName,
      Action: 'aws:loop',
      Iteration: e.loop.iteration,
      ...(value !== undefined && { IteratorValue: typeof value === 'string' ? value : JSON.stringify(value) }),
    };
  }
  ex.StepExecutions.push(rec);
  return ex.StepExecutions.length - 1;
}

function refContext(ctx: Ctx, ex: ExecutionRecord) {
  return { executionId: ex.AutomationExecutionId, account: ctx.account, region: ctx.region, now: ctx.now, outputs: ex.E.outputs, variables: ex.E.variables };
}

function stepRun(ctx: Ctx, ex: ExecutionRecord, step: ProgramStep, recIndex: number, inputs: Record<string, unknown>): StepRun {
  return {
    ctx,
    ex,
    step,
    rec: ex.StepExecutions[recIndex],
    recIndex,
    inputs,
    ...(ex.E.wait && { wait: ex.E.wait }),
    startChild: (input) => startChildFor(ctx, ex, recIndex, input),
    stopChild: (id) => {
      const child = getExecution(ctx, id);
      if (child && !isTerminal(child)) requestStop(ctx, child, 'Cancel');
    },
  };
}

/** The resolved inputs of the running step (kept on the record as JSON text; re-read for ticks). */
function inputsOf(ex: ExecutionRecord): Record<string, unknown> {
  const rec = ex.E.record === undefined ? undefined : ex.StepExecutions[ex.E.record];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec?.Inputs ?? {})) out[k] = JSON.parse(v);
  return out;
}

// ───────────────────────────────────────── running ─────────────────────────────────────────

/** Runs steps from the cursor until one waits, the execution ends, or (Interactive) the step is done. */
function run(ctx: Ctx, ex: ExecutionRecord): void {
  for (;;) {
    if (isTerminal(ex)) return;
    const step = current(ex);
    if (!step) return finish(ctx, ex);
    if ((ex.E.executed = (ex.E.executed ?? 0) + 1) > MAX_STEP_EXECUTIONS) {
      ex.E.failureMessage = m.stepFails('Executing', `The execution ran ${MAX_STEP_EXECUTIONS} steps without the clock moving; the emulator stops it`);
      return finish(ctx, ex, 'Failed');
    }
    if (!startStep(ctx, ex, step)) return;
  }
}

/** Starts the current step; true when the engine should go on to the next one now. */
function startStep(ctx: Ctx, ex: ExecutionRecord, step: ProgramStep): boolean {
  const e = ex.E;
  const recIndex = e.record !== undefined && e.attempt > 1 ? e.record : recordFor(ctx, ex, step);
  const rec = ex.StepExecutions[recIndex];
  e.record = recIndex;
  if (e.attempt === 1 || rec.ExecutionStartTime === undefined) rec.ExecutionStartTime = secs(ctx);
  delete rec.ExecutionEndTime;
  delete rec.FailureMessage;
  delete rec.FailureDetails;
  ex.CurrentStepName = step.name;
  ex.CurrentAction = step.action;
  if (ex.AutomationExecutionStatus !== 'Cancelling') setStatus(ctx, ex, 'InProgress');
  setStepStatus(ctx, ex, rec, 'InProgress');
  const action = step.action === 'aws:loop' ? undefined : actionOf(step.action);
  const timeout = typeof step.options.timeoutSeconds === 'number' ? step.options.timeoutSeconds : action?.defaultTimeoutSeconds;
  const cap = action?.maxTimeoutSeconds;
  const effective = timeout === undefined ? cap : cap === undefined ? timeout : Math.min(timeout, cap);
  e.deadline = effective === undefined ? undefined : ctx.now + effective * 1000;
  delete e.wait;
  const resolved = resolveInputs(step.inputs, refContext(ctx, ex), step.action === 'aws:loop' ? { skipKeys: ['Steps', 'LoopCondition'] } : {});
  if ('missing' in resolved) {
    return apply(ctx, ex, { kind: 'failure', message: m.stepFails('Resolving inputs', m.unresolvedReference(resolved.missing)), stage: 'InputValidation', type: 'Verification', final: true });
  }
  const inputs = isObj(resolved.value) ? resolved.value : {};
  rec.Inputs = toWireInputs(step.action === 'aws:loop' ? { ...inputs, Steps: undefined } : inputs);
  if (step.action === 'aws:loop') return startLoop(ctx, ex, step, recIndex, inputs);
  let outcome: Outcome;
  try {
    outcome = action!.start(stepRun(ctx, ex, step, recIndex, inputs));
  } catch (why) {
    // A defect of the simulation must not leave the execution InProgress for ever (the scheduler
    // would log the error and nothing would move it again): the step fails with an Internal
    // failure that says so, as the simulated shell reports its own defects.
    ctx.emu.log.log('warn', 'automation step failed inside the emulator', { action: step.action, execution: ex.AutomationExecutionId, error: why instanceof Error ? (why.stack ?? why.message) : String(why) });
    outcome = { kind: 'failure', message: m.stepFails('Executing', `the emulator's simulation of ${step.action} failed: ${why instanceof Error ? why.message : String(why)}`), type: 'Internal', final: true };
  }
  return apply(ctx, ex, outcome);
}

/** Applies an action's outcome to the running step; true when the engine goes on at once. */
function apply(ctx: Ctx, ex: ExecutionRecord, outcome: Outcome): boolean {
  const e = ex.E;
  const step = current(ex)!;
  const rec = ex.StepExecutions[e.record!];
  if (outcome.kind === 'wait') {
    e.wait = outcome.wait;
    const forInput = ACTIONS[step.action]?.waitsForInput === true;
    setStepStatus(ctx, ex, rec, forInput ? 'Waiting' : 'InProgress');
    if (forInput && ex.AutomationExecutionStatus !== 'Cancelling') setStatus(ctx, ex, 'Waiting');
    rearm(ctx, ex);
    return false;
  }
  delete e.wait;
  delete e.deadline;
  rec.ExecutionEndTime = secs(ctx);
  if (outcome.kind === 'success') {
    const outputs = outcome.outputs ?? {};
    setOwn(e.outputs, step.name, outputs); // a step may be named __proto__
    if (Object.keys(outputs).length) rec.Outputs = toWireOutputs(outputs);
    if (outcome.response !== undefined) rec.Response = outcome.response;
    if (outcome.responseCode !== undefined) rec.ResponseCode = outcome.responseCode;
    if (step.action === 'aws:updateVariable') updateVariable(ex, step, outcome.response);
    e.attempt = 1;
    setStepStatus(ctx, ex, rec, 'Success');
    const next = nextAfter(ex, step, outcome.next, false);
    if (outcome.validNext?.length) rec.ValidNextSteps = outcome.validNext;
    else if (next !== undefined && next !== 'end') rec.ValidNextSteps = [next];
    return move(ctx, ex, next);
  }
  // failure
  const max = typeof step.options.maxAttempts === 'number' && step.options.maxAttempts > 1 ? step.options.maxAttempts : 1;
  if (!outcome.final && outcome.status !== 'Cancelled' && e.attempt < max && !e.cancel) {
    e.attempt++;
    return true; // the same record runs again
  }
  const status = outcome.status ?? 'Failed';
  rec.FailureMessage = max > 1 && e.attempt >= max ? m.failedMaxAttempts(step.name, outcome.message) : outcome.message;
  rec.FailureDetails = {
    FailureStage: outcome.stage ?? 'Invocation',
    FailureType: outcome.type ?? 'Action',
    ...(outcome.details && { Details: outcome.details }),
  };
  e.attempt = 1;
  setStepStatus(ctx, ex, rec, status);
  return afterFailure(ctx, ex, step, rec, status);
}

function updateVariable(ex: ExecutionRecord, step: ProgramStep, response: string | undefined): void {
  if (!response) return;
  const set = JSON.parse(response) as Record<string, unknown>;
  ex.E.variables = { ...ex.E.variables, ...set };
  ex.Variables = toWireParameters(ex.E.variables as Record<string, TypedValue>);
  void step;
}

function isCritical(step: ProgramStep): boolean {
  if (typeof step.options.isCritical === 'boolean') return step.options.isCritical;
  return String(step.options.onFailure ?? 'Abort').toLowerCase() !== 'continue';
}

/** onFailure after a step ended Failed / TimedOut / Cancelled. */
function afterFailure(ctx: Ctx, ex: ExecutionRecord, step: ProgramStep, rec: StepRecord, status: 'Failed' | 'TimedOut' | 'Cancelled'): boolean {
  const e = ex.E;
  if (ex.Mode === 'Interactive' && !e.loop) {
    if (isCritical(step)) markCritical(ex, rec, status);
    return move(ctx, ex, undefined);
  }
  const onFailure = String(step.options.onFailure ?? 'Abort');
  const critical = isCritical(step);
  if (critical) markCritical(ex, rec, status);
  if (e.cancel) return enterCancelWorkflow(ctx, ex, step);
  if (onFailure.toLowerCase() === 'continue') return move(ctx, ex, nextAfter(ex, step, undefined, true));
  if (onFailure.startsWith('step:')) return move(ctx, ex, onFailure.slice(5));
  // Abort: the workflow ends here.
  if (e.loop) return endLoop(ctx, ex, status, rec.FailureMessage);
  if (!critical) return move(ctx, ex, 'end');
  finish(ctx, ex, status === 'Cancelled' ? 'Cancelled' : status);
  return false;
}

function markCritical(ex: ExecutionRecord, rec: StepRecord, status: 'Failed' | 'TimedOut' | 'Cancelled'): void {
  const e = ex.E;
  if (!e.criticalFailure || status === 'TimedOut') e.criticalFailure = status;
  e.failureMessage ??= rec.FailureMessage;
}

/** Where the workflow goes after a step: 'end', a step name, or undefined for the next in order. */
function nextAfter(ex: ExecutionRecord, step: ProgramStep, chosen: string | undefined, failed: boolean): string | undefined {
  if (chosen !== undefined) return chosen;
  if (step.options.isEnd === true) return 'end';
  if (!failed && typeof step.options.nextStep === 'string') return step.options.nextStep;
  const e = ex.E;
  if (e.loop) {
    const i = e.loop.steps.indexOf(step);
    return e.loop.steps[i + 1]?.name ?? 'iteration-end';
  }
  return e.program?.[e.cursor + 1]?.name ?? 'end';
}

/** Moves the cursor; true when the engine goes on now (Auto mode and a next step). */
function move(ctx: Ctx, ex: ExecutionRecord, next: string | undefined): boolean {
  const e = ex.E;
  delete e.record;
  if (ex.Mode === 'Interactive' && !e.loop && next !== 'cancel') {
    // Between steps an Interactive execution waits for the next StartStep (or Complete).
    e.cursor = -1;
    delete ex.CurrentStepName;
    delete ex.CurrentAction;
    if (!isTerminal(ex)) setStatus(ctx, ex, e.cancel ? 'Cancelling' : 'Waiting');
    ctx.emu.scheduler.cancel(key(ex.AutomationExecutionId));
    return false;
  }
  if (next === 'cancel') {
    finish(ctx, ex, 'Cancelled');
    return false;
  }
  if (e.loop) return moveInLoop(ctx, ex, next);
  if (next === 'end' || next === undefined && e.cursor + 1 >= (e.program?.length ?? 0)) {
    e.cursor = -1;
    return true;
  }
  if (next === undefined) {
    e.cursor++;
    return true;
  }
  const i = indexOf(ex, next);
  e.cursor = i;
  return true;
}

// ───────────────────────────────────────── aws:loop ─────────────────────────────────────────

function parseInnerSteps(raw: unknown): ProgramStep[] | string {
  if (!Array.isArray(raw) || !raw.length) return 'Steps must list at least one step';
  const out: ProgramStep[] = [];
  for (const s of raw) {
    if (!isObj(s) || typeof s.name !== 'string' || typeof s.action !== 'string') return 'each step needs a name and an action';
    const { name, action, inputs, ...options } = s;
    out.push({ name, action, inputs: inputs ?? {}, options });
  }
  return out;
}

function startLoop(ctx: Ctx, ex: ExecutionRecord, step: ProgramStep, recIndex: number, inputs: Record<string, unknown>): boolean {
  const bad = (why: string) => apply(ctx, ex, { kind: 'failure', message: m.badInput(step.name, 'inputs', why), stage: 'InputValidation', type: 'Verification', final: true });
  if (ex.E.loop) return bad('loops can\'t be nested');
  const steps = parseInnerSteps(inputs.Steps);
  if (typeof steps === 'string') return bad(steps);
  const hasIterators = inputs.Iterators !== undefined;
  if (hasIterators === (inputs.LoopCondition !== undefined)) return bad('give either Iterators or LoopCondition');
  let iterators: unknown[] | undefined;
  if (hasIterators) {
    iterators = Array.isArray(inputs.Iterators) ? inputs.Iterators : typeof inputs.Iterators === 'string' ? [inputs.Iterators] : undefined;
    if (!iterators) return bad('Iterators must be a list');
    if (iterators.length > MAX_ITERATIONS) return bad(m.loopTooManyIterators(MAX_ITERATIONS));
    if (!iterators.length) {
      ex.E.loop = { loop: ex.E.cursor, record: recIndex, iteration: 0, iterators, steps, at: 0 };
      return endLoop(ctx, ex, 'Success');
    }
  }
  const max = inputs.MaxIterations === undefined ? MAX_ITERATIONS : Number(inputs.MaxIterations);
  if (!Number.isInteger(max) || max < 1 || max > MAX_ITERATIONS) return bad(`MaxIterations must be 1 to ${MAX_ITERATIONS}`);
  ex.E.loop = { loop: ex.E.cursor, record: recIndex, iteration: 1, ...(iterators && { iterators }), steps, at: 0 };
  setLoopOutputs(ex, ex.E.loop);
  delete ex.E.record;
  return true;
}

function setLoopOutputs(ex: ExecutionRecord, f: LoopFrame): void {
  const loopStep = ex.E.program![f.loop];
  setOwn(ex.E.outputs, loopStep.name, { CurrentIteration: f.iteration, ...(f.iterators && { CurrentIteratorValue: f.iterators[f.iteration - 1] }) });
}

function moveInLoop(ctx: Ctx, ex: ExecutionRecord, next: string | undefined): boolean {
  const f = ex.E.loop!;
  if (next === 'iteration-end' || next === undefined) {
    if (next === undefined && f.at + 1 < f.steps.length) {
      f.at++;
      return true;
    }
    return nextIteration(ctx, ex);
  }
  if (next === 'end') return endLoop(ctx, ex, 'Exited', undefined, 'end');
  const inner = f.steps.findIndex((s) => s.name === next);
  if (inner >= 0) {
    f.at = inner;
    return true;
  }
  return endLoop(ctx, ex, 'Exited', undefined, next);
}

function nextIteration(ctx: Ctx, ex: ExecutionRecord): boolean {
  const f = ex.E.loop!;
  const loopStep = ex.E.program![f.loop];
  const inputs = (loopStep.inputs ?? {}) as Record<string, unknown>;
  const max = inputs.MaxIterations === undefined ? MAX_ITERATIONS : Number(inputs.MaxIterations);
  let again: boolean;
  if (f.iterators) again = f.iteration < f.iterators.length;
  else {
    const cond = resolveInputs({ c: inputs.LoopCondition }, refContext(ctx, ex));
    if ('missing' in cond) return endLoop(ctx, ex, 'Failed', m.stepFails('Evaluating the loop condition', m.unresolvedReference(cond.missing)));
    try {
      again = evaluateCondition((cond.value as { c: unknown }).c) && f.iteration < max;
    } catch (why) {
      return endLoop(ctx, ex, 'Failed', m.badInput(loopStep.name, 'LoopCondition', String(why)));
    }
  }
  if (!again) return endLoop(ctx, ex, 'Success');
  f.iteration++;
  f.at = 0;
  setLoopOutputs(ex, f);
  return true;
}

/** Ends the loop step: Success (done), Exited (a step left it), Failed (an inner step aborted). */
function endLoop(ctx: Ctx, ex: ExecutionRecord, status: 'Success' | 'Exited' | 'Failed' | 'TimedOut' | 'Cancelled', failure?: string, goTo?: string): boolean {
  const e = ex.E;
  const f = e.loop!;
  delete e.loop;
  const loopStep = e.program![f.loop];
  e.cursor = f.loop;
  e.record = f.record;
  const rec = ex.StepExecutions[f.record];
  rec.ExecutionEndTime = secs(ctx);
  if (f.iteration > 0) rec.Outputs = toWireOutputs(e.outputs[loopStep.name] ?? {});
  if (status === 'Success' || status === 'Exited') {
    setStepStatus(ctx, ex, rec, status);
    const next = goTo ?? nextAfter(ex, loopStep, undefined, false);
    if (next !== 'end') rec.ValidNextSteps = next === undefined ? [] : [next];
    return move(ctx, ex, next);
  }
  rec.FailureMessage = failure ?? m.stepFails('Executing', 'A step of the loop failed');
  rec.FailureDetails = { FailureStage: 'Invocation', FailureType: 'Action' };
  setStepStatus(ctx, ex, rec, status);
  return afterFailure(ctx, ex, loopStep, rec, status === 'Failed' || status === 'TimedOut' || status === 'Cancelled' ? status : 'Failed');
}

// ───────────────────────────────────────── the end ─────────────────────────────────────────

function documentOutputs(ex: ExecutionRecord): Record<string, string[]> | undefined {
  if (!ex.E.docOutputs.length) return undefined;
  const out: Record<string, string[]> = {};
  for (const ref of ex.E.docOutputs) {
    const dot = ref.indexOf('.');
    const step = ref.slice(0, dot);
    const name = ref.slice(dot + 1);
    const values = own(ex.E.outputs, step);
    const ran = ex.StepExecutions.some((r) => r.StepName === step && r.StepStatus === 'Success');
    out[ref] = ran && values && Object.hasOwn(values, name) ? toWireOutputs({ v: values[name] }).v : [m.noOutputYet()];
  }
  return out;
}

/** The execution ends: final status, outputs, events, and whoever waits for it is told. */
export function finish(ctx: Ctx, ex: ExecutionRecord, status?: AutomationExecutionStatus): void {
  if (isTerminal(ex)) return;
  const e = ex.E;
  const final = status ?? (e.cancel ? 'Cancelled' : (e.criticalFailure ?? 'Success'));
  ex.ExecutionEndTime = secs(ctx);
  const outputs = documentOutputs(ex);
  if (outputs) ex.Outputs = outputs;
  if (final !== 'Success' && final !== 'Cancelled' && e.failureMessage) ex.FailureMessage = e.failureMessage;
  delete ex.CurrentStepName;
  delete ex.CurrentAction;
  delete e.program;
  delete e.wait;
  delete e.deadline;
  delete e.loop;
  e.cursor = -1;
  ctx.emu.scheduler.cancel(key(ex.AutomationExecutionId));
  setStatus(ctx, ex, final);
  executionEnded(ctx, ex);
  settled(ctx, ex);
}

/** Hooks other modules register (rate control, change requests) for children that end. */
export interface ChildHooks {
  /** A child of a rate-control parent ended (the parent's step record). */
  rateChild?(ctx: Ctx, parent: ExecutionRecord, record: number, child: ExecutionRecord): void;
  /** The runbook child of a change request ended. */
  changeChild?(ctx: Ctx, parent: ExecutionRecord, child: ExecutionRecord): void;
}
export const hooks: ChildHooks = {};

function settled(ctx: Ctx, ex: ExecutionRecord): void {
  const e = ex.E;
  if (e.origin) for (const w of ctx.emu.ports.all(automationWatchers)) if (w.kind === e.origin.kind) w.settled(ctx, ex.AutomationExecutionId, ex.AutomationExecutionStatus, e.origin);
  const p = e.parentStep;
  if (!p) return;
  const pctx = p.account === ctx.account && p.region === ctx.region ? ctx : ctx.emu.context(p.account, p.region, ctx.now);
  const parent = getExecution(pctx, p.e);
  if (!parent || isTerminal(parent)) return;
  if (parent.E.rate) return hooks.rateChild?.(pctx, parent, p.record, ex);
  if (parent.E.change) return hooks.changeChild?.(pctx, parent, ex);
  // An aws:executeAutomation step.
  if (parent.E.record === p.record && parent.E.wait?.kind === 'child') resume(pctx, parent, childOutcome(ex));
}

/** An external event ended the running step's wait (a command, a child, a signal). */
export function resume(ctx: Ctx, ex: ExecutionRecord, outcome: Outcome): void {
  if (isTerminal(ex) || ex.E.record === undefined) return;
  if (apply(ctx, ex, outcome)) run(ctx, ex);
}

// ───────────────────────────────────────── children ─────────────────────────────────────────

/** How aws:executeAutomation starts its child (set by the operations layer's start logic, start.ts). */
export const childStarter: { start?: (ctx: Ctx, input: Record<string, unknown>, parent: ParentRef) => string } = {};

function startChildFor(ctx: Ctx, ex: ExecutionRecord, record: number, input: Record<string, unknown>): string {
  if (!childStarter.start) throw new Error('no child starter');
  return childStarter.start(ctx, input, { e: ex.AutomationExecutionId, record, account: ctx.account, region: ctx.region });
}

/** A command an aws:runCommand step created has settled. */
export function commandSettled(ctx: Ctx, originId: string, commandId: string): void {
  const slash = originId.lastIndexOf('/');
  const ex = getExecution(ctx, originId.slice(0, slash));
  const record = Number(originId.slice(slash + 1));
  if (!ex || isTerminal(ex) || ex.E.record !== record || ex.E.wait?.kind !== 'command' || ex.E.wait.data?.commandId !== commandId) return;
  resume(ctx, ex, commandOutcome(ctx, commandId));
}

// ───────────────────────────────────────── ticks ─────────────────────────────────────────

export const tasks = {
  [TASKS.tick](task: { payload: { e: string } }, ctx: Ctx) {
    const ex = getExecution(ctx, task.payload.e);
    if (ex && !isTerminal(ex)) tick(ctx, ex);
  },
};

/** Hooks for parents that are not runbooks (rate.ts, change.ts). */
export const tickHooks: {
  rate?: (ctx: Ctx, ex: ExecutionRecord) => void;
  change?: (ctx: Ctx, ex: ExecutionRecord) => void;
  /** Whether the change calendars are OPEN now. */
  calendars?: (ctx: Ctx, names: readonly string[]) => boolean;
  /** When they change state next (epoch ms). */
  nextOpen?: (ctx: Ctx, names: readonly string[]) => number | undefined;
} = {};

function tick(ctx: Ctx, ex: ExecutionRecord): void {
  const e = ex.E;
  if (e.change) return tickHooks.change?.(ctx, ex);
  if (ex.AutomationExecutionStatus === 'Pending') {
    if (e.calendars?.length && tickHooks.calendars && !tickHooks.calendars(ctx, e.calendars)) {
      e.failureMessage = m.calendarClosed(e.calendars);
      return finish(ctx, ex, 'Failed');
    }
    if (e.rate) return tickHooks.rate?.(ctx, ex);
    if (ex.Mode === 'Interactive') return setStatus(ctx, ex, 'Waiting');
    setStatus(ctx, ex, 'InProgress');
    return run(ctx, ex);
  }
  if (e.rate) return tickHooks.rate?.(ctx, ex);
  if (e.cancel && e.wait?.kind === 'cancelling') return cancelled(ctx, ex);
  const step = current(ex);
  if (!step || e.record === undefined) return;
  const action = actionOf(step.action);
  const runArgs = stepRun(ctx, ex, step, e.record, inputsOf(ex));
  if (e.deadline !== undefined && ctx.now >= e.deadline) {
    action.cancel?.(runArgs);
    const seconds = Math.round((e.deadline - ex.StepExecutions[e.record].ExecutionStartTime! * 1000) / 1000);
    if (apply(ctx, ex, { kind: 'failure', message: m.stepTimedOut(step.name, seconds), stage: 'Invocation', type: 'Action', status: 'TimedOut' })) run(ctx, ex);
    return;
  }
  if (e.wait?.until !== undefined && ctx.now >= e.wait.until && action.tick) {
    if (apply(ctx, ex, action.tick(runArgs))) run(ctx, ex);
    return;
  }
  rearm(ctx, ex);
}

// ───────────────────────────────────────── stop ─────────────────────────────────────────

/**
 * StopAutomationExecution: Cancel stops the running step and ends the execution Cancelled (after the
 * onCancel step, if the step names one); Complete ends an Interactive execution that waits between
 * steps, with the status its steps earned.
 */
export function requestStop(ctx: Ctx, ex: ExecutionRecord, type: 'Cancel' | 'Complete'): void {
  const e = ex.E;
  if (type === 'Complete') return finish(ctx, ex);
  if (e.cancel) return;
  e.cancel = true;
  setStatus(ctx, ex, 'Cancelling');
  if (e.rate) {
    e.rate.entries.forEach((entry, i) => {
      const id = e.rate!.children[i];
      const cctx = entry.account ? ctx.emu.context(entry.account, entry.region!, ctx.now) : ctx;
      const child = id ? getExecution(cctx, id) : undefined;
      if (child && !isTerminal(child)) requestStop(cctx, child, 'Cancel');
    });
    e.rate.stopped = true;
  }
  if (e.change?.child) {
    const child = getExecution(ctx, e.change.child);
    if (child && !isTerminal(child)) requestStop(ctx, child, 'Cancel');
  }
  const step = current(ex);
  if (step && e.record !== undefined) {
    actionOf(step.action).cancel?.(stepRun(ctx, ex, step, e.record, inputsOf(ex)));
    setStepStatus(ctx, ex, ex.StepExecutions[e.record], 'Cancelling');
  }
  e.wait = { kind: 'cancelling', until: ctx.now + CANCEL_LATENCY_MS };
  delete e.deadline;
  rearm(ctx, ex);
}

/** The cancel latency passed: the step is Cancelled; an onCancel step runs, then the execution ends Cancelled. */
function cancelled(ctx: Ctx, ex: ExecutionRecord): void {
  const e = ex.E;
  delete e.wait;
  const step = current(ex);
  if (e.rate || e.change || !step || e.record === undefined) return finish(ctx, ex, 'Cancelled');
  const rec = ex.StepExecutions[e.record];
  rec.ExecutionEndTime = secs(ctx);
  setStepStatus(ctx, ex, rec, 'Cancelled');
  if (enterCancelWorkflow(ctx, ex, step)) run(ctx, ex);
}

/**
 * After the cancelled step: its onCancel step:<name> runs (with what follows it), then the execution
 * ends Cancelled; without one, it ends now. True when the workflow goes on.
 */
function enterCancelWorkflow(ctx: Ctx, ex: ExecutionRecord, step: ProgramStep): boolean {
  const e = ex.E;
  delete e.wait;
  delete e.record;
  const onCancel = step.options.onCancel;
  const i = !e.cancelWorkflow && typeof onCancel === 'string' && onCancel.startsWith('step:') ? indexOf(ex, onCancel.slice(5)) : -1;
  if (i < 0) {
    finish(ctx, ex, 'Cancelled');
    return false;
  }
  e.cancelWorkflow = true;
  delete e.loop;
  e.cursor = i;
  e.attempt = 1;
  return true;
}

// ───────────────────────────────────────── signals ─────────────────────────────────────────

export type SignalError = { code: 'invalid' | 'step-not-found'; message: string };

const payloadValue = (payload: Record<string, string[]> | undefined, k: string) => payload?.[k]?.[0];

/**
 * SendAutomationSignal for a runbook execution: Approve / Reject (aws:approve), Resume (aws:pause),
 * StartStep (Interactive), StopStep (a running step). Returns an error for the handler to throw.
 */
export function signal(ctx: Ctx, ex: ExecutionRecord, type: string, payload: Record<string, string[]> | undefined): SignalError | undefined {
  const e = ex.E;
  const invalid = (): SignalError => ({ code: 'invalid', message: m.signalNotValid(type, ex.AutomationExecutionId, ex.AutomationExecutionStatus) });
  if (isTerminal(ex) || e.cancel) return invalid();
  const step = current(ex);
  const waiting = e.record !== undefined && e.wait?.kind === 'signal' ? e.wait : undefined;
  switch (type) {
    case 'Approve':
    case 'Reject': {
      if (!step || step.action !== 'aws:approve' || !waiting) return invalid();
      const data = waiting.data as { min: number; approvals: number; decisions: Record<string, unknown>[] };
      const comment = payloadValue(payload, 'Comment');
      data.decisions.push({ Approver: `arn:aws:iam::${ctx.account}:root`, Decision: type, ...(comment !== undefined && { Comment: comment }), DecisionTime: new Date(ctx.now).toISOString() });
      if (type === 'Reject') {
        resume(ctx, ex, { kind: 'failure', message: m.approvalRejected(comment), stage: 'Invocation', type: 'Action', final: true, details: { ApprovalStatus: ['Rejected'] } });
        return undefined;
      }
      data.approvals++;
      // Every Approve signal counts: the emulator has one principal per account, so approvers are not told apart.
      if (data.approvals >= data.min) resume(ctx, ex, { kind: 'success', outputs: { ApprovalStatus: 'Approved', ApproverDecisions: data.decisions } });
      return undefined;
    }
    case 'Resume': {
      const name = payloadValue(payload, 'StepName');
      if (name === undefined) return { code: 'invalid', message: m.signalNeedsPayload(type, 'StepName') };
      if (!e.program?.some((s) => s.name === name) && !e.loop?.steps.some((s) => s.name === name)) return { code: 'step-not-found', message: m.stepNotFound(name) };
      if (!step || step.action !== 'aws:pause' || step.name !== name || !waiting) return invalid();
      resume(ctx, ex, { kind: 'success' });
      return undefined;
    }
    case 'StartStep': {
      const name = payloadValue(payload, 'StepName');
      if (name === undefined) return { code: 'invalid', message: m.signalNeedsPayload(type, 'StepName') };
      const i = indexOf(ex, name);
      if (i < 0) return { code: 'step-not-found', message: m.stepNotFound(name) };
      if (ex.Mode !== 'Interactive' || ex.AutomationExecutionStatus !== 'Waiting' || e.record !== undefined) return invalid();
      e.cursor = i;
      e.attempt = 1;
      run(ctx, ex);
      return undefined;
    }
    case 'StopStep': {
      const id = payloadValue(payload, 'StepExecutionId');
      if (id === undefined) return { code: 'invalid', message: m.signalNeedsPayload(type, 'StepExecutionId') };
      const index = ex.StepExecutions.findIndex((r) => r.StepExecutionId === id);
      if (index < 0) return { code: 'step-not-found', message: m.stepNotFound(id) };
      if (index !== e.record || !step) return invalid();
      actionOf(step.action).cancel?.(stepRun(ctx, ex, step, index, inputsOf(ex)));
      resume(ctx, ex, { kind: 'failure', message: m.stepFails('Executing', 'The step was stopped by a StopStep signal'), status: 'Cancelled', stage: 'Invocation', type: 'Action' });
      return undefined;
    }
    default:
      return invalid();
  }
}

export { run as runExecution };
