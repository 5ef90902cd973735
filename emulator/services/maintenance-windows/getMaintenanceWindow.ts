import { defineOperation } from '../../core/operation.js';
import { windowOrThrow, windowView } from '../../sim/maintenance-windows/index.js';

/** GetMaintenanceWindow: the window with its NextExecutionTime (absent when disabled or its runs are over). */
export default defineOperation('GetMaintenanceWindow', (input, ctx) => windowView(windowOrThrow(ctx, input.WindowId), ctx.now));
