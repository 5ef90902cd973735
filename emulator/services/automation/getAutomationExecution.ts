import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { AutomationExecutionNotFoundException } from '../../generated/ssm/errors.js';
import { getExecution } from '../../sim/automation/state.js';
import { executionView } from '../../sim/automation/views.js';
import * as m from '../../sim/automation/messages.js';

/** GetAutomationExecution: the execution with its step executions (the first 100; StepExecutionsTruncated beyond). */
export default defineOperation('GetAutomationExecution', (input, ctx) => {
  const ex = getExecution(ctx, input.AutomationExecutionId);
  assert(ex, () => new AutomationExecutionNotFoundException(m.executionNotFound(input.AutomationExecutionId)));
  return { AutomationExecution: executionView(ex) };
});
