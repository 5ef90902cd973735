import { defineOperation } from '../../core/operation.js';
import { AccessDeniedException, ParameterNotFound } from '../../generated/ssm/errors.js';
import { parameters } from '../../sim/parameters/state.js';
import { canonical, isPublicName } from '../../sim/parameters/names.js';
import { removeParameter } from '../../sim/parameters/model.js';
import * as messages from '../../sim/parameters/messages.js';

/**
 * DeleteParameter: deletes a parameter with all its versions, labels, tags and policies, and emits a
 * "Parameter Store Change" Delete event. AWS public parameters cannot be deleted.
 */
export default defineOperation('DeleteParameter', (input, ctx) => {
  const name = input.Name.trim();
  const key = canonical(name);
  if (isPublicName(key)) throw new AccessDeniedException(messages.reservedName(name));
  if (!parameters.of(ctx.scope).byName[key]) throw new ParameterNotFound(messages.parameterNotFound(name));
  removeParameter(ctx, key, { event: true });
  return {};
});
