/**
 * UpdateOpsMetadata: adds or replaces keys (MetadataToUpdate, at most 5 a request) and removes keys
 * (KeysToDelete); everything is checked before anything changes (sim/ops-items/metadata.ts).
 */
import { defineOperation } from '../../core/operation.js';
import { updateMetadata } from '../../sim/ops-items/metadata.js';

export default defineOperation('UpdateOpsMetadata', (input, ctx) => {
  updateMetadata(ctx, input);
  return { OpsMetadataArn: input.OpsMetadataArn };
});
