import { defineOperation } from '../../core/operation.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import { messages, taskView, tasksInOrder, windowOrThrow, type TaskRecord } from '../../sim/maintenance-windows/index.js';
import { compileFilters, enumOf, oneOf } from './filters.js';
import { page } from './paging.js';

/** DescribeMaintenanceWindowTasks: in registration order; filters WindowTaskId, TaskArn, Priority, TaskType. */
export default defineOperation('DescribeMaintenanceWindowTasks', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  const match = compileFilters<TaskRecord>(input.Filters, {
    WindowTaskId: oneOf((t) => t.WindowTaskId),
    TaskArn: oneOf((t) => t.TaskArn),
    Priority: (values, key) => {
      for (const v of values) if (!/^\d+$/.test(v)) throw new ValidationException(messages.invalidFilterValue(key, v, 'a whole number'));
      return (t) => values.some((v) => Number(v) === t.Priority);
    },
    TaskType: enumOf(['RUN_COMMAND', 'AUTOMATION', 'STEP_FUNCTIONS', 'LAMBDA'], (t) => t.Type),
  });
  const r = page(tasksInOrder(w).filter(match), (t) => t.Seq, input.MaxResults, input.NextToken);
  return { Tasks: r.page.map((t) => taskView(t, ctx.account)), ...(r.NextToken && { NextToken: r.NextToken }) };
});
