/**
 * DescribeInstanceProperties: the console's view of managed nodes (EC2 metadata beside the agent's
 * data). Legacy InstancePropertyFilterList or FiltersWithOperator (Equal, NotEqual, BeginWith,
 * LessThan, GreaterThan; AgentVersion compares as a version), not both; MaxResults 5-1000.
 * DocumentName matches the documents State Manager associated with a node. Unlike
 * DescribeInstanceInformation it shows stopped EC2 instances (it reports InstanceState).
 */
import { defineOperation } from '../../core/operation.js';
import { bothForms, filteredNodePage, instanceProperty } from './model.js';
import { propertyFilters } from './filters.js';

/** Not documented; the same as DescribeInstanceInformation's. */
export const DEFAULT_MAX_RESULTS = 10;

export default defineOperation('DescribeInstanceProperties', (input, ctx) => {
  bothForms(input.InstancePropertyFilterList, input.FiltersWithOperator, ['InstancePropertyFilterList', 'FiltersWithOperator']);
  const legacy = input.InstancePropertyFilterList ?? [];
  const filter = propertyFilters.compile(
    legacy.length
      ? legacy.map((f) => ({ key: f.key, values: f.valueSet }))
      : (input.FiltersWithOperator ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Operator })),
  );
  const { page, NextToken } = filteredNodePage(ctx, filter, (inst) => inst.InstanceState !== 'terminated', input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  return { InstanceProperties: page.map((inst) => instanceProperty(inst, ctx.now)), ...(NextToken && { NextToken }) };
});
