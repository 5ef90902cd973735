import { defineSmOperation } from '../../core/operation.js';
import { createSecret } from '../../sim/secrets/model.js';

/**
 * CreateSecret: a new secret, with a first version (AWSCURRENT) when SecretString or SecretBinary is
 * given; the ClientRequestToken becomes that version's id. The same request again answers the same.
 */
export default defineSmOperation('CreateSecret', (input, ctx) => {
  const { rec, version } = createSecret(ctx, input);
  return { ARN: rec.ARN, Name: rec.Name, ...(version ? { VersionId: version.VersionId } : {}) };
});
