/**
 * ListOpsMetadata: the account's OpsMetadata objects by ARN, narrowed by a ResourceId filter (values
 * ORed; the only key the emulator knows: AWS documents none), at most MaxResults (1-50, default 50)
 * a page.
 */
import { defineOperation } from '../../core/operation.js';
import { defineFilters } from '../../core/filters.js';
import { pageSorted } from '../../core/pagination.js';
import { OpsMetadataInvalidArgumentException } from '../../generated/ssm/errors.js';
import type { OpsMetadataRecord } from '../../sim/ops-items/state.js';
import { allMetadata, metadataView } from '../../sim/ops-items/metadata.js';
import * as messages from '../../sim/ops-items/messages.js';

const MAX_RESULTS = 50;
const KEYS = ['ResourceId'];
const bad = (m: string) => new OpsMetadataInvalidArgumentException(m);

const filters = defineFilters<OpsMetadataRecord>({
  name: 'ListOpsMetadata',
  defaults: { operators: ['Equal'], operator: 'Equal' },
  errors: {
    unknownKey: (key) => bad(messages.metadataBadFilter(key, KEYS)),
    badValue: ({ key }) => bad(messages.metadataBadFilter(key, KEYS)),
  },
  keys: { ResourceId: { read: (r) => r.ResourceId } },
});

export default defineOperation('ListOpsMetadata', (input, ctx) => {
  const filter = filters.compile((input.Filters ?? []).map((f) => ({ key: f.Key, values: f.Values })));
  const list = allMetadata(ctx).filter((r) => filter.test(r));
  const { page, nextToken } = pageSorted(list, (r) => r.OpsMetadataArn, input.MaxResults ?? MAX_RESULTS, input.NextToken, () => bad(messages.metadataInvalidNextToken()));
  return { OpsMetadataList: page.map(metadataView), ...(nextToken !== undefined && { NextToken: nextToken }) };
});
