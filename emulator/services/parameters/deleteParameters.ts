import { defineOperation } from '../../core/operation.js';
import { parameters } from '../../sim/parameters/state.js';
import { canonical, checkNameShape, isPublicName } from '../../sim/parameters/names.js';
import { removeParameter } from '../../sim/parameters/model.js';

/**
 * DeleteParameters: deletes up to 10 parameters (the model's limit); names that name no parameter of
 * the caller (including AWS public parameters) are listed in InvalidParameters. A malformed path
 * ("a/b/c", "/a//b") fails the whole request, as DeleteParameter and GetParameters do [unverified].
 */
export default defineOperation('DeleteParameters', (input, ctx) => {
  const state = parameters.of(ctx.scope);
  const deleted: string[] = [];
  const invalid: string[] = [];
  for (const raw of input.Names) checkNameShape(raw.trim());
  for (const raw of new Set(input.Names)) {
    const key = canonical(raw.trim());
    if (isPublicName(key) || !state.byName[key]) {
      invalid.push(raw);
      continue;
    }
    removeParameter(ctx, key, { event: true });
    deleted.push(raw);
  }
  return { DeletedParameters: deleted, InvalidParameters: invalid };
});
