/**
 * CreateOpsMetadata: an OpsMetadata object for a resource (an Application Manager application), with
 * up to 5 metadata keys and 5 tags; one object per resource (sim/ops-items/metadata.ts).
 */
import { defineOperation } from '../../core/operation.js';
import { createMetadata } from '../../sim/ops-items/metadata.js';

export default defineOperation('CreateOpsMetadata', (input, ctx) => ({ OpsMetadataArn: createMetadata(ctx, input) }));
