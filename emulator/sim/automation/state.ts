/**
 * Automation's slice of region state: executions (with their step executions), execution previews,
 * the fixture behaviours of aws:executeScript / aws:invokeLambdaFunction steps, and the account's
 * Automation preferences (Change Calendar integration).
 *
 * Records use the wire's member names (AutomationExecution, StepExecution) so the views are mostly the
 * record itself; what only the engine needs lives under `E` (ExecutionEngine) and is never sent. A
 * finished execution keeps its StepExecutions and the engine's typed step outputs (later executions
 * never read them, but GetAutomationExecution does); the rendered program is dropped when it ends.
 *
 * Timestamps are epoch seconds, as everywhere in the store. Derived indexes (executions by start order)
 * live in a WeakMap keyed by the slice, so a restored snapshot rebuilds them.
 */
import { defineSlice } from '../../state/store.js';
import { alarmConfiguration, anyJson, arr, bool, int, num, obj, oneOf, rec, str, tagList, targetList, targetLocation, targetMaps } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';
import type { AutomationExecution, AutomationExecutionStatus, AutomationType, ExecutionMode, StepExecution, Tag } from '../../generated/ssm/types.js';
import type { AutomationOrigin } from './starter.js';

/** One step of the rendered runbook (parameters substituted at start, step outputs at step start). */
export interface ProgramStep {
  name: string;
  action: string;
  inputs: unknown;
  /** onFailure, onCancel, isEnd, nextStep, maxAttempts, timeoutSeconds, isCritical, outputs, ... */
  options: Record<string, unknown>;
}

/** A StepExecution as stored: the wire shape with the members every record has. */
export interface StepRecord extends StepExecution {
  StepName: string;
  Action: string;
  StepStatus: AutomationExecutionStatus;
  StepExecutionId: string;
}

/** What the current step waits for (one pending scheduler task per execution: the earlier of `until` and the step's deadline). */
export interface StepWait {
  /** sleep: the end; poll: the next poll; signal/child/command/cancel: none (the event calls in). */
  kind: 'sleep' | 'poll' | 'signal' | 'child' | 'command' | 'cancelling' | 'calendar' | 'schedule';
  /** Epoch ms of the next tick for sleep and poll. */
  until?: number;
  /** Action-specific state (the command id, the child execution ids, approvals so far...). */
  data?: Record<string, unknown>;
}

/** A loop in progress: the aws:loop step and where its iteration is. */
export interface LoopFrame {
  /** Index of the aws:loop step in the program. */
  loop: number;
  /** Its StepExecution (the record index in StepExecutions). */
  record: number;
  iteration: number;
  /** for-each: the iterator values; do-while: undefined. */
  iterators?: unknown[];
  /** The inner steps of the current iteration, in order. */
  steps: ProgramStep[];
  /** Index of the current inner step. */
  at: number;
}

export interface ExecutionEngine {
  /** The rendered runbook (dropped when the execution ends). */
  program?: ProgramStep[];
  /** Document outputs to report ("step.Output"). */
  docOutputs: string[];
  /** Typed step outputs, by step name then output name (what {{ step.Output }} reads). */
  outputs: Record<string, Record<string, unknown>>;
  /** Index in the program of the step running or next to run; -1 when none. */
  cursor: number;
  /** Index in StepExecutions of the record of the running step. */
  record?: number;
  attempt: number;
  /** Steps started so far (bounded by MAX_STEP_EXECUTIONS). */
  executed?: number;
  /** Epoch ms: the running step's timeout. */
  deadline?: number;
  wait?: StepWait;
  loop?: LoopFrame;
  /** A critical step failed (the final status is Failed unless something worse). */
  criticalFailure?: 'Failed' | 'TimedOut' | 'Cancelled';
  /** The step that made the execution fail (its FailureMessage is the execution's). */
  failureMessage?: string;
  /** StopAutomationExecution Cancel arrived. */
  cancel?: boolean;
  /** The onCancel step (and what follows it) is running. */
  cancelWorkflow?: boolean;
  /** Rate control: the parent's queue of target parameter values (or TargetMaps entries) and progress. */
  rate?: RateState;
  origin?: AutomationOrigin;
  /** A child (aws:executeAutomation, rate control, a change request's runbook): the parent, its step record and scope. */
  parentStep?: { e: string; record: number; account: string; region: string };
  /** Runbook variables (aws:updateVariable), typed. */
  variables?: Record<string, unknown>;
  /** Change requests: where the workflow is. */
  change?: ChangeState;
  /** Change Calendar names the execution must respect (Automation preferences, Change Manager). */
  calendars?: string[];
}

