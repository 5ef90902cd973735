/**
 * CreateActivation: an activation id and code to register hybrid nodes with. ExpirationDate defaults
 * to 24 hours from now and may be at most 30 days ahead; RegistrationLimit defaults to 1. Expiry is
 * derived from the clock when read (DescribeActivations' Expired flag, registration refusals).
 * Register a simulated node with POST /_emulator/fleet/register.
 */
import { defineOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidParameters } from '../../generated/ssm/errors.js';
import { fleetOf } from '../../sim/fleet/state.js';
import * as messages from './messages.js';

export const DEFAULT_EXPIRATION_SECONDS = 24 * 3600;
export const MAX_EXPIRATION_DAYS = 30;
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export default defineOperation('CreateActivation', (input, ctx) => {
  const now = toEpochSeconds(ctx.now);
  const expires = input.ExpirationDate ?? now + DEFAULT_EXPIRATION_SECONDS;
  if (expires <= now) throw new InvalidParameters(messages.expirationInPast());
  if (expires > now + MAX_EXPIRATION_DAYS * 86400) throw new InvalidParameters(messages.expirationTooLate(MAX_EXPIRATION_DAYS));
  // Service-linked roles are named AWSServiceRoleFor... (and live under aws-service-role/).
  const roleName = input.IamRole.split('/').pop() ?? input.IamRole;
  if (roleName.startsWith('AWSServiceRoleFor') || input.IamRole.includes('aws-service-role/')) {
    throw new InvalidParameters(messages.serviceLinkedRole(input.IamRole));
  }
  const slice = fleetOf(ctx);
  const id = ctx.emu.ids.uuid();
  const code = ctx.emu.ids.chars(20, CODE_ALPHABET);
  slice.activations[id] = {
    ActivationId: id,
    ActivationCode: code,
    IamRole: input.IamRole,
    RegistrationLimit: input.RegistrationLimit ?? 1,
    RegistrationsCount: 0,
    ExpirationDate: expires,
    CreatedDate: now,
    Tags: (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
    Seq: ++slice.activationSeq,
  };
  const act = slice.activations[id];
  if (input.Description !== undefined) act.Description = input.Description;
  if (input.DefaultInstanceName !== undefined) act.DefaultInstanceName = input.DefaultInstanceName;
  if (input.RegistrationMetadata !== undefined) act.RegistrationMetadata = input.RegistrationMetadata;
  return { ActivationId: id, ActivationCode: code };
});
