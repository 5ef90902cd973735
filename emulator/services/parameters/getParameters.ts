import { defineOperation } from '../../core/operation.js';
import type { Parameter } from '../../generated/ssm/types.js';
import { foundParameter, resolveRead } from '../../sim/parameters/read.js';
import { isPerNameError } from '../../sim/parameters/names.js';
import { isSecretReference, readSecretReference } from '../../sim/parameters/secret-refs.js';
import { ServiceError } from '../../core/errors.js';

/**
 * GetParameters: up to 10 names (the model's limit), each resolved as GetParameter resolves it. Names
 * that name no parameter or version are listed in InvalidParameters instead of failing the request;
 * the parameters found come back in alphabetical order, as AWS documents. A name given twice is
 * answered once. A reference to a Secrets Manager secret that cannot be answered (not found, no
 * WithDecryption, a malformed selector) is listed in InvalidParameters too [unverified].
 */
export default defineOperation('GetParameters', (input, ctx) => {
  const found: Parameter[] = [];
  const invalid: string[] = [];
  for (const name of new Set(input.Names)) {
    const reference = isSecretReference(name);
    try {
      found.push(reference ? readSecretReference(ctx, name, input.WithDecryption) : foundParameter(resolveRead(ctx, name, 'GetParameters'), input.WithDecryption));
    } catch (e) {
      if (!isPerNameError(e) && !(reference && e instanceof ServiceError && e.code === 'ValidationException')) throw e;
      invalid.push(name);
    }
  }
  found.sort((a, b) => (a.Name! < b.Name! ? -1 : a.Name! > b.Name! ? 1 : (a.Selector ?? '') < (b.Selector ?? '') ? -1 : 1));
  return { Parameters: found, InvalidParameters: invalid };
});
