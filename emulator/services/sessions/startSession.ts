import { defineOperation } from '../../core/operation.js';
import { startSession } from '../../sim/sessions/lifecycle.js';

/**
 * StartSession: a session to an Online managed node (else TargetNotConnected) with a Session
 * document (SSM-SessionManagerRunShell by default; its parameters checked as Run Command checks
 * them: InvalidDocument, InvalidParameters). Answers the SessionId (root-<17 hex>), a token and the
 * StreamUrl: ws://<the host and port this request came to>/v1/data-channel/<SessionId>.
 */
export default defineOperation('StartSession', (input, ctx) => startSession(ctx, input));
