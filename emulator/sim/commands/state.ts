/**
 * Run Command's slice of region state: commands, each with its invocations and their plugin results,
 * as plain JSON (wire member names where a member is also a wire member), plus the engine's
 * bookkeeping (what is queued, in flight, waiting for an agent).
 *
 * Sizes: a command to 10,000 nodes is one record with 10,000 small invocation records; plugin
 * records are created when an invocation is delivered, and outputs are stored already truncated to
 * what the API can return (24,000 / 8,000 / 2,500 characters), so a finished invocation costs a few
 * hundred bytes. Derived indexes (commands by age, an invocation by instance id) live in WeakMaps
 * keyed by the slice and record objects, so a restored snapshot rebuilds them.
 */
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, bool, int, num, obj, oneOf, rec, str, targetList } from '../../state/schema.js';
import type { ExecutableStep } from '../documents/index.js';
import type { Ctx } from '../../core/context.js';
import type {
  AlarmConfiguration,
  CloudWatchOutputConfig,
  CommandInvocationStatus,
  CommandPluginStatus,
  CommandStatus,
  NotificationConfig,
  PlatformType,
  Target,
} from '../../generated/ssm/types.js';

/** Invocation StatusDetails values the engine produces (AWS's "Understanding command statuses"). */
export type InvocationDetail =
  | 'Pending'
  | 'InProgress'
  | 'Success'
  | 'Failed'
  | 'DeliveryTimedOut'
  | 'ExecutionTimedOut'
  | 'Cancelling'
  | 'Cancelled'
  | 'Terminated'
  | 'Undeliverable'
  | 'InvalidPlatform';

/** One step of the document as the engine runs it (rendered at SendCommand: parameters substituted). */
/** What a command keeps of a rendered document step (the documents module documents each member). */
export type StoredStep = Pick<ExecutableStep, 'name' | 'action' | 'id' | 'inputs' | 'precondition' | 'platforms'>;

/** What a command keeps of a rendered document step (SendCommand, and aws:runDocument's nested run). */
export function toStoredStep(s: ExecutableStep): StoredStep {
  return {
    name: s.name,
    action: s.action,
    ...(s.id !== undefined && { id: s.id }),
    inputs: s.inputs,
    ...(s.precondition && { precondition: s.precondition }),
    platforms: [...s.platforms],
  };
}

export interface PluginRecord {
  Name: string;
  Status: CommandPluginStatus;
  StatusDetails: string;
  /** -1 until the plugin has finished (AWS: "the command hasn't started running or wasn't received"). */
  ResponseCode: number;
  /** Epoch seconds. */
  ResponseStartDateTime?: number;
  ResponseFinishDateTime?: number;
  /** TruncateOutput(stdout, stderr, 2500). */
  Output: string;
  /** First 24,000 characters of stdout. */
  Stdout: string;
  /** First 8,000 characters of stderr. */
  Stderr: string;
}

/** What a running step will produce, computed when it starts and revealed when it ends. */
export interface PendingOutcome {
  step: number;
  /** Epoch ms. */
  startedAt: number;
  endsAt: number;
  status: 'Success' | 'Failed' | 'TimedOut';
  exitCode: number;
  stdout: string;
  stderr: string;
  output: string;
  /** Simulator data for its complete() hook. */
  data?: unknown;
}

/**
 * One document run on one node, as the per-node runner (runner.ts) keeps it: a Run Command
 * invocation, or a target of another capability's execution (a State Manager association).
 */
export interface NodeRun {
  InstanceId: string;
  Status: CommandInvocationStatus;
  StatusDetails: InvocationDetail;
  /** Created when the agent receives the run; absent while it is queued. */
  Plugins?: PluginRecord[];
  /** Epoch ms: when the service sent it (it then counts against the host's concurrency). */
  SentAt?: number;
  /** Epoch ms: when the agent received it and started the first step. */
  StartedAt?: number;
  /** Epoch ms: when it reached a terminal status. */
  EndedAt?: number;
  /** The step running now. */
  Running?: PendingOutcome;
  /**
   * The node's agent is not connected: 'deliver' = the run waits to be received; 'report' = a step
   * finished on the node but its result waits to be reported. Resumed when the agent starts.
   */
  Waiting?: 'deliver' | 'report';
  /** Scratch data shared by the steps of this run (aws:downloadContent -> aws:runDocument). */
  Data?: Record<string, unknown>;
}

export interface InvocationRecord extends NodeRun {
  /** The node's host name when the command was sent. */
  InstanceName: string;
}

export interface CommandOrigin {
  /** The creating capability, e.g. "maintenance-window". */
  kind: string;
  /** Its own reference, e.g. a window execution's task invocation id. */
  id: string;
}

