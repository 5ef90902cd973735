/**
 * Maintenance windows on the virtual clock: a window opens at each run of its schedule and runs its
 * tasks on its targets until the cutoff; every step is a scheduler task, so executions persist,
 * snapshot and replay.
 *
 *   open (scheduled run)   a new execution, PENDING then IN_PROGRESS; SKIPPED_OVERLAPPING instead
 *                          when the window's previous execution has not finished. The next run is
 *                          scheduled at once, so advancing a year runs every execution in order.
 *   tasks                  by Priority, lowest first; tasks of one priority run in parallel, the next
 *                          priority starts when they have all ended. A window without tasks ends
 *                          SUCCESS "No tasks to execute."
 *   a task                 resolves its targets when it starts (nodes added since registration are
 *                          included): one invocation per node (or one, without targets), at most
 *                          MaxConcurrency at a time; the nodes of one window target are done before
 *                          the next window target's start ("If a single maintenance window task is
 *                          registered with multiple targets, its task invocations occur
 *                          sequentially"); when errors exceed MaxErrors no new invocation starts.
 *     RUN_COMMAND          one Run Command command per node (createCommand, origin
 *                          'maintenance-window'): the command is in ListCommands, its id is the
 *                          invocation's ExecutionId; commandWatchers report how it ended.
 *     AUTOMATION           through the automationStarter port; without a provider the invocation
 *                          FAILS, saying Automation is not available here.
 *     LAMBDA, STEP_FUNCTIONS   not run: simulated, ending after a few seconds with the outcome set by
 *                          the control API (default SUCCESS), and saying so in StatusDetails.
 *   cutoff (end of window minus Cutoff hours)   no task starts from now on. Running tasks follow
 *                          their CutoffBehavior: CONTINUE_TASK (default) runs on, starting new
 *                          invocations until done; CANCEL_TASK starts no new invocation and cancels
 *                          running Run Command commands; such a task ends TIMED_OUT.
 *   CancelMaintenanceWindowExecution   CANCELLING: no task starts any more; running tasks run to
 *                          completion; then CANCELLED.
 *   the end                task status: FAILED when an invocation failed, TIMED_OUT when one timed
 *                          out (or the cutoff stopped it), CANCELLED, else SUCCESS. Execution status:
 *                          CANCELLED when cancelled; FAILED "One or more tasks in the orchestration
 *                          failed." when a task failed; TIMED_OUT when a task timed out or tasks
 *                          never started before the cutoff; else SUCCESS [the aggregation is
 *                          unverified beyond AWS's published examples].
 *   + 30 days              the execution is deleted ("Maintenance Window execution history retention:
 *                          30 days", service quotas).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import type { AutomationExecutionStatus, MaintenanceWindowExecutionStatus, StartAutomationExecutionRequest } from '../../generated/ssm/types.js';
import { automationStarter, automationUnavailable, type AutomationOrigin } from '../automation/starter.js';
import { createCommand, getCommand, requestCancel, type CommandRecord } from '../commands/index.js';
import { resolveDocument, resolveParameters, type ResolvedDocument } from '../documents/index.js';
import { getInstance, instanceArn, instanceResourceType, isVisible, resolveTargets } from '../fleet/index.js';
import { emitExecution, emitInvocation, emitTaskExecution } from './events.js';
import * as messages from './messages.js';
import { substituteParameters, substitutePseudo, type PseudoValues } from './pseudo.js';
import { nextRunOf } from './schedule.js';
import {
  getExecution,
  getOutcome,
  getTarget,
  getTask,
  getWindow,
  isExecutionTerminal,
  tasksInOrder,
  windowsOf,
  type ExecutionRecord,
  type InvocationRecord,
  type InvocationTarget,
  type SimulatedOutcome,
  type TaskExecutionRecord,
  type TaskRecord,
  type WindowRecord,
} from './state.js';

export const TASKS = {
  open: 'maintenance-windows.open',
  cutoff: 'maintenance-windows.cutoff',
  simulated: 'maintenance-windows.simulated',
  purge: 'maintenance-windows.purge',
} as const;

/** Origin.kind of the commands and Automation executions windows start. */
export const ORIGIN_KIND = 'maintenance-window';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** "Maintenance Window execution history retention: 30 days" (Systems Manager service quotas). */
export const RETENTION_MS = 30 * DAY;
/** How long a simulated LAMBDA / STEP_FUNCTIONS invocation runs unless its outcome says otherwise. */
export const SIMULATED_SECONDS = 5;

