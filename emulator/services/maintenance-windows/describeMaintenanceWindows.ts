import { defineOperation } from '../../core/operation.js';
import { windowIdentityView, windowsInOrder, type WindowRecord } from '../../sim/maintenance-windows/index.js';
import { booleanOf, compileFilters } from './filters.js';
import { page } from './paging.js';

/** DescribeMaintenanceWindows: the scope's windows in creation order; filters Name (prefix) and Enabled. */
export default defineOperation('DescribeMaintenanceWindows', (input, ctx) => {
  const match = compileFilters<WindowRecord>(input.Filters, {
    Name: (values) => (w) => values.some((v) => w.Name.startsWith(v)),
    Enabled: booleanOf((w) => w.Enabled),
  });
  const r = page(windowsInOrder(ctx).filter(match), (w) => w.Seq, input.MaxResults, input.NextToken);
  return { WindowIdentities: r.page.map((w) => windowIdentityView(w, ctx.now)), ...(r.NextToken && { NextToken: r.NextToken }) };
});
