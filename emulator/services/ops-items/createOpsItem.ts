/**
 * CreateOpsItem: a new OpsItem (oi- and 12 hex digits), Open, version 1, with its operational data,
 * notifications, related OpsItems and tags; deduplicated by /aws/dedup against Open and InProgress
 * OpsItems; in another account with AccountId when that account's OpsItemGroup policy allows it.
 * The rules are in sim/ops-items/model.ts.
 */
import { defineOperation } from '../../core/operation.js';
import { createOpsItem } from '../../sim/ops-items/model.js';

export default defineOperation('CreateOpsItem', (input, ctx) => createOpsItem(ctx, input));
