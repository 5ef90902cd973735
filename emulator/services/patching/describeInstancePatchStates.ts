/**
 * DescribeInstancePatchStates: the summary of each named node's last Scan or Install (nodes never
 * patched, and unknown ids, are left out). MaxResults 10-100 (the model); default 50 [unverified].
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import type { InstancePatchState } from '../../generated/ssm/types.js';
import { nodeRecord } from '../../sim/patching/state.js';
import { badToken } from './common.js';
import { DEFAULT_PAGE } from './describePatchBaselines.js';

export default defineOperation('DescribeInstancePatchStates', (input, ctx) => {
  const states = [...new Set(input.InstanceIds)]
    .sort()
    .map((id) => nodeRecord(ctx, id)?.State)
    .filter((s): s is InstancePatchState => !!s);
  const { page, nextToken } = pageSorted(states, (s) => s.InstanceId, input.MaxResults ?? DEFAULT_PAGE, input.NextToken, badToken);
  return { InstancePatchStates: page.map((s) => ({ ...s })), ...(nextToken && { NextToken: nextToken }) };
});
