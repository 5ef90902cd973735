import { defineSmOperation } from '../../core/operation.js';
import { mergeTags, secretOf } from '../../sim/secrets/model.js';

/** TagResource: adds tags to a secret; a key given again takes the new value. */
export default defineSmOperation('TagResource', (input, ctx) => {
  const rec = secretOf(ctx, input.SecretId);
  rec.Tags = mergeTags(rec.Tags, input.Tags);
  return {};
});
