import { defineSmOperation } from '../../core/operation.js';
import { deleteSecret, secretOf } from '../../sim/secrets/model.js';

/**
 * DeleteSecret: schedules the deletion after RecoveryWindowInDays (7-30, default 30) on the virtual
 * clock, or deletes at once with ForceDeleteWithoutRecovery (also a secret already scheduled).
 */
export default defineSmOperation('DeleteSecret', (input, ctx) => {
  const rec = secretOf(ctx, input.SecretId, { allowDeleted: input.ForceDeleteWithoutRecovery === true });
  const DeletionDate = deleteSecret(ctx, rec, { recoveryWindowInDays: input.RecoveryWindowInDays, force: input.ForceDeleteWithoutRecovery === true });
  return { ARN: rec.ARN, Name: rec.Name, DeletionDate };
});
