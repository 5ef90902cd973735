import { defineOperation } from '../../core/operation.js';
import { foundParameter, resolveRead } from '../../sim/parameters/read.js';
import { isSecretReference, readSecretReference } from '../../sim/parameters/secret-refs.js';

/**
 * GetParameter: one parameter by name, "name:version", "name:label" or ARN (a parameter shared by
 * another account only by its full ARN); AWS public parameters under /aws/. SecureString values stay
 * encrypted unless WithDecryption. /aws/reference/secretsmanager/<secret-id> reads a Secrets Manager
 * secret (sim/parameters/secret-refs.ts).
 */
export default defineOperation('GetParameter', (input, ctx) => ({
  Parameter: isSecretReference(input.Name)
    ? readSecretReference(ctx, input.Name, input.WithDecryption)
    : foundParameter(resolveRead(ctx, input.Name, 'GetParameter'), input.WithDecryption),
}));
