/**
 * DescribeInstanceInformation: the managed nodes of the caller's account and region, in InstanceId
 * order, with the legacy InstanceInformationFilterList or the current Filters (not both), tag
 * filters (not mixed with other keys), MaxResults 5-50 (default 10, as the API reference says) and
 * paging. Stopped and terminated EC2 instances are not listed (API reference).
 */
import { defineOperation } from '../../core/operation.js';
import { InvalidInstanceId } from '../../generated/ssm/errors.js';
import { getInstance } from '../../sim/fleet/state.js';
import { bothForms, filteredNodePage, instanceInformation, listable } from './model.js';
import { informationFilters } from './filters.js';
import * as messages from './messages.js';

export const DEFAULT_MAX_RESULTS = 10;

export default defineOperation('DescribeInstanceInformation', (input, ctx) => {
  bothForms(input.InstanceInformationFilterList, input.Filters, ['InstanceInformationFilterList', 'Filters']);
  const legacy = input.InstanceInformationFilterList ?? [];
  const filter = informationFilters.compile(
    legacy.length ? legacy.map((f) => ({ key: f.key, values: f.valueSet })) : (input.Filters ?? []).map((f) => ({ key: f.Key, values: f.Values })),
  );
  // The legacy list names nodes that must exist ("If you specify a node ID that isn't valid or a
  // node that you don't own, you receive an error").
  for (const f of legacy) {
    if (f.key !== 'InstanceIds') continue;
    const unknown = f.valueSet.filter((id) => {
      const inst = getInstance(ctx, id);
      return !inst || !listable(inst);
    });
    if (unknown.length) throw new InvalidInstanceId(messages.instanceNotFound(unknown.join(', ')));
  }
  const { page, NextToken } = filteredNodePage(ctx, filter, listable, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  return { InstanceInformationList: page.map((inst) => instanceInformation(inst, ctx.now)), ...(NextToken && { NextToken }) };
});
