/**
 * Maintenance windows as a taggable resource type (AddTagsToResource & co. with ResourceType
 * MaintenanceWindow, Resource Groups): the ResourceId is the window id.
 */
import type { TaggableType } from '../../sim/tags/registry.js';
import { getWindow, windowArn, windowsInOrder } from '../../sim/maintenance-windows/index.js';

export const windowTaggable: TaggableType = {
  resourceType: 'MaintenanceWindow',
  tags: (ctx, resourceId) => getWindow(ctx, resourceId)?.Tags,
  list: (ctx) => windowsInOrder(ctx).map((w) => ({ id: w.WindowId, arn: windowArn(ctx, w.WindowId), tags: w.Tags })),
};