export interface RateEntry {
  /** The parameters this child gets on top of the parent's (the target parameter's value, a TargetMaps entry). */
  params: Record<string, string[]>;
  /** TargetLocations: the child runs in this account and Region. */
  account?: string;
  region?: string;
}

export interface RateState {
  entries: RateEntry[];
  /** The child execution of each entry (null until started, or when it could not start). */
  children: (string | null)[];
  next: number;
  inFlight: number;
  concurrency: number;
  maxErrors: number;
  errors: number;
  completed: number;
  stopped?: boolean;
  /** The request each child is started with (its Parameters merged with the entry's). */
  request: Record<string, unknown>;
}

export interface ChangeState {
  /** PendingApproval -> Approved -> Scheduled -> (PendingChangeCalendarOverride) -> RunbookInProgress -> Completed*. */
  phase: 'approval' | 'scheduled' | 'calendar' | 'runbook' | 'done';
  /** The template's approval steps, in order; index of the current one. */
  approvalStep: number;
  approvals: number;
  scheduledEnd?: number;
  autoApprove?: boolean;
  child?: string;
}

/** An AutomationExecution as stored: the wire shape with the members every record has, and the engine's state. */
export interface ExecutionRecord extends Omit<AutomationExecution, 'StepExecutions' | 'StepExecutionsTruncated'> {
  /** Creation order in the region (listing is newest first). */
  Seq: number;
  AutomationExecutionId: string;
  DocumentName: string;
  DocumentVersion: string;
  ExecutionStartTime: number;
  AutomationExecutionStatus: AutomationExecutionStatus;
  StepExecutions: StepRecord[];
  Parameters: Record<string, string[]>;
  Mode: ExecutionMode;
  ExecutedBy: string;
  /** AutomationExecutionMetadata's (DescribeAutomationExecutions). */
  AutomationType: AutomationType;
  Tags: Tag[];
  /** The AssumeRole the runbook named (recorded; IAM is not evaluated). */
  AssumeRole?: string;
  E: ExecutionEngine;
}

export interface PreviewRecord {
  ExecutionPreviewId: string;
  Status: 'Pending' | 'InProgress' | 'Success' | 'Failed';
  StatusMessage?: string;
  /** Epoch seconds. */
  EndedAt?: number;
  StepPreviews?: Record<string, number>;
  Regions?: string[];
  TargetPreviews?: { Count: number; TargetType: string }[];
  TotalAccounts?: number;
  /** Epoch seconds: when it was started (previews are kept 24 hours... see preview.ts). */
  StartedAt: number;
}

/**
 * A canned result of an aws:executeScript or aws:invokeLambdaFunction step, keyed by runbook and step
 * (like a node's Behaviors for Run Command): no code ever runs on the host.
 */
export interface StepBehavior {
  DocumentName: string;
  StepName: string;
  /** executeScript: the handler's return value; invokeLambdaFunction: the function's response payload. */
  Payload?: unknown;
  /** invokeLambdaFunction: FunctionError ("Unhandled") makes the step fail; executeScript: fails with this error text. */
  FunctionError?: string;
  /** invokeLambdaFunction: the HTTP status (200 by default). */
  StatusCode?: number;
  LogResult?: string;
  /** A failure message for the step (the script raised). */
  Error?: string;
  DurationSeconds?: number;
}

export interface AutomationSlice {
  executions: Record<string, ExecutionRecord>;
  seq: number;
  previews: Record<string, PreviewRecord>;
  /** `${DocumentName}\u0000${StepName}` -> behaviour. */
  behaviors: Record<string, StepBehavior>;
  /** Automation preferences: the change calendars every execution must respect (empty: none). */
  calendarNames: string[];
  /** Automation preferences: failed executions create OpsItems (stands in for an EventBridge rule; sim/automation/opsitems.ts). */
  opsItemOnFailure?: boolean;
  /** Finished executions dropped because the region held the most the emulator keeps (engine.ts enforceExecutionCap). */
  evicted?: number;
}

