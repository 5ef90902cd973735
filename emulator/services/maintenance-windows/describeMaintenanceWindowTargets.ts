import { defineOperation } from '../../core/operation.js';
import { targetsInOrder, targetView, windowOrThrow } from '../../sim/maintenance-windows/index.js';
import { targetFilters } from './filters.js';
import { page } from './paging.js';

/** DescribeMaintenanceWindowTargets: in registration order; filters Type, WindowTargetId, OwnerInformation. */
export default defineOperation('DescribeMaintenanceWindowTargets', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  const match = targetFilters(input.Filters);
  const r = page(targetsInOrder(w).filter(match), (t) => t.Seq, input.MaxResults, input.NextToken);
  return { Targets: r.page.map(targetView), ...(r.NextToken && { NextToken: r.NextToken }) };
});
