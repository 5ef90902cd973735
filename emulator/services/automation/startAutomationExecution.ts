import { defineOperation } from '../../core/operation.js';
import { idempotent } from '../../core/idempotency.js';
import { IdempotentParameterMismatch } from '../../generated/ssm/errors.js';
import { startAutomation } from '../../sim/automation/start.js';
import * as m from '../../sim/automation/messages.js';

/**
 * StartAutomationExecution: checks the runbook, its parameters and the targets (sim/automation/start.ts),
 * creates the execution (Pending) and answers its id; the engine starts it at the same instant.
 * ClientToken retries answer the first answer.
 */
export default defineOperation('StartAutomationExecution', (input, ctx) =>
  idempotent(ctx, input.ClientToken?.toLowerCase(), input, () => new IdempotentParameterMismatch(m.idempotentMismatch()), () => ({
    AutomationExecutionId: startAutomation(ctx, input).AutomationExecutionId,
  })),
);