/** The role AWS reports when a task names none ("uses a service-linked role in your account"). */
export const serviceLinkedRole = (account: string) => `arn:aws:iam::${account}:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM`;

const keyOf = (ctx: Ctx, ...parts: string[]) => `maintenance-windows:${ctx.account}:${ctx.region}:${parts.join(':')}`;

function schedule(ctx: Ctx, kind: string, at: number, key: string, payload: unknown): void {
  ctx.emu.scheduler.schedule({ at, kind, account: ctx.account, region: ctx.region, key, payload });
}

// ──────────────────────────────────────────── opening ────────────────────────────────────────────

/** (Re)schedules the window's next opening after `after` (none when disabled or its runs are over). */
export function scheduleNextOpen(ctx: Ctx, w: WindowRecord, after = ctx.now): void {
  const key = keyOf(ctx, w.WindowId, 'open');
  ctx.emu.scheduler.cancel(key);
  const at = nextRunOf(w, after);
  if (at !== undefined) schedule(ctx, TASKS.open, at, key, { w: w.WindowId });
}

/** A deleted window: nothing of it is scheduled any more, and its executions go with it. */
export function forgetWindow(ctx: Ctx, w: WindowRecord): void {
  ctx.emu.scheduler.cancel(keyOf(ctx, w.WindowId, 'open'));
  const slice = windowsOf(ctx);
  for (const id of w.Executions) {
    ctx.emu.scheduler.cancel(keyOf(ctx, id, 'cutoff'));
    ctx.emu.scheduler.cancel(keyOf(ctx, id, 'purge'));
    delete slice.executions[id];
  }
  delete slice.windows[w.WindowId];
}

/** Opens the window now: a new execution (the scheduler's run, or the control API's force-open). */
export function openWindow(ctx: Ctx, w: WindowRecord): ExecutionRecord {
  const slice = windowsOf(ctx);
  const now = toEpochSeconds(ctx.now);
  const exec: ExecutionRecord = {
    Seq: ++slice.executionSeq,
    WindowId: w.WindowId,
    WindowExecutionId: ctx.emu.ids.uuid(),
    Status: 'PENDING',
    StartTime: now,
    Tasks: [],
    Engine: { cutoffAt: ctx.now + (w.Duration - w.Cutoff) * HOUR, endAt: ctx.now + w.Duration * HOUR, pending: [] },
  };
  slice.executions[exec.WindowExecutionId] = exec;
  w.Executions.push(exec.WindowExecutionId);
  schedule(ctx, TASKS.purge, ctx.now + RETENTION_MS, keyOf(ctx, exec.WindowExecutionId, 'purge'), { e: exec.WindowExecutionId });

  const running = w.Running !== undefined ? getExecution(ctx, w.Running) : undefined;
  if (running && !isExecutionTerminal(running.Status)) {
    exec.Status = 'SKIPPED_OVERLAPPING';
    exec.EndTime = now;
    emitExecution(ctx, exec);
    return exec;
  }
  emitExecution(ctx, exec);
  w.Running = exec.WindowExecutionId;
  setExecution(ctx, exec, 'IN_PROGRESS');

  const byPriority = new Map<number, string[]>();
  for (const t of tasksInOrder(w)) {
    const list = byPriority.get(t.Priority) ?? [];
    list.push(t.WindowTaskId);
    byPriority.set(t.Priority, list);
  }
  exec.Engine.pending = [...byPriority.entries()].sort(([a], [b]) => a - b).map(([priority, tasks]) => ({ priority, tasks }));
  if (exec.Engine.pending.length) schedule(ctx, TASKS.cutoff, exec.Engine.cutoffAt, keyOf(ctx, exec.WindowExecutionId, 'cutoff'), { e: exec.WindowExecutionId });
  startNextPriority(ctx, w, exec);
  return exec;
}

