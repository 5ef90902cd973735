/**
 * ListOpsItemEvents: the timeline of the account's OpsItems (creation, edits, related items), newest
 * first, narrowed to OpsItems by an OpsItemId filter (operator Equal; an id that names no OpsItem
 * answers OpsItemNotFoundException), at most MaxResults (1-50, default 50) a page.
 */
import { defineOperation } from '../../core/operation.js';
import { defineFilters } from '../../core/filters.js';
import { pageSorted } from '../../core/pagination.js';
import type { OpsItemEventRecord } from '../../sim/ops-items/state.js';
import { opsItems } from '../../sim/ops-items/state.js';
import { getItem } from '../../sim/ops-items/model.js';
import * as messages from '../../sim/ops-items/messages.js';
import { invalidFilterParameter, listFilterDefaults, listFilterErrors } from './filters.js';

const MAX_RESULTS = 50;

const filters = defineFilters<OpsItemEventRecord>({
  name: 'ListOpsItemEvents',
  defaults: listFilterDefaults,
  errors: listFilterErrors,
  keys: { OpsItemId: { read: (e) => e.OpsItemId } },
});

export default defineOperation('ListOpsItemEvents', (input, ctx) => {
  const filter = filters.compile((input.Filters ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Operator })));
  for (const c of filter.conditions) for (const id of c.raw) getItem(ctx, id);
  const events = (opsItems.peek(ctx.scope)?.events ?? []).filter((e) => filter.test(e)).reverse();
  const { page, nextToken } = pageSorted(events, (e) => String(1e10 - e.Seq).padStart(11, '0'), input.MaxResults ?? MAX_RESULTS, input.NextToken, () =>
    invalidFilterParameter(messages.invalidNextToken(), 'NextToken'),
  );
  return {
    Summaries: page.map((e) => ({
      OpsItemId: e.OpsItemId,
      EventId: e.EventId,
      Source: e.Source,
      DetailType: e.DetailType,
      Detail: e.Detail,
      CreatedBy: { Arn: e.CreatedBy },
      CreatedTime: e.CreatedTime,
    })),
    ...(nextToken !== undefined && { NextToken: nextToken }),
  };
});
