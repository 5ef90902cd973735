/**
 * DescribeInstanceProperties: the console's view of managed nodes (EC2 metadata beside the agent's
 * data). Legacy InstancePropertyFilterList or FiltersWithOperator (Equal, NotEqual, BeginWith,
 * LessThan, GreaterThan; AgentVersion compares as a version), not both; MaxResults 5-1000.
 * DocumentName matches the documents State Manager associated with a node. Unlike
 * DescribeInstanceInformation it shows stopped EC2 instances (it reports InstanceState).
 */
import { defineOperation } from '../../core/operation.js';
import { InvalidActivationId, InvalidInstancePropertyFilterValue } from '../../generated/ssm/errors.js';
import { bothForms, checkFilters, filteredNodePage, instanceProperty, PROPERTY_KEYS, type NodeFilterSpec } from './model.js';

/** Not documented; the same as DescribeInstanceInformation's. */
export const DEFAULT_MAX_RESULTS = 10;

export default defineOperation('DescribeInstanceProperties', (input, ctx) => {
  bothForms(input.InstancePropertyFilterList, input.FiltersWithOperator, ['InstancePropertyFilterList', 'FiltersWithOperator']);
  const legacy = input.InstancePropertyFilterList ?? [];
  const filters: NodeFilterSpec[] = legacy.length
    ? legacy.map((f) => ({ key: f.key, values: f.valueSet, operator: 'Equal' as const }))
    : (input.FiltersWithOperator ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Operator ?? 'Equal' }));
  checkFilters(filters, PROPERTY_KEYS, (m) => new InvalidInstancePropertyFilterValue(m), (m) => new InvalidActivationId(m));
  const { page, NextToken } = filteredNodePage(ctx, filters, (inst) => inst.InstanceState !== 'terminated', input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  return { InstanceProperties: page.map((inst) => instanceProperty(inst, ctx.now)), ...(NextToken && { NextToken }) };
});