function setExecution(ctx: Ctx, exec: ExecutionRecord, status: MaintenanceWindowExecutionStatus, details?: string): void {
  exec.Status = status;
  if (details !== undefined) exec.StatusDetails = details;
  if (isExecutionTerminal(status)) exec.EndTime = toEpochSeconds(ctx.now);
  emitExecution(ctx, exec);
}

/** Starts the next priority's tasks, or ends the execution when none may start. */
function startNextPriority(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord): void {
  const e = exec.Engine;
  while (e.pending.length) {
    if (e.cancelRequested || ctx.now >= e.cutoffAt) {
      if (!e.cancelRequested) e.skippedByCutoff = (e.skippedByCutoff ?? 0) + e.pending.reduce((n, p) => n + p.tasks.length, 0);
      e.pending = [];
      break;
    }
    const group = e.pending.shift()!;
    e.starting = true;
    for (const id of group.tasks) {
      const task = getTask(w, id);
      if (task) startTask(ctx, w, exec, task);
    }
    delete e.starting;
    if (exec.Tasks.some((t) => !isExecutionTerminal(t.Status))) return;
  }
  finishExecution(ctx, w, exec);
}

function finishExecution(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord): void {
  const tasks = exec.Tasks;
  const e = exec.Engine;
  ctx.emu.scheduler.cancel(keyOf(ctx, exec.WindowExecutionId, 'cutoff'));
  if (w.Running === exec.WindowExecutionId) delete w.Running;
  if (e.cancelRequested) setExecution(ctx, exec, 'CANCELLED');
  else if (tasks.some((t) => t.Status === 'FAILED')) setExecution(ctx, exec, 'FAILED', messages.tasksFailed());
  else if (e.skippedByCutoff) setExecution(ctx, exec, 'TIMED_OUT', messages.cutoffReached(e.skippedByCutoff));
  else if (tasks.some((t) => t.Status === 'TIMED_OUT')) setExecution(ctx, exec, 'TIMED_OUT');
  else if (tasks.length === 0) setExecution(ctx, exec, 'SUCCESS', messages.noTasks());
  else setExecution(ctx, exec, 'SUCCESS');
}

/** A task of the execution ended: the next priority may start. */
function taskEnded(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord): void {
  if (exec.Engine.starting || exec.Tasks.some((t) => !isExecutionTerminal(t.Status))) return;
  startNextPriority(ctx, w, exec);
}

// ───────────────────────────────────────────── tasks ─────────────────────────────────────────────

function startTask(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord, task: TaskRecord): void {
  const te: TaskExecutionRecord = {
    TaskExecutionId: ctx.emu.ids.uuid(),
    WindowTaskId: task.WindowTaskId,
    Task: structuredClone(task),
    ServiceRole: task.ServiceRoleArn ?? serviceLinkedRole(ctx.account),
    Status: 'IN_PROGRESS',
    StartTime: toEpochSeconds(ctx.now),
    Invocations: [],
    Engine: { queue: [], next: 0, inFlight: 0, concurrency: 1, maxErrors: 0, errors: 0 },
  };
  exec.Tasks.push(te);
  emitTaskExecution(ctx, exec, te);
  try {
    te.Engine.queue = invocationTargets(ctx, w, task);
    // A document that cannot run fails the task once, before any invocation.
    if (task.Type === 'RUN_COMMAND') runCommandDocument(ctx, te);
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    endTask(ctx, w, exec, te, 'FAILED', err.message);
    return;
  }
  const n = te.Engine.queue.length;
  te.Engine.concurrency = n ? resolveRate(task.MaxConcurrency, n, 1) : 1;
  te.Engine.maxErrors = n ? resolveRate(task.MaxErrors, n, 0) : 0;
  advanceTask(ctx, w, exec, te);
}

/** MaxConcurrency / MaxErrors: a number or a percentage of the invocations (rounded down). */
function resolveRate(value: string, n: number, floor: number): number {
  const v = value.endsWith('%') ? Math.floor((Number(value.slice(0, -1)) * n) / 100) : Number(value);
  return Math.max(floor, v);
}

