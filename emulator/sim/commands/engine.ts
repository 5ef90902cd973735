/**
 * The Run Command engine: commands and their invocations move through AWS's lifecycle on the virtual
 * clock, as scheduler tasks (so they persist, snapshot, and run only when time passes).
 *
 * Timeline of an invocation (times from timing.ts):
 *
 *   SendCommand            command Pending, every invocation Pending (queued)
 *   dispatch (same instant, before the next request is answered)
 *                          up to MaxConcurrency invocations are sent: they count as in flight; the
 *                          command is InProgress. Invocations for nodes that no longer exist end
 *                          Failed/Undeliverable, nodes of a platform the document does not support
 *                          end Failed/InvalidPlatform, neither takes a slot.
 *   + DELIVERY_LATENCY     the agent receives it if it is connected: InProgress, the first step starts.
 *                          Otherwise the invocation stays Pending until the agent starts again.
 *   each step              in document order: skipped / failed for the platform (steps.ts), or
 *                          simulated (behaviours, plugin simulators) and ended by a task after its
 *                          virtual duration; the next step starts when the previous one's result is
 *                          reported (a node whose agent stopped meanwhile reports when it is back).
 *   last step              the invocation is Success, Failed or TimedOut (ExecutionTimedOut); its slot
 *                          frees and the next queued invocation is sent at the same instant.
 *   MaxErrors              when Failed + ExecutionTimedOut invocations exceed MaxErrors, nothing new is
 *                          sent: queued invocations end Cancelled/Terminated; those in flight finish.
 *   ExpiresAfter           (RequestedDateTime + TimeoutSeconds + the document's execution timeout)
 *                          every invocation not finished (queued, waiting for an agent, even running)
 *                          ends TimedOut/DeliveryTimedOut, as AWS documents for the total timeout.
 *   CancelCommand          Cancelling, then Cancelled after CANCEL_LATENCY (a running script keeps the
 *                          output it wrote until then).
 *   + 30 days              the command and its invocations are deleted.
 *
 * Every invocation has at most one pending task, keyed commands:<id>:<index>, so a cancel or an expiry
 * replaces whatever was next for it.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { agentConnected, type FleetInstance } from '../fleet/instance.js';
import { getInstance } from '../fleet/state.js';
import type { NodeFacts } from '../shell/index.js';
import { emitCommandStatus, emitInvocationStatus } from './events.js';
import { MAX_STDERR, MAX_STDOUT, truncateOutput } from './output.js';
import { outcomeStatus, type PluginOutcome, type PluginRun } from './plugins.js';
import {
  commandsOf,
  getCommand,
  removeCommand,
  takeWaiting,
  unwait,
  wait,
  type CommandRecord,
  type InvocationDetail,
  type InvocationRecord,
  type PendingOutcome,
  type PluginRecord,
} from './state.js';
import { decideStep, executionTimeoutSeconds, simulatorFor, startStep } from './steps.js';
import { CANCEL_LATENCY_MS, DELIVERY_LATENCY_MS, RETENTION_MS } from './timing.js';
import type { CommandInvocationStatus, CommandStatus } from '../../generated/ssm/types.js';

export const TASKS = {
  dispatch: 'commands.dispatch',
  deliver: 'commands.deliver',
  stepEnd: 'commands.stepEnd',
  resume: 'commands.resume',
  cancel: 'commands.cancel',
  expire: 'commands.expire',
  purge: 'commands.purge',
} as const;

interface CommandTask {
  c: string;
}
interface InvocationTask {
  c: string;
  i: number;
  /** stepEnd: the step that ends. */
  k?: number;
}

const invKey = (c: string, i: number) => `commands:${c}:${i}`;
const cmdKey = (c: string, what: string) => `commands:${c}:${what}`;

const TERMINAL: ReadonlySet<CommandInvocationStatus> = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled']);
export const isTerminal = (inv: Pick<InvocationRecord, 'Status'>) => TERMINAL.has(inv.Status);
const COMMAND_TERMINAL: ReadonlySet<CommandStatus> = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled']);
export const isCommandTerminal = (cmd: Pick<CommandRecord, 'Status'>) => COMMAND_TERMINAL.has(cmd.Status);

function schedule(ctx: Ctx, kind: string, at: number, key: string, payload: CommandTask | InvocationTask): void {
  ctx.emu.scheduler.schedule({ at, kind, account: ctx.account, region: ctx.region, key, payload });
}

