/**
 * UpdateGroupQuery: replaces the resource query; membership follows at once (it is evaluated when
 * read). A service-linked group can't take a query, except a Network Firewall rule group, whose
 * query must stay tag-based.
 */
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import { findGroup, parseQuery } from '../../sim/resource-groups/model.js';
import { checkConfiguration } from '../../sim/resource-groups/configuration.js';
import { groupState, groupUpdated } from '../../sim/resource-groups/lifecycle.js';
import * as messages from '../../sim/resource-groups/messages.js';

export default defineRgOperation('UpdateGroupQuery', (input, ctx) => {
  const g = findGroup(ctx, input);
  if (g.Configuration) {
    checkConfiguration(g.Configuration, true);
    if (input.ResourceQuery.Type !== 'TAG_FILTERS_1_0') throw new BadRequestException(messages.configurationNotValid(messages.firewallNeedsQuery()));
  }
  parseQuery(input.ResourceQuery);
  const before = groupState(g);
  g.ResourceQuery = { Type: input.ResourceQuery.Type, Query: input.ResourceQuery.Query };
  groupUpdated(ctx, g, before);
  return { GroupQuery: { GroupName: g.Name, ResourceQuery: { ...input.ResourceQuery } } };
});
