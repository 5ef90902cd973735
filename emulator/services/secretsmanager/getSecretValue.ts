import { defineSmOperation } from '../../core/operation.js';
import { markAccessed, secretOf, secretValue, versionOf } from '../../sim/secrets/model.js';

/** GetSecretValue: the value of the version a VersionId or VersionStage names (AWSCURRENT by default). */
export default defineSmOperation(
  'GetSecretValue',
  (input, ctx) => {
    const rec = secretOf(ctx, input.SecretId);
    const v = versionOf(rec, input.VersionId, input.VersionStage);
    markAccessed(ctx, rec);
    return secretValue(rec, v);
  },
  // It records LastAccessedDate, so it is journaled under --data-dir.
  { mutates: true },
);
