/**
 * The State Manager associations area: the 13 association operations over the domain in
 * emulator/sim/associations/ (spec checks, versions, the engine that runs associations on schedule
 * and on new targets through the per-node runner), its scheduler task kinds, tags on associations,
 * the document-in-use answer DeleteDocument asks for, the watcher of Automation executions it starts,
 * and a fleet listener that applies associations to nodes that start matching.
 */
import type { Area } from '../../core/operation.js';
import type { Runtime } from '../../core/runtime.js';
import { automationWatchers } from '../../sim/automation/starter.js';
import { documentUsers } from '../../sim/documents/usage.js';
import { onFleetChange } from '../../sim/fleet/index.js';
import { taggableResources } from '../../sim/tags/registry.js';
import { automationWatcher, fleetChanged, tasks } from '../../sim/associations/engine.js';
import { associationDocumentUser, associationTaggable } from '../../sim/associations/model.js';
import createAssociation from './createAssociation.js';
import createAssociationBatch from './createAssociationBatch.js';
import describeAssociation from './describeAssociation.js';
import updateAssociation from './updateAssociation.js';
import deleteAssociation from './deleteAssociation.js';
import listAssociations from './listAssociations.js';
import listAssociationVersions from './listAssociationVersions.js';
import describeAssociationExecutions from './describeAssociationExecutions.js';
import describeAssociationExecutionTargets from './describeAssociationExecutionTargets.js';
import describeInstanceAssociationsStatus from './describeInstanceAssociationsStatus.js';
import describeEffectiveInstanceAssociations from './describeEffectiveInstanceAssociations.js';
import startAssociationsOnce from './startAssociationsOnce.js';
import updateAssociationStatus from './updateAssociationStatus.js';

function init(emu: Runtime): void {
  onFleetChange(emu, fleetChanged);
}

export const associationsArea: Area = {
  name: 'associations',
  operations: [
    createAssociation,
    createAssociationBatch,
    describeAssociation,
    updateAssociation,
    deleteAssociation,
    listAssociations,
    listAssociationVersions,
    describeAssociationExecutions,
    describeAssociationExecutionTargets,
    describeInstanceAssociationsStatus,
    describeEffectiveInstanceAssociations,
    startAssociationsOnce,
    updateAssociationStatus,
  ],
  tasks,
  provides: [taggableResources.provide(associationTaggable), documentUsers.provide(associationDocumentUser), automationWatchers.provide(automationWatcher)],
  init,
};