// ─────────────────────────────────────────── start ────────────────────────────────────────────

/** Called by SendCommand once the command record (all invocations Pending) is stored. */
export function startCommand(ctx: Ctx, cmd: CommandRecord): void {
  schedule(ctx, TASKS.dispatch, ctx.now, cmdKey(cmd.CommandId, 'dispatch'), { c: cmd.CommandId });
  if (cmd.TargetCount > 0) schedule(ctx, TASKS.expire, Math.round(cmd.ExpiresAfter * 1000), cmdKey(cmd.CommandId, 'expire'), { c: cmd.CommandId });
  schedule(ctx, TASKS.purge, Math.round(cmd.RequestedDateTime * 1000) + RETENTION_MS, cmdKey(cmd.CommandId, 'purge'), { c: cmd.CommandId });
}

// ────────────────────────────────────────── statuses ──────────────────────────────────────────

function setInvocation(ctx: Ctx, cmd: CommandRecord, inv: InvocationRecord, status: CommandInvocationStatus, detail: InvocationDetail): void {
  const changed = inv.Status !== status;
  inv.Status = status;
  inv.StatusDetails = detail;
  if (changed) emitInvocationStatus(ctx, cmd, inv);
}

function setCommand(ctx: Ctx, cmd: CommandRecord, status: CommandStatus, details: string): void {
  const changed = cmd.Status !== status;
  cmd.Status = status;
  cmd.StatusDetails = details;
  if (changed) emitCommandStatus(ctx, cmd);
}

const STATUS_OF: Record<Exclude<InvocationDetail, 'Pending' | 'InProgress' | 'Cancelling'>, CommandInvocationStatus> = {
  Success: 'Success',
  Failed: 'Failed',
  ExecutionTimedOut: 'TimedOut',
  DeliveryTimedOut: 'TimedOut',
  Cancelled: 'Cancelled',
  Terminated: 'Cancelled',
  Undeliverable: 'Failed',
  InvalidPlatform: 'Failed',
};

/**
 * Ends an invocation: its terminal status, the command's counts, its slot. When errors now exceed
 * MaxErrors, the command stops sending and its queued invocations end Cancelled/Terminated.
 * The caller then calls advance() (send more, settle the command).
 */
function finish(ctx: Ctx, cmd: CommandRecord, i: number, detail: keyof typeof STATUS_OF): void {
  const inv = cmd.Invocations[i];
  if (isTerminal(inv)) return;
  const e = cmd.Engine;
  if (inv.SentAt !== undefined) e.inFlight--;
  if (inv.Waiting) {
    unwait(ctx, inv.InstanceId, cmd.CommandId, i);
    delete inv.Waiting;
  }
  delete inv.Running;
  if (inv.Data && Object.keys(inv.Data).length === 0) delete inv.Data;
  inv.EndedAt = ctx.now;
  setInvocation(ctx, cmd, inv, STATUS_OF[detail], detail);
  const c = e.counts;
  switch (detail) {
    case 'Success': c.success++; break;
    case 'Failed': c.failed++; break;
    case 'ExecutionTimedOut': c.executionTimedOut++; break;
    case 'DeliveryTimedOut': c.deliveryTimedOut++; break;
    case 'Cancelled': c.cancelled++; break;
    case 'Terminated': c.terminated++; break;
    case 'Undeliverable': c.undeliverable++; break;
    case 'InvalidPlatform': c.invalidPlatform++; break;
  }
  cmd.CompletedCount++;
  cmd.ErrorCount = c.failed + c.executionTimedOut;
  cmd.DeliveryTimedOutCount = c.deliveryTimedOut;
  if (cmd.ErrorCount > e.maxErrors && !e.stopped) {
    // "If you specify 3, the system stops sending the command when the fourth error is received";
    // invocations already sent are allowed to complete.
    e.stopped = true;
    for (let j = e.next; j < cmd.Invocations.length; j++) {
      const q = cmd.Invocations[j];
      if (q.Status === 'Pending' && q.SentAt === undefined) {
        ctx.emu.scheduler.cancel(invKey(cmd.CommandId, j));
        finish(ctx, cmd, j, 'Terminated');
      }
    }
    e.next = cmd.Invocations.length;
  }
}

