/**
 * What Parameter Store sends to EventBridge (user guide "Amazon EventBridge event examples for Systems
 * Manager", and the published aws.ssm@ParameterStorePolicyAction schema):
 *
 *   "Parameter Store Change"         detail {operation: Create | Update | Delete | LabelParameterVersion,
 *                                    name, type, description}
 *   "Parameter Store Policy Action"  detail {parameter-name, parameter-type, policy-type,
 *                                    policy-content, action-status: SUCCESS | FAILURE, action-reason}
 *
 * resources: the parameter's ARN.
 */
import type { Ctx } from '../../core/context.js';
import type { StoredPolicy } from './state.js';

export type ChangeOperation = 'Create' | 'Update' | 'Delete' | 'LabelParameterVersion';

export function emitChange(ctx: Ctx, op: ChangeOperation, p: { name: string; type: string; description?: string; arn: string }, extra?: Record<string, unknown>): void {
  const detail: Record<string, unknown> = { operation: op, name: p.name, type: p.type };
  if (p.description !== undefined) detail.description = p.description;
  ctx.emu.events.emit(ctx, { source: 'aws.ssm', detailType: 'Parameter Store Change', resources: [p.arn], detail: { ...detail, ...extra } });
}

export function emitPolicyAction(ctx: Ctx, p: { name: string; type: string; arn: string }, policy: StoredPolicy, reason: string, status: 'SUCCESS' | 'FAILURE' = 'SUCCESS'): void {
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: 'Parameter Store Policy Action',
    resources: [p.arn],
    detail: {
      'policy-type': policy.PolicyType,
      'parameter-name': p.name,
      'parameter-type': p.type,
      'action-status': status,
      'policy-content': policy.PolicyText,
      'action-reason': reason,
    },
  });
}