export interface CommandCounts {
  success: number;
  failed: number;
  executionTimedOut: number;
  deliveryTimedOut: number;
  cancelled: number;
  terminated: number;
  undeliverable: number;
  invalidPlatform: number;
}

export interface CommandRecord {
  /** Creation order in the region (listing is newest first). */
  Seq: number;
  CommandId: string;
  DocumentName: string;
  /** As requested ($DEFAULT when not given). */
  DocumentVersion: string;
  Comment: string;
  /** Epoch seconds. */
  ExpiresAfter: number;
  Parameters: Record<string, string[]>;
  InstanceIds: string[];
  Targets: Target[];
  /** Epoch seconds. */
  RequestedDateTime: number;
  Status: CommandStatus;
  StatusDetails: string;
  OutputS3Region: string;
  OutputS3BucketName: string;
  OutputS3KeyPrefix: string;
  MaxConcurrency: string;
  MaxErrors: string;
  TargetCount: number;
  CompletedCount: number;
  ErrorCount: number;
  DeliveryTimedOutCount: number;
  ServiceRole: string;
  NotificationConfig: NotificationConfig;
  CloudWatchOutputConfig: CloudWatchOutputConfig;
  TimeoutSeconds: number;
  AlarmConfiguration?: AlarmConfiguration;
  /**
   * Who created the command when it was not SendCommand: a maintenance-window task, an Automation
   * step... (not a wire member). Its kind picks the commandWatchers told when the command settles.
   */
  Origin?: CommandOrigin;

  // ---- the engine's bookkeeping ----
  Engine: {
    /** The document version that runs (a number), its schema version and platforms. */
    documentVersion: string;
    schemaVersion: string;
    platformTypes: PlatformType[];
    steps: StoredStep[];
    /** Seconds, the larger of the steps' execution timeouts (used for ExpiresAfter). */
    executionTimeout: number;
    concurrency: number;
    maxErrors: number;
    /** Index of the next queued invocation to send. */
    next: number;
    /** Sent and not yet terminal. */
    inFlight: number;
    counts: CommandCounts;
    /** Errors exceeded MaxErrors: nothing new is sent. */
    stopped?: boolean;
    /** CancelCommand without InstanceIds. */
    cancelRequested?: boolean;
  };
  Invocations: InvocationRecord[];
}

export interface CommandsSlice {
  commands: Record<string, CommandRecord>;
  seq: number;
  /**
   * instance id -> runs waiting for that node's agent: "commandId/index" for Run Command invocations,
   * "host|owner/index" for other hosts' runs (runner.ts).
   */
  waiting: Record<string, string[]>;
  /** Finished commands dropped before their 30 days because the region's history was full (engine.ts enforceHistoryCap). */
  evicted?: number;
}

const pluginSchema = obj(
  { Name: str, Status: str, StatusDetails: str, ResponseCode: int, Output: str, Stdout: str, Stderr: str },
  { ResponseStartDateTime: num, ResponseFinishDateTime: num },
);
/** A NodeRun's members, required and optional (Run Command's invocations, State Manager's execution targets). */
export const nodeRunMembers = {
  required: { InstanceId: str, Status: str, StatusDetails: str },
  optional: {
    Plugins: arr(pluginSchema),
    SentAt: num,
    StartedAt: num,
    EndedAt: num,
    Running: obj({ step: int, startedAt: num, endsAt: num, status: oneOf('Success', 'Failed', 'TimedOut'), exitCode: int, stdout: str, stderr: str, output: str }, { data: anyJson }),
    Waiting: oneOf('deliver', 'report'),
    Data: { type: 'object' },
  },
};
const invocationSchema = obj({ ...nodeRunMembers.required, InstanceName: str }, nodeRunMembers.optional);
export const countsSchema = obj(Object.fromEntries(['success', 'failed', 'executionTimedOut', 'deliveryTimedOut', 'cancelled', 'terminated', 'undeliverable', 'invalidPlatform'].map((k) => [k, int])));
export const storedStepSchema = obj({ name: str, action: str, inputs: anyJson, platforms: arr(str) }, { id: str, precondition: anyJson });
const commandSchema = obj(
  {
    Seq: int, CommandId: str, DocumentName: str, DocumentVersion: str, Comment: str, ExpiresAfter: num, Parameters: rec(arr(str)),
    InstanceIds: arr(str), Targets: targetList, RequestedDateTime: num, Status: str, StatusDetails: str,
    OutputS3Region: str, OutputS3BucketName: str, OutputS3KeyPrefix: str, MaxConcurrency: str, MaxErrors: str, TargetCount: int,
    CompletedCount: int, ErrorCount: int, DeliveryTimedOutCount: int, ServiceRole: str, NotificationConfig: { type: 'object' },
    CloudWatchOutputConfig: { type: 'object' }, TimeoutSeconds: num,
    Engine: obj(
      {
        documentVersion: str, schemaVersion: str, platformTypes: arr(str),
        steps: arr(storedStepSchema),
        executionTimeout: num, concurrency: int, maxErrors: int, next: int, inFlight: int, counts: countsSchema,
      },
      { stopped: bool, cancelRequested: bool },
    ),
    Invocations: arr(invocationSchema),
  },
  { AlarmConfiguration: { type: 'object' }, Origin: obj({ kind: str, id: str }) },
);

