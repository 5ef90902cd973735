/** DeleteGroup: removes the group, not its resources; answers the deleted group's description. */
import { defineRgOperation } from '../../core/operation.js';
import { findGroup, groupView } from '../../sim/resource-groups/model.js';
import { groupsOf } from '../../sim/resource-groups/state.js';

export default defineRgOperation('DeleteGroup', (input, ctx) => {
  const g = findGroup(ctx, input);
  delete groupsOf(ctx).groups[g.Name];
  return { Group: groupView(g) };
});
