/**
 * DeleteOpsItem: removes the OpsItem with its timeline and related items. Idempotent (an unknown id
 * succeeds, as AWS documents); the caller's own account only. For a few minutes afterwards edits of
 * the id answer OpsItemConflictException, as the deletion is still "in process" on AWS.
 */
import { defineOperation } from '../../core/operation.js';
import { deleteOpsItem } from '../../sim/ops-items/model.js';

export default defineOperation('DeleteOpsItem', (input, ctx) => {
  deleteOpsItem(ctx, input.OpsItemId);
  return {};
});