/** AutomationExecutionStatus (the model's enum): executions and their steps. */
export const AUTOMATION_STATUSES = [
  'Pending', 'InProgress', 'Waiting', 'Success', 'TimedOut', 'Cancelling', 'Cancelled', 'Failed', 'PendingApproval', 'Approved',
  'Rejected', 'Scheduled', 'RunbookInProgress', 'PendingChangeCalendarOverride', 'ChangeCalendarOverrideApproved',
  'ChangeCalendarOverrideRejected', 'CompletedWithSuccess', 'CompletedWithFailure', 'Exited',
] as const satisfies readonly AutomationExecutionStatus[];

const status = oneOf(...AUTOMATION_STATUSES);
const wireParameters = rec(arr(str));
const object = { type: 'object' };
const programStep = obj({ name: str, action: str, inputs: anyJson, options: object });
const stepSchema = obj(
  { StepName: str, Action: str, StepStatus: status, StepExecutionId: str },
  {
    TimeoutSeconds: num, OnFailure: str, MaxAttempts: num, IsEnd: bool, NextStep: str, IsCritical: bool, ExecutionStartTime: num, ExecutionEndTime: num,
    ResponseCode: str, Inputs: rec(str), Outputs: wireParameters, Response: str, FailureMessage: str,
    FailureDetails: obj({}, { FailureStage: str, FailureType: str, Details: wireParameters }), OverriddenParameters: wireParameters,
    ValidNextSteps: arr(str), Targets: targetList, TargetLocation: targetLocation, TriggeredAlarms: arr(obj({ Name: str, State: str })),
    ParentStepDetails: obj({}, { StepExecutionId: str, StepName: str, Action: str, Iteration: int, IteratorValue: str }),
  },
);
const engineSchema = obj(
  { docOutputs: arr(str), outputs: rec(object), cursor: int, attempt: int },
  {
    program: arr(programStep), record: int, executed: int, deadline: num,
    wait: obj({ kind: oneOf('sleep', 'poll', 'signal', 'child', 'command', 'cancelling', 'calendar', 'schedule') }, { until: num, data: object }),
    loop: obj({ loop: int, record: int, iteration: int, steps: arr(programStep), at: int }, { iterators: arr(anyJson) }),
    criticalFailure: oneOf('Failed', 'TimedOut', 'Cancelled'), failureMessage: str, cancel: bool, cancelWorkflow: bool,
    rate: obj(
      {
        entries: arr(obj({ params: wireParameters }, { account: str, region: str })),
        // null until the entry's child has started (or when it could not start)
        children: arr({ type: ['string', 'null'] }),
        next: int, inFlight: int, concurrency: int, maxErrors: int, errors: int, completed: int, request: object,
      },
      { stopped: bool },
    ),
    origin: obj({ kind: str, id: str }),
    parentStep: obj({ e: str, record: int, account: str, region: str }),
    variables: object,
    change: obj(
      { phase: oneOf('approval', 'scheduled', 'calendar', 'runbook', 'done'), approvalStep: int, approvals: int },
      { scheduledEnd: num, autoApprove: bool, child: str },
    ),
    calendars: arr(str),
  },
);
const executionSchema = obj(
  {
    Seq: int, AutomationExecutionId: str, DocumentName: str, DocumentVersion: str, ExecutionStartTime: num, AutomationExecutionStatus: status,
    StepExecutions: arr(stepSchema), Parameters: wireParameters, Mode: oneOf('Auto', 'Interactive'), ExecutedBy: str,
    AutomationType: oneOf('CrossAccount', 'Local'), Tags: tagList, E: engineSchema,
  },
  {
    AssumeRole: str, ExecutionEndTime: num, Outputs: wireParameters, FailureMessage: str, ParentAutomationExecutionId: str, CurrentStepName: str,
    CurrentAction: str, TargetParameterName: str, Targets: targetList, TargetMaps: targetMaps,
    ResolvedTargets: obj({}, { ParameterValues: arr(str), Truncated: bool }), MaxConcurrency: str, MaxErrors: str, Target: str,
    TargetLocations: arr(targetLocation), AlarmConfiguration: alarmConfiguration, TriggeredAlarms: arr(obj({ Name: str, State: str })),
    TargetLocationsURL: str, AutomationSubtype: oneOf('ChangeRequest', 'AccessRequest'), ScheduledTime: num,
    Runbooks: arr(
      obj(
        { DocumentName: str },
        { DocumentVersion: str, Parameters: wireParameters, TargetParameterName: str, Targets: targetList, TargetMaps: targetMaps, MaxConcurrency: str, MaxErrors: str, TargetLocations: arr(targetLocation) },
      ),
    ),
    OpsItemId: str, AssociationId: str, ChangeRequestName: str, Variables: wireParameters,
  },
);
const previewSchema = obj(
  { ExecutionPreviewId: str, Status: oneOf('Pending', 'InProgress', 'Success', 'Failed'), StartedAt: num },
  { StatusMessage: str, EndedAt: num, StepPreviews: rec(int), Regions: arr(str), TargetPreviews: arr(obj({ Count: int, TargetType: str })), TotalAccounts: int },
);
const behaviorSchema = obj(
  { DocumentName: str, StepName: str },
  { Payload: anyJson, FunctionError: str, StatusCode: int, LogResult: str, Error: str, DurationSeconds: num },
);

