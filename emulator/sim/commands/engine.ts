/**
 * The Run Command engine: commands and their invocations move through AWS's lifecycle on the virtual
 * clock, as scheduler tasks (so they persist, snapshot, and run only when time passes). Each
 * invocation is a run of the per-node runner (runner.ts: delivery, steps, agents that come and go,
 * cancel); this module is the command "host" around those runs: rate control, counts, the command's
 * status, its expiry and its retention.
 *
 *   createCommand()        (create.ts) command Pending, every invocation Pending (queued)
 *   dispatch (same instant, before the next request is answered)
 *                          up to MaxConcurrency invocations are sent: they count as in flight; the
 *                          command is InProgress. Invocations for nodes that no longer exist end
 *                          Failed/Undeliverable, nodes of a platform the document does not support
 *                          end Failed/InvalidPlatform, neither takes a slot.
 *   an invocation ends     its slot frees and the next queued invocation is sent at the same instant.
 *   MaxErrors              when Failed + ExecutionTimedOut invocations exceed MaxErrors, nothing new is
 *                          sent: queued invocations end Cancelled/Terminated; those in flight finish.
 *   ExpiresAfter           (RequestedDateTime + TimeoutSeconds + the document's execution timeout)
 *                          every invocation not finished (queued, waiting for an agent, even running)
 *                          ends TimedOut/DeliveryTimedOut, as AWS documents for the total timeout.
 *   CancelCommand          Cancelling, then Cancelled after CANCEL_LATENCY.
 *   + 30 days              the command and its invocations are deleted.
 *
 * A command created by another capability (a maintenance-window task, an Automation step) carries an
 * Origin; when it settles, the commandWatchers that area provides are told.
 */
import type { Ctx } from '../../core/context.js';
import { definePort } from '../../core/ports.js';
import { getInstance } from '../fleet/state.js';
import { emitCommandStatus, emitInvocationStatus } from './events.js';
import { commandFinished, commandsInOrder, commandsOf, getCommand, historySize, outputCharsOf, removeCommand, type CommandRecord } from './state.js';
import {
  cancelRun,
  cancelRunTask,
  COMMAND_HOST,
  defineRunHost,
  expireRun,
  finishRun,
  forgetWait,
  isTerminal,
  runTasks,
  runPrepares,
  sendRun,
  type FinalDetail,
} from './runner.js';
import { RETENTION_MS } from './timing.js';
import type { CommandStatus } from '../../generated/ssm/types.js';

export { isTerminal, factsOf, pluginDirOf, agentStarted, nodeRemoved } from './runner.js';

export const TASKS = {
  dispatch: 'commands.dispatch',
  expire: 'commands.expire',
  purge: 'commands.purge',
} as const;

interface CommandTask {
  c: string;
}

const cmdKey = (c: string, what: string) => `commands:${c}:${what}`;

const COMMAND_TERMINAL: ReadonlySet<CommandStatus> = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled']);
export const isCommandTerminal = (cmd: Pick<CommandRecord, 'Status'>) => COMMAND_TERMINAL.has(cmd.Status);

/**
 * Told when a command that another capability created (its Origin.kind is the watcher's kind)
 * reaches its final status. Provided by that capability's area: `provides: [commandWatchers.provide({...})]`.
 */
export interface CommandWatcher {
  readonly kind: string;
  settled(ctx: Ctx, cmd: CommandRecord): void;
}
export const commandWatchers = definePort<CommandWatcher>('commands.watchers');

function schedule(ctx: Ctx, kind: string, at: number, key: string, payload: CommandTask): void {
  ctx.emu.scheduler.schedule({ at, kind, account: ctx.account, region: ctx.region, key, payload });
}

/** Called once the command record (all invocations Pending) is stored. */
export function startCommand(ctx: Ctx, cmd: CommandRecord): void {
  schedule(ctx, TASKS.dispatch, ctx.now, cmdKey(cmd.CommandId, 'dispatch'), { c: cmd.CommandId });
  if (cmd.TargetCount > 0) schedule(ctx, TASKS.expire, Math.round(cmd.ExpiresAfter * 1000), cmdKey(cmd.CommandId, 'expire'), { c: cmd.CommandId });
  schedule(ctx, TASKS.purge, Math.round(cmd.RequestedDateTime * 1000) + RETENTION_MS, cmdKey(cmd.CommandId, 'purge'), { c: cmd.CommandId });
}

function setCommand(ctx: Ctx, cmd: CommandRecord, status: CommandStatus, details: string): void {
  const changed = cmd.Status !== status;
  cmd.Status = status;
  cmd.StatusDetails = details;
  if (changed) emitCommandStatus(ctx, cmd);
}

// ───────────────────────────────────── the command host ─────────────────────────────────────

