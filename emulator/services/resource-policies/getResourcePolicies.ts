import { defineOperation } from '../../core/operation.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { ResourcePolicyInvalidParameterException } from '../../generated/ssm/errors.js';
import { holderOf } from '../../sim/resource-policies/model.js';
import * as messages from '../../sim/resource-policies/messages.js';

const DEFAULT_MAX = 50;

/** GetResourcePolicies: the policies of a resource in the order they were attached, paged by PolicyId. */
export default defineOperation('GetResourcePolicies', (input, ctx) => {
  const holder = holderOf(ctx, input.ResourceArn, { forWrite: false });
  const max = input.MaxResults ?? DEFAULT_MAX;
  let start = 0;
  if (input.NextToken !== undefined) {
    const invalid = () => new ResourcePolicyInvalidParameterException(messages.invalidToken(), { ParameterNames: ['NextToken'] });
    const t = decodeToken<{ after?: unknown }>(input.NextToken, invalid);
    if (typeof t.after !== 'string') throw invalid();
    // The position after the token's policy; if that policy was deleted meanwhile, the policies
    // attached after it (ids are not ordered, so the stored order is the only key).
    const i = holder.policies.findIndex((p) => p.PolicyId === t.after);
    start = i >= 0 ? i + 1 : holder.policies.length;
  }
  const page = holder.policies.slice(start, start + max);
  const result: { Policies: { PolicyId: string; PolicyHash: string; Policy: string }[]; NextToken?: string } = {
    Policies: page.map((p) => ({ PolicyId: p.PolicyId, PolicyHash: p.PolicyHash, Policy: p.Policy })),
  };
  if (start + max < holder.policies.length) result.NextToken = encodeToken({ after: page[page.length - 1].PolicyId });
  return result;
});
