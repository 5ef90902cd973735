/** DeleteOpsMetadata: removes the object (OpsMetadataNotFoundException when there is none). */
import { defineOperation } from '../../core/operation.js';
import { deleteMetadata } from '../../sim/ops-items/metadata.js';

export default defineOperation('DeleteOpsMetadata', (input, ctx) => {
  deleteMetadata(ctx, input.OpsMetadataArn);
  return {};
});