/** Sends queued invocations while there is room, then settles the command when all are done. */
function advance(ctx: Ctx, cmd: CommandRecord): void {
  const e = cmd.Engine;
  let sent = false;
  while (!e.stopped && !e.cancelRequested && e.inFlight < e.concurrency && e.next < cmd.Invocations.length) {
    const i = e.next++;
    const inv = cmd.Invocations[i];
    if (inv.Status !== 'Pending') continue; // cancelled on its own before it was sent
    const node = getInstance(ctx, inv.InstanceId);
    if (!node) {
      finish(ctx, cmd, i, 'Undeliverable');
      continue;
    }
    if (!e.platformTypes.includes(node.PlatformType)) {
      finish(ctx, cmd, i, 'InvalidPlatform');
      continue;
    }
    inv.SentAt = ctx.now;
    e.inFlight++;
    sent = true;
    schedule(ctx, TASKS.deliver, ctx.now + DELIVERY_LATENCY_MS, invKey(cmd.CommandId, i), { c: cmd.CommandId, i });
  }
  if (sent && cmd.Status === 'Pending') setCommand(ctx, cmd, 'InProgress', 'InProgress');
  settle(ctx, cmd);
}

/** When every invocation is terminal: the command's final status, as AWS computes it from them. */
function settle(ctx: Ctx, cmd: CommandRecord): void {
  if (isCommandTerminal(cmd) || cmd.CompletedCount < cmd.TargetCount) return;
  const [status, details] = finalStatus(cmd);
  setCommand(ctx, cmd, status, details);
  ctx.emu.scheduler.cancel(cmdKey(cmd.CommandId, 'expire'));
}

/**
 * AWS's rules ("Understanding command statuses"):
 *   - a command with no targets: Success / NoInstancesInTag;
 *   - cancelled: Cancelled;
 *   - more errors (Failed, Execution Timed Out) than MaxErrors: Failed (TimedOut / ExecutionTimedOut
 *     when every error was an execution timeout);
 *   - more delivery time-outs than MaxErrors: TimedOut / DeliveryTimedOut;
 *   - Undeliverable and Invalid Platform do not count against MaxErrors and do not keep a command from
 *     Success, but a command where all of them are so is Failed;
 *   - every other invocation Success: Success; otherwise (some not Success, not enough to fail):
 *     Success / Incomplete.
 */
export function finalStatus(cmd: CommandRecord): [CommandStatus, string] {
  const c = cmd.Engine.counts;
  const n = cmd.TargetCount;
  const maxErrors = cmd.Engine.maxErrors;
  const errors = c.failed + c.executionTimedOut;
  if (n === 0) return ['Success', 'NoInstancesInTag'];
  if (cmd.Engine.cancelRequested || c.cancelled === n) return ['Cancelled', 'Cancelled'];
  if (errors > maxErrors) return c.failed === 0 ? ['TimedOut', 'ExecutionTimedOut'] : ['Failed', 'Failed'];
  if (c.deliveryTimedOut > maxErrors) return ['TimedOut', 'DeliveryTimedOut'];
  const unreachable = c.undeliverable + c.invalidPlatform;
  if (unreachable === n) return ['Failed', 'Failed'];
  if (c.success === n - unreachable) return ['Success', 'Success'];
  return ['Success', 'Incomplete'];
}

// ─────────────────────────────────────────── steps ────────────────────────────────────────────

/** The node as the simulated shell sees it. */
export function factsOf(node: FleetInstance, region: string): NodeFacts {
  return {
    InstanceId: node.InstanceId,
    ComputerName: node.ComputerName,
    PlatformType: node.PlatformType,
    PlatformName: node.PlatformName,
    PlatformVersion: node.PlatformVersion,
    IPAddress: node.IPAddress,
    AgentVersion: node.AgentVersion,
    Region: region,
    ...((node.Architecture === 'x86_64' || node.Architecture === 'arm64') && { Architecture: node.Architecture }),
  };
}

/** The agent's orchestration directory of a step: aws:runShellScript + 0.aws:runShellScript -> awsrunShellScript/0.awsrunShellScript. */
export function pluginDirOf(step: { action: string; id?: string; name: string }): string {
  return `${step.action.replace(/:/g, '')}/${(step.id ?? step.name).replace(/:/g, '')}`;
}

