/**
 * CreateGroup with a resource query (TAG_FILTERS_1_0 or CLOUDFORMATION_STACK_1_0), a service
 * configuration (sim/resource-groups/configuration.ts), both for the one type that has both
 * (AWS::NetworkFirewall::RuleGroup), or neither. An application group (configuration
 * AWS::ResourceGroups::ApplicationGroup) gets the 26-character id AWS puts in application group ARNs
 * (group/<name>/<id>). With group lifecycle events on, the creation and the first members are events.
 */
import { setOwn } from '../../core/maps.js';
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import type { GroupConfigurationItem, ResourceQuery } from '../../generated/resource-groups/types.js';
import { groupsOf, type GroupRecord } from '../../sim/resource-groups/state.js';
import { evaluate, groupArn, groupView, parseQuery } from '../../sim/resource-groups/model.js';
import { checkConfiguration, isApplicationGroup } from '../../sim/resource-groups/configuration.js';
import { checkTags } from '../../sim/resource-groups/groups.js';
import { groupCreated } from '../../sim/resource-groups/lifecycle.js';
import { configurationView } from './views.js';
import * as messages from '../../sim/resource-groups/messages.js';

export default defineRgOperation('CreateGroup', (input, ctx) => {
  if (/^aws/i.test(input.Name)) throw new BadRequestException(messages.reservedName(input.Name));
  const slice = groupsOf(ctx);
  if (Object.hasOwn(slice.groups, input.Name)) throw new BadRequestException(messages.groupExists(input.Name));
  if (input.ResourceQuery) parseQuery(input.ResourceQuery);
  if (input.Configuration) checkConfiguration(input.Configuration, input.ResourceQuery !== undefined);
  const tags = { ...(input.Tags ?? {}) };
  checkTags(tags);
  const g: GroupRecord = { Name: input.Name, GroupArn: '', Tags: tags, Seq: ++slice.seq };
  if (input.Configuration?.length) g.Configuration = input.Configuration.map((i) => ({ ...i }));
  if (isApplicationGroup(g)) g.AppId = ctx.emu.ids.chars(26, 'abcdefghijklmnopqrstuvwxyz0123456789');
  g.GroupArn = groupArn(ctx, input.Name, g.AppId);
  if (input.Description !== undefined) g.Description = input.Description;
  if (input.ResourceQuery) g.ResourceQuery = { Type: input.ResourceQuery.Type, Query: input.ResourceQuery.Query };
  if (input.Criticality !== undefined) g.Criticality = input.Criticality;
  if (input.Owner !== undefined) g.Owner = input.Owner;
  if (input.DisplayName !== undefined) g.DisplayName = input.DisplayName;
  setOwn(slice.groups, input.Name, g);
  groupCreated(ctx, g, g.ResourceQuery ? evaluate(ctx, parseQuery(g.ResourceQuery)).resources : []);
  const out: { Group: ReturnType<typeof groupView>; ResourceQuery?: ResourceQuery; Tags?: Record<string, string>; GroupConfiguration?: { Configuration: GroupConfigurationItem[]; Status: 'UPDATE_COMPLETE' } } = {
    Group: groupView(g),
  };
  if (input.ResourceQuery) out.ResourceQuery = { ...input.ResourceQuery };
  if (Object.keys(tags).length) out.Tags = { ...tags };
  if (g.Configuration) out.GroupConfiguration = configurationView(g);
  return out;
});
