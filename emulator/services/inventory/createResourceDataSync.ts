import { defineOperation } from '../../core/operation.js';
import { createResourceDataSync } from '../../sim/inventory/sync.js';

/** CreateResourceDataSync: recorded, never run (no S3 in the emulator; sim/inventory/sync.ts). */
export default defineOperation('CreateResourceDataSync', (input, ctx) => {
  createResourceDataSync(ctx, input);
  return {};
});
