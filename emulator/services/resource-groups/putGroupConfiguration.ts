/**
 * PutGroupConfiguration (HTTP 202): replaces a group's service configuration, checked as CreateGroup
 * checks it; an empty list removes it. A query group can't take one (except a Network Firewall rule
 * group), nor can a static group with members lose the type that holds them. On AWS the update is
 * asynchronous; the emulator applies it at once (GetGroupConfiguration shows UPDATE_COMPLETE).
 */
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import { findGroup, groupArn } from '../../sim/resource-groups/model.js';
import { checkConfiguration, isApplicationGroup, isStaticGroup } from '../../sim/resource-groups/configuration.js';
import { groupState, groupUpdated } from '../../sim/resource-groups/lifecycle.js';
import * as messages from '../../sim/resource-groups/messages.js';

export default defineRgOperation('PutGroupConfiguration', (input, ctx) => {
  const g = findGroup(ctx, input);
  const items = input.Configuration ?? [];
  checkConfiguration(items, g.ResourceQuery !== undefined);
  const next = { ...g, Configuration: items.length ? items.map((i) => ({ ...i })) : undefined };
  if (g.StaticMembers?.length && !isStaticGroup(next)) throw new BadRequestException(messages.configurationNotValid(messages.staticMembersRemain(g.Name)));
  // A group's ARN is its identity: an application group stays one, an ordinary group can't become one.
  if (isApplicationGroup(g) !== isApplicationGroup(next)) throw new BadRequestException(messages.configurationNotValid(messages.applicationIdentity(g.Name)));
  const before = groupState(g);
  if (next.Configuration) g.Configuration = next.Configuration;
  else delete g.Configuration;
  g.GroupArn = groupArn(ctx, g.Name, g.AppId);
  groupUpdated(ctx, g, before);
  return {};
});
