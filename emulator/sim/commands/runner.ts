/**
 * The per-node runner: one document's steps on one node, as SSM Agent runs them, on the virtual clock.
 * Run Command's invocations use it (engine.ts is the command "host": rate control, counts, expiry),
 * and so can any capability that runs a document on nodes without a Run Command command (a State
 * Manager association's targets): it defines a host with defineRunHost() and keeps its runs
 * (NodeRun records) in its own state.
 *
 * Lifecycle of a run (times from timing.ts):
 *
 *   sendRun()            the service sends it (it now counts against the host's concurrency)
 *   + DELIVERY_LATENCY   the agent receives it if connected: InProgress, plugins Pending, the first
 *                        step starts; otherwise the run waits (Pending) until the agent starts again
 *   each step            skipped / failed for the platform (steps.ts), or simulated (behaviours, plugin
 *                        simulators) and ended by a task after its virtual duration; the next step
 *                        starts when the previous one's result is reported (a node whose agent stopped
 *                        meanwhile reports when it is back)
 *   last step            Success, Failed or TimedOut (ExecutionTimedOut)
 *   cancelRun()          Cancelling, then Cancelled after CANCEL_LATENCY (a running script keeps the
 *                        output it wrote until then)
 *   expireRun()          the host's total timeout passed: TimedOut / DeliveryTimedOut
 *
 * When a run ends, the runner tells its host (finished: count it, free its slot) and then lets the
 * host proceed (send more, settle). Every run has at most one pending task; its key is the host's, so
 * a cancel or an expiry replaces whatever was next for it. The task kinds keep Run Command's names
 * (commands.deliver, ...): a payload without a host (`h`) belongs to a Run Command invocation, as in
 * state persisted before other hosts existed.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { agentConnected, type FleetInstance } from '../fleet/instance.js';
import { getInstance } from '../fleet/state.js';
import type { NodeFacts } from '../shell/index.js';
import { MAX_STDERR, MAX_STDOUT, truncateOutput } from './output.js';
import { outcomeStatus, type PluginOutcome, type PluginRun } from './plugins.js';
import { commandsOf, type InvocationDetail, type NodeRun, type PendingOutcome, type PluginRecord, type StoredStep } from './state.js';
import { decideStep, executionTimeoutSeconds, simulatorFor, startStep } from './steps.js';
import { CANCEL_LATENCY_MS, DELIVERY_LATENCY_MS } from './timing.js';
import { prepareScripts } from './scripts.js';
import type { CommandInvocationStatus } from '../../generated/ssm/types.js';

/** What a run executes: a rendered document. */
export interface RunProgram {
  /** The id the agent knows the run by (a command id; an association execution id). */
  id: string;
  documentName: string;
  schemaVersion: string;
  steps: readonly StoredStep[];
}

/** The terminal details a run can end with. */
export type FinalDetail = Exclude<InvocationDetail, 'Pending' | 'InProgress' | 'Cancelling'>;

export interface RunHost {
  /** Run `i` of owner `c` (a command id, an association execution id, ...) and its program; undefined when gone. */
  find(ctx: Ctx, c: string, i: number): { run: NodeRun; program: RunProgram } | undefined;
  /** The run's Status changed (what the host sends to EventBridge). */
  statusChanged?(ctx: Ctx, c: string, i: number, run: NodeRun): void;
  /** The run reached a terminal status; `sent` says whether it had been sent (held a slot). */
  finished(ctx: Ctx, c: string, i: number, detail: FinalDetail, sent: boolean): void;
  /** After a run ended on its own: send more, settle the owner. */
  proceed(ctx: Ctx, c: string): void;
}

export interface RunHostHandle {
  readonly kind: string;
  /** The task key of run i of owner c (one pending task per run). */
  key(c: string, i: number): string;
}

/** The host of Run Command's invocations (payloads without `h`, keys commands:<id>:<i>). */
export const COMMAND_HOST = 'command';

const hosts = new Map<string, RunHost>();

/** Registers a kind of run owner (module level, once per kind, like defineSlice). */
export function defineRunHost(kind: string, host: RunHost): RunHostHandle {
  if (hosts.has(kind)) throw new Error(`run host ${kind} is defined twice`);
  hosts.set(kind, host);
  return { kind, key: (c, i) => runKey(kind, c, i) };
}

const runKey = (kind: string, c: string, i: number) => (kind === COMMAND_HOST ? `commands:${c}:${i}` : `runs:${kind}:${c}:${i}`);

