import { defineSmOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { putValue, secretOf } from '../../sim/secrets/model.js';

/** UpdateSecret: description and KMS key as given; a new value becomes a new AWSCURRENT version. */
export default defineSmOperation('UpdateSecret', (input, ctx) => {
  const rec = secretOf(ctx, input.SecretId);
  const hasValue = input.SecretString !== undefined || input.SecretBinary !== undefined;
  const v = hasValue ? putValue(ctx, rec, input) : undefined;
  if (input.Description !== undefined) rec.Description = input.Description;
  if (input.KmsKeyId !== undefined) rec.KmsKeyId = input.KmsKeyId;
  rec.LastChangedDate = toEpochSeconds(ctx.now);
  return { ARN: rec.ARN, Name: rec.Name, ...(v ? { VersionId: v.VersionId } : {}) };
});
