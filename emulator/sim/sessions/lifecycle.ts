/**
 * A session's life, on the virtual clock:
 *
 *   StartSession ──> Connecting ──(data channel opens with the token)──> Connected
 *                                     ▲                                    │ socket drops
 *                    ResumeSession ───┴── new token ──── Disconnected <────┘
 *   TerminateSession, `exit`, the command finishing, Flag TerminateSession ──> Terminating ──(1 s)──> Terminated
 *   idle timeout (no input for idleSessionTimeout), maxSessionDuration, the node's agent stopping ──> Terminated
 *   a port session that cannot reach its port, a handshake the client refuses ──> Failed
 *
 * Timers are scheduler tasks (sessions.idle, sessions.maxDuration, sessions.finish): the idle task
 * sits at LastActivity + timeout and, when it finds newer activity, moves itself there, so input
 * costs one number written, not a task per keystroke.
 *
 * The live side (sockets, shells) is told about endings through a listener registered per emulator
 * (onSessionEnd): this module is state and time only, and runs the same under replay, where there
 * are no sockets.
 */
import { toEpochSeconds, toMillis, type Ctx } from '../../core/context.js';
import type { Runtime } from '../../core/runtime.js';
import type { Task } from '../../time/scheduler.js';
import { DoesNotExistException, TargetNotConnected } from '../../generated/ssm/errors.js';
import type { StartSessionRequest } from '../../generated/ssm/types.js';
import { agentConnected, getInstance } from '../fleet/index.js';
import { planSession } from './documents.js';
import { getSession, isActive, sessionsIn, sessionsOf, type SessionRecord } from './state.js';
import { emitApiCall } from './events.js';
import { hasApprovedAccess } from './access.js';
import * as messages from './messages.js';

/** How long a session shows Terminating before Terminated [unverified: AWS shows it briefly]. */
export const TERMINATING_MS = 1000;

/** Ended sessions are listed for 30 days (DescribeSessions: "terminated sessions from the past 30 days"). */
export const HISTORY_DAYS = 30;

export const TASK_IDLE = 'sessions.idle';
export const TASK_MAX = 'sessions.maxDuration';
export const TASK_FINISH = 'sessions.finish';

interface SessionTask {
  sessionId: string;
}

/** Told when a session ends (for its socket): the session and what the client should be told. */
export type SessionEndListener = (ctx: Ctx, session: SessionRecord, output: string) => void;
const endListeners = new WeakMap<Runtime, SessionEndListener>();

export function onSessionEnd(emu: Runtime, listener: SessionEndListener): void {
  endListeners.set(emu, listener);
}

const taskKey = (ctx: Ctx, id: string, what: string) => `sessions:${ctx.account}:${ctx.region}:${id}:${what}`;

/** The caller as Session Manager records it: the emulator's callers are the account root. */
export const ownerOf = (ctx: Ctx) => `arn:aws:iam::${ctx.account}:root`;

/** ws://<host:port the request came to>/v1/data-channel/<id>?role=publish_subscribe */
export function streamUrl(ctx: Ctx, sessionId: string): string {
  // Calls made from inside the emulator (no request) fall back to the default port.
  const e = ctx.endpoint ?? { host: '127.0.0.1', port: 4583, protocol: 'http' as const };
  return `${e.protocol === 'https' ? 'wss' : 'ws'}://${e.host}:${e.port}/v1/data-channel/${encodeURIComponent(sessionId)}?role=publish_subscribe`;
}

const newToken = (ctx: Ctx) => Buffer.from(ctx.emu.ids.bytes(48)).toString('base64');

