import { defineOperation } from '../../core/operation.js';
import { DoesNotExistException } from '../../generated/ssm/errors.js';
import { emitTaskRegistration, getTask, messages, windowOrThrow } from '../../sim/maintenance-windows/index.js';

/** DeregisterTaskFromMaintenanceWindow: the task goes; an execution already running it finishes it. */
export default defineOperation('DeregisterTaskFromMaintenanceWindow', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  if (!getTask(w, input.WindowTaskId)) throw new DoesNotExistException(messages.taskNotFound(w.WindowId, input.WindowTaskId));
  delete w.Tasks[input.WindowTaskId];
  emitTaskRegistration(ctx, w.WindowId, input.WindowTaskId, 'DEREGISTERED');
  return { WindowId: w.WindowId, WindowTaskId: input.WindowTaskId };
});
