import { defineOperation } from '../../core/operation.js';
import { invocationView, taskExecutionOrThrow } from '../../sim/maintenance-windows/index.js';
import { invocationFilters } from './filters.js';
import { page } from './paging.js';

/** DescribeMaintenanceWindowExecutionTaskInvocations: one per target the task started on, in start order; filter STATUS. */
export default defineOperation('DescribeMaintenanceWindowExecutionTaskInvocations', (input, ctx) => {
  const { exec, te } = taskExecutionOrThrow(ctx, input.WindowExecutionId, input.TaskId);
  const match = invocationFilters(input.Filters);
  const invocations = te.Invocations.map((inv, i) => ({ inv, i })).filter(({ inv }) => match(inv));
  const r = page(invocations, ({ i }) => i, input.MaxResults, input.NextToken);
  return {
    WindowExecutionTaskInvocationIdentities: r.page.map(({ inv }) => invocationView(exec, te, inv)),
    ...(r.NextToken && { NextToken: r.NextToken }),
  };
});
