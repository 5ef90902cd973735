import { defineOperation } from '../../core/operation.js';
import { executionView, getExecution, getWindow } from '../../sim/maintenance-windows/index.js';
import { executionFilters } from './filters.js';
import { page } from './paging.js';

/**
 * DescribeMaintenanceWindowExecutions: the window's executions of the last 30 days, newest first (as
 * in AWS's examples); filters ExecutedBefore / ExecutedAfter on the start time. The operation
 * declares no DoesNotExistException: an unknown window has no executions.
 */
export default defineOperation('DescribeMaintenanceWindowExecutions', (input, ctx) => {
  const match = executionFilters(input.Filters);
  const w = getWindow(ctx, input.WindowId);
  const executions = (w?.Executions ?? [])
    .map((id) => getExecution(ctx, id)!)
    .filter((e) => e && match(e))
    .reverse();
  const r = page(executions, (e) => Number.MAX_SAFE_INTEGER - e.Seq, input.MaxResults, input.NextToken);
  return { WindowExecutions: r.page.map(executionView), ...(r.NextToken && { NextToken: r.NextToken }) };
});
