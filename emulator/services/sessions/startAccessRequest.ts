import { defineOperation } from '../../core/operation.js';
import { startAccessRequest } from '../../sim/sessions/access.js';

/**
 * StartAccessRequest: files a just-in-time access request (Pending) for one managed node
 * (Targets: Key=InstanceIds, one id): ValidationException for other targets,
 * ResourceNotFoundException for an unknown node. An approver decides through the control API.
 */
export default defineOperation('StartAccessRequest', (input, ctx) => startAccessRequest(ctx, input));
