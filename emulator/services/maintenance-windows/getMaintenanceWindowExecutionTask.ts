import { defineOperation } from '../../core/operation.js';
import { taskExecutionOrThrow, taskExecutionView } from '../../sim/maintenance-windows/index.js';

/** GetMaintenanceWindowExecutionTask: the task as it ran (a later update of the task does not show here). */
export default defineOperation('GetMaintenanceWindowExecutionTask', (input, ctx) => {
  const { exec, te } = taskExecutionOrThrow(ctx, input.WindowExecutionId, input.TaskId);
  return taskExecutionView(exec, te);
});
