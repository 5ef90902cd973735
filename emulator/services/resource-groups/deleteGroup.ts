/**
 * DeleteGroup: removes the group (not its resources) and its tag-sync tasks; answers the deleted
 * group's description. A group with deletion protection (UNLESS_EMPTY) must have no members first.
 */
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import { findGroup, groupView } from '../../sim/resource-groups/model.js';
import { groupsOf } from '../../sim/resource-groups/state.js';
import { deletionProtected } from '../../sim/resource-groups/configuration.js';
import { dropGroupTasks } from '../../sim/resource-groups/membership.js';
import { groupDeleted } from '../../sim/resource-groups/lifecycle.js';
import * as messages from '../../sim/resource-groups/messages.js';

export default defineRgOperation('DeleteGroup', (input, ctx) => {
  const g = findGroup(ctx, input);
  if (deletionProtected(g) && g.StaticMembers?.length) throw new BadRequestException(messages.deletionProtected(g.Name));
  dropGroupTasks(ctx, g);
  delete groupsOf(ctx).groups[g.Name];
  groupDeleted(ctx, g);
  return { Group: groupView(g) };
});
