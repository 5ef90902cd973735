/**
 * Hybrid activations: expiry (derived from the clock when read, so no task is needed) and
 * registration of a node with an activation id and code, as SSM Agent does on an on-premises server
 * (`amazon-ssm-agent -register -code ... -id ... -region ...`).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { fleetOf, type ActivationRecord } from './state.js';
import { createNode } from './nodes.js';
import { FleetSpecError, parseTags } from './build.js';
import type { FleetInstance } from './instance.js';
import { hybridNodeCount, hybridNodeTier } from '../service-settings/model.js';
import { STANDARD_TIER_MAX_HYBRID_NODES } from '../service-settings/catalog.js';
import { standardTierFull } from '../service-settings/messages.js';

/** An activation is expired from its ExpirationDate on. */
export const isExpired = (act: ActivationRecord, nowMs: number) => toEpochSeconds(nowMs) >= act.ExpirationDate;

export function getActivation(ctx: Ctx, id: string): ActivationRecord | undefined {
  const all = fleetOf(ctx).activations;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

/** A registration the service refuses; `code` is what the agent would log. */
export class RegistrationError extends Error {
  constructor(
    readonly code: 'InvalidActivation' | 'ActivationExpired' | 'ActivationLimitExceeded' | 'InstanceTierLimitExceeded' | 'InvalidRequest',
    message: string,
  ) {
    super(message);
  }
}

/** Fields of a node the registering agent reports itself (everything else comes from the activation). */
const AGENT_FIELDS = [
  'Platform', 'PlatformType', 'PlatformName', 'PlatformVersion', 'AgentVersion', 'IPAddress', 'ComputerName', 'Architecture',
  'Tags', 'Applications', 'Services', 'Network', 'Patches', 'Behaviors', 'PortForwards', 'PingStatus', 'AgentRunning',
];

/**
 * Registers a new hybrid node (mi-...) with an activation. Refuses an unknown activation, a wrong
 * code, an expired activation, one whose registration limit is used up, or a node beyond the standard
 * instances tier's quota (sim/service-settings), before changing anything.
 */
export function registerNode(ctx: Ctx, body: Record<string, unknown>): FleetInstance {
  const { ActivationId, ActivationCode } = body;
  if (typeof ActivationId !== 'string' || typeof ActivationCode !== 'string') {
    throw new RegistrationError('InvalidRequest', 'ActivationId and ActivationCode are required strings.');
  }
  for (const k of Object.keys(body)) {
    if (k !== 'ActivationId' && k !== 'ActivationCode' && k !== 'account' && k !== 'region' && !AGENT_FIELDS.includes(k)) {
      throw new RegistrationError('InvalidRequest', `${k} cannot be set at registration; a registering agent reports only ${AGENT_FIELDS.join(', ')}.`);
    }
  }
  const act = getActivation(ctx, ActivationId);
  // The service does not say which of the two is wrong.
  if (!act || act.ActivationCode !== ActivationCode) {
    throw new RegistrationError('InvalidActivation', `Activation ${ActivationId} does not exist in ${ctx.region}, or the activation code does not match it.`);
  }
  if (isExpired(act, ctx.now)) {
    throw new RegistrationError('ActivationExpired', `Activation ${ActivationId} expired at ${new Date(act.ExpirationDate * 1000).toISOString()}.`);
  }
  if (act.RegistrationsCount >= act.RegistrationLimit) {
    throw new RegistrationError(
      'ActivationLimitExceeded',
      `Activation ${ActivationId} has reached its registration limit (${act.RegistrationLimit} of ${act.RegistrationLimit} registrations used).`,
    );
  }
  // The standard-instances tier (service setting /ssm/managed-instance/activation-tier) takes at most
  // 1,000 hybrid-activated nodes per account and Region; the advanced tier has no such quota.
  if (hybridNodeTier(ctx) === 'standard' && hybridNodeCount(ctx) >= STANDARD_TIER_MAX_HYBRID_NODES) {
    throw new RegistrationError('InstanceTierLimitExceeded', standardTierFull(STANDARD_TIER_MAX_HYBRID_NODES));
  }
  const spec: Record<string, unknown> = {};
  for (const k of AGENT_FIELDS) if (body[k] !== undefined) spec[k] = body[k];
  spec.ResourceType = 'ManagedInstance';
  spec.ActivationId = act.ActivationId;
  spec.IamRole = act.IamRole;
  if (act.DefaultInstanceName !== undefined) spec.Name = act.DefaultInstanceName;
  let node: FleetInstance;
  try {
    // Tags of the activation are applied to the node; tags the caller adds come on top.
    const tags = act.Tags.map((t) => ({ ...t }));
    for (const t of parseTags(spec.Tags) ?? []) {
      const have = tags.find((x) => x.Key === t.Key);
      if (have) have.Value = t.Value;
      else tags.push(t);
    }
    spec.Tags = tags;
    node = createNode(ctx, spec);
  } catch (e) {
    if (e instanceof FleetSpecError) throw new RegistrationError('InvalidRequest', e.message);
    throw e;
  }
  act.RegistrationsCount++;
  return node;
}
