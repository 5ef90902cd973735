/**
 * ListGroups: the groups of the account and Region by name, filtered by resource-type (groups whose
 * query selects that type, AWS::AllSupported selecting every type, or whose configuration allows
 * it), configuration-type (groups with a configuration item of that type), owner, display-name and
 * criticality; values ORed, filters ANDed. Paged with maxResults / nextToken in the query string.
 */
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import type { GroupIdentifier } from '../../generated/resource-groups/types.js';
import { groupsOf, type GroupRecord } from '../../sim/resource-groups/state.js';
import { ALL_SUPPORTED, groupView, pageByKey, parseQuery } from '../../sim/resource-groups/model.js';
import { allowedResourceTypes, configurationTypes } from '../../sim/resource-groups/configuration.js';
import * as messages from '../../sim/resource-groups/messages.js';

export const DEFAULT_MAX_RESULTS = 50;

function typesOf(g: GroupRecord): string[] {
  return g.ResourceQuery ? parseQuery(g.ResourceQuery).ResourceTypeFilters : (allowedResourceTypes(g) ?? []);
}

export default defineRgOperation('ListGroups', (input, ctx) => {
  const seen = new Set<string>();
  const tests = (input.Filters ?? []).map((f) => {
    if (seen.has(f.Name)) throw new BadRequestException(messages.duplicateFilter(f.Name));
    seen.add(f.Name);
    switch (f.Name) {
      case 'resource-type':
        return (g: GroupRecord) => {
          const types = typesOf(g);
          return types.includes(ALL_SUPPORTED) || f.Values.some((v) => types.includes(v));
        };
      case 'configuration-type':
        return (g: GroupRecord) => configurationTypes(g).some((t) => f.Values.includes(t));
      case 'owner':
        return (g: GroupRecord) => g.Owner !== undefined && f.Values.includes(g.Owner);
      case 'display-name':
        return (g: GroupRecord) => g.DisplayName !== undefined && f.Values.includes(g.DisplayName);
      case 'criticality': {
        const wanted = f.Values.map((v) => {
          const n = Number(v);
          if (!Number.isInteger(n) || n < 1 || n > 10) throw new BadRequestException(messages.criticalityNotNumber(v));
          return n;
        });
        return (g: GroupRecord) => g.Criticality !== undefined && wanted.includes(g.Criticality);
      }
    }
  });
  const groups = Object.values(groupsOf(ctx).groups)
    .filter((g) => tests.every((t) => t(g)))
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  const { page, next } = pageByKey(groups, (g) => g.Name, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  const out: { GroupIdentifiers: GroupIdentifier[]; Groups: ReturnType<typeof groupView>[]; NextToken?: string } = {
    GroupIdentifiers: page.map((g) => {
      const id: GroupIdentifier = { GroupName: g.Name, GroupArn: g.GroupArn };
      if (g.Description !== undefined) id.Description = g.Description;
      if (g.Criticality !== undefined) id.Criticality = g.Criticality;
      if (g.Owner !== undefined) id.Owner = g.Owner;
      if (g.DisplayName !== undefined) id.DisplayName = g.DisplayName;
      return id;
    }),
    Groups: page.map(groupView),
  };
  if (next !== undefined) out.NextToken = next;
  return out;
});
