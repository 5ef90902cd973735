/**
 * ListGroupResources: the group's members now (a tag-query group is dynamic), optionally filtered by
 * resource type, paged by ARN. A type filter outside the group's query is reported as a
 * RESOURCE_TYPE_NOT_SUPPORTED query error; a CloudFormation group whose stack does not exist
 * reports CLOUDFORMATION_STACK_NOT_EXISTING.
 */
import { defineRgOperation } from '../../core/operation.js';
import type { QueryError } from '../../generated/resource-groups/types.js';
import { ALL_SUPPORTED, evaluate, findGroup, pageByKey, parseQuery } from '../../sim/resource-groups/model.js';

export const DEFAULT_MAX_RESULTS = 50;

export default defineRgOperation('ListGroupResources', (input, ctx) => {
  const g = findGroup(ctx, input);
  let resources: { ResourceArn: string; ResourceType: string }[] = [];
  const errors: QueryError[] = [];
  if (g.ResourceQuery) {
    const q = parseQuery(g.ResourceQuery);
    const r = evaluate(ctx, q);
    resources = r.resources;
    errors.push(...r.errors);
    const typeFilter = (input.Filters ?? []).find((f) => f.Name === 'resource-type');
    if (typeFilter) {
      for (const t of typeFilter.Values) {
        if (!q.ResourceTypeFilters.includes(ALL_SUPPORTED) && !q.ResourceTypeFilters.includes(t)) {
          errors.push({ ErrorCode: 'RESOURCE_TYPE_NOT_SUPPORTED', Message: `Resource type ${t} is not in the group's query.` });
        }
      }
      resources = resources.filter((r) => typeFilter.Values.includes(r.ResourceType));
    }
  }
  const { page, next } = pageByKey(resources, (r) => r.ResourceArn, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  const ids = page.map((r) => ({ ResourceArn: r.ResourceArn, ResourceType: r.ResourceType }));
  const out: { Resources: { Identifier: { ResourceArn: string; ResourceType: string } }[]; ResourceIdentifiers: typeof ids; QueryErrors: QueryError[]; NextToken?: string } = {
    Resources: ids.map((Identifier) => ({ Identifier })),
    ResourceIdentifiers: ids,
    QueryErrors: errors,
  };
  if (next !== undefined) out.NextToken = next;
  return out;
});