export function startSession(ctx: Ctx, input: StartSessionRequest): { SessionId: string; TokenValue: string; StreamUrl: string } {
  const inst = getInstance(ctx, input.Target);
  // Unknown nodes, other accounts' or regions' nodes, and nodes whose agent is not running all
  // answer the same (troubleshooting guide, "TargetNotConnected").
  if (!inst || !agentConnected(inst)) throw new TargetNotConnected(messages.targetNotConnected(input.Target));
  const plan = planSession(ctx, input.DocumentName, input.Parameters);
  const slice = sessionsOf(ctx);
  pruneHistory(ctx);
  const now = toEpochSeconds(ctx.now);
  const id = `root-${ctx.emu.ids.hex(17)}`;
  const rec: SessionRecord = {
    SessionId: id,
    Target: inst.InstanceId,
    Status: 'Connecting',
    StartDate: now,
    DocumentName: plan.documentName,
    Owner: ownerOf(ctx),
    AccessType: hasApprovedAccess(ctx, inst.InstanceId) ? 'JustInTime' : 'Standard',
    Seq: ++slice.seq,
    SessionType: plan.sessionType,
    Preferences: plan.preferences,
    Token: newToken(ctx),
    LastActivity: now,
  };
  if (input.Reason !== undefined) rec.Reason = input.Reason;
  if (plan.properties) rec.Properties = plan.properties;
  if (plan.preferences.maxMinutes !== undefined) {
    rec.MaxSessionDuration = String(plan.preferences.maxMinutes);
    schedule(ctx, rec, TASK_MAX, ctx.now + plan.preferences.maxMinutes * 60_000);
  }
  slice.sessions[id] = rec;
  schedule(ctx, rec, TASK_IDLE, ctx.now + plan.preferences.idleMinutes * 60_000);
  const out = { SessionId: id, TokenValue: rec.Token, StreamUrl: streamUrl(ctx, id) };
  emitApiCall(ctx, 'StartSession', requestParameters(input), { sessionId: id, tokenValue: 'Value hidden due to security reasons.', streamUrl: out.StreamUrl });
  return out;
}

const requestParameters = (input: StartSessionRequest) => ({
  target: input.Target,
  ...(input.DocumentName !== undefined && { documentName: input.DocumentName }),
  ...(input.Reason !== undefined && { reason: input.Reason }),
  ...(input.Parameters !== undefined && { parameters: input.Parameters }),
});

/**
 * ResumeSession: a new token for a session that has not ended. An ended session answers without a
 * token, which the plugin reports as "Session: <id> timed out." (session-manager-plugin
 * ResumeSessionHandler) [unverified: inferred from the plugin].
 */
export function resumeSession(ctx: Ctx, id: string): { SessionId: string; TokenValue?: string; StreamUrl?: string } {
  const rec = getSession(ctx, id);
  if (!rec) throw new DoesNotExistException(messages.sessionDoesNotExist(id));
  if (!isActive(rec) || rec.Status === 'Terminating') return { SessionId: id };
  rec.Token = newToken(ctx);
  const out = { SessionId: id, TokenValue: rec.Token, StreamUrl: streamUrl(ctx, id) };
  emitApiCall(ctx, 'ResumeSession', { sessionId: id }, { sessionId: id, tokenValue: 'Value hidden due to security reasons.', streamUrl: out.StreamUrl });
  return out;
}

/**
 * Ends a session: Terminating now, Terminated TERMINATING_MS later. Unknown and already ended
 * sessions are left as they are (TerminateSession declares no error for them [unverified]).
 */
export function terminateSession(ctx: Ctx, id: string, output = ''): void {
  const rec = getSession(ctx, id);
  if (!rec || !isActive(rec) || rec.Status === 'Terminating') return;
  rec.Status = 'Terminating';
  if (output) rec.EndReason = output;
  cancelTimers(ctx, rec);
  schedule(ctx, rec, TASK_FINISH, ctx.now + TERMINATING_MS);
  endListeners.get(ctx.emu)?.(ctx, rec, output);
}

/** Ends a session at once: Terminated (timeouts, the node going away) or Failed. */
export function endSession(ctx: Ctx, rec: SessionRecord, status: 'Terminated' | 'Failed', output: string): void {
  if (!isActive(rec)) return;
  const wasTerminating = rec.Status === 'Terminating';
  rec.Status = status;
  rec.EndDate = toEpochSeconds(ctx.now);
  if (output) rec.EndReason = output;
  cancelTimers(ctx, rec);
  ctx.emu.scheduler.cancel(taskKey(ctx, rec.SessionId, 'finish'));
  if (!wasTerminating) endListeners.get(ctx.emu)?.(ctx, rec, output);
}

