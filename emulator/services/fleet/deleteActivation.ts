/**
 * DeleteActivation: the activation can no longer register nodes; nodes it registered stay (AWS:
 * "Deleting an activation doesn't de-register managed nodes").
 */
import { defineOperation } from '../../core/operation.js';
import { InvalidActivation } from '../../generated/ssm/errors.js';
import { fleetOf } from '../../sim/fleet/state.js';
import * as messages from './messages.js';

export default defineOperation('DeleteActivation', (input, ctx) => {
  const all = fleetOf(ctx).activations;
  // InvalidActivation: "The activation might have been deleted" (API reference).
  if (!Object.hasOwn(all, input.ActivationId)) throw new InvalidActivation(messages.activationNotFound(input.ActivationId));
  delete all[input.ActivationId];
  return {};
});
