import { defineOperation } from '../../core/operation.js';
import { associationsInOrder } from '../../sim/associations/state.js';
import { instanceStatusView } from '../../sim/associations/views.js';
import { resolveTargets } from '../../sim/fleet/index.js';
import { numberKey, paged } from './paging.js';

/**
 * DescribeInstanceAssociationsStatus: the status of every association on one managed node (unknown
 * node: InvalidInstanceId), as the node's agent last reported it.
 */
export default defineOperation('DescribeInstanceAssociationsStatus', (input, ctx) => {
  resolveTargets(ctx, { InstanceIds: [input.InstanceId] }, { profile: 'state-manager' });
  const on = associationsInOrder(ctx).filter((a) => Object.hasOwn(a.Nodes, input.InstanceId));
  const { page, NextToken } = paged(on, (a) => numberKey(a.Seq), input.MaxResults ?? 50, input.NextToken);
  return { InstanceAssociationStatusInfos: page.map((a) => instanceStatusView(a, input.InstanceId, a.Nodes[input.InstanceId])), ...(NextToken && { NextToken }) };
});
