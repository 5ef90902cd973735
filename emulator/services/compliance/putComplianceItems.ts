import { defineOperation } from '../../core/operation.js';
import { putCompliance } from '../../sim/compliance/store.js';

/** PutComplianceItems: COMPLETE / PARTIAL, ItemContentHash, Custom:* types (sim/compliance/store.ts). */
export default defineOperation('PutComplianceItems', (input, ctx) => {
  putCompliance(ctx, input);
  return {};
});