export const RUN_TASKS = {
  deliver: 'commands.deliver',
  stepEnd: 'commands.stepEnd',
  resume: 'commands.resume',
  cancel: 'commands.cancel',
} as const;

export interface RunTask {
  /** Host kind; absent for Run Command. */
  h?: string;
  c: string;
  i: number;
  /** stepEnd: the step that ends. */
  k?: number;
}

interface Located {
  kind: string;
  host: RunHost;
  c: string;
  i: number;
  run: NodeRun;
  program: RunProgram;
}

function hostOf(kind: string): RunHost {
  const h = hosts.get(kind);
  if (!h) throw new Error(`no run host ${kind}`);
  return h;
}

function locate(ctx: Ctx, kind: string, c: string, i: number): Located | undefined {
  const host = hostOf(kind);
  const found = host.find(ctx, c, i);
  return found && { kind, host, c, i, ...found };
}

function schedule(ctx: Ctx, at: number, kind: string, taskKind: string, c: string, i: number, k?: number): void {
  const payload: RunTask = { c, i, ...(kind !== COMMAND_HOST && { h: kind }), ...(k !== undefined && { k }) };
  ctx.emu.scheduler.schedule({ at, kind: taskKind, account: ctx.account, region: ctx.region, key: runKey(kind, c, i), payload });
}

const TERMINAL: ReadonlySet<CommandInvocationStatus> = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled']);
export const isTerminal = (run: Pick<NodeRun, 'Status'>) => TERMINAL.has(run.Status);

const STATUS_OF: Record<FinalDetail, CommandInvocationStatus> = {
  Success: 'Success',
  Failed: 'Failed',
  ExecutionTimedOut: 'TimedOut',
  DeliveryTimedOut: 'TimedOut',
  Cancelled: 'Cancelled',
  Terminated: 'Cancelled',
  Undeliverable: 'Failed',
  InvalidPlatform: 'Failed',
};

function setStatus(ctx: Ctx, l: Pick<Located, 'host' | 'c' | 'i' | 'run'>, status: CommandInvocationStatus, detail: InvocationDetail): void {
  const changed = l.run.Status !== status;
  l.run.Status = status;
  l.run.StatusDetails = detail;
  if (changed) l.host.statusChanged?.(ctx, l.c, l.i, l.run);
}

// ───────────────────────────────────── what hosts call ─────────────────────────────────────

/** The service sends run i of c to its node: it counts as in flight; the agent has it after DELIVERY_LATENCY. */
export function sendRun(ctx: Ctx, handle: RunHostHandle, c: string, i: number, run: NodeRun): void {
  run.SentAt = ctx.now;
  schedule(ctx, ctx.now + DELIVERY_LATENCY_MS, handle.kind, RUN_TASKS.deliver, c, i);
}

/**
 * Ends a run that has not finished (no-op otherwise): its terminal status, its pending task and wait
 * cleared, then the host's finished(). The caller lets the host proceed afterwards.
 */
export function finishRun(ctx: Ctx, handle: RunHostHandle, c: string, i: number, detail: FinalDetail): void {
  const l = locate(ctx, handle.kind, c, i);
  if (l) finish(ctx, l, detail);
}

/** The host's total timeout passed: a run not finished (queued, waiting, even running) is Delivery Timed Out. */
export function expireRun(ctx: Ctx, handle: RunHostHandle, c: string, i: number): void {
  const l = locate(ctx, handle.kind, c, i);
  if (!l || isTerminal(l.run)) return;
  ctx.emu.scheduler.cancel(runKey(l.kind, c, i));
  const now = toEpochSeconds(ctx.now);
  for (const p of l.run.Plugins ?? []) {
    if (p.Status === 'Pending' || p.Status === 'InProgress') {
      p.Status = 'TimedOut';
      p.StatusDetails = 'DeliveryTimedOut';
      p.ResponseFinishDateTime = now;
    }
  }
  finish(ctx, l, 'DeliveryTimedOut');
}

/** A run not yet finished goes Cancelling, and Cancelled after CANCEL_LATENCY. */
export function cancelRun(ctx: Ctx, handle: RunHostHandle, c: string, i: number): void {
  const l = locate(ctx, handle.kind, c, i);
  if (!l || isTerminal(l.run) || l.run.Status === 'Cancelling') return;
  if (l.run.Waiting) {
    // The cancel does not wait for the agent: it must not be resumed when the agent returns.
    unwait(ctx, l);
    delete l.run.Waiting;
  }
  setStatus(ctx, l, 'Cancelling', 'Cancelling');
  schedule(ctx, ctx.now + CANCEL_LATENCY_MS, l.kind, RUN_TASKS.cancel, c, i);
}

