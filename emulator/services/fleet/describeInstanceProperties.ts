/**
 * DescribeInstanceProperties: the console's view of managed nodes (EC2 metadata beside the agent's
 * data). Legacy InstancePropertyFilterList or FiltersWithOperator (Equal, NotEqual, BeginWith,
 * LessThan, GreaterThan; AgentVersion compares as a version), not both; MaxResults 5-1000.
 * DocumentName matches the documents State Manager associated with a node. Unlike
 * DescribeInstanceInformation it shows stopped EC2 instances (it reports InstanceState).
 */
import { defineOperation } from '../../core/operation.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidActivationId, InvalidInstancePropertyFilterValue, InvalidNextToken } from '../../generated/ssm/errors.js';
import { bothForms, checkFilters, instanceProperty, candidates, compileFilter, pageNodes, PROPERTY_KEYS, type NodeFilterSpec } from './model.js';
import * as messages from './messages.js';

/** Not documented; the same as DescribeInstanceInformation's. */
export const DEFAULT_MAX_RESULTS = 10;

export default defineOperation('DescribeInstanceProperties', (input, ctx) => {
  bothForms(input.InstancePropertyFilterList, input.FiltersWithOperator, ['InstancePropertyFilterList', 'FiltersWithOperator']);
  const legacy = input.InstancePropertyFilterList ?? [];
  const filters: NodeFilterSpec[] = legacy.length
    ? legacy.map((f) => ({ key: f.key, values: f.valueSet, operator: 'Equal' as const }))
    : (input.FiltersWithOperator ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Operator ?? 'Equal' }));
  checkFilters(filters, PROPERTY_KEYS, (m) => new InvalidInstancePropertyFilterValue(m), (m) => new InvalidActivationId(m));
  const after = input.NextToken === undefined ? undefined : decodeToken<{ k: string }>(input.NextToken, () => new InvalidNextToken(messages.invalidNextToken())).k;
  if (after !== undefined && typeof after !== 'string') throw new InvalidNextToken(messages.invalidNextToken());
  const now = toEpochSeconds(ctx.now);
  const tests = filters.map(compileFilter);
  const { page, last } = pageNodes(
    candidates(ctx, filters),
    (inst) => inst.InstanceState !== 'terminated' && tests.every((test) => test(inst, now)),
    input.MaxResults ?? DEFAULT_MAX_RESULTS,
    after,
  );
  const out: { InstanceProperties: ReturnType<typeof instanceProperty>[]; NextToken?: string } = {
    InstanceProperties: page.map((inst) => instanceProperty(inst, ctx.now)),
  };
  if (last !== undefined) out.NextToken = encodeToken({ k: last });
  return out;
});
