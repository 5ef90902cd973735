import { defineOperation } from '../../core/operation.js';
import { taskView, tasksInOrder, windowOrThrow } from '../../sim/maintenance-windows/index.js';
import { taskFilters } from './filters.js';
import { page } from './paging.js';

/** DescribeMaintenanceWindowTasks: in registration order; filters WindowTaskId, TaskArn, Priority, TaskType. */
export default defineOperation('DescribeMaintenanceWindowTasks', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  const match = taskFilters(input.Filters);
  const r = page(tasksInOrder(w).filter(match), (t) => t.Seq, input.MaxResults, input.NextToken);
  return { Tasks: r.page.map((t) => taskView(t, ctx.account)), ...(r.NextToken && { NextToken: r.NextToken }) };
});
