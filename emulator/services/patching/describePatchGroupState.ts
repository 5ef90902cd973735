/**
 * DescribePatchGroupState: how many nodes of a patch group (those whose last patching operation ran in
 * it) have patches in each state, from their patch state summaries.
 */
import { defineOperation } from '../../core/operation.js';
import { patchingOf } from '../../sim/patching/state.js';

export default defineOperation('DescribePatchGroupState', (input, ctx) => {
  const states = Object.values(patchingOf(ctx).nodes)
    .map((r) => r.State)
    .filter((s) => s?.PatchGroup === input.PatchGroup);
  const count = (k: 'InstalledCount' | 'InstalledOtherCount' | 'InstalledPendingRebootCount' | 'InstalledRejectedCount' | 'MissingCount' | 'FailedCount' | 'NotApplicableCount' | 'UnreportedNotApplicableCount' | 'CriticalNonCompliantCount' | 'SecurityNonCompliantCount' | 'OtherNonCompliantCount' | 'AvailableSecurityUpdateCount') =>
    states.filter((s) => (s?.[k] ?? 0) > 0).length;
  return {
    Instances: states.length,
    InstancesWithInstalledPatches: count('InstalledCount'),
    InstancesWithInstalledOtherPatches: count('InstalledOtherCount'),
    InstancesWithInstalledPendingRebootPatches: count('InstalledPendingRebootCount'),
    InstancesWithInstalledRejectedPatches: count('InstalledRejectedCount'),
    InstancesWithMissingPatches: count('MissingCount'),
    InstancesWithFailedPatches: count('FailedCount'),
    InstancesWithNotApplicablePatches: count('NotApplicableCount'),
    InstancesWithUnreportedNotApplicablePatches: count('UnreportedNotApplicableCount'),
    InstancesWithCriticalNonCompliantPatches: count('CriticalNonCompliantCount'),
    InstancesWithSecurityNonCompliantPatches: count('SecurityNonCompliantCount'),
    InstancesWithOtherNonCompliantPatches: count('OtherNonCompliantCount'),
    InstancesWithAvailableSecurityUpdates: count('AvailableSecurityUpdateCount'),
  };
});
