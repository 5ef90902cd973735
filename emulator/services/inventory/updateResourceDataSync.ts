import { defineOperation } from '../../core/operation.js';
import { updateResourceDataSync } from '../../sim/inventory/sync.js';

/** UpdateResourceDataSync: SyncFromSource syncs only (sim/inventory/sync.ts). */
export default defineOperation('UpdateResourceDataSync', (input, ctx) => {
  updateResourceDataSync(ctx, input);
  return {};
});
