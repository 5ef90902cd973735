import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { AutomationExecutionNotFoundException, AutomationStepNotFoundException, InvalidAutomationSignalException } from '../../generated/ssm/errors.js';
import { signal } from '../../sim/automation/engine.js';
import { changeSignal } from '../../sim/automation/change.js';
import { getExecution } from '../../sim/automation/state.js';
import * as m from '../../sim/automation/messages.js';

/**
 * SendAutomationSignal: Approve / Reject an aws:approve step or a change request, Resume an aws:pause
 * step (Payload StepName), StartStep in Interactive mode (Payload StepName), StopStep a running step
 * (Payload StepExecutionId). A signal the execution is not waiting for is InvalidAutomationSignalException.
 */
export default defineOperation('SendAutomationSignal', (input, ctx) => {
  const ex = getExecution(ctx, input.AutomationExecutionId);
  assert(ex, () => new AutomationExecutionNotFoundException(m.executionNotFound(input.AutomationExecutionId)));
  const err = ex.E.change ? changeSignal(ctx, ex, input.SignalType, input.Payload) : signal(ctx, ex, input.SignalType, input.Payload);
  if (err?.code === 'step-not-found') throw new AutomationStepNotFoundException(err.message);
  if (err) throw new InvalidAutomationSignalException(err.message);
  return {};
});
