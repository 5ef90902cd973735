/** DeregisterPatchBaselineForPatchGroup: the patch group stops using the baseline (InvalidResourceId when it did not). */
import { defineOperation } from '../../core/operation.js';
import { InvalidResourceId } from '../../generated/ssm/errors.js';
import { lookupBaseline } from '../../sim/patching/baselines.js';
import * as m from '../../sim/patching/messages.js';
import { patchingOf } from '../../sim/patching/state.js';

export default defineOperation('DeregisterPatchBaselineForPatchGroup', (input, ctx) => {
  const b = lookupBaseline(ctx, input.BaselineId);
  if (b === 'invalid') throw new InvalidResourceId(m.invalidBaselineId(input.BaselineId));
  const groups = patchingOf(ctx).groups;
  const i = b ? groups.findIndex((g) => g.PatchGroup === input.PatchGroup && g.BaselineId === b.BaselineId) : -1;
  if (i < 0) throw new InvalidResourceId(m.groupNotRegistered(input.PatchGroup, input.BaselineId));
  groups.splice(i, 1);
  return { BaselineId: input.BaselineId, PatchGroup: input.PatchGroup };
});
