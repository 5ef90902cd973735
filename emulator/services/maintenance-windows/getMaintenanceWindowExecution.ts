import { defineOperation } from '../../core/operation.js';
import { executionOrThrow, executionView } from '../../sim/maintenance-windows/index.js';

/** GetMaintenanceWindowExecution: status, times and the ids of its task executions. */
export default defineOperation('GetMaintenanceWindowExecution', (input, ctx) => {
  const e = executionOrThrow(ctx, input.WindowExecutionId);
  const { WindowId: _id, ...view } = executionView(e);
  return { ...view, TaskIds: e.Tasks.map((t) => t.TaskExecutionId) };
});
