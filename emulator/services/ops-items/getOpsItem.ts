/**
 * GetOpsItem: one OpsItem with all its operational data (String and SearchableString). With
 * OpsItemArn it may be another account's, when that account's OpsItemGroup policy allows
 * ssm:GetOpsItem to the caller.
 */
import { defineOperation } from '../../core/operation.js';
import { contextForArn, getItem, opsItemView } from '../../sim/ops-items/model.js';

export default defineOperation('GetOpsItem', (input, ctx) => {
  const owner = contextForArn(ctx, input.OpsItemId, input.OpsItemArn, 'ssm:GetOpsItem');
  return { OpsItem: opsItemView(owner, getItem(owner, input.OpsItemId)) };
});