/** What the task runs on, in order: window targets one after another, or the instance ids it names. */
function invocationTargets(ctx: Ctx, w: WindowRecord, task: TaskRecord): InvocationTarget[] {
  const spec = task.Targets[0];
  if (!spec) return [{ group: 0 }];
  const values = spec.Values ?? [];
  if (spec.Key?.toLowerCase() === 'instanceids') {
    return values.map((id) => {
      const node = getInstance(ctx, id);
      if (!node || !isVisible(node)) return { resourceId: id, targetId: id, targetType: 'INSTANCE', group: 0, problem: messages.notManagedNode(id) };
      return { resourceId: id, targetId: id, resourceType: instanceResourceType(node), targetType: 'INSTANCE', group: 0 };
    });
  }
  const out: InvocationTarget[] = [];
  values.forEach((targetId, group) => {
    const target = getTarget(w, targetId);
    if (!target) return; // deregistered since (without Safe): nothing to run on
    const nodes = resolveTargets(
      ctx,
      { Targets: target.Targets },
      { profile: 'maintenance-window', unknownInstanceIds: 'ignore', invalidTarget: (m) => new ValidationException(m) },
    ).instances;
    for (const node of nodes) {
      out.push({
        resourceId: node.InstanceId,
        targetId: target.ResourceType === 'RESOURCE_GROUP' ? instanceArn(ctx, node) : node.InstanceId,
        resourceType: instanceResourceType(node),
        targetType: target.ResourceType,
        windowTargetId: targetId,
        ...(target.OwnerInformation !== undefined && { ownerInformation: target.OwnerInformation }),
        group,
      });
    }
  });
  return out;
}

/** Starts invocations while the task has room; ends the task when nothing is left to run. */
function advanceTask(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord, te: TaskExecutionRecord): void {
  const e = te.Engine;
  e.dispatching = true;
  while (!e.stopped && e.inFlight < e.concurrency && e.next < e.queue.length) {
    const item = e.queue[e.next]!;
    // The next window target's nodes wait until the previous one's invocations have all ended.
    if (e.next > 0 && item.group !== e.queue[e.next - 1]!.group && e.inFlight > 0) break;
    e.next++;
    e.inFlight++;
    startInvocation(ctx, w, exec, te, item);
  }
  delete e.dispatching;
  if (e.inFlight === 0 && (e.stopped || e.next >= e.queue.length)) finishTask(ctx, w, exec, te);
}

function finishTask(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord, te: TaskExecutionRecord): void {
  if (isExecutionTerminal(te.Status)) return;
  const has = (s: MaintenanceWindowExecutionStatus) => te.Invocations.some((i) => i.Status === s);
  const e = te.Engine;
  if (e.stopped === 'cutoff' && (e.next < e.queue.length || has('TIMED_OUT') || has('CANCELLED'))) endTask(ctx, w, exec, te, 'TIMED_OUT', messages.stoppedAtCutoff());
  else if (has('FAILED')) endTask(ctx, w, exec, te, 'FAILED');
  else if (has('TIMED_OUT')) endTask(ctx, w, exec, te, 'TIMED_OUT');
  else if (has('CANCELLED')) endTask(ctx, w, exec, te, 'CANCELLED');
  else endTask(ctx, w, exec, te, 'SUCCESS', e.queue.length ? undefined : messages.noTargetsResolved());
}

function endTask(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord, te: TaskExecutionRecord, status: MaintenanceWindowExecutionStatus, details?: string): void {
  te.Status = status;
  if (details !== undefined) te.StatusDetails = details.slice(0, 250);
  te.EndTime = toEpochSeconds(ctx.now);
  emitTaskExecution(ctx, exec, te);
  taskEnded(ctx, w, exec);
}

// ────────────────────────────────────────── invocations ──────────────────────────────────────────

