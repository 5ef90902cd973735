/**
 * Which resources take resource policies, and where their policies are kept:
 *
 *   Parameter     arn:aws:ssm:<region>:<account>:parameter/<name>: advanced tier only; a SecureString
 *                 must use a customer managed key (AWS managed keys cannot be shared); the policies
 *                 grant other accounts read access (GetParameter, GetParameters, GetParameterHistory,
 *                 DescribeParameters), which Parameter Store evaluates on cross-account reads.
 *   OpsItemGroup  arn:aws:ssm:<region>:<account>:opsitemgroup/default: at most one policy.
 *
 * Limits (ResourcePolicyLimitExceededException's documentation): a policy is at most 1024 bytes.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../../core/context.js';
import { ResourceNotFoundException, ResourcePolicyInvalidParameterException } from '../../generated/ssm/errors.js';
import { current, parameters, type ResourcePolicyRecord } from '../parameters/state.js';
import { canonical } from '../parameters/names.js';
import { markShared } from '../parameters/param-index.js';
import { isAwsManagedKey } from '../parameters/kms.js';
import { resourcePolicies } from './state.js';
import * as messages from './messages.js';

export const MAX_POLICY_BYTES = 1024;

export const PARAMETER_ACTIONS = ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParameterHistory', 'ssm:DescribeParameters'] as const;
export const OPSITEMGROUP_ACTIONS = [
  'ssm:CreateOpsItem',
  'ssm:GetOpsItem',
  'ssm:UpdateOpsItem',
  'ssm:DescribeOpsItems',
  'ssm:ListOpsItemEvents',
  'ssm:ListOpsItemRelatedItems',
  'ssm:AssociateOpsItemRelatedItem',
  'ssm:DisassociateOpsItemRelatedItem',
  'ssm:GetOpsSummary',
] as const;

export interface PolicyHolder {
  arn: string;
  /** The live list of policies. */
  policies: ResourcePolicyRecord[];
  actions: readonly string[];
  maxPolicies?: number;
  /** After the list changed. */
  changed(): void;
}

const ARN = /^arn:aws[a-z-]*:ssm:([a-z0-9-]+):(\d{12}):(parameter|opsitemgroup)\/(.+)$/;

const invalidArn = (arn: string) => new ResourcePolicyInvalidParameterException(messages.unsupportedResource(arn), { ParameterNames: ['ResourceArn'] });

/** The resource an ARN names in the caller's account and Region, with the checks writes need. */
export function holderOf(ctx: Ctx, arn: string, opts: { forWrite: boolean }): PolicyHolder {
  const m = ARN.exec(arn);
  if (!m) throw invalidArn(arn);
  const [, region, account, kind, rest] = m;
  if (region !== ctx.region || account !== ctx.account) throw new ResourceNotFoundException(messages.resourceNotFound(arn));
  if (kind === 'opsitemgroup') {
    if (rest !== 'default') throw new ResourceNotFoundException(messages.resourceNotFound(arn));
    const state = resourcePolicies.of(ctx.scope);
    const list = state.byArn[arn] ?? [];
    return {
      arn,
      policies: list,
      actions: OPSITEMGROUP_ACTIONS,
      maxPolicies: 1,
      changed() {
        if (list.length) state.byArn[arn] = list;
        else delete state.byArn[arn];
      },
    };
  }
  const state = parameters.of(ctx.scope);
  const key = canonical(`/${rest}`);
  const rec = state.byName[key];
  if (!rec) throw new ResourceNotFoundException(messages.resourceNotFound(arn));
  if (opts.forWrite) {
    const v = current(rec);
    if (v.Tier !== 'Advanced') throw new ResourcePolicyInvalidParameterException(messages.parameterNotAdvanced(rec.Name), { ParameterNames: ['ResourceArn'] });
    if (v.Type === 'SecureString' && isAwsManagedKey(v.KeyId)) {
      throw new ResourcePolicyInvalidParameterException(messages.awsManagedKey(rec.Name), { ParameterNames: ['ResourceArn'] });
    }
  }
  return {
    arn,
    policies: rec.ResourcePolicies,
    actions: PARAMETER_ACTIONS,
    changed: () => markShared(state, key, rec.ResourcePolicies.length > 0),
  };
}

/** A new PolicyHash: changes with every update of the policy, so a stale hash is detected. */
export function nextHash(ctx: Ctx, policyId: string, policy: string): string {
  const state = resourcePolicies.of(ctx.scope);
  state.revision++;
  return createHash('sha256').update(`${policyId}|${state.revision}|${policy}`).digest('hex');
}
