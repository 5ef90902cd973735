import { defineOperation } from '../../core/operation.js';
import { DoesNotExistException } from '../../generated/ssm/errors.js';
import { getTask, messages, taskDetailView, windowOrThrow } from '../../sim/maintenance-windows/index.js';

/** GetMaintenanceWindowTask: the task as registered, TaskInvocationParameters as given. */
export default defineOperation('GetMaintenanceWindowTask', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  const t = getTask(w, input.WindowTaskId);
  if (!t) throw new DoesNotExistException(messages.taskNotFound(w.WindowId, input.WindowTaskId));
  return taskDetailView(t, ctx.account, true);
});