function startInvocation(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord, te: TaskExecutionRecord, item: InvocationTarget): void {
  const task = te.Task;
  const inv: InvocationRecord = {
    InvocationId: ctx.emu.ids.uuid(),
    TaskType: task.Type,
    Status: 'IN_PROGRESS',
    StartTime: toEpochSeconds(ctx.now),
    ...(item.ownerInformation !== undefined && { OwnerInformation: item.ownerInformation }),
    ...(item.windowTargetId !== undefined && { WindowTargetId: item.windowTargetId }),
    ...(item.resourceId !== undefined && { ResourceId: item.resourceId }),
  };
  te.Invocations.push(inv);
  const origin = `${exec.WindowExecutionId}/${te.TaskExecutionId}/${inv.InvocationId}`;
  const values = pseudoValues(ctx, w, exec, te, inv, item);
  let ended: { status: MaintenanceWindowExecutionStatus; details: string } | undefined;
  try {
    if (item.problem) ended = { status: 'FAILED', details: item.problem };
    else if (task.Type === 'RUN_COMMAND') startCommandInvocation(ctx, te, inv, item, values, origin);
    else if (task.Type === 'AUTOMATION') ended = startAutomationInvocation(ctx, te, inv, values, origin);
    else startSimulatedInvocation(ctx, exec, te, inv, values);
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    ended = { status: 'FAILED', details: err.message };
  }
  emitInvocation(ctx, exec, te, inv);
  if (ended) endInvocation(ctx, w, exec, te, inv, ended.status, ended.details);
}

function pseudoValues(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord, te: TaskExecutionRecord, inv: InvocationRecord, item: InvocationTarget): PseudoValues {
  const task = te.Task;
  const rc = task.TaskInvocationParameters?.RunCommand;
  const bucket = task.LoggingInfo?.S3BucketName ?? rc?.OutputS3BucketName;
  return {
    RESOURCE_ID: item.resourceId,
    RESOURCE_TYPE: item.resourceType,
    TARGET_ID: item.targetId,
    TARGET_TYPE: item.targetType,
    WINDOW_ID: w.WindowId,
    WINDOW_TASK_ID: task.WindowTaskId,
    WINDOW_TARGET_ID: item.windowTargetId,
    WINDOW_EXECUTION_ID: exec.WindowExecutionId,
    TASK_EXECUTION_ID: te.TaskExecutionId,
    INVOCATION_ID: inv.InvocationId,
    LOGGING_S3_BUCKET_NAME: bucket,
    LOGGING_S3_KEY_PREFIX: bucket === undefined ? undefined : (task.LoggingInfo?.S3KeyPrefix ?? rc?.OutputS3KeyPrefix ?? ''),
    LOGGING_S3_REGION: bucket === undefined ? undefined : (task.LoggingInfo?.S3Region ?? ctx.region),
  };
}

/**
 * The Run Command document a task execution runs, resolved when the task starts (InvalidDocument and
 * friends fail the task) and kept for its invocations: derived from the record, so a cache that a
 * restored snapshot rebuilds.
 */
const documents = new WeakMap<TaskExecutionRecord, ResolvedDocument>();

function runCommandDocument(ctx: Ctx, te: TaskExecutionRecord): ResolvedDocument {
  let doc = documents.get(te);
  if (!doc) {
    const task = te.Task;
    const rc = task.TaskInvocationParameters?.RunCommand;
    doc = resolveDocument(ctx, { name: task.TaskArn, version: rc?.DocumentVersion, hash: rc?.DocumentHash, hashType: rc?.DocumentHashType }, { types: ['Command'] });
    documents.set(te, doc);
  }
  return doc;
}

/**
 * The task's parameters: TaskInvocationParameters' when it has any; the deprecated TaskParameters
 * otherwise ("uses specified values for TaskParameters and LoggingInfo only if no values are
 * specified for TaskInvocationParameters").
 */
function runCommandParameters(task: TaskRecord): Record<string, string[]> | undefined {
  const rc = task.TaskInvocationParameters?.RunCommand;
  if (rc) return rc.Parameters;
  if (!task.TaskParameters) return undefined;
  return Object.fromEntries(Object.entries(task.TaskParameters).map(([k, v]) => [k, v.Values ?? []]));
}

/** Sorted keys, no undefined members: the request as AWS's Parameters text shows it. */
const requestText = (o: Record<string, unknown>) =>
  JSON.stringify(Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))));

