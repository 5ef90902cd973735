import { defineOperation } from '../../core/operation.js';
import {
  checkInvocationParameters,
  checkTaskQuota,
  checkTaskTargets,
  emitTaskRegistration,
  givenMembers,
  TASK_OPTIONAL,
  rateControls,
  windowOrThrow,
  type TaskRecord,
} from '../../sim/maintenance-windows/index.js';
import { withClientToken } from './clientToken.js';

/**
 * RegisterTaskWithMaintenanceWindow: the task's targets (WindowTargetIds of this window, or
 * InstanceIds when the window allows unassociated targets; none for a targetless AUTOMATION, LAMBDA
 * or STEP_FUNCTIONS task), its rate controls ("1" placeholders without targets) and invocation
 * parameters of its own type are checked; the document, function or state machine is not looked up
 * until the task runs, as on AWS. Priority defaults to 0 [unverified: Terraform's acceptance test
 * without a priority reads back no drift, so AWS answers 0 or nothing].
 */
export default defineOperation('RegisterTaskWithMaintenanceWindow', (input, ctx) =>
  withClientToken(ctx, input, () => {
    const w = windowOrThrow(ctx, input.WindowId);
    const targets = input.Targets ?? [];
    checkTaskTargets(w, input.TaskType, targets);
    const rates = rateControls(targets, input.MaxConcurrency, input.MaxErrors);
    checkInvocationParameters(input.TaskType, input.TaskInvocationParameters);
    checkTaskQuota(w);
    const task: TaskRecord = {
      Seq: ++w.ChildSeq,
      WindowId: w.WindowId,
      WindowTaskId: ctx.emu.ids.uuid(),
      TaskArn: input.TaskArn,
      Type: input.TaskType,
      Targets: structuredClone(targets),
      Priority: input.Priority ?? 0,
      ...rates,
      ...givenMembers(input, TASK_OPTIONAL),
    };
    w.Tasks[task.WindowTaskId] = task;
    emitTaskRegistration(ctx, w.WindowId, task.WindowTaskId, 'REGISTERED');
    return { WindowTaskId: task.WindowTaskId };
  }),
);
