/**
 * DescribeActivations: the caller's activations in creation order, filtered by ActivationIds,
 * DefaultInstanceName or IamRole (values ORed, filters ANDed), with the Expired flag derived from the
 * clock.
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { InvalidFilter, InvalidNextToken } from '../../generated/ssm/errors.js';
import type { Activation } from '../../generated/ssm/types.js';
import { fleetOf, type ActivationRecord } from '../../sim/fleet/state.js';
import { isExpired } from '../../sim/fleet/activations.js';
import * as messages from './messages.js';

export const DEFAULT_MAX_RESULTS = 50;

export default defineOperation('DescribeActivations', (input, ctx) => {
  const tests = (input.Filters ?? []).map((f) => {
    if (f.FilterKey === undefined) throw new InvalidFilter(messages.activationFilterKeyRequired());
    const values = f.FilterValues ?? [];
    if (values.length === 0) throw new InvalidFilter(messages.activationFilterValuesRequired(f.FilterKey));
    const field = f.FilterKey === 'ActivationIds' ? 'ActivationId' : f.FilterKey;
    return (a: ActivationRecord) => {
      const v = a[field as 'ActivationId' | 'DefaultInstanceName' | 'IamRole'];
      return v !== undefined && values.includes(v);
    };
  });
  const list = Object.values(fleetOf(ctx).activations)
    .filter((a) => tests.every((t) => t(a)))
    .sort((a, b) => a.Seq - b.Seq);
  const { page, nextToken } = pageSorted(
    list,
    (a) => String(a.Seq).padStart(10, '0'),
    input.MaxResults ?? DEFAULT_MAX_RESULTS,
    input.NextToken,
    () => new InvalidNextToken(messages.invalidNextToken()),
  );
  const out: { ActivationList: Activation[]; NextToken?: string } = {
    ActivationList: page.map((a) => {
      const v: Activation = { ActivationId: a.ActivationId };
      if (a.Description !== undefined) v.Description = a.Description;
      if (a.DefaultInstanceName !== undefined) v.DefaultInstanceName = a.DefaultInstanceName;
      v.IamRole = a.IamRole;
      v.RegistrationLimit = a.RegistrationLimit;
      v.RegistrationsCount = a.RegistrationsCount;
      v.ExpirationDate = a.ExpirationDate;
      v.Expired = isExpired(a, ctx.now);
      v.CreatedDate = a.CreatedDate;
      if (a.Tags.length) v.Tags = a.Tags.map((t) => ({ ...t }));
      return v;
    }),
  };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return out;
});
