/** UpdateGroup: description, criticality, owner and display name (the name cannot change). */
import { defineRgOperation } from '../../core/operation.js';
import { findGroup, groupView } from '../../sim/resource-groups/model.js';
import { groupState, groupUpdated } from '../../sim/resource-groups/lifecycle.js';

export default defineRgOperation('UpdateGroup', (input, ctx) => {
  const g = findGroup(ctx, input);
  const before = groupState(g);
  if (input.Description !== undefined) g.Description = input.Description;
  if (input.Criticality !== undefined) g.Criticality = input.Criticality;
  if (input.Owner !== undefined) g.Owner = input.Owner;
  if (input.DisplayName !== undefined) g.DisplayName = input.DisplayName;
  groupUpdated(ctx, g, before);
  return { Group: groupView(g) };
});