const host = defineRunHost(COMMAND_HOST, {
  find(ctx, c, i) {
    const cmd = getCommand(ctx, c);
    const run = cmd?.Invocations[i];
    if (!cmd || !run) return undefined;
    const e = cmd.Engine;
    return { run, program: { id: cmd.CommandId, documentName: cmd.DocumentName, schemaVersion: e.schemaVersion, steps: e.steps } };
  },
  statusChanged(ctx, c, i) {
    const cmd = getCommand(ctx, c)!;
    emitInvocationStatus(ctx, cmd, cmd.Invocations[i]);
  },
  finished(ctx, c, _i, detail, sent) {
    counted(ctx, getCommand(ctx, c)!, detail, sent);
  },
  proceed(ctx, c) {
    const cmd = getCommand(ctx, c);
    if (cmd) advance(ctx, cmd);
  },
});

/**
 * An invocation ended: the command's counts and its slot. When errors now exceed MaxErrors, the
 * command stops sending and its queued invocations end Cancelled/Terminated.
 */
function counted(ctx: Ctx, cmd: CommandRecord, detail: FinalDetail, sent: boolean): void {
  const e = cmd.Engine;
  if (sent) e.inFlight--;
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
        cancelRunTask(ctx, host, cmd.CommandId, j);
        finishRun(ctx, host, cmd.CommandId, j, 'Terminated');
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
      finishRun(ctx, host, cmd.CommandId, i, 'Undeliverable');
      continue;
    }
    if (!e.platformTypes.includes(node.PlatformType)) {
      finishRun(ctx, host, cmd.CommandId, i, 'InvalidPlatform');
      continue;
    }
    e.inFlight++;
    sent = true;
    sendRun(ctx, host, cmd.CommandId, i, inv);
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
  if (cmd.Origin) for (const w of ctx.emu.ports.all(commandWatchers)) if (w.kind === cmd.Origin.kind) w.settled(ctx, cmd);
  commandFinished(ctx, cmd);
  enforceHistoryCap(ctx, cmd);
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

// ─────────────────────────────────────────── tasks ────────────────────────────────────────────

/** Work the tasks above get computed ahead, off the event loop (runner.ts runPrepares). */
export const prepare = { ...runPrepares };

export const tasks = {
  ...runTasks,
  [TASKS.dispatch](task: { payload: CommandTask }, ctx: Ctx) {
    const cmd = getCommand(ctx, task.payload.c);
    if (cmd && !isCommandTerminal(cmd)) advance(ctx, cmd);
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
    forget(ctx, cmd);
  },
};

/** Drops a finished command and everything that still refers to it. */
function forget(ctx: Ctx, cmd: CommandRecord): void {
  cmd.Invocations.forEach((inv, i) => forgetWait(ctx, host, cmd.CommandId, i, inv));
  ctx.emu.scheduler.cancel(cmdKey(cmd.CommandId, 'purge'));
  removeCommand(ctx, cmd.CommandId);
}

/**
 * Keeps the region's history within its caps (ctx.emu.limits: commands, invocations, characters of
 * output) by dropping its oldest finished commands. Called after a command is added and after one
 * finishes (its output counts from then); `keep` is never dropped (the command that just finished,
 * which its watchers may still read).
 */
export function enforceHistoryCap(ctx: Ctx, keep?: CommandRecord): void {
  const { maxCommands, maxInvocations, maxOutputChars } = ctx.emu.limits;
  const size = historySize(ctx);
  if (size.commands <= maxCommands && size.invocations <= maxInvocations && size.outputChars <= maxOutputChars) return;
  const victims: CommandRecord[] = [];
  let { commands, invocations, outputChars } = size;
  for (const cmd of commandsInOrder(ctx)) {
    if (commands <= maxCommands && invocations <= maxInvocations && outputChars <= maxOutputChars) break;
    if (cmd === keep || !isCommandTerminal(cmd)) continue;
    victims.push(cmd);
    commands--;
    invocations -= cmd.Invocations.length;
    outputChars -= outputCharsOf(cmd);
  }
  for (const cmd of victims) forget(ctx, cmd);
  const slice = commandsOf(ctx);
  slice.evicted = (slice.evicted ?? 0) + victims.length;
}

/** The command's total timeout passed: whatever has not finished is Delivery Timed Out. */
function expire(ctx: Ctx, cmd: CommandRecord): void {
  cmd.Invocations.forEach((inv, i) => {
    if (!isTerminal(inv)) expireRun(ctx, host, cmd.CommandId, i);
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
  if (indexes === undefined) {
    cmd.Engine.cancelRequested = true;
    setCommand(ctx, cmd, 'Cancelling', 'Cancelling');
  }
  for (const i of indexes ?? cmd.Invocations.keys()) cancelRun(ctx, host, cmd.CommandId, i);
}

/** Every command of the region that has not finished (for tests and the control API). */
export function activeCommands(ctx: Ctx): CommandRecord[] {
  return Object.values(commandsOf(ctx).commands).filter((c) => !isCommandTerminal(c));
}