function runOf(ctx: Ctx, cmd: CommandRecord, inv: InvocationRecord, k: number, node: FleetInstance, startTime: number): PluginRun {
  const step = cmd.Engine.steps[k];
  return {
    ctx,
    commandId: cmd.CommandId,
    documentName: cmd.DocumentName,
    schemaVersion: cmd.Engine.schemaVersion,
    step,
    stepIndex: k,
    node,
    facts: factsOf(node, ctx.region),
    startTime,
    timeoutMs: executionTimeoutSeconds(step) * 1000,
    data: (inv.Data ??= {}),
    pluginDir: pluginDirOf(step),
  };
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

function applyOutcome(p: PluginRecord, o: Pick<PendingOutcome, 'status' | 'exitCode' | 'stdout' | 'stderr' | 'output'>, finishedAt: number): void {
  p.Status = o.status;
  p.StatusDetails = o.status === 'TimedOut' ? 'ExecutionTimedOut' : o.status;
  p.ResponseCode = o.exitCode;
  p.ResponseFinishDateTime = toEpochSeconds(finishedAt);
  p.Stdout = o.stdout;
  p.Stderr = o.stderr;
  p.Output = o.output;
}

function pending(outcome: PluginOutcome, step: number, startedAt: number): PendingOutcome {
  return {
    step,
    startedAt,
    endsAt: startedAt + outcome.durationMs,
    status: outcomeStatus(outcome),
    exitCode: outcome.exitCode,
    stdout: cut(outcome.stdout, MAX_STDOUT),
    stderr: cut(outcome.stderr, MAX_STDERR),
    output: truncateOutput(outcome.stdout, outcome.stderr),
    ...(outcome.data !== undefined && { data: outcome.data }),
  };
}

/** The agent received the invocation: InProgress, plugins Pending, the first step starts now. */
function receive(ctx: Ctx, cmd: CommandRecord, i: number, node: FleetInstance): void {
  const inv = cmd.Invocations[i];
  inv.StartedAt = ctx.now;
  inv.Plugins = cmd.Engine.steps.map((s) => ({ Name: s.name, Status: 'Pending', StatusDetails: 'Pending', ResponseCode: -1, Output: '', Stdout: '', Stderr: '' }));
  setInvocation(ctx, cmd, inv, 'InProgress', 'InProgress');
  runFrom(ctx, cmd, i, 0, node);
}

/** Runs steps from k at ctx.now until one takes time (then a task ends it) or all are done. */
function runFrom(ctx: Ctx, cmd: CommandRecord, i: number, k: number, node: FleetInstance): void {
  const inv = cmd.Invocations[i];
  const steps = cmd.Engine.steps;
  const now = toEpochSeconds(ctx.now);
  for (; k < steps.length; k++) {
    const p = inv.Plugins![k];
    p.ResponseStartDateTime = now;
    const d = decideStep(cmd.Engine.schemaVersion, steps[k], node.PlatformType);
    if (d.kind === 'skip') {
      applyOutcome(p, { status: 'Success', exitCode: 0, stdout: '', stderr: '', output: d.message }, ctx.now);
      continue;
    }
    if (d.kind === 'fail') {
      applyOutcome(p, { status: 'Failed', exitCode: 1, stdout: '', stderr: d.message, output: truncateOutput('', d.message) }, ctx.now);
      continue;
    }
    const outcome = startStep(runOf(ctx, cmd, inv, k, node, ctx.now));
    inv.Running = pending(outcome, k, ctx.now);
    p.Status = 'InProgress';
    p.StatusDetails = 'InProgress';
    schedule(ctx, TASKS.stepEnd, inv.Running.endsAt, invKey(cmd.CommandId, i), { c: cmd.CommandId, i, k });
    return;
  }
  // Every step reported: the invocation's status from its plugins'.
  const plugins = inv.Plugins!;
  const detail = plugins.some((p) => p.Status === 'TimedOut') ? 'ExecutionTimedOut' : plugins.some((p) => p.Status === 'Failed') ? 'Failed' : 'Success';
  finish(ctx, cmd, i, detail);
  advance(ctx, cmd);
}

/** A step's result reaches the service (the step ended, or its agent came back). */
function report(ctx: Ctx, cmd: CommandRecord, i: number, node: FleetInstance): void {
  const inv = cmd.Invocations[i];
  const r = inv.Running!;
  const run = runOf(ctx, cmd, inv, r.step, node, r.startedAt);
  const { simulator } = simulatorFor(run);
  const raw: PluginOutcome = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, durationMs: r.endsAt - r.startedAt, status: r.status, ...(r.data !== undefined && { data: r.data }) };
  const amended = simulator?.complete?.(run, raw);
  const final = amended ? { ...pending(amended, r.step, r.startedAt), output: truncateOutput(amended.stdout, amended.stderr) } : r;
  applyOutcome(inv.Plugins![r.step], final, r.endsAt);
  delete inv.Running;
  runFrom(ctx, cmd, i, r.step + 1, node);
}

