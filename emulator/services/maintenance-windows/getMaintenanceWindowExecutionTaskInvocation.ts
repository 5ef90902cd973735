import { defineOperation } from '../../core/operation.js';
import { DoesNotExistException } from '../../generated/ssm/errors.js';
import { invocationView, messages, taskExecutionOrThrow } from '../../sim/maintenance-windows/index.js';

/** GetMaintenanceWindowExecutionTaskInvocation: one invocation (ExecutionId is the command id of a RUN_COMMAND task). */
export default defineOperation('GetMaintenanceWindowExecutionTaskInvocation', (input, ctx) => {
  const { exec, te } = taskExecutionOrThrow(ctx, input.WindowExecutionId, input.TaskId);
  const inv = te.Invocations.find((i) => i.InvocationId === input.InvocationId);
  if (!inv) throw new DoesNotExistException(messages.invocationNotFound(input.TaskId, input.InvocationId));
  return invocationView(exec, te, inv);
});
