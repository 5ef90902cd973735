import { defineOperation } from '../../core/operation.js';
import { resumeSession } from '../../sim/sessions/lifecycle.js';

/**
 * ResumeSession: a new token (and the StreamUrl) for a session that has not ended, so a client
 * whose connection dropped can reconnect to the same channel; the old token stops working. An
 * ended session answers its SessionId only (the plugin then says the session timed out); an
 * unknown one DoesNotExistException.
 */
export default defineOperation('ResumeSession', (input, ctx) => resumeSession(ctx, input.SessionId));