export const commandsSlice = defineSlice<CommandsSlice>(
  'commands',
  () => ({ commands: {}, seq: 0, waiting: {} }),
  obj({ commands: rec(commandSchema), seq: int, waiting: rec(arr(str)) }, { evicted: int }),
);

export const commandsOf = (ctx: { scope: Ctx['scope'] }) => commandsSlice.of(ctx.scope);

export function getCommand(ctx: { scope: Ctx['scope'] }, id: string): CommandRecord | undefined {
  const all = commandsOf(ctx).commands;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

// ---- derived indexes ----

interface Order {
  /** Commands in creation order (oldest first). */
  list: CommandRecord[];
  /** Invocations of the commands in `list`. */
  invocations: number;
  /** Characters of output (Output, Stdout, Stderr) that the finished commands in `list` hold. */
  outputChars: number;
  /** Finished commands whose output is counted in outputChars, with what they added. */
  sized: WeakMap<CommandRecord, number>;
}
const orders = new WeakMap<CommandsSlice, Order>();

function orderOf(ctx: { scope: Ctx['scope'] }): Order {
  const slice = commandsOf(ctx);
  let o = orders.get(slice);
  if (!o) {
    const list = Object.values(slice.commands).sort((a, b) => a.Seq - b.Seq);
    o = { list, invocations: 0, outputChars: 0, sized: new WeakMap() };
    for (const cmd of list) {
      o.invocations += cmd.Invocations.length;
      if (FINISHED.has(cmd.Status)) sizeOutput(o, cmd);
    }
    orders.set(slice, o);
  }
  return o;
}

const FINISHED: ReadonlySet<string> = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled']);

/** Characters of output a command's invocations hold (Output, Stdout and Stderr of every plugin). */
export function outputCharsOf(cmd: CommandRecord): number {
  let chars = 0;
  for (const inv of cmd.Invocations) for (const p of inv.Plugins ?? []) chars += p.Output.length + p.Stdout.length + p.Stderr.length;
  return chars;
}

function sizeOutput(o: Order, cmd: CommandRecord): void {
  if (o.sized.has(cmd)) return;
  const chars = outputCharsOf(cmd);
  o.sized.set(cmd, chars);
  o.outputChars += chars;
}

/** Commands oldest first (cached; kept in step by addCommand/removeCommand). */
export function commandsInOrder(ctx: { scope: Ctx['scope'] }): readonly CommandRecord[] {
  return orderOf(ctx).list;
}

/** What the region's command history holds, for its caps (engine.ts enforceHistoryCap). */
export function historySize(ctx: { scope: Ctx['scope'] }): { commands: number; invocations: number; outputChars: number } {
  const o = orderOf(ctx);
  return { commands: o.list.length, invocations: o.invocations, outputChars: o.outputChars };
}

/** A command reached its final status: its output now counts against the history's output cap. */
export function commandFinished(ctx: { scope: Ctx['scope'] }, cmd: CommandRecord): void {
  sizeOutput(orderOf(ctx), cmd);
}

export function addCommand(ctx: { scope: Ctx['scope'] }, cmd: CommandRecord): void {
  const o = orderOf(ctx);
  commandsOf(ctx).commands[cmd.CommandId] = cmd;
  o.list.push(cmd);
  o.invocations += cmd.Invocations.length;
}

/** Drops a command and its invocations (the engine forgets their waits first). */
export function removeCommand(ctx: { scope: Ctx['scope'] }, id: string): void {
  const cmd = getCommand(ctx, id);
  if (!cmd) return;
  const o = orderOf(ctx);
  delete commandsOf(ctx).commands[id];
  const i = o.list.indexOf(cmd);
  if (i >= 0) o.list.splice(i, 1);
  o.invocations -= cmd.Invocations.length;
  o.outputChars -= o.sized.get(cmd) ?? 0;
}

const byInstance = new WeakMap<CommandRecord, Map<string, number>>();

/** The index of a command's invocation on a node, or undefined. */
export function invocationIndex(cmd: CommandRecord, instanceId: string): number | undefined {
  let m = byInstance.get(cmd);
  if (!m) {
    m = new Map(cmd.Invocations.map((inv, i) => [inv.InstanceId, i]));
    byInstance.set(cmd, m);
  }
  return m.get(instanceId);
}
