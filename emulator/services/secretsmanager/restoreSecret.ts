import { defineSmOperation } from '../../core/operation.js';
import { restoreSecret, secretOf } from '../../sim/secrets/model.js';

/** RestoreSecret: cancels a scheduled deletion. */
export default defineSmOperation('RestoreSecret', (input, ctx) => {
  const rec = secretOf(ctx, input.SecretId, { allowDeleted: true });
  restoreSecret(ctx, rec);
  return { ARN: rec.ARN, Name: rec.Name };
});
