import { defineOperation } from '../../core/operation.js';
import { listResourceDataSync } from '../../sim/inventory/sync.js';

/** ListResourceDataSync (sim/inventory/sync.ts). */
export default defineOperation('ListResourceDataSync', (input, ctx) => listResourceDataSync(ctx, input));
