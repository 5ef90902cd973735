import { defineOperation } from '../../core/operation.js';
import { ResourcePolicyConflictException, ResourcePolicyNotFoundException } from '../../generated/ssm/errors.js';
import { holderOf } from '../../sim/resource-policies/model.js';
import * as messages from '../../sim/resource-policies/messages.js';

/** DeleteResourcePolicy: removes one policy, given its current PolicyHash (optimistic concurrency). */
export default defineOperation('DeleteResourcePolicy', (input, ctx) => {
  const holder = holderOf(ctx, input.ResourceArn, { forWrite: false });
  const i = holder.policies.findIndex((p) => p.PolicyId === input.PolicyId);
  if (i < 0) throw new ResourcePolicyNotFoundException(messages.policyNotFound(input.PolicyId));
  if (holder.policies[i].PolicyHash !== input.PolicyHash) throw new ResourcePolicyConflictException(messages.conflict());
  holder.policies.splice(i, 1);
  holder.changed();
  return {};
});
