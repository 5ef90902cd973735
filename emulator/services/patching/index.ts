/**
 * The Patch Manager capability area: the 19 patching operations over the domain in
 * emulator/sim/patching/ (catalogs, baselines, approvals, scans and installs), the plugin simulators
 * of AWS-RunPatchBaseline, AWS-RunPatchBaselineAssociation and AWS-ApplyPatchBaseline, the reboot
 * task kinds, PatchBaseline tags, the override-file controls, and a fleet listener that forgets a
 * removed node's patch state.
 */
import type { Area } from '../../core/operation.js';
import type { Runtime } from '../../core/runtime.js';
import { commandPlugins } from '../../sim/commands/plugins.js';
import { onFleetChange } from '../../sim/fleet/index.js';
import { rebootTasks } from '../../sim/patching/operation.js';
import { clearEvaluations } from '../../sim/patching/approval.js';
import { catalogsWhere, loadedCatalogs } from '../../sim/patching/catalog.js';
import { LEGACY_PATCH_DOCUMENT, PATCH_DOCUMENTS, patchBaselineSimulator } from '../../sim/patching/simulator.js';
import { patchingOf } from '../../sim/patching/state.js';
import { taggableResources } from '../../sim/tags/registry.js';
import { patchingControlRoutes } from './control.js';
import { patchBaselineTaggable } from './taggable.js';
import createPatchBaseline from './createPatchBaseline.js';
import deletePatchBaseline from './deletePatchBaseline.js';
import describeAvailablePatches from './describeAvailablePatches.js';
import describeEffectivePatchesForPatchBaseline from './describeEffectivePatchesForPatchBaseline.js';
import describeInstancePatchStates from './describeInstancePatchStates.js';
import describeInstancePatchStatesForPatchGroup from './describeInstancePatchStatesForPatchGroup.js';
import describeInstancePatches from './describeInstancePatches.js';
import describePatchBaselines from './describePatchBaselines.js';
import describePatchGroupState from './describePatchGroupState.js';
import describePatchGroups from './describePatchGroups.js';
import describePatchProperties from './describePatchProperties.js';
import getDefaultPatchBaseline from './getDefaultPatchBaseline.js';
import getDeployablePatchSnapshotForInstance from './getDeployablePatchSnapshotForInstance.js';
import getPatchBaseline from './getPatchBaseline.js';
import getPatchBaselineForPatchGroup from './getPatchBaselineForPatchGroup.js';
import registerDefaultPatchBaseline from './registerDefaultPatchBaseline.js';
import registerPatchBaselineForPatchGroup from './registerPatchBaselineForPatchGroup.js';
import deregisterPatchBaselineForPatchGroup from './deregisterPatchBaselineForPatchGroup.js';
import updatePatchBaseline from './updatePatchBaseline.js';

function init(emu: Runtime): void {
  // A user's catalogs are read now, so a bad file stops the start with its name and reason.
  if (emu.patchCatalogs) catalogsWhere(emu, () => false);
  onFleetChange(emu, (ctx, change) => {
    if (change.type === 'removed') delete patchingOf(ctx).nodes[change.instanceId];
  });
  // Cached evaluations name baselines by id and revision: after a reset or restore the same id can
  // be another baseline.
  emu.onReset(() => {
    for (const c of loadedCatalogs(emu)) clearEvaluations(c);
  });
}

export const patchingArea: Area = {
  name: 'patching',
  operations: [
    createPatchBaseline,
    deletePatchBaseline,
    describeAvailablePatches,
    describeEffectivePatchesForPatchBaseline,
    describeInstancePatchStates,
    describeInstancePatchStatesForPatchGroup,
    describeInstancePatches,
    describePatchBaselines,
    describePatchGroupState,
    describePatchGroups,
    describePatchProperties,
    getDefaultPatchBaseline,
    getDeployablePatchSnapshotForInstance,
    getPatchBaseline,
    getPatchBaselineForPatchGroup,
    registerDefaultPatchBaseline,
    registerPatchBaselineForPatchGroup,
    deregisterPatchBaselineForPatchGroup,
    updatePatchBaseline,
  ],
  tasks: rebootTasks,
  provides: [
    commandPlugins.provide({ plugin: 'aws:runShellScript', documents: PATCH_DOCUMENTS, simulator: patchBaselineSimulator }),
    commandPlugins.provide({ plugin: 'aws:runPowerShellScript', documents: [...PATCH_DOCUMENTS, LEGACY_PATCH_DOCUMENT], simulator: patchBaselineSimulator }),
    taggableResources.provide(patchBaselineTaggable),
  ],
  init,
  controlRoutes: patchingControlRoutes,
};
