/**
 * UpdateOpsItem: edits title, description, status (the statuses of the OpsItem's type), priority,
 * severity, category, notifications, related OpsItems, the change-request times, and merges or
 * deletes operational data (never the dedup string). Each edit increments the version.
 */
import { defineOperation } from '../../core/operation.js';
import { updateOpsItem } from '../../sim/ops-items/model.js';

export default defineOperation('UpdateOpsItem', (input, ctx) => {
  updateOpsItem(ctx, input);
  return {};
});