export const automationSlice = defineSlice<AutomationSlice>(
  'automation',
  () => ({ executions: {}, seq: 0, previews: {}, behaviors: {}, calendarNames: [] }),
  obj(
    { executions: rec(executionSchema), seq: int, previews: rec(previewSchema), behaviors: rec(behaviorSchema), calendarNames: arr(str) },
    { opsItemOnFailure: bool, evicted: int },
  ),
);

export const automationOf = (ctx: { scope: Ctx['scope'] }) => automationSlice.of(ctx.scope);

export function getExecution(ctx: { scope: Ctx['scope'] }, id: string): ExecutionRecord | undefined {
  const all = automationOf(ctx).executions;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

export function getPreview(ctx: { scope: Ctx['scope'] }, id: string): PreviewRecord | undefined {
  const all = automationOf(ctx).previews;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

export const behaviorKey = (documentName: string, stepName: string) => `${documentName}\u0000${stepName}`;

export function getBehavior(ctx: { scope: Ctx['scope'] }, documentName: string, stepName: string): StepBehavior | undefined {
  const all = automationOf(ctx).behaviors;
  const key = behaviorKey(documentName, stepName);
  return Object.hasOwn(all, key) ? all[key] : undefined;
}

// ---- derived index: executions in start order ----

const orders = new WeakMap<AutomationSlice, ExecutionRecord[]>();

/** Executions oldest first (cached; kept in step by addExecution). */
export function executionsInOrder(ctx: { scope: Ctx['scope'] }): readonly ExecutionRecord[] {
  const slice = automationOf(ctx);
  let list = orders.get(slice);
  if (!list) {
    list = Object.values(slice.executions).sort((a, b) => a.Seq - b.Seq);
    orders.set(slice, list);
  }
  return list;
}

export function addExecution(ctx: { scope: Ctx['scope'] }, ex: ExecutionRecord): void {
  const slice = automationOf(ctx);
  const list = executionsInOrder(ctx) as ExecutionRecord[];
  slice.executions[ex.AutomationExecutionId] = ex;
  list.push(ex);
}

/** Drops executions (finished ones, the engine's history cap) from the slice and the order. */
export function removeExecutions(ctx: { scope: Ctx['scope'] }, gone: ReadonlySet<ExecutionRecord>): void {
  const slice = automationOf(ctx);
  for (const ex of gone) delete slice.executions[ex.AutomationExecutionId];
  const list = executionsInOrder(ctx) as ExecutionRecord[];
  let kept = 0;
  for (const ex of list) if (!gone.has(ex)) list[kept++] = ex;
  list.length = kept;
}
