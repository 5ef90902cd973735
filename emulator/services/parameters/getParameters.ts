import { defineOperation } from '../../core/operation.js';
import type { Parameter } from '../../generated/ssm/types.js';
import { foundParameter, resolveRead } from '../../sim/parameters/read.js';
import { isPerNameError } from '../../sim/parameters/names.js';

/**
 * GetParameters: up to 10 names (the model's limit), each resolved as GetParameter resolves it. Names
 * that name no parameter or version are listed in InvalidParameters instead of failing the request;
 * the parameters found come back in alphabetical order, as AWS documents. A name given twice is
 * answered once.
 */
export default defineOperation('GetParameters', (input, ctx) => {
  const found: Parameter[] = [];
  const invalid: string[] = [];
  for (const name of new Set(input.Names)) {
    try {
      found.push(foundParameter(resolveRead(ctx, name, 'GetParameters'), input.WithDecryption));
    } catch (e) {
      if (!isPerNameError(e)) throw e;
      invalid.push(name);
    }
  }
  found.sort((a, b) => (a.Name! < b.Name! ? -1 : a.Name! > b.Name! ? 1 : (a.Selector ?? '') < (b.Selector ?? '') ? -1 : 1));
  return { Parameters: found, InvalidParameters: invalid };
});
