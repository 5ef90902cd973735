/**
 * DescribeInstancePatchStatesForPatchGroup: the patch state summaries of the nodes whose last operation
 * ran in the patch group, filtered by counts: {Key: <a count member such as FailedCount>, Values: [one
 * integer >= 0], Type: Equal | NotEqual | LessThan | GreaterThan} ("To filter for all managed nodes in a
 * patch group having more than three patches with a FailedCount status ... Key: FailedCount, Type:
 * GreaterThan, Values: 3"). A bad filter is InvalidFilter. MaxResults 10-100; default 50 [unverified].
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { InvalidFilter } from '../../generated/ssm/errors.js';
import type { InstancePatchState } from '../../generated/ssm/types.js';
import * as m from '../../sim/patching/messages.js';
import { patchingOf } from '../../sim/patching/state.js';
import { badToken } from './common.js';
import { DEFAULT_PAGE } from './describePatchBaselines.js';

const COUNT_KEYS = [
  'InstalledCount', 'InstalledOtherCount', 'InstalledPendingRebootCount', 'InstalledRejectedCount', 'MissingCount', 'FailedCount',
  'UnreportedNotApplicableCount', 'NotApplicableCount', 'AvailableSecurityUpdateCount', 'CriticalNonCompliantCount', 'SecurityNonCompliantCount',
  'OtherNonCompliantCount',
] as const;
type CountKey = (typeof COUNT_KEYS)[number];

export default defineOperation('DescribeInstancePatchStatesForPatchGroup', (input, ctx) => {
  const tests = (input.Filters ?? []).map((f) => {
    if (!(COUNT_KEYS as readonly string[]).includes(f.Key)) throw new InvalidFilter(m.instancePatchStateFilter(`${f.Key} is not a valid key; valid keys are ${COUNT_KEYS.join(', ')}`));
    const v = f.Values[0];
    if (!/^\d+$/.test(v)) throw new InvalidFilter(m.instancePatchStateFilter(`the value of ${f.Key} must be an integer greater than or equal to 0, not ${v}`));
    const n = Number(v);
    const key = f.Key as CountKey;
    return (s: InstancePatchState) => {
      const x = s[key] ?? 0;
      return f.Type === 'Equal' ? x === n : f.Type === 'NotEqual' ? x !== n : f.Type === 'LessThan' ? x < n : x > n;
    };
  });
  const states = Object.values(patchingOf(ctx).nodes)
    .map((r) => r.State)
    .filter((s): s is InstancePatchState => !!s && s.PatchGroup === input.PatchGroup && tests.every((t) => t(s)))
    .sort((a, b) => (a.InstanceId < b.InstanceId ? -1 : 1));
  const { page, nextToken } = pageSorted(states, (s) => s.InstanceId, input.MaxResults ?? DEFAULT_PAGE, input.NextToken, badToken);
  return { InstancePatchStates: page.map((s) => ({ ...s })), ...(nextToken && { NextToken: nextToken }) };
});
