import { defineOperation } from '../../core/operation.js';
import { DoesNotExistException, TargetInUseException } from '../../generated/ssm/errors.js';
import { emitTargetRegistration, getTarget, messages, tasksUsingTarget, windowOrThrow } from '../../sim/maintenance-windows/index.js';

/**
 * DeregisterTargetFromMaintenanceWindow: with Safe, a target a task still names is refused
 * (TargetInUseException); without it the target goes and tasks that named it skip it when they run.
 */
export default defineOperation('DeregisterTargetFromMaintenanceWindow', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  if (!getTarget(w, input.WindowTargetId)) throw new DoesNotExistException(messages.targetNotFound(w.WindowId, input.WindowTargetId));
  if (input.Safe) {
    const users = tasksUsingTarget(w, input.WindowTargetId);
    if (users.length) throw new TargetInUseException(messages.targetInUse(input.WindowTargetId, users));
  }
  delete w.Targets[input.WindowTargetId];
  emitTargetRegistration(ctx, w.WindowId, input.WindowTargetId, 'DEREGISTERED');
  return { WindowId: w.WindowId, WindowTargetId: input.WindowTargetId };
});
