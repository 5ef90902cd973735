import { defineOperation } from '../../core/operation.js';
import { targetsInOrder, targetView, windowOrThrow, type TargetRecord } from '../../sim/maintenance-windows/index.js';
import { compileFilters, enumOf, oneOf } from './filters.js';
import { page } from './paging.js';

/** DescribeMaintenanceWindowTargets: in registration order; filters Type, WindowTargetId, OwnerInformation. */
export default defineOperation('DescribeMaintenanceWindowTargets', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  const match = compileFilters<TargetRecord>(input.Filters, {
    Type: enumOf(['INSTANCE', 'RESOURCE_GROUP'], (t) => t.ResourceType),
    WindowTargetId: oneOf((t) => t.WindowTargetId),
    OwnerInformation: oneOf((t) => t.OwnerInformation),
  });
  const r = page(targetsInOrder(w).filter(match), (t) => t.Seq, input.MaxResults, input.NextToken);
  return { Targets: r.page.map(targetView), ...(r.NextToken && { NextToken: r.NextToken }) };
});
