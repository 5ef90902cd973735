/**
 * What Parameter Store's /aws/reference/secretsmanager/ references read (the secretReferences port of
 * sim/parameters/secret-refs.ts): a version by id, else by staging label, AWSCURRENT by default.
 */
import type { SecretReader } from '../../sim/parameters/secret-refs.js';
import { CURRENT, findSecret, secretValue } from '../../sim/secrets/model.js';

export const secretReader: SecretReader = {
  read(ctx, secretId, selector) {
    const rec = findSecret(ctx, secretId);
    if (!rec) return 'missing';
    if (rec.DeletedDate !== undefined) return 'deleted';
    const label = selector ?? CURRENT;
    const v = rec.Versions.find((x) => x.VersionId === selector) ?? rec.Versions.find((x) => x.VersionStages.includes(label));
    return v ? secretValue(rec, v) : 'missing';
  },
};
