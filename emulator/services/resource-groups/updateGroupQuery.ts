/** UpdateGroupQuery: replaces the resource query; membership follows at once (it is evaluated when read). */
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import { findGroup, parseQuery } from '../../sim/resource-groups/model.js';
import * as messages from '../../sim/resource-groups/messages.js';

export default defineRgOperation('UpdateGroupQuery', (input, ctx) => {
  const g = findGroup(ctx, input);
  if (g.Configuration) throw new BadRequestException(messages.queryAndConfiguration());
  parseQuery(input.ResourceQuery);
  g.ResourceQuery = { Type: input.ResourceQuery.Type, Query: input.ResourceQuery.Query };
  return { GroupQuery: { GroupName: g.Name, ResourceQuery: { ...input.ResourceQuery } } };
});
