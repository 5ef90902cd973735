import { defineOperation } from '../../core/operation.js';
import { foundParameter, resolveRead } from '../../sim/parameters/read.js';

/**
 * GetParameter: one parameter by name, "name:version", "name:label" or ARN (a parameter shared by
 * another account only by its full ARN); AWS public parameters under /aws/. SecureString values stay
 * encrypted unless WithDecryption.
 */
export default defineOperation('GetParameter', (input, ctx) => ({
  Parameter: foundParameter(resolveRead(ctx, input.Name, 'GetParameter'), input.WithDecryption),
}));
