import { defineOperation } from '../../core/operation.js';
import {
  ResourcePolicyConflictException,
  ResourcePolicyLimitExceededException,
  ResourcePolicyNotFoundException,
} from '../../generated/ssm/errors.js';
import { checkPolicyDocument } from '../../sim/iam/policies.js';
import { holderOf, MAX_POLICY_BYTES, nextHash } from '../../sim/resource-policies/model.js';
import * as messages from '../../sim/resource-policies/messages.js';

/**
 * PutResourcePolicy: attaches a new policy (no PolicyId), or updates one (PolicyId with the PolicyHash
 * that GetResourcePolicies or the previous Put returned; a stale or missing hash is a conflict, so two
 * writers cannot silently overwrite each other). All checks run before anything changes.
 */
export default defineOperation('PutResourcePolicy', (input, ctx) => {
  const holder = holderOf(ctx, input.ResourceArn, { forWrite: true });
  checkPolicyDocument(input.Policy, holder.arn, holder.actions);
  const size = Buffer.byteLength(input.Policy, 'utf8');
  if (size > MAX_POLICY_BYTES) {
    throw new ResourcePolicyLimitExceededException(messages.tooLarge(size), { Limit: MAX_POLICY_BYTES, LimitType: 'PolicySize' });
  }
  if (input.PolicyId !== undefined) {
    const existing = holder.policies.find((p) => p.PolicyId === input.PolicyId);
    if (!existing) throw new ResourcePolicyNotFoundException(messages.policyNotFound(input.PolicyId));
    if (input.PolicyHash !== existing.PolicyHash) throw new ResourcePolicyConflictException(messages.conflict());
    existing.Policy = input.Policy;
    existing.PolicyHash = nextHash(ctx, existing.PolicyId, input.Policy);
    holder.changed();
    return { PolicyId: existing.PolicyId, PolicyHash: existing.PolicyHash };
  }
  if (holder.maxPolicies !== undefined && holder.policies.length >= holder.maxPolicies) {
    throw new ResourcePolicyLimitExceededException(messages.oneOpsItemGroupPolicy(), { Limit: holder.maxPolicies, LimitType: 'PolicyCount' });
  }
  const policyId = ctx.emu.ids.uuid();
  const record = { PolicyId: policyId, PolicyHash: nextHash(ctx, policyId, input.Policy), Policy: input.Policy };
  holder.policies.push(record);
  holder.changed();
  return { PolicyId: record.PolicyId, PolicyHash: record.PolicyHash };
});
