import { defineOperation } from '../../core/operation.js';
import { deleteInventory } from '../../sim/inventory/lifecycle.js';

/** DeleteInventory: custom types, DryRun, DisableSchema / DeleteSchema; completes later (sim/inventory/lifecycle.ts). */
export default defineOperation('DeleteInventory', (input, ctx) => deleteInventory(ctx, input));
