/**
 * GetOpsMetadata: the resource id and the metadata of an object, its keys in order, paged by
 * MaxResults (1-10, default 10: AWS's maximum, as it documents no default).
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { OpsMetadataInvalidArgumentException } from '../../generated/ssm/errors.js';
import type { MetadataValue } from '../../generated/ssm/types.js';
import { getMetadata } from '../../sim/ops-items/metadata.js';
import { setOwn } from '../../core/maps.js';
import * as messages from '../../sim/ops-items/messages.js';

const MAX_RESULTS = 10;

export default defineOperation('GetOpsMetadata', (input, ctx) => {
  const rec = getMetadata(ctx, input.OpsMetadataArn);
  const keys = Object.keys(rec.Metadata).sort();
  const { page, nextToken } = pageSorted(keys, (k) => k, input.MaxResults ?? MAX_RESULTS, input.NextToken, () => new OpsMetadataInvalidArgumentException(messages.metadataInvalidNextToken()));
  const metadata: Record<string, MetadataValue> = Object.create(null);
  for (const k of page) setOwn(metadata, k, { Value: rec.Metadata[k].Value });
  return { ResourceId: rec.ResourceId, Metadata: metadata, ...(nextToken !== undefined && { NextToken: nextToken }) };
});
