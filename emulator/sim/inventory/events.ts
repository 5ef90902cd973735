/**
 * What Inventory sends to EventBridge: "Inventory Resource State Change" (user guide, "About
 * EventBridge monitoring of Inventory events"), for
 *   - a custom type's data deleted on one node (action delete),
 *   - a custom type deleted for all nodes (action delete-summary, the summary in action-reason),
 *   - a PutInventory item refused for its schema version (action put, action-status failed).
 * The guide shows these events in Systems Manager's internal form (type, body); the emulator sends
 * them in EventBridge's envelope with the body as detail, source aws.ssm and the managed-instance
 * ARN as the resource, as the other Systems Manager events are sent (unverified mapping).
 */
import type { Ctx } from '../../core/context.js';
import { arn } from '../../core/context.js';

export const INVENTORY_DETAIL_TYPE = 'Inventory Resource State Change';

interface Change {
  action: 'put' | 'delete' | 'delete-summary';
  status: 'succeeded' | 'failed';
  /** The node, or undefined for a summary of all nodes. */
  resourceId?: string;
  reason: string;
  typeName: string;
}

export function emitInventoryChange(ctx: Ctx, c: Change): void {
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: INVENTORY_DETAIL_TYPE,
    resources: c.resourceId === undefined ? [] : [arn(ctx, 'ssm', `managed-instance/${c.resourceId}`)],
    detail: {
      'action-status': c.status,
      action: c.action,
      'resource-type': 'managed-instance',
      'resource-id': c.resourceId ?? '',
      'action-reason': c.reason,
      'type-name': c.typeName,
    },
  });
}
