/**
 * RegisterPatchBaselineForPatchGroup: a patch group uses this baseline for the baseline's OS. A group
 * has one baseline per operating system (a Windows and a Linux baseline can share a group); a second
 * registration for the same group and OS is AlreadyExistsException. A baseline serves at most
 * MAX_GROUPS_PER_BASELINE groups.
 */
import { defineOperation } from '../../core/operation.js';
import { AlreadyExistsException, ResourceLimitExceededException } from '../../generated/ssm/errors.js';
import { groupsOf, MAX_GROUPS_PER_BASELINE } from '../../sim/patching/baselines.js';
import * as m from '../../sim/patching/messages.js';
import { patchingOf } from '../../sim/patching/state.js';
import { requireBaseline } from './common.js';

export default defineOperation('RegisterPatchBaselineForPatchGroup', (input, ctx) => {
  const b = requireBaseline(ctx, input.BaselineId);
  const groups = patchingOf(ctx).groups;
  const taken = groups.find((g) => g.PatchGroup === input.PatchGroup && g.OperatingSystem === b.OperatingSystem);
  if (taken) throw new AlreadyExistsException(m.groupAlreadyRegistered(input.PatchGroup, b.OperatingSystem, taken.BaselineId));
  if (groupsOf(ctx, b).length >= MAX_GROUPS_PER_BASELINE) throw new ResourceLimitExceededException(m.groupsPerBaselineLimit(MAX_GROUPS_PER_BASELINE));
  groups.push({ PatchGroup: input.PatchGroup, OperatingSystem: b.OperatingSystem, BaselineId: b.BaselineId });
  return { BaselineId: input.BaselineId, PatchGroup: input.PatchGroup };
});
