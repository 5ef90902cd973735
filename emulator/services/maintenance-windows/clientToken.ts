/**
 * ClientToken for the three operations of maintenance windows that take one (CreateMaintenanceWindow,
 * RegisterTargetWithMaintenanceWindow, RegisterTaskWithMaintenanceWindow): core/idempotency.ts with
 * their mismatch error.
 */
import type { Ctx } from '../../core/context.js';
import { idempotent } from '../../core/idempotency.js';
import { IdempotentParameterMismatch } from '../../generated/ssm/errors.js';
import { messages } from '../../sim/maintenance-windows/index.js';

export const withClientToken = <T>(ctx: Ctx, input: { ClientToken?: string }, run: () => T): T =>
  idempotent(ctx, input.ClientToken, input, () => new IdempotentParameterMismatch(messages.idempotentMismatch()), run);
