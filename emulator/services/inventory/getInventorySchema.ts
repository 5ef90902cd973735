import { defineOperation } from '../../core/operation.js';
import { getInventorySchema } from '../../sim/inventory/catalog.js';
import { inventoryOf } from '../../sim/inventory/state.js';

/** GetInventorySchema: AWS:* and the account's custom types (sim/inventory/catalog.ts). */
export default defineOperation('GetInventorySchema', (input, ctx) => getInventorySchema(inventoryOf(ctx), input));
