/** DisassociateOpsItemRelatedItem: removes one association of the OpsItem (sim/ops-items/related.ts). */
import { defineOperation } from '../../core/operation.js';
import { disassociateRelatedItem } from '../../sim/ops-items/related.js';

export default defineOperation('DisassociateOpsItemRelatedItem', (input, ctx) => {
  disassociateRelatedItem(ctx, input.OpsItemId, input.AssociationId);
  return {};
});
