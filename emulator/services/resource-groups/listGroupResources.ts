/**
 * ListGroupResources: the group's members now (a tag-query group is dynamic; a static group lists
 * what GroupResources added, an application group also what its tag-sync tasks select), optionally
 * filtered by resource type, paged by ARN. A type filter outside the group's query is reported as a
 * RESOURCE_TYPE_NOT_SUPPORTED query error; a CloudFormation group whose stack does not exist
 * reports CLOUDFORMATION_STACK_NOT_EXISTING. Members of a host-management group that are still being
 * added show Status PENDING (the only group type that reports it).
 */
import { defineRgOperation } from '../../core/operation.js';
import type { ListGroupResourcesItem, QueryError } from '../../generated/resource-groups/types.js';
import { hasType, HOST_MANAGEMENT, isStaticGroup } from '../../sim/resource-groups/configuration.js';
import { staticAndSyncedMembers } from '../../sim/resource-groups/membership.js';
import { ALL_SUPPORTED, evaluate, findGroup, pageByKey, parseQuery } from '../../sim/resource-groups/model.js';

export const DEFAULT_MAX_RESULTS = 50;

export default defineRgOperation('ListGroupResources', (input, ctx) => {
  const g = findGroup(ctx, input);
  let resources: { ResourceArn: string; ResourceType: string; Pending?: boolean }[] = isStaticGroup(g) ? staticAndSyncedMembers(ctx, g) : [];
  const errors: QueryError[] = [];
  const typeFilter = (input.Filters ?? []).find((f) => f.Name === 'resource-type');
  if (g.ResourceQuery) {
    const q = parseQuery(g.ResourceQuery);
    const r = evaluate(ctx, q);
    resources = r.resources;
    errors.push(...r.errors);
    for (const t of typeFilter?.Values ?? []) {
      if (!q.ResourceTypeFilters.includes(ALL_SUPPORTED) && !q.ResourceTypeFilters.includes(t)) {
        errors.push({ ErrorCode: 'RESOURCE_TYPE_NOT_SUPPORTED', Message: `Resource type ${t} is not in the group's query.` });
      }
    }
  }
  if (typeFilter) resources = resources.filter((r) => typeFilter.Values.includes(r.ResourceType));
  const { page, next } = pageByKey(resources, (r) => r.ResourceArn, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  const ids = page.map((r) => ({ ResourceArn: r.ResourceArn, ResourceType: r.ResourceType }));
  const reportsPending = hasType(g, HOST_MANAGEMENT);
  const out: { Resources: ListGroupResourcesItem[]; ResourceIdentifiers: typeof ids; QueryErrors: QueryError[]; NextToken?: string } = {
    Resources: page.map((r, i) => ({ Identifier: ids[i], ...(reportsPending && r.Pending && { Status: { Name: 'PENDING' as const } }) })),
    ResourceIdentifiers: ids,
    QueryErrors: errors,
  };
  if (next !== undefined) out.NextToken = next;
  return out;
});
