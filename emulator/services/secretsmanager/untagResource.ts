import { defineSmOperation } from '../../core/operation.js';
import { secretOf } from '../../sim/secrets/model.js';

/** UntagResource: removes the tags with those keys (keys the secret does not have are ignored). */
export default defineSmOperation('UntagResource', (input, ctx) => {
  const rec = secretOf(ctx, input.SecretId);
  const drop = new Set(input.TagKeys);
  rec.Tags = rec.Tags.filter((t) => !drop.has(t.Key));
  return {};
});
