/**
 * UngroupResources: removes resources that GroupResources added (static groups only: a query group
 * answers BadRequestException). A resource that is not a member is Failed; host-management groups
 * remove asynchronously (Pending).
 */
import { defineRgOperation } from '../../core/operation.js';
import { ungroupResources } from '../../sim/resource-groups/membership.js';
import { emitMembership } from '../../sim/resource-groups/lifecycle.js';

export default defineRgOperation('UngroupResources', (input, ctx) =>
  ungroupResources(ctx, input.Group, input.ResourceArns, (g, removed) =>
    emitMembership(ctx, g, removed.map((m) => ({ arn: m.ResourceArn, type: m.ResourceType, change: 'remove' }))),
  ),
);
