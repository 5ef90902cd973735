/**
 * DescribePatchGroups: every patch group registration with its baseline, by group name then OS;
 * filters NAME_PREFIX (of the group) and OPERATING_SYSTEM. MaxResults 1-100; default 50 [unverified].
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { identity, lookupBaseline } from '../../sim/patching/baselines.js';
import * as m from '../../sim/patching/messages.js';
import { isOperatingSystem } from '../../sim/patching/os.js';
import { patchingOf, type GroupRegistration } from '../../sim/patching/state.js';
import { badToken, invalid, orchestratorFilters } from './common.js';
import { DEFAULT_PAGE } from './describePatchBaselines.js';

const sortKey = (g: GroupRegistration) => `${g.PatchGroup}\u0000${g.OperatingSystem}`;

export default defineOperation('DescribePatchGroups', (input, ctx) => {
  const f = orchestratorFilters(input.Filters, ['NAME_PREFIX', 'OPERATING_SYSTEM']);
  const oses = f.get('OPERATING_SYSTEM');
  for (const o of oses ?? []) if (!isOperatingSystem(o)) throw invalid(m.invalidOperatingSystemValue(o));
  const prefixes = f.get('NAME_PREFIX');
  const list = patchingOf(ctx)
    .groups.filter((g) => (!oses || oses.includes(g.OperatingSystem)) && (!prefixes || prefixes.some((p) => g.PatchGroup.startsWith(p))))
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
  const { page, nextToken } = pageSorted(list, sortKey, input.MaxResults ?? DEFAULT_PAGE, input.NextToken, badToken);
  const mappings = page.flatMap((g) => {
    const b = lookupBaseline(ctx, g.BaselineId);
    return b && b !== 'invalid' ? [{ PatchGroup: g.PatchGroup, BaselineIdentity: identity(ctx, b) }] : [];
  });
  return { Mappings: mappings, ...(nextToken && { NextToken: nextToken }) };
});
