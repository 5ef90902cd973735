import { defineSmOperation } from '../../core/operation.js';
import { putValue, secretOf } from '../../sim/secrets/model.js';

/** PutSecretValue: a new version, labelled VersionStages (AWSCURRENT by default; the old current becomes AWSPREVIOUS). */
export default defineSmOperation('PutSecretValue', (input, ctx) => {
  const rec = secretOf(ctx, input.SecretId);
  const v = putValue(ctx, rec, input);
  return { ARN: rec.ARN, Name: rec.Name, VersionId: v.VersionId, VersionStages: [...v.VersionStages] };
});
