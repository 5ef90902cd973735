import { defineOperation } from '../../core/operation.js';
import { ownParameter } from '../../sim/parameters/read.js';
import { removeParameter } from '../../sim/parameters/model.js';

/**
 * DeleteParameter: deletes a parameter with all its versions, labels, tags and policies, and emits a
 * "Parameter Store Change" Delete event. AWS public parameters cannot be deleted.
 */
export default defineOperation('DeleteParameter', (input, ctx) => {
  removeParameter(ctx, ownParameter(ctx, input.Name).key, { event: true });
  return {};
});
