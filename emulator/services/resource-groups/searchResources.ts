/** SearchResources: the resources a query selects now, without making a group; paged by ARN. */
import { defineRgOperation } from '../../core/operation.js';
import { evaluate, pageByKey, parseQuery } from '../../sim/resource-groups/model.js';

export const DEFAULT_MAX_RESULTS = 50;

export default defineRgOperation('SearchResources', (input, ctx) => {
  const { resources, errors } = evaluate(ctx, parseQuery(input.ResourceQuery));
  const { page, next } = pageByKey(resources, (r) => r.ResourceArn, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  const out: { ResourceIdentifiers: { ResourceArn: string; ResourceType: string }[]; QueryErrors: typeof errors; NextToken?: string } = {
    ResourceIdentifiers: page.map((r) => ({ ResourceArn: r.ResourceArn, ResourceType: r.ResourceType })),
    QueryErrors: errors,
  };
  if (next !== undefined) out.NextToken = next;
  return out;
});
