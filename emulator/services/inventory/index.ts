/**
 * The Inventory capability area: PutInventory, GetInventory, ListInventoryEntries,
 * GetInventorySchema, DeleteInventory, DescribeInventoryDeletions and the resource data sync
 * operations over emulator/sim/inventory/; the aws:softwareInventory plugin simulator
 * (AWS-GatherSoftwareInventory) for the commands engine; the deletion and retention task kinds; and
 * a fleet listener that keeps a departed node's inventory for 30 days.
 */
import type { Area } from '../../core/operation.js';
import type { Runtime } from '../../core/runtime.js';
import { commandPlugins } from '../../sim/commands/plugins.js';
import { onFleetChange } from '../../sim/fleet/index.js';
import { PLUGIN, softwareInventorySimulator } from '../../sim/inventory/gather.js';
import { inventoryTasks, nodeJoined, nodeLeft } from '../../sim/inventory/lifecycle.js';
import putInventory from './putInventory.js';
import getInventory from './getInventory.js';
import listInventoryEntries from './listInventoryEntries.js';
import getInventorySchema from './getInventorySchema.js';
import deleteInventory from './deleteInventory.js';
import describeInventoryDeletions from './describeInventoryDeletions.js';
import createResourceDataSync from './createResourceDataSync.js';
import updateResourceDataSync from './updateResourceDataSync.js';
import deleteResourceDataSync from './deleteResourceDataSync.js';
import listResourceDataSync from './listResourceDataSync.js';

function init(emu: Runtime): void {
  onFleetChange(emu, (ctx, change) => {
    if (change.type === 'removed') nodeLeft(ctx, change.instanceId);
    else if (change.type === 'added') nodeJoined(ctx, change.instanceId);
  });
}

export const inventoryArea: Area = {
  name: 'inventory',
  operations: [
    putInventory,
    getInventory,
    listInventoryEntries,
    getInventorySchema,
    deleteInventory,
    describeInventoryDeletions,
    createResourceDataSync,
    updateResourceDataSync,
    deleteResourceDataSync,
    listResourceDataSync,
  ],
  tasks: inventoryTasks,
  provides: [commandPlugins.provide({ plugin: PLUGIN, simulator: softwareInventorySimulator })],
  init,
};
