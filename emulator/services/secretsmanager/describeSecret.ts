import { defineSmOperation } from '../../core/operation.js';
import { secretMetadata, secretOf, versionsToStages } from '../../sim/secrets/model.js';

/** DescribeSecret: the secret's metadata and its versions' labels, never its value; also while scheduled for deletion. */
export default defineSmOperation('DescribeSecret', (input, ctx) => {
  const rec = secretOf(ctx, input.SecretId, { allowDeleted: true });
  return { ...secretMetadata(rec), VersionIdsToStages: versionsToStages(rec) };
});