/** Drops run i's pending task (a queued run the host terminates before sending). */
export function cancelRunTask(ctx: Ctx, handle: RunHostHandle, c: string, i: number): void {
  ctx.emu.scheduler.cancel(runKey(handle.kind, c, i));
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
    ...(node.InstanceType !== undefined && { InstanceType: node.InstanceType }),
    ...(node.LaunchTime !== undefined && { LaunchTime: node.LaunchTime }),
    ...((node.Architecture === 'x86_64' || node.Architecture === 'arm64') && { Architecture: node.Architecture }),
    // The live lists: the shell copies them and reports its changes (applied by the script plugin's complete()).
    Services: node.Services,
    Applications: node.Applications,
  };
}

/** The agent's orchestration directory of a step: aws:runShellScript + 0.aws:runShellScript -> awsrunShellScript/0.awsrunShellScript. */
export function pluginDirOf(step: { action: string; id?: string; name: string }): string {
  return `${step.action.replace(/:/g, '')}/${(step.id ?? step.name).replace(/:/g, '')}`;
}

function runOf(ctx: Ctx, l: Located, k: number, node: FleetInstance, startTime: number, data = (l.run.Data ??= {})): PluginRun {
  const step = l.program.steps[k];
  return {
    ctx,
    host: l.kind,
    commandId: l.program.id,
    documentName: l.program.documentName,
    schemaVersion: l.program.schemaVersion,
    step,
    stepIndex: k,
    node,
    facts: factsOf(node, ctx.region),
    startTime,
    timeoutMs: executionTimeoutSeconds(step) * 1000,
    data,
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

function finish(ctx: Ctx, l: Located, detail: FinalDetail): void {
  const run = l.run;
  if (isTerminal(run)) return;
  const sent = run.SentAt !== undefined;
  if (run.Waiting) {
    unwait(ctx, l);
    delete run.Waiting;
  }
  delete run.Running;
  if (run.Data && Object.keys(run.Data).length === 0) delete run.Data;
  run.EndedAt = ctx.now;
  setStatus(ctx, l, STATUS_OF[detail], detail);
  l.host.finished(ctx, l.c, l.i, detail, sent);
}

/** Ends the run on its own (its last step, an undeliverable node, a cancel), then lets the host go on. */
function finishAndProceed(ctx: Ctx, l: Located, detail: FinalDetail): void {
  finish(ctx, l, detail);
  l.host.proceed(ctx, l.c);
}

/** The agent received the run: InProgress, plugins Pending, the first step starts now. */
function receive(ctx: Ctx, l: Located, node: FleetInstance): void {
  l.run.StartedAt = ctx.now;
  l.run.Plugins = l.program.steps.map((s) => ({ Name: s.name, Status: 'Pending', StatusDetails: 'Pending', ResponseCode: -1, Output: '', Stdout: '', Stderr: '' }));
  setStatus(ctx, l, 'InProgress', 'InProgress');
  runFrom(ctx, l, 0, node);
}

/** Runs steps from k at ctx.now until one takes time (then a task ends it) or all are done. */
function runFrom(ctx: Ctx, l: Located, k: number, node: FleetInstance): void {
  const run = l.run;
  const steps = l.program.steps;
  const now = toEpochSeconds(ctx.now);
  for (; k < steps.length; k++) {
    const p = run.Plugins![k];
    p.ResponseStartDateTime = now;
    const d = decideStep(l.program.schemaVersion, steps[k], node.PlatformType);
    if (d.kind === 'skip') {
      applyOutcome(p, { status: 'Success', exitCode: 0, stdout: '', stderr: '', output: d.message }, ctx.now);
      continue;
    }
    if (d.kind === 'fail') {
      applyOutcome(p, { status: 'Failed', exitCode: 1, stdout: '', stderr: d.message, output: truncateOutput('', d.message) }, ctx.now);
      continue;
    }
    const outcome = startStep(runOf(ctx, l, k, node, ctx.now));
    run.Running = pending(outcome, k, ctx.now);
    p.Status = 'InProgress';
    p.StatusDetails = 'InProgress';
    schedule(ctx, run.Running.endsAt, l.kind, RUN_TASKS.stepEnd, l.c, l.i, k);
    return;
  }
  // Every step reported: the run's status from its plugins'.
  const plugins = run.Plugins!;
  const detail = plugins.some((p) => p.Status === 'TimedOut') ? 'ExecutionTimedOut' : plugins.some((p) => p.Status === 'Failed') ? 'Failed' : 'Success';
  finishAndProceed(ctx, l, detail);
}

/** A step's result reaches the service (the step ended, or its agent came back). */
function report(ctx: Ctx, l: Located, node: FleetInstance): void {
  const r = l.run.Running!;
  const pluginRun = runOf(ctx, l, r.step, node, r.startedAt);
  const { simulator } = simulatorFor(pluginRun);
  const raw: PluginOutcome = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, durationMs: r.endsAt - r.startedAt, status: r.status, ...(r.data !== undefined && { data: r.data }) };
  const amended = simulator?.complete?.(pluginRun, raw);
  const final = amended ? { ...pending(amended, r.step, r.startedAt), output: truncateOutput(amended.stdout, amended.stderr) } : r;
  applyOutcome(l.run.Plugins![r.step], final, r.endsAt);
  delete l.run.Running;
  runFrom(ctx, l, r.step + 1, node);
}

// ───────────────────────────────────── agents not connected ─────────────────────────────────────

/** Entries of the waiting index: "c/i" for Run Command (as persisted before hosts existed), "kind|c/i" otherwise. */
const waitEntry = (kind: string, c: string, i: number) => (kind === COMMAND_HOST ? `${c}/${i}` : `${kind}|${c}/${i}`);

function parseWaitEntry(e: string): { kind: string; c: string; i: number } {
  const bar = e.indexOf('|');
  const kind = bar < 0 ? COMMAND_HOST : e.slice(0, bar);
  const rest = bar < 0 ? e : e.slice(bar + 1);
  const slash = rest.lastIndexOf('/');
  return { kind, c: rest.slice(0, slash), i: Number(rest.slice(slash + 1)) };
}

function waitForAgent(ctx: Ctx, l: Located, node: FleetInstance | undefined, why: 'deliver' | 'report'): void {
  l.run.Waiting = why;
  if (node) {
    const w = commandsOf(ctx).waiting;
    (w[l.run.InstanceId] ??= []).push(waitEntry(l.kind, l.c, l.i));
  }
}

function unwait(ctx: Ctx, l: Located): void {
  const w = commandsOf(ctx).waiting;
  const list = w[l.run.InstanceId];
  if (!list) return;
  const j = list.indexOf(waitEntry(l.kind, l.c, l.i));
  if (j >= 0) list.splice(j, 1);
  if (!list.length) delete w[l.run.InstanceId];
}

/** Takes (and clears) the runs waiting for a node's agent. */
function takeWaiting(ctx: Ctx, instanceId: string): { kind: string; c: string; i: number }[] {
  const w = commandsOf(ctx).waiting;
  const list = w[instanceId] ?? [];
  delete w[instanceId];
  return list.map(parseWaitEntry);
}

/** Stops a run's wait for its node's agent (its owner is going away). */
export function forgetWait(ctx: Ctx, handle: RunHostHandle, c: string, i: number, run: NodeRun): void {
  if (run.Waiting) unwait(ctx, { kind: handle.kind, c, i, run } as Located);
}

// ─────────────────────────────────────────── tasks ────────────────────────────────────────────

function taskTarget(ctx: Ctx, p: RunTask): Located | undefined {
  const l = locate(ctx, p.h ?? COMMAND_HOST, p.c, p.i);
  return l && !isTerminal(l.run) ? l : undefined;
}

function deliver(ctx: Ctx, l: Located): void {
  const node = getInstance(ctx, l.run.InstanceId);
  if (!node) finishAndProceed(ctx, l, 'Undeliverable');
  else if (!agentConnected(node)) waitForAgent(ctx, l, node, 'deliver');
  else receive(ctx, l, node);
}

function stepEnded(ctx: Ctx, l: Located): void {
  const node = getInstance(ctx, l.run.InstanceId);
  if (!node || !agentConnected(node)) waitForAgent(ctx, l, node, 'report');
  else report(ctx, l, node);
}

function cancelNow(ctx: Ctx, l: Located): void {
  const run = l.run;
  const r = run.Running;
  if (r) {
    const node = getInstance(ctx, run.InstanceId);
    const p = run.Plugins![r.step];
    if (node) {
      const pluginRun = runOf(ctx, l, r.step, node, r.startedAt);
      const elapsed = Math.min(ctx.now, r.endsAt) - r.startedAt;
      const partial = simulatorFor(pluginRun).simulator?.cancel?.(pluginRun, elapsed) ?? { stdout: '', stderr: '', exitCode: -1, durationMs: elapsed };
      applyOutcome(p, { ...pending(partial, r.step, r.startedAt), status: 'Success' }, ctx.now);
    }
    p.Status = 'Cancelled';
    p.StatusDetails = 'Cancelled';
    p.ResponseFinishDateTime = toEpochSeconds(ctx.now);
  }
  for (const p of run.Plugins ?? []) {
    if (p.Status === 'Pending' || p.Status === 'InProgress') {
      p.Status = 'Cancelled';
      p.StatusDetails = 'Cancelled';
    }
  }
  finishAndProceed(ctx, l, 'Cancelled');
}

export const runTasks = {
  [RUN_TASKS.deliver](task: { payload: RunTask }, ctx: Ctx) {
    const l = taskTarget(ctx, task.payload);
    if (l && l.run.Status === 'Pending') deliver(ctx, l);
  },
  [RUN_TASKS.stepEnd](task: { payload: RunTask }, ctx: Ctx) {
    const l = taskTarget(ctx, task.payload);
    if (l && l.run.Running && l.run.Running.step === task.payload.k) stepEnded(ctx, l);
  },
  [RUN_TASKS.resume](task: { payload: RunTask }, ctx: Ctx) {
    const l = taskTarget(ctx, task.payload);
    if (!l || !l.run.Waiting) return;
    const why = l.run.Waiting;
    delete l.run.Waiting;
    if (why === 'deliver') deliver(ctx, l);
    else stepEnded(ctx, l);
  },
  [RUN_TASKS.cancel](task: { payload: RunTask }, ctx: Ctx) {
    const l = taskTarget(ctx, task.payload);
    if (l && l.run.Status === 'Cancelling') cancelNow(ctx, l);
  },
};

/**
 * What the tasks above will run, computed ahead (Scheduler.runDueAsync, sim/commands/scripts.ts):
 * the step a delivery or a step's end starts next, predicted from the state as it is, its simulator
 * started on a copy of the run's data. A prediction that misses (a step's completion changed the
 * node) only costs the head start: the task runs the script inline.
 */
export const runPrepares = {
  [RUN_TASKS.deliver](task: { payload: RunTask }, ctx: Ctx) {
    const l = taskTarget(ctx, task.payload);
    return l && l.run.Status === 'Pending' ? prepareFrom(ctx, l, 0) : undefined;
  },
  [RUN_TASKS.stepEnd](task: { payload: RunTask }, ctx: Ctx) {
    const l = taskTarget(ctx, task.payload);
    const r = l?.run.Running;
    return l && r && r.step === task.payload.k ? prepareFrom(ctx, l, r.step + 1) : undefined;
  },
  [RUN_TASKS.resume](task: { payload: RunTask }, ctx: Ctx) {
    const l = taskTarget(ctx, task.payload);
    if (!l) return undefined;
    if (l.run.Waiting === 'deliver') return prepareFrom(ctx, l, 0);
    return l.run.Waiting === 'report' && l.run.Running ? prepareFrom(ctx, l, l.run.Running.step + 1) : undefined;
  },
};

function prepareFrom(ctx: Ctx, l: Located, from: number): Promise<void> | undefined {
  const node = getInstance(ctx, l.run.InstanceId);
  if (!node || !agentConnected(node)) return undefined;
  const steps = l.program.steps;
  for (let k = from; k < steps.length; k++) {
    if (decideStep(l.program.schemaVersion, steps[k], node.PlatformType).kind !== 'execute') continue;
    const run = runOf(ctx, l, k, node, ctx.now, structuredClone(l.run.Data ?? {}));
    return prepareScripts(ctx.emu, () => void startStep(run));
  }
  return undefined;
}

// ──────────────────────────────────────── agents return ───────────────────────────────────────

/** A node's agent started again: runs waiting for it resume now (fleet change listener). */
export function agentStarted(ctx: Ctx, instanceId: string): void {
  for (const { kind, c, i } of takeWaiting(ctx, instanceId)) schedule(ctx, ctx.now, kind, RUN_TASKS.resume, c, i);
}

/** A node was removed: runs waiting to be delivered to it are undeliverable. */
export function nodeRemoved(ctx: Ctx, instanceId: string): void {
  for (const { kind, c, i } of takeWaiting(ctx, instanceId)) {
    const l = locate(ctx, kind, c, i);
    if (!l || isTerminal(l.run)) continue;
    if (l.run.Waiting === 'deliver') finishAndProceed(ctx, l, 'Undeliverable');
    // A result that will never be reported: the host's expiry turns it into DeliveryTimedOut.
    else l.run.Waiting = 'report';
  }
}
