import { defineOperation } from '../../core/operation.js';
import { deleteResourceDataSync } from '../../sim/inventory/sync.js';

/** DeleteResourceDataSync (sim/inventory/sync.ts). */
export default defineOperation('DeleteResourceDataSync', (input, ctx) => {
  deleteResourceDataSync(ctx, input);
  return {};
});
