import { defineOperation } from '../../core/operation.js';
import { putParameter } from '../../sim/parameters/model.js';

/**
 * PutParameter: creates a parameter, or with Overwrite a new version of it. The rules (names, types,
 * KMS keys, data types, allowed patterns, tiers and their limits, policies, tags, the 100-version
 * history) are in model.ts; everything is checked before anything is stored.
 */
export default defineOperation('PutParameter', (input, ctx) => putParameter(ctx, input));
