import { defineOperation } from '../../core/operation.js';
import { DoesNotExistException, ValidationException } from '../../generated/ssm/errors.js';
import {
  checkInvocationParameters,
  checkTaskTargets,
  getTask,
  messages,
  rateControls,
  taskDetailView,
  TASK_OPTIONAL,
  windowOrThrow,
  type TaskRecord,
} from '../../sim/maintenance-windows/index.js';

/**
 * UpdateMaintenanceWindowTask: the task type cannot change. Members given replace the stored ones
 * (TaskInvocationParameters as a whole: "The values you don't specify again are removed"); with
 * Replace, TaskArn is required and optional members not given are cleared. The result's targets and
 * rate controls are checked as at registration.
 */
export default defineOperation('UpdateMaintenanceWindowTask', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  const t = getTask(w, input.WindowTaskId);
  if (!t) throw new DoesNotExistException(messages.taskNotFound(w.WindowId, input.WindowTaskId));
  if (input.Replace && input.TaskArn === undefined) throw new ValidationException(messages.replaceNeeds(['TaskArn']));
  const targets = input.Targets ?? (input.Replace ? [] : t.Targets);
  checkTaskTargets(w, t.Type, targets);
  // Stored rate controls carry over only while the task keeps targets (without, they are placeholders).
  const keep = !input.Replace && t.Targets.length > 0 && targets.length > 0;
  const rates = rateControls(targets, input.MaxConcurrency ?? (keep ? t.MaxConcurrency : undefined), input.MaxErrors ?? (keep ? t.MaxErrors : undefined));
  checkInvocationParameters(t.Type, input.TaskInvocationParameters ?? (input.Replace ? undefined : t.TaskInvocationParameters));

  const next: TaskRecord = { ...t, Targets: structuredClone(targets), ...rates };
  if (input.TaskArn !== undefined) next.TaskArn = input.TaskArn;
  if (input.Priority !== undefined) next.Priority = input.Priority;
  else if (input.Replace) next.Priority = 0;
  for (const k of TASK_OPTIONAL) {
    if (input[k] !== undefined) (next as unknown as Record<string, unknown>)[k] = structuredClone(input[k]);
    else if (input.Replace) delete next[k];
  }
  w.Tasks[t.WindowTaskId] = next;
  return taskDetailView(next, ctx.account, false);
});
