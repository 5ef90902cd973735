/** GetGroupQuery: the resource query of a group. */
import { defineRgOperation } from '../../core/operation.js';
import { NotFoundException } from '../../generated/resource-groups/errors.js';
import { findGroup } from '../../sim/resource-groups/model.js';

export default defineRgOperation('GetGroupQuery', (input, ctx) => {
  const g = findGroup(ctx, input);
  // A group made without a query has none to return (wording unverified).
  if (!g.ResourceQuery) throw new NotFoundException(`Group ${g.Name} has no resource query.`);
  return { GroupQuery: { GroupName: g.Name, ResourceQuery: { Type: g.ResourceQuery.Type as 'TAG_FILTERS_1_0', Query: g.ResourceQuery.Query } } };
});