function startCommandInvocation(ctx: Ctx, te: TaskExecutionRecord, inv: InvocationRecord, item: InvocationTarget, values: PseudoValues, origin: string): void {
  const task = te.Task;
  const rc = task.TaskInvocationParameters?.RunCommand;
  const supplied = substituteParameters(runCommandParameters(task), values, true);
  const outputBucket = rc ? rc.OutputS3BucketName : task.LoggingInfo?.S3BucketName;
  const outputPrefix = rc ? rc.OutputS3KeyPrefix : task.LoggingInfo?.S3KeyPrefix;
  inv.Parameters = requestText({
    comment: rc?.Comment,
    documentHash: rc?.DocumentHash,
    documentHashType: rc?.DocumentHashType,
    documentName: task.TaskArn,
    documentVersion: rc?.DocumentVersion,
    instanceIds: [item.resourceId],
    maxConcurrency: task.MaxConcurrency,
    maxErrors: task.MaxErrors,
    outputS3BucketName: outputBucket,
    outputS3KeyPrefix: outputPrefix,
    parameters: supplied,
    serviceRoleArn: rc?.ServiceRoleArn,
    timeoutSeconds: rc?.TimeoutSeconds,
  });
  const doc = runCommandDocument(ctx, te);
  const parameters = resolveParameters(doc, supplied);
  const cmd = createCommand(ctx, {
    document: doc,
    parameters,
    nodes: [getInstance(ctx, item.resourceId!)!],
    documentVersion: rc?.DocumentVersion,
    instanceIds: [item.resourceId!],
    comment: rc?.Comment,
    timeoutSeconds: rc?.TimeoutSeconds,
    maxConcurrency: task.MaxConcurrency,
    maxErrors: task.MaxErrors,
    outputS3BucketName: outputBucket,
    outputS3KeyPrefix: outputPrefix,
    serviceRoleArn: rc?.ServiceRoleArn,
    notificationConfig: rc?.NotificationConfig,
    cloudWatchOutputConfig: rc?.CloudWatchOutputConfig,
    alarmConfiguration: task.AlarmConfiguration,
    origin: { kind: ORIGIN_KIND, id: origin },
  });
  inv.ExecutionId = cmd.CommandId;
}

function startAutomationInvocation(
  ctx: Ctx,
  te: TaskExecutionRecord,
  inv: InvocationRecord,
  values: PseudoValues,
  origin: string,
): { status: MaintenanceWindowExecutionStatus; details: string } | undefined {
  const task = te.Task;
  const auto = task.TaskInvocationParameters?.Automation;
  const request: StartAutomationExecutionRequest = {
    DocumentName: task.TaskArn,
    ...(auto?.DocumentVersion !== undefined && { DocumentVersion: auto.DocumentVersion }),
    ...(auto?.Parameters && { Parameters: substituteParameters(auto.Parameters, values, false) }),
  };
  inv.Parameters = requestText({ documentName: request.DocumentName, documentVersion: request.DocumentVersion, parameters: request.Parameters });
  const starter = ctx.emu.ports.one(automationStarter);
  if (!starter) return { status: 'FAILED', details: automationUnavailable() };
  inv.ExecutionId = starter.start(ctx, request, { kind: ORIGIN_KIND, id: origin });
  return undefined;
}

function startSimulatedInvocation(ctx: Ctx, exec: ExecutionRecord, te: TaskExecutionRecord, inv: InvocationRecord, values: PseudoValues): void {
  const task = te.Task;
  const set = getOutcome(ctx, task.TaskArn) ?? getOutcome(ctx, '*');
  const outcome: SimulatedOutcome = set ?? { Status: 'SUCCESS' };
  const service = task.Type === 'LAMBDA' ? 'AWS Lambda' : 'AWS Step Functions';
  if (task.Type === 'LAMBDA') {
    const lambda = task.TaskInvocationParameters?.Lambda;
    const payload = lambda?.Payload === undefined ? undefined : substitutePseudo(Buffer.from(lambda.Payload, 'base64').toString('utf8'), values, false);
    inv.ExecutionId = ctx.emu.ids.uuid();
    inv.Parameters = requestText({ clientContext: lambda?.ClientContext, functionName: task.TaskArn, payload, qualifier: lambda?.Qualifier });
  } else {
    const sf = task.TaskInvocationParameters?.StepFunctions;
    const name = sf?.Name ?? ctx.emu.ids.uuid();
    const machine = task.TaskArn.split(':').pop() ?? task.TaskArn;
    inv.ExecutionId = `arn:aws:states:${ctx.region}:${ctx.account}:execution:${machine}:${name}`;
    inv.Parameters = requestText({ input: sf?.Input === undefined ? undefined : substitutePseudo(sf.Input, values, false), name: sf?.Name, stateMachineArn: task.TaskArn });
  }
  const details = outcome.StatusDetails ?? messages.simulated(service, outcome.Status, set ? 'set' : 'default');
  schedule(ctx, TASKS.simulated, ctx.now + (outcome.DurationSeconds ?? SIMULATED_SECONDS) * 1000, keyOf(ctx, inv.InvocationId, 'simulated'), {
    e: exec.WindowExecutionId,
    t: te.TaskExecutionId,
    i: inv.InvocationId,
    s: outcome.Status,
    d: details,
  });
}

