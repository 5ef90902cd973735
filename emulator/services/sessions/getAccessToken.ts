import { defineOperation } from '../../core/operation.js';
import { getAccessToken } from '../../sim/sessions/access.js';

/**
 * GetAccessToken: the status of a just-in-time access request and, while it is Approved,
 * temporary credentials for the access window (ResourceNotFoundException for an unknown request).
 * It issues new credentials on every call, so it changes state (the id generator) and is journaled.
 */
export default defineOperation('GetAccessToken', (input, ctx) => getAccessToken(ctx, input.AccessRequestId), { mutates: true });
