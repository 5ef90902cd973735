import { defineOperation } from '../../core/operation.js';
import { emitApiCall } from '../../sim/sessions/events.js';
import { terminateSession } from '../../sim/sessions/lifecycle.js';

/**
 * TerminateSession: the session ends (Terminating, then Terminated a second later) and its data
 * channel is closed with channel_closed. An unknown or already ended session is left as it is: the
 * operation declares no error for it [unverified].
 */
export default defineOperation('TerminateSession', (input, ctx) => {
  terminateSession(ctx, input.SessionId);
  emitApiCall(ctx, 'TerminateSession', { sessionId: input.SessionId }, { sessionId: input.SessionId });
  return { SessionId: input.SessionId };
});
