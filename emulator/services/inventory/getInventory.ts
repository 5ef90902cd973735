import { defineOperation } from '../../core/operation.js';
import { getInventory } from '../../sim/inventory/query.js';

/** GetInventory: entities, filters, aggregators and groups (sim/inventory/query.ts). */
export default defineOperation('GetInventory', (input, ctx) => getInventory(ctx, input));
