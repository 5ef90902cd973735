/**
 * GroupResources: adds up to 10 resources (ARNs) to a static group: a host-management,
 * capacity-reservation or application group. Each resource is Succeeded, Failed (unknown, or of a
 * type the group's allowed-resource-types excludes) or Pending (host-management groups add
 * asynchronously); sim/resource-groups/membership.ts has the rules.
 */
import { defineRgOperation } from '../../core/operation.js';
import { groupResources } from '../../sim/resource-groups/membership.js';
import { emitMembership } from '../../sim/resource-groups/lifecycle.js';

export default defineRgOperation('GroupResources', (input, ctx) =>
  groupResources(ctx, input.Group, input.ResourceArns, (g, added) =>
    emitMembership(ctx, g, added.map((m) => ({ arn: m.ResourceArn, type: m.ResourceType, change: 'add' }))),
  ),
);