/** An invocation ended: the task's counts, room for the next invocation, maybe the task's end. */
function endInvocation(
  ctx: Ctx,
  w: WindowRecord,
  exec: ExecutionRecord,
  te: TaskExecutionRecord,
  inv: InvocationRecord,
  status: MaintenanceWindowExecutionStatus,
  details?: string,
): void {
  if (isExecutionTerminal(inv.Status)) return;
  inv.Status = status;
  if (details !== undefined) inv.StatusDetails = details.slice(0, 250);
  inv.EndTime = toEpochSeconds(ctx.now);
  emitInvocation(ctx, exec, te, inv);
  const e = te.Engine;
  e.inFlight--;
  if ((status === 'FAILED' || status === 'TIMED_OUT') && ++e.errors > e.maxErrors && !e.stopped) e.stopped = 'errors';
  // Inside advanceTask's loop the loop itself goes on; otherwise this ending makes room.
  if (!e.dispatching) advanceTask(ctx, w, exec, te);
}

interface Located {
  w: WindowRecord;
  exec: ExecutionRecord;
  te: TaskExecutionRecord;
  inv: InvocationRecord;
}

/** Invocations of a task execution by id (derived from the record: a cache a restored snapshot rebuilds). */
const invocationIndexes = new WeakMap<TaskExecutionRecord, Map<string, InvocationRecord>>();

function findInvocation(te: TaskExecutionRecord, id: string): InvocationRecord | undefined {
  let index = invocationIndexes.get(te);
  if (!index) invocationIndexes.set(te, (index = new Map()));
  // Invocations are only ever appended: index the new ones.
  for (let i = index.size; i < te.Invocations.length; i++) index.set(te.Invocations[i]!.InvocationId, te.Invocations[i]!);
  return index.get(id);
}

function locate(ctx: Ctx, executionId: string, taskExecutionId: string, invocationId: string): Located | undefined {
  const exec = getExecution(ctx, executionId);
  const w = exec && getWindow(ctx, exec.WindowId);
  const te = exec?.Tasks.find((t) => t.TaskExecutionId === taskExecutionId);
  const inv = te && findInvocation(te, invocationId);
  return w && exec && te && inv ? { w, exec, te, inv } : undefined;
}

const locateOrigin = (ctx: Ctx, origin: string) => {
  const [e, t, i] = origin.split('/');
  return e && t && i ? locate(ctx, e, t, i) : undefined;
};

/** Run Command told us a window's command has settled (provided as a commandWatchers implementation). */
export function commandSettled(ctx: Ctx, cmd: CommandRecord): void {
  const l = cmd.Origin && locateOrigin(ctx, cmd.Origin.id);
  if (!l) return;
  const run = cmd.Invocations[0];
  const detail = run?.StatusDetails ?? cmd.StatusDetails;
  let status: MaintenanceWindowExecutionStatus;
  switch (run?.Status ?? cmd.Status) {
    case 'Success':
      status = 'SUCCESS';
      break;
    case 'TimedOut':
      status = 'TIMED_OUT';
      break;
    case 'Cancelled':
      // "The status for tasks that are not completed is TIMED_OUT" when the cutoff cancelled them.
      status = l.te.Engine.stopped === 'cutoff' ? 'TIMED_OUT' : 'CANCELLED';
      break;
    default:
      status = 'FAILED';
  }
  endInvocation(ctx, l.w, l.exec, l.te, l.inv, status, detail);
}

