import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { AutomationExecutionNotFoundException, InvalidAutomationStatusUpdateException } from '../../generated/ssm/errors.js';
import { isTerminal, requestStop } from '../../sim/automation/engine.js';
import { getExecution } from '../../sim/automation/state.js';
import * as m from '../../sim/automation/messages.js';

/**
 * StopAutomationExecution: Type Cancel (the default) stops a running execution (Cancelling, then
 * Cancelled); Type Complete ends an Interactive execution that is waiting between steps.
 */
export default defineOperation('StopAutomationExecution', (input, ctx) => {
  const ex = getExecution(ctx, input.AutomationExecutionId);
  assert(ex, () => new AutomationExecutionNotFoundException(m.executionNotFound(input.AutomationExecutionId)));
  assert(!isTerminal(ex), () => new InvalidAutomationStatusUpdateException(m.alreadyTerminal(ex.AutomationExecutionId, ex.AutomationExecutionStatus)));
  const type = input.Type ?? 'Cancel';
  if (type === 'Complete') {
    assert(
      ex.Mode === 'Interactive' && ex.AutomationExecutionStatus === 'Waiting' && ex.E.record === undefined,
      () => new InvalidAutomationStatusUpdateException(m.completeNotWaiting(ex.AutomationExecutionId, ex.AutomationExecutionStatus)),
    );
  }
  requestStop(ctx, ex, type);
  return {};
});
