/**
 * ListOpsItemRelatedItems: the related items of an OpsItem (or, without OpsItemId, of every OpsItem of
 * the account and Region), oldest first, narrowed by ResourceType, AssociationId and ResourceUri
 * (operator Equal; values ORed, filters ANDed), at most MaxResults (1-50, default 50) a page. An
 * OpsItem without related items, or that does not exist, lists none: the operation models no
 * not-found error.
 */
import { defineOperation } from '../../core/operation.js';
import { defineFilters } from '../../core/filters.js';
import { pageSorted } from '../../core/pagination.js';
import type { RelatedItemRecord } from '../../sim/ops-items/state.js';
import { relatedItems, relatedItemView } from '../../sim/ops-items/related.js';
import * as messages from '../../sim/ops-items/messages.js';
import { invalidFilterParameter, listFilterDefaults, listFilterErrors } from './filters.js';

const MAX_RESULTS = 50;

const filters = defineFilters<RelatedItemRecord>({
  name: 'ListOpsItemRelatedItems',
  defaults: listFilterDefaults,
  errors: listFilterErrors,
  keys: {
    ResourceType: { read: (r) => r.ResourceType },
    AssociationId: { read: (r) => r.AssociationId },
    ResourceUri: { read: (r) => r.ResourceUri },
  },
});

export default defineOperation('ListOpsItemRelatedItems', (input, ctx) => {
  const filter = filters.compile((input.Filters ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Operator })));
  const items = relatedItems(ctx, input.OpsItemId).filter((r) => filter.test(r));
  const { page, nextToken } = pageSorted(items, (r) => String(r.Seq).padStart(10, '0'), input.MaxResults ?? MAX_RESULTS, input.NextToken, () =>
    invalidFilterParameter(messages.invalidNextToken(), 'NextToken'),
  );
  return { Summaries: page.map(relatedItemView), ...(nextToken !== undefined && { NextToken: nextToken }) };
});
