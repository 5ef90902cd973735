/**
 * GetGroupQuery: the resource query of a group. A service-linked group (one with a configuration and
 * no query) answers BadRequestException, as AWS does (Terraform's aws_resourcegroups_group relies on
 * it); a group made with neither answers NotFoundException (wording unverified).
 */
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException, NotFoundException } from '../../generated/resource-groups/errors.js';
import { findGroup } from '../../sim/resource-groups/model.js';
import * as messages from '../../sim/resource-groups/messages.js';

export default defineRgOperation('GetGroupQuery', (input, ctx) => {
  const g = findGroup(ctx, input);
  if (!g.ResourceQuery && g.Configuration) throw new BadRequestException(messages.configurationGroupQuery(g.Name));
  if (!g.ResourceQuery) throw new NotFoundException(`Group ${g.Name} has no resource query.`);
  return { GroupQuery: { GroupName: g.Name, ResourceQuery: { Type: g.ResourceQuery.Type as 'TAG_FILTERS_1_0', Query: g.ResourceQuery.Query } } };
});
