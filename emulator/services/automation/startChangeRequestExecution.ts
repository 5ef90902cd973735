import { defineOperation } from '../../core/operation.js';
import { idempotent } from '../../core/idempotency.js';
import { IdempotentParameterMismatch } from '../../generated/ssm/errors.js';
import { startChangeRequest } from '../../sim/automation/change.js';
import * as m from '../../sim/automation/messages.js';

/**
 * StartChangeRequestExecution: a Change Manager change request (sim/automation/change.ts) over an
 * approved change template; its runbook runs once the reviews are approved by SendAutomationSignal.
 */
export default defineOperation('StartChangeRequestExecution', (input, ctx) =>
  idempotent(ctx, input.ClientToken?.toLowerCase(), input, () => new IdempotentParameterMismatch(m.idempotentMismatch()), () => ({
    AutomationExecutionId: startChangeRequest(ctx, input).AutomationExecutionId,
  })),
);
