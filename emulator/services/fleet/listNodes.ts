/** ListNodes: the caller's managed nodes as Node records (see nodeSummary.ts), paged by InstanceId. */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';
import { checkSync, filteredNodes, nodeView } from './nodeSummary.js';
import * as messages from './messages.js';

/** Not documented; the model's maximum. */
export const DEFAULT_MAX_RESULTS = 50;

export default defineOperation('ListNodes', (input, ctx) => {
  checkSync(input.SyncName);
  const nodes = filteredNodes(ctx, input.Filters);
  const { page, nextToken } = pageSorted(nodes, (n) => n.InstanceId, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken, () => new InvalidNextToken(messages.invalidNextToken()));
  const now = toEpochSeconds(ctx.now);
  const out: { Nodes: ReturnType<typeof nodeView>[]; NextToken?: string } = { Nodes: page.map((n) => nodeView(ctx, n, now)) };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return out;
});
