import { defineOperation } from '../../core/operation.js';
import { windowCoversTargets, windowsInOrder } from '../../sim/maintenance-windows/index.js';
import { page } from './paging.js';

/**
 * DescribeMaintenanceWindowsForTarget: the windows whose targets or tasks cover the node (resolved
 * now, so a tag target covers a node that has the tag today) or the resource group.
 */
export default defineOperation('DescribeMaintenanceWindowsForTarget', (input, ctx) => {
  const windows = windowsInOrder(ctx).filter((w) => windowCoversTargets(ctx, w, input.Targets, input.ResourceType));
  const r = page(windows, (w) => w.Seq, input.MaxResults, input.NextToken);
  return { WindowIdentities: r.page.map((w) => ({ WindowId: w.WindowId, Name: w.Name })), ...(r.NextToken && { NextToken: r.NextToken }) };
});
