/**
 * AssociateOpsItemRelatedItem: relates an Incident Manager incident or an SSM document (by ARN) to an
 * OpsItem, as IsParentOf or RelatesTo; answers the new association id (sim/ops-items/related.ts).
 */
import { defineOperation } from '../../core/operation.js';
import { associateRelatedItem } from '../../sim/ops-items/related.js';

export default defineOperation('AssociateOpsItemRelatedItem', (input, ctx) => ({ AssociationId: associateRelatedItem(ctx, input) }));
