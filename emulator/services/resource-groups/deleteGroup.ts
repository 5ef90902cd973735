/** DeleteGroup: removes the group, not its resources; answers the deleted group's description. */
import { defineRgOperation } from '../../core/operation.js';
import { findGroup, groupView } from './model.js';
import { groupsOf } from './state.js';

export default defineRgOperation('DeleteGroup', (input, ctx) => {
  const g = findGroup(ctx, input);
  delete groupsOf(ctx).groups[g.Name];
  return { Group: groupView(g) };
});
