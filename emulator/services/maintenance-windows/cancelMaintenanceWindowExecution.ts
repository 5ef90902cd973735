import { defineOperation } from '../../core/operation.js';
import { cancelExecution, executionOrThrow } from '../../sim/maintenance-windows/index.js';

/**
 * CancelMaintenanceWindowExecution: "Stops a maintenance window execution that is already in progress
 * and cancels any tasks in the window that haven't already starting running. Tasks already in
 * progress will continue to completion." CANCELLING, then CANCELLED when they have. An execution that
 * has ended is left as it is [unverified].
 */
export default defineOperation('CancelMaintenanceWindowExecution', (input, ctx) => {
  cancelExecution(ctx, executionOrThrow(ctx, input.WindowExecutionId));
  return { WindowExecutionId: input.WindowExecutionId };
});
