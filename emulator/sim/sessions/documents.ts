/**
 * Which session a StartSession starts: the Session document (SSM-SessionManagerRunShell when the
 * request names none), its parameters checked and rendered by the shared documents module, and the
 * Session Manager preferences in force.
 *
 * Preferences (idle timeout, maximum duration, shell profile, run-as user) are the `inputs` of a
 * Standard_Stream document; every other session type, and a shell document without inputs, takes
 * them from the account's SSM-SessionManagerRunShell (the regional preferences AWS keeps in that
 * document). Without that document (an account deleted it), AWS's defaults apply: a 20-minute idle
 * timeout and no maximum duration (user guide, "Specify an idle session timeout value" /
 * "Specify maximum session duration": idleSessionTimeout 1-60 minutes, maxSessionDuration
 * 1-1440 minutes). A value outside those ranges is ignored rather than failing the session.
 */
import type { Ctx } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import { InvalidDocument } from '../../generated/ssm/errors.js';
import { renderExecution, resolveDocument, resolveParameters } from '../documents/index.js';
import type { SessionPreferences, SessionType } from './state.js';
import * as messages from './messages.js';

export const PREFERENCES_DOCUMENT = 'SSM-SessionManagerRunShell';
export const DEFAULT_IDLE_MINUTES = 20;

export interface SessionPlan {
  documentName: string;
  sessionType: SessionType;
  properties?: Record<string, unknown>;
  preferences: SessionPreferences;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Minutes from a preference string ("20"), when it is a whole number in [1, max]. */
function minutes(v: unknown, max: number): number | undefined {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (!/^\d{1,4}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1 && n <= max ? n : undefined;
}

export function preferencesOf(inputs: Record<string, unknown> | undefined): SessionPreferences {
  const p: SessionPreferences = { idleMinutes: DEFAULT_IDLE_MINUTES, shellProfile: { linux: '', windows: '' } };
  if (!inputs) return p;
  p.idleMinutes = minutes(inputs.idleSessionTimeout, 60) ?? DEFAULT_IDLE_MINUTES;
  const max = minutes(inputs.maxSessionDuration, 1440);
  if (max !== undefined) p.maxMinutes = max;
  if (isObj(inputs.shellProfile)) {
    p.shellProfile = {
      linux: typeof inputs.shellProfile.linux === 'string' ? inputs.shellProfile.linux : '',
      windows: typeof inputs.shellProfile.windows === 'string' ? inputs.shellProfile.windows : '',
    };
  }
  const runAs = inputs.runAsEnabled === true || inputs.runAsEnabled === 'true';
  if (runAs && typeof inputs.runAsDefaultUser === 'string' && inputs.runAsDefaultUser.trim() !== '') p.runAsUser = inputs.runAsDefaultUser.trim();
  return p;
}

/** The account's regional preferences, or AWS's defaults when it has no preferences document. */
function accountPreferences(ctx: Ctx): SessionPreferences {
  try {
    // A preferences document being updated still holds the preferences in force.
    const doc = resolveDocument(ctx, { name: PREFERENCES_DOCUMENT }, { requireActive: false });
    const session = renderExecution(ctx, doc, resolveParameters(doc, {})).session;
    return preferencesOf(session?.inputs);
  } catch (e) {
    if (e instanceof ServiceError) return preferencesOf(undefined);
    throw e;
  }
}

/**
 * Resolves the document of a StartSession. Errors: InvalidDocument (unknown, not shared, not a
 * Session document), InvalidParameters (parameters the document does not declare or accept).
 */
export function planSession(ctx: Ctx, documentName: string | undefined, parameters: Record<string, string[]> | undefined): SessionPlan {
  if (documentName === undefined) {
    // No document: a shell with the account's preferences (or the defaults when it has none).
    const preferences = accountPreferences(ctx);
    return { documentName: PREFERENCES_DOCUMENT, sessionType: 'Standard_Stream', preferences };
  }
  const doc = resolveDocument(ctx, { name: documentName });
  if (doc.documentType !== 'Session') throw new InvalidDocument(messages.wrongDocumentType(doc.documentType));
  const run = renderExecution(ctx, doc, resolveParameters(doc, parameters ?? {}));
  const session = run.session!;
  const sessionType = session.sessionType as SessionType;
  const preferences = sessionType === 'Standard_Stream' && session.inputs ? preferencesOf(session.inputs) : accountPreferences(ctx);
  return { documentName: doc.name, sessionType, ...(session.properties && { properties: session.properties }), preferences };
}
