import { defineOperation } from '../../core/operation.js';
import { executionsInOrder, type ExecutionRecord } from '../../sim/automation/state.js';
import { metadataView } from '../../sim/automation/views.js';
import { compileExecutionFilters } from './filters.js';
import { DEFAULT_MAX_RESULTS, makePosition, readPosition } from './paging.js';

/** DescribeAutomationExecutions: the region's executions, newest first, narrowed by Filters. */
export default defineOperation('DescribeAutomationExecutions', (input, ctx) => {
  const max = input.MaxResults ?? DEFAULT_MAX_RESULTS;
  const match = compileExecutionFilters(input.Filters);
  const from = readPosition(input.NextToken, 'e');
  const all = executionsInOrder(ctx);
  const page: ExecutionRecord[] = [];
  let next: number | undefined;
  for (let j = all.length - 1; j >= 0; j--) {
    const ex = all[j];
    if (from !== undefined && ex.Seq > from) continue;
    if (!match(ex)) continue;
    if (page.length === max) {
      next = ex.Seq;
      break;
    }
    page.push(ex);
  }
  return { AutomationExecutionMetadataList: page.map(metadataView), ...(next !== undefined && { NextToken: makePosition('e', next) }) };
});
