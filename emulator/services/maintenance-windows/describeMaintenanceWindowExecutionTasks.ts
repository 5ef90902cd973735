import { defineOperation } from '../../core/operation.js';
import { executionOrThrow, taskExecutionIdentityView } from '../../sim/maintenance-windows/index.js';
import { taskExecutionFilters } from './filters.js';
import { page } from './paging.js';

/** DescribeMaintenanceWindowExecutionTasks: the tasks the execution ran, in start order; filter STATUS. */
export default defineOperation('DescribeMaintenanceWindowExecutionTasks', (input, ctx) => {
  const e = executionOrThrow(ctx, input.WindowExecutionId);
  const match = taskExecutionFilters(input.Filters);
  const tasks = e.Tasks.map((te, i) => ({ te, i })).filter(({ te }) => match(te));
  const r = page(tasks, ({ i }) => i, input.MaxResults, input.NextToken);
  return { WindowExecutionTaskIdentities: r.page.map(({ te }) => taskExecutionIdentityView(e, te)), ...(r.NextToken && { NextToken: r.NextToken }) };
});
