/** UpdateManagedInstanceRole: changes the IAM role of a hybrid node (mi-...). */
import { defineOperation } from '../../core/operation.js';
import { InvalidInstanceId } from '../../generated/ssm/errors.js';
import { getInstance, notify } from '../../sim/fleet/state.js';
import * as messages from './messages.js';

export default defineOperation('UpdateManagedInstanceRole', (input, ctx) => {
  const inst = getInstance(ctx, input.InstanceId);
  if (!inst || inst.ResourceType !== 'ManagedInstance') throw new InvalidInstanceId(messages.instanceNotFound(input.InstanceId));
  inst.IamRole = input.IamRole;
  notify(ctx, { type: 'updated', instanceId: inst.InstanceId });
  return {};
});
