import { defineOperation } from '../../core/operation.js';
import { windowIdentityView, windowsInOrder } from '../../sim/maintenance-windows/index.js';
import { windowFilters } from './filters.js';
import { page } from './paging.js';

/** DescribeMaintenanceWindows: the scope's windows in creation order; filters Name (prefix) and Enabled. */
export default defineOperation('DescribeMaintenanceWindows', (input, ctx) => {
  const match = windowFilters(input.Filters);
  const r = page(windowsInOrder(ctx).filter(match), (w) => w.Seq, input.MaxResults, input.NextToken);
  return { WindowIdentities: r.page.map((w) => windowIdentityView(w, ctx.now)), ...(r.NextToken && { NextToken: r.NextToken }) };
});