const AUTOMATION_STATUS: Partial<Record<AutomationExecutionStatus, MaintenanceWindowExecutionStatus>> = {
  Success: 'SUCCESS',
  CompletedWithSuccess: 'SUCCESS',
  TimedOut: 'TIMED_OUT',
  Cancelled: 'CANCELLED',
};

/** Automation told us an execution a window started has ended (automationWatchers). */
export function automationSettled(ctx: Ctx, _executionId: string, status: AutomationExecutionStatus, origin: AutomationOrigin): void {
  const l = locateOrigin(ctx, origin.id);
  if (l) endInvocation(ctx, l.w, l.exec, l.te, l.inv, AUTOMATION_STATUS[status] ?? 'FAILED', status);
}

// ─────────────────────────────────────── cutoff and cancel ───────────────────────────────────────

function cutoff(ctx: Ctx, w: WindowRecord, exec: ExecutionRecord): void {
  exec.Engine.cutoffReached = true;
  for (const te of exec.Tasks) {
    if (isExecutionTerminal(te.Status) || te.Task.CutoffBehavior !== 'CANCEL_TASK') continue;
    te.Engine.stopped = 'cutoff';
    if (te.Task.Type === 'RUN_COMMAND') {
      // "the system sends a CancelCommand operation that attempts to cancel the command"
      for (const inv of te.Invocations) {
        const cmd = !isExecutionTerminal(inv.Status) && inv.ExecutionId ? getCommand(ctx, inv.ExecutionId) : undefined;
        if (cmd) requestCancel(ctx, cmd);
      }
    }
    if (te.Engine.inFlight === 0) finishTask(ctx, w, exec, te);
  }
  taskEnded(ctx, w, exec);
}

/** CancelMaintenanceWindowExecution: no task starts any more; running ones finish. */
export function cancelExecution(ctx: Ctx, exec: ExecutionRecord): void {
  if (isExecutionTerminal(exec.Status)) return;
  exec.Engine.cancelRequested = true;
  exec.Engine.pending = [];
  setExecution(ctx, exec, 'CANCELLING');
  const w = getWindow(ctx, exec.WindowId);
  if (w) taskEnded(ctx, w, exec);
}

// ──────────────────────────────────────────── tasks ────────────────────────────────────────────

interface ExecutionTask {
  e: string;
}

export const tasks = {
  [TASKS.open](task: { payload: { w: string } }, ctx: Ctx) {
    const w = getWindow(ctx, task.payload.w);
    if (!w?.Enabled) return;
    openWindow(ctx, w);
    scheduleNextOpen(ctx, w, ctx.now);
  },
  [TASKS.cutoff](task: { payload: ExecutionTask }, ctx: Ctx) {
    const exec = getExecution(ctx, task.payload.e);
    const w = exec && getWindow(ctx, exec.WindowId);
    if (w && exec && !isExecutionTerminal(exec.Status)) cutoff(ctx, w, exec);
  },
  [TASKS.simulated](task: { payload: { e: string; t: string; i: string; s: SimulatedOutcome['Status']; d: string } }, ctx: Ctx) {
    const p = task.payload;
    const l = locate(ctx, p.e, p.t, p.i);
    if (l) endInvocation(ctx, l.w, l.exec, l.te, l.inv, p.s, p.d);
  },
  [TASKS.purge](task: { payload: ExecutionTask }, ctx: Ctx) {
    const exec = getExecution(ctx, task.payload.e);
    if (!exec) return;
    if (!isExecutionTerminal(exec.Status)) {
      // Still running after 30 days (tasks that never end): purge once it has ended.
      schedule(ctx, TASKS.purge, ctx.now + DAY, keyOf(ctx, exec.WindowExecutionId, 'purge'), { e: exec.WindowExecutionId });
      return;
    }
    const w = getWindow(ctx, exec.WindowId);
    if (w) w.Executions = w.Executions.filter((id) => id !== exec.WindowExecutionId);
    delete windowsOf(ctx).executions[exec.WindowExecutionId];
  },
};