/** The data channel opened with the right token. */
export function markConnected(ctx: Ctx, rec: SessionRecord): void {
  if (rec.Status === 'Connecting' || rec.Status === 'Disconnected') rec.Status = 'Connected';
  rec.LastActivity = toEpochSeconds(ctx.now);
}

/** The data channel closed without the session ending (the client may ResumeSession). */
export function markDisconnected(rec: SessionRecord): void {
  if (rec.Status === 'Connected' || rec.Status === 'Connecting') rec.Status = 'Disconnected';
}

/** Input from the client: the idle timeout starts again. */
export function markActivity(ctx: Ctx, rec: SessionRecord): void {
  rec.LastActivity = toEpochSeconds(ctx.now);
}

function schedule(ctx: Ctx, rec: SessionRecord, kind: string, at: number): void {
  const what = kind === TASK_IDLE ? 'idle' : kind === TASK_MAX ? 'max' : 'finish';
  ctx.emu.scheduler.schedule<SessionTask>({ at, kind, account: ctx.account, region: ctx.region, key: taskKey(ctx, rec.SessionId, what), payload: { sessionId: rec.SessionId } });
}

function cancelTimers(ctx: Ctx, rec: SessionRecord): void {
  ctx.emu.scheduler.cancel(taskKey(ctx, rec.SessionId, 'idle'));
  ctx.emu.scheduler.cancel(taskKey(ctx, rec.SessionId, 'max'));
}

/** Sessions that ended more than HISTORY_DAYS ago are forgotten. */
function pruneHistory(ctx: Ctx): void {
  const slice = sessionsOf(ctx);
  const horizon = toEpochSeconds(ctx.now) - HISTORY_DAYS * 86400;
  for (const [id, s] of Object.entries(slice.sessions)) if (s.EndDate !== undefined && s.EndDate < horizon) delete slice.sessions[id];
}

export const tasks: Record<string, (task: Task<SessionTask>, ctx: Ctx) => void> = {
  [TASK_IDLE]: (task, ctx) => {
    const rec = getSession(ctx, task.payload.sessionId);
    if (!rec || !isActive(rec) || rec.Status === 'Terminating') return;
    const due = toMillis(rec.LastActivity) + rec.Preferences.idleMinutes * 60_000;
    if (due > ctx.now) return schedule(ctx, rec, TASK_IDLE, due);
    endSession(ctx, rec, 'Terminated', messages.idleTimeout(rec.Preferences.idleMinutes));
  },
  [TASK_MAX]: (task, ctx) => {
    const rec = getSession(ctx, task.payload.sessionId);
    if (rec && isActive(rec) && rec.Status !== 'Terminating') endSession(ctx, rec, 'Terminated', messages.maxDurationReached(rec.Preferences.maxMinutes ?? 0));
  },
  [TASK_FINISH]: (task, ctx) => {
    const rec = getSession(ctx, task.payload.sessionId);
    if (rec && rec.Status === 'Terminating') {
      rec.Status = 'Terminated';
      rec.EndDate = toEpochSeconds(ctx.now);
    }
  },
};

/** The node left or its agent stopped: its sessions end. */
export function targetGone(ctx: Ctx, instanceId: string, why: 'removed' | 'agent-stopped'): void {
  for (const rec of Object.values(sessionsIn(ctx).sessions)) {
    if (rec.Target === instanceId && isActive(rec)) {
      endSession(ctx, rec, 'Terminated', why === 'removed' ? messages.nodeRemoved(instanceId) : messages.agentStopped(instanceId));
    }
  }
}

/** Just-in-time access to a node was revoked: its just-in-time sessions end. */
export function accessRevoked(ctx: Ctx, instanceId: string): void {
  for (const rec of Object.values(sessionsIn(ctx).sessions)) {
    if (rec.Target === instanceId && rec.AccessType === 'JustInTime' && isActive(rec)) endSession(ctx, rec, 'Terminated', messages.accessRevoked(instanceId));
  }
}
