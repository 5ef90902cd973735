/**
 * CreateGroup with a resource query (TAG_FILTERS_1_0 or CLOUDFORMATION_STACK_1_0). Service
 * configurations (service-linked groups) are not simulated and are refused as not implemented.
 */
import { setOwn } from '../../core/maps.js';
import { defineRgOperation } from '../../core/operation.js';
import { ServiceError } from '../../core/errors.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import { groupsOf } from '../../sim/resource-groups/state.js';
import { groupArn, groupView, parseQuery } from '../../sim/resource-groups/model.js';
import { checkTags } from '../../sim/resource-groups/groups.js';
import * as messages from '../../sim/resource-groups/messages.js';

export default defineRgOperation('CreateGroup', (input, ctx) => {
  if (/^aws/i.test(input.Name)) throw new BadRequestException(messages.reservedName(input.Name));
  if (input.ResourceQuery && input.Configuration) throw new BadRequestException(messages.queryAndConfiguration());
  if (input.Configuration) throw new ServiceError('NotImplementedException', messages.configurationNotSupported(), 400, 'Message');
  const slice = groupsOf(ctx);
  if (Object.hasOwn(slice.groups, input.Name)) throw new BadRequestException(messages.groupExists(input.Name));
  if (input.ResourceQuery) parseQuery(input.ResourceQuery);
  const tags = { ...(input.Tags ?? {}) };
  checkTags(tags);
  const g = {
    Name: input.Name,
    GroupArn: groupArn(ctx, input.Name),
    Tags: tags,
    Seq: ++slice.seq,
  } as (typeof slice.groups)[string];
  setOwn(slice.groups, input.Name, g);
  if (input.Description !== undefined) g.Description = input.Description;
  if (input.ResourceQuery) g.ResourceQuery = { Type: input.ResourceQuery.Type, Query: input.ResourceQuery.Query };
  if (input.Criticality !== undefined) g.Criticality = input.Criticality;
  if (input.Owner !== undefined) g.Owner = input.Owner;
  if (input.DisplayName !== undefined) g.DisplayName = input.DisplayName;
  const out: { Group: ReturnType<typeof groupView>; ResourceQuery?: { Type: 'TAG_FILTERS_1_0' | 'CLOUDFORMATION_STACK_1_0'; Query: string }; Tags?: Record<string, string> } = {
    Group: groupView(g),
  };
  if (input.ResourceQuery) out.ResourceQuery = { ...input.ResourceQuery };
  if (Object.keys(tags).length) out.Tags = { ...tags };
  return out;
});
