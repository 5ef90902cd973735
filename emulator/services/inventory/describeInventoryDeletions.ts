import { defineOperation } from '../../core/operation.js';
import { describeInventoryDeletions } from '../../sim/inventory/lifecycle.js';

/** DescribeInventoryDeletions: one deletion by id, or those of the last 30 days (sim/inventory/lifecycle.ts). */
export default defineOperation('DescribeInventoryDeletions', (input, ctx) => describeInventoryDeletions(ctx, input));
