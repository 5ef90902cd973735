import { defineOperation } from '../../core/operation.js';
import { listComplianceItems } from '../../sim/compliance/lists.js';

/** ListComplianceItems (sim/compliance/lists.ts). */
export default defineOperation('ListComplianceItems', (input, ctx) => listComplianceItems(ctx, input));
