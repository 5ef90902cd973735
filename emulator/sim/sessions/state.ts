/**
 * Session Manager's slice of region state: sessions (what DescribeSessions lists) and just-in-time
 * access requests. Wire member names where they are wire members; timestamps in epoch seconds.
 *
 * What is NOT here: the live side of a session (its WebSocket, the data channel's sequence numbers
 * and buffers, the shell's variables). Those live in memory only (live.ts), because a socket cannot
 * be persisted or replayed: after a restart or a restored snapshot a session that was Connected
 * shows Disconnected, and its client can ResumeSession like after any dropped connection.
 */
import { defineSlice } from '../../state/store.js';
import { arr, int, num, obj, oneOf, rec, str, tagList } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';
import { SESSION_TYPES } from '../documents/platforms.js';
import type { AccessRequestStatus, AccessType, SessionStatus, Tag, Target } from '../../generated/ssm/types.js';

export type SessionType = 'Standard_Stream' | 'InteractiveCommands' | 'NonInteractiveCommands' | 'Port';

/** Session Manager preferences in force for a session (SSM-SessionManagerRunShell inputs). */
export interface SessionPreferences {
  /** Minutes without input before the session ends (idleSessionTimeout, 1-60, default 20). */
  idleMinutes: number;
  /** Minutes after which the session ends whatever happens (maxSessionDuration, 1-1440), if set. */
  maxMinutes?: number;
  /** shellProfile.linux / shellProfile.windows: lines run when a shell session starts. */
  shellProfile: { linux: string; windows: string };
  /** runAsEnabled + runAsDefaultUser: the Linux user the shell runs as (default ssm-user). */
  runAsUser?: string;
}

export interface SessionRecord {
  SessionId: string;
  Target: string;
  Status: SessionStatus;
  /** Epoch seconds. */
  StartDate: number;
  /** Epoch seconds, once ended. */
  EndDate?: number;
  DocumentName: string;
  Owner: string;
  Reason?: string;
  MaxSessionDuration?: string;
  AccessType: AccessType;

  // Emulator bookkeeping (not on the wire).
  /** Creation order: listing and paging. */
  Seq: number;
  SessionType: SessionType;
  /** The document's rendered session properties (commands, portNumber, ...). */
  Properties?: Record<string, unknown>;
  Preferences: SessionPreferences;
  /** The token a data channel must present (StartSession, then each ResumeSession replaces it). */
  Token: string;
  /** Epoch seconds of the last input from the client (the idle timeout counts from it). */
  LastActivity: number;
  /** Why the session ended, for the channel_closed message and the control API. */
  EndReason?: string;
}

export interface AccessRequestRecord {
  AccessRequestId: string;
  Status: AccessRequestStatus;
  Reason: string;
  Targets: Target[];
  Tags: Tag[];
  /** Who asked: the caller's ARN. */
  Requester: string;
  /** Epoch seconds. */
  CreatedDate: number;
  /** Epoch seconds: approval, and the end of the access window it opened. */
  ApprovedDate?: number;
  ExpirationTime?: number;
  /** Approval, rejection or revocation: who did it (the control API's `approver`). */
  DecidedBy?: string;
  Seq: number;
}

export interface SessionsSlice {
  sessions: Record<string, SessionRecord>;
  accessRequests: Record<string, AccessRequestRecord>;
  seq: number;
}

/** What a restored snapshot's sessions must look like (see state/schema.ts). */
const sessionSchema = obj(
  {
    SessionId: str, Target: str, Status: oneOf('Connected', 'Connecting', 'Disconnected', 'Terminated', 'Terminating', 'Failed'), StartDate: num,
    DocumentName: str, Owner: str, AccessType: oneOf('Standard', 'JustInTime'), Seq: int, SessionType: oneOf(...SESSION_TYPES),
    Preferences: obj({ idleMinutes: num, shellProfile: obj({ linux: str, windows: str }) }, { maxMinutes: num, runAsUser: str }),
    Token: str, LastActivity: num,
  },
  { EndDate: num, Reason: str, MaxSessionDuration: str, Properties: { type: 'object' }, EndReason: str },
);
const accessRequestSchema = obj(
  {
    AccessRequestId: str, Status: oneOf('Approved', 'Rejected', 'Revoked', 'Expired', 'Pending'), Reason: str,
    Targets: arr(obj({ Key: str, Values: arr(str) })), Tags: tagList, Requester: str, CreatedDate: num, Seq: int,
  },
  { ApprovedDate: num, ExpirationTime: num, DecidedBy: str },
);

export const sessionsSlice = defineSlice<SessionsSlice>(
  'sessions',
  () => ({ sessions: {}, accessRequests: {}, seq: 0 }),
  obj({ sessions: rec(sessionSchema), accessRequests: rec(accessRequestSchema), seq: int }),
);

/** The slice, created on first use: for writes. */
export const sessionsOf = (ctx: { scope: Ctx['scope'] }) => sessionsSlice.of(ctx.scope);

/**
 * The region's sessions and access requests for reading: empty when the region has none, without
 * creating the slice (a read must leave state as it was, or a replay under --data-dir, which does
 * not repeat reads, would differ).
 */
export function sessionsIn(ctx: { scope: Ctx['scope'] }): Readonly<Pick<SessionsSlice, 'sessions' | 'accessRequests'>> {
  return sessionsSlice.peek(ctx.scope) ?? { sessions: {}, accessRequests: {} };
}

export function getSession(ctx: { scope: Ctx['scope'] }, id: string): SessionRecord | undefined {
  const all = sessionsIn(ctx).sessions;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

export function getAccessRequest(ctx: { scope: Ctx['scope'] }, id: string): AccessRequestRecord | undefined {
  const all = sessionsIn(ctx).accessRequests;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

/** Active (DescribeSessions State=Active): not yet ended. */
export const isActive = (s: SessionRecord) => s.Status !== 'Terminated' && s.Status !== 'Failed';
