/**
 * DescribePatchBaselines: AWS's predefined baselines of the Region (by name) and the account's own
 * (by creation), filtered by NAME_PREFIX, OWNER (AWS | Self | All) and OPERATING_SYSTEM. MaxResults
 * 1-100 (the model); default 50 [unverified].
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { allBaselines, identity } from '../../sim/patching/baselines.js';
import * as m from '../../sim/patching/messages.js';
import { isOperatingSystem } from '../../sim/patching/os.js';
import type { StoredBaseline } from '../../sim/patching/state.js';
import { badToken, invalid, orchestratorFilters, seqKey } from './common.js';

export const DEFAULT_PAGE = 50;

const sortKey = (b: StoredBaseline) => (b.owner === 'AWS' ? `0|${b.Name}` : `1|${seqKey(b.Seq)}`);

export default defineOperation('DescribePatchBaselines', (input, ctx) => {
  const f = orchestratorFilters(input.Filters, ['NAME_PREFIX', 'OWNER', 'OPERATING_SYSTEM']);
  const owners = f.get('OWNER');
  for (const o of owners ?? []) if (!['AWS', 'Self', 'All'].includes(o)) throw invalid(m.invalidOwnerValue(o));
  const oses = f.get('OPERATING_SYSTEM');
  for (const o of oses ?? []) if (!isOperatingSystem(o)) throw invalid(m.invalidOperatingSystemValue(o));
  const prefixes = f.get('NAME_PREFIX');
  const list = allBaselines(ctx)
    .filter(
      (b) =>
        (!owners || owners.includes('All') || owners.includes(b.owner)) &&
        (!oses || oses.includes(b.OperatingSystem)) &&
        (!prefixes || prefixes.some((p) => b.Name.startsWith(p))),
    )
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const { page, nextToken } = pageSorted(list, sortKey, input.MaxResults ?? DEFAULT_PAGE, input.NextToken, badToken);
  return { BaselineIdentities: page.map((b) => identity(ctx, b)), ...(nextToken && { NextToken: nextToken }) };
});
