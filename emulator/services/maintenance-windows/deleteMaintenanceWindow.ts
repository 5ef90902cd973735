import { defineOperation } from '../../core/operation.js';
import { forgetWindow, getWindow } from '../../sim/maintenance-windows/index.js';

/**
 * DeleteMaintenanceWindow: the window, its targets, tasks and execution history go; nothing of it is
 * scheduled any more (commands it already sent run to their end). The operation declares no
 * DoesNotExistException, so deleting an unknown window answers its id like a deleted one.
 */
export default defineOperation('DeleteMaintenanceWindow', (input, ctx) => {
  const w = getWindow(ctx, input.WindowId);
  if (w) forgetWindow(ctx, w);
  return { WindowId: input.WindowId };
});