// ─────────────────────────────────────────── tasks ────────────────────────────────────────────

function taskTarget(ctx: Ctx, p: InvocationTask): { cmd: CommandRecord; inv: InvocationRecord } | undefined {
  const cmd = getCommand(ctx, p.c);
  const inv = cmd?.Invocations[p.i];
  return cmd && inv && !isTerminal(inv) ? { cmd, inv } : undefined;
}

function waitForAgent(ctx: Ctx, cmd: CommandRecord, i: number, node: FleetInstance | undefined, why: 'deliver' | 'report'): void {
  const inv = cmd.Invocations[i];
  inv.Waiting = why;
  if (node) wait(ctx, inv.InstanceId, cmd.CommandId, i);
}

function deliver(ctx: Ctx, cmd: CommandRecord, i: number): void {
  const inv = cmd.Invocations[i];
  const node = getInstance(ctx, inv.InstanceId);
  if (!node) {
    finish(ctx, cmd, i, 'Undeliverable');
    advance(ctx, cmd);
  } else if (!agentConnected(node)) {
    waitForAgent(ctx, cmd, i, node, 'deliver');
  } else {
    receive(ctx, cmd, i, node);
  }
}

function stepEnded(ctx: Ctx, cmd: CommandRecord, i: number): void {
  const node = getInstance(ctx, cmd.Invocations[i].InstanceId);
  if (!node || !agentConnected(node)) waitForAgent(ctx, cmd, i, node, 'report');
  else report(ctx, cmd, i, node);
}

export const tasks = {
  [TASKS.dispatch](task: { payload: CommandTask }, ctx: Ctx) {
    const cmd = getCommand(ctx, task.payload.c);
    if (cmd && !isCommandTerminal(cmd)) advance(ctx, cmd);
  },
  [TASKS.deliver](task: { payload: InvocationTask }, ctx: Ctx) {
    const t = taskTarget(ctx, task.payload);
    if (t && t.inv.Status === 'Pending') deliver(ctx, t.cmd, task.payload.i);
  },
  [TASKS.stepEnd](task: { payload: InvocationTask }, ctx: Ctx) {
    const t = taskTarget(ctx, task.payload);
    if (t && t.inv.Running && t.inv.Running.step === task.payload.k) stepEnded(ctx, t.cmd, task.payload.i);
  },
  [TASKS.resume](task: { payload: InvocationTask }, ctx: Ctx) {
    const t = taskTarget(ctx, task.payload);
    if (!t || !t.inv.Waiting) return;
    const why = t.inv.Waiting;
    delete t.inv.Waiting;
    if (why === 'deliver') deliver(ctx, t.cmd, task.payload.i);
    else stepEnded(ctx, t.cmd, task.payload.i);
  },
  [TASKS.cancel](task: { payload: InvocationTask }, ctx: Ctx) {
    const t = taskTarget(ctx, task.payload);
    if (t && t.inv.Status === 'Cancelling') cancelNow(ctx, t.cmd, task.payload.i);
  },
  [TASKS.expire](task: { payload: CommandTask }, ctx: Ctx) {
    const cmd = getCommand(ctx, task.payload.c);
    if (cmd && !isCommandTerminal(cmd)) expire(ctx, cmd);
  },
  [TASKS.purge](task: { payload: CommandTask }, ctx: Ctx) {
    const cmd = getCommand(ctx, task.payload.c);
    if (!cmd) return;
    if (!isCommandTerminal(cmd)) {
      // Still running after 30 days (TimeoutSeconds can be 30 days): purge once it has ended.
      schedule(ctx, TASKS.purge, ctx.now + 24 * 3600 * 1000, cmdKey(cmd.CommandId, 'purge'), { c: cmd.CommandId });
      return;
    }
    removeCommand(ctx, cmd.CommandId);
  },
};

