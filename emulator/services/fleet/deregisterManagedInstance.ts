/**
 * DeregisterManagedInstance: removes a hybrid node (mi-...). It no longer appears anywhere; to come
 * back it must register again with an activation that has registrations left. The activation's
 * RegistrationsCount is not given back.
 */
import { defineOperation } from '../../core/operation.js';
import { InvalidInstanceId } from '../../generated/ssm/errors.js';
import { getInstance } from '../../sim/fleet/state.js';
import { deleteNode } from '../../sim/fleet/nodes.js';
import * as messages from './messages.js';

export default defineOperation('DeregisterManagedInstance', (input, ctx) => {
  const inst = getInstance(ctx, input.InstanceId);
  if (!inst || inst.ResourceType !== 'ManagedInstance') throw new InvalidInstanceId(messages.instanceNotFound(input.InstanceId));
  deleteNode(ctx, input.InstanceId);
  return {};
});
