/**
 * GetPatchBaselineForPatchGroup: the baseline a patch group's nodes of an OS (default WINDOWS) use:
 * the one registered for the group, else the OS's default.
 */
import { defineOperation } from '../../core/operation.js';
import { defaultBaseline, groupBaseline } from '../../sim/patching/baselines.js';

export default defineOperation('GetPatchBaselineForPatchGroup', (input, ctx) => {
  const os = input.OperatingSystem ?? 'WINDOWS';
  const b = groupBaseline(ctx, input.PatchGroup, os) ?? defaultBaseline(ctx, os);
  return { BaselineId: b.BaselineId, PatchGroup: input.PatchGroup, OperatingSystem: os };
});
