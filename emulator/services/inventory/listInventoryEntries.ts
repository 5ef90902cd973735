import { defineOperation } from '../../core/operation.js';
import { listInventoryEntries } from '../../sim/inventory/query.js';

/** ListInventoryEntries: one node's entries of one type, filtered and paged (sim/inventory/query.ts). */
export default defineOperation('ListInventoryEntries', (input, ctx) => listInventoryEntries(ctx, input));
