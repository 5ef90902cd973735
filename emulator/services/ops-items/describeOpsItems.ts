/**
 * DescribeOpsItems: OpsItem summaries (SearchableString operational data only), newest first,
 * narrowed by OpsItemFilters (filters.ts), at most MaxResults (1-50, default 50) a page. With an
 * AccountId filter the OpsItems of those accounts are included, each allowed by its OpsItemGroup
 * resource policy (ssm:DescribeOpsItems); otherwise OpsItemAccessDeniedException.
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import { itemsNewestFirst, opsItemSummary, ownerContext } from '../../sim/ops-items/model.js';
import * as messages from '../../sim/ops-items/messages.js';
import { compileOpsItemFilters, type Listed } from './filters.js';

/** The API reference's maximum page; AWS does not document a default, so it is the maximum. */
export const MAX_RESULTS = 50;

/** Newest first across accounts: a sortable key of creation time (descending), account and order. */
const keyOf = (l: Listed) => `${String(1e13 - Math.round(l.rec.CreatedTime * 1000)).padStart(14, '0')}|${l.account}|${String(1e9 - l.rec.Seq).padStart(10, '0')}`;

export default defineOperation('DescribeOpsItems', (input, ctx) => {
  const filter = compileOpsItemFilters(input.OpsItemFilters);
  const accounts = new Set([ctx.account]);
  for (const c of filter.conditions) if (c.key === 'AccountId') for (const a of c.raw) accounts.add(a);
  const listed: Listed[] = [];
  for (const account of accounts) {
    const owner = ownerContext(ctx, account, 'ssm:DescribeOpsItems');
    for (const rec of itemsNewestFirst(owner)) {
      const l = { rec, account };
      if (filter.test(l)) listed.push(l);
    }
  }
  listed.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  const { page, nextToken } = pageSorted(listed, keyOf, input.MaxResults ?? MAX_RESULTS, input.NextToken, () => new ValidationException(messages.invalidNextToken()));
  return { OpsItemSummaries: page.map((l) => opsItemSummary(l.rec)), ...(nextToken !== undefined && { NextToken: nextToken }) };
});