/** The command's total timeout passed: whatever has not finished is Delivery Timed Out. */
function expire(ctx: Ctx, cmd: CommandRecord): void {
  const now = toEpochSeconds(ctx.now);
  cmd.Invocations.forEach((inv, i) => {
    if (isTerminal(inv)) return;
    ctx.emu.scheduler.cancel(invKey(cmd.CommandId, i));
    for (const p of inv.Plugins ?? []) {
      if (p.Status === 'Pending' || p.Status === 'InProgress') {
        p.Status = 'TimedOut';
        p.StatusDetails = 'DeliveryTimedOut';
        p.ResponseFinishDateTime = now;
      }
    }
    finish(ctx, cmd, i, 'DeliveryTimedOut');
  });
  advance(ctx, cmd);
}

// ─────────────────────────────────────────── cancel ───────────────────────────────────────────

/**
 * CancelCommand: the chosen invocations (all when `indexes` is undefined) that have not finished go
 * Cancelling, and Cancelled a moment later. Cancelling the whole command also stops sending.
 */
export function requestCancel(ctx: Ctx, cmd: CommandRecord, indexes?: readonly number[]): void {
  if (isCommandTerminal(cmd)) return;
  const all = indexes === undefined;
  if (all) {
    cmd.Engine.cancelRequested = true;
    setCommand(ctx, cmd, 'Cancelling', 'Cancelling');
  }
  for (const i of indexes ?? cmd.Invocations.keys()) {
    const inv = cmd.Invocations[i];
    if (isTerminal(inv) || inv.Status === 'Cancelling') continue;
    if (inv.Waiting) {
      // The cancel does not wait for the agent: it must not be resumed when the agent returns.
      unwait(ctx, inv.InstanceId, cmd.CommandId, i);
      delete inv.Waiting;
    }
    setInvocation(ctx, cmd, inv, 'Cancelling', 'Cancelling');
    schedule(ctx, TASKS.cancel, ctx.now + CANCEL_LATENCY_MS, invKey(cmd.CommandId, i), { c: cmd.CommandId, i });
  }
}

function cancelNow(ctx: Ctx, cmd: CommandRecord, i: number): void {
  const inv = cmd.Invocations[i];
  const r = inv.Running;
  if (r) {
    const node = getInstance(ctx, inv.InstanceId);
    const p = inv.Plugins![r.step];
    if (node) {
      const run = runOf(ctx, cmd, inv, r.step, node, r.startedAt);
      const elapsed = Math.min(ctx.now, r.endsAt) - r.startedAt;
      const partial = simulatorFor(run).simulator?.cancel?.(run, elapsed) ?? { stdout: '', stderr: '', exitCode: -1, durationMs: elapsed };
      applyOutcome(p, { ...pending(partial, r.step, r.startedAt), status: 'Success' }, ctx.now);
    }
    p.Status = 'Cancelled';
    p.StatusDetails = 'Cancelled';
    p.ResponseFinishDateTime = toEpochSeconds(ctx.now);
  }
  for (const p of inv.Plugins ?? []) {
    if (p.Status === 'Pending' || p.Status === 'InProgress') {
      p.Status = 'Cancelled';
      p.StatusDetails = 'Cancelled';
    }
  }
  finish(ctx, cmd, i, 'Cancelled');
  advance(ctx, cmd);
}

// ──────────────────────────────────────── agents return ───────────────────────────────────────

/** A node's agent started again: invocations waiting for it resume now (fleet change listener). */
export function agentStarted(ctx: Ctx, instanceId: string): void {
  for (const { commandId, index } of takeWaiting(ctx, instanceId)) {
    schedule(ctx, TASKS.resume, ctx.now, invKey(commandId, index), { c: commandId, i: index });
  }
}

/** A node was removed: invocations waiting to be delivered to it are undeliverable. */
export function nodeRemoved(ctx: Ctx, instanceId: string): void {
  for (const { commandId, index } of takeWaiting(ctx, instanceId)) {
    const cmd = getCommand(ctx, commandId);
    const inv = cmd?.Invocations[index];
    if (!cmd || !inv || isTerminal(inv)) continue;
    if (inv.Waiting === 'deliver') {
      finish(ctx, cmd, index, 'Undeliverable');
      advance(ctx, cmd);
    } else {
      // A result that will never be reported: the command's expiry turns it into DeliveryTimedOut.
      inv.Waiting = 'report';
    }
  }
}

/** Every command of the region that has not finished (for tests and the control API). */
export function activeCommands(ctx: Ctx): CommandRecord[] {
  return Object.values(commandsOf(ctx).commands).filter((c) => !isCommandTerminal(c));
}
