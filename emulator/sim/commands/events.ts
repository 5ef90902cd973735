/**
 * What Run Command sends to EventBridge (user guide "Amazon EventBridge event examples for Systems
 * Manager", Run Command events):
 *
 *   "EC2 Command Status-change Notification"             resources: the targeted nodes' ARNs
 *     detail {command-id, document-name, expire-after, parameters, requested-date-time, status}
 *   "EC2 Command Invocation Status-change Notification"  resources: the node's ARN
 *     detail {command-id, document-name, instance-id, requested-date-time, status}
 *
 * Times in the detail are ISO 8601 with milliseconds, as in AWS's examples. One event per change of
 * Status (not of StatusDetails).
 */
import type { Ctx } from '../../core/context.js';
import { nodeArn } from '../fleet/nodes.js';
import type { CommandRecord, InvocationRecord } from './state.js';

const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();

export function emitCommandStatus(ctx: Ctx, cmd: CommandRecord): void {
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: 'EC2 Command Status-change Notification',
    resources: cmd.Invocations.map((inv) => nodeArn(ctx, inv.InstanceId)),
    detail: {
      'command-id': cmd.CommandId,
      'document-name': cmd.DocumentName,
      'expire-after': iso(cmd.ExpiresAfter),
      parameters: cmd.Parameters,
      'requested-date-time': iso(cmd.RequestedDateTime),
      status: cmd.Status,
    },
  });
}

export function emitInvocationStatus(ctx: Ctx, cmd: CommandRecord, inv: InvocationRecord): void {
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: 'EC2 Command Invocation Status-change Notification',
    resources: [nodeArn(ctx, inv.InstanceId)],
    detail: {
      'command-id': cmd.CommandId,
      'document-name': cmd.DocumentName,
      'instance-id': inv.InstanceId,
      'requested-date-time': iso(cmd.RequestedDateTime),
      status: inv.Status,
    },
  });
}
