/**
 * ListNodes and ListNodesSummary (the Systems Manager "integrated experience" node views) for a
 * single account and Region: the caller's nodes, filtered by NodeFilter (Equal, NotEqual,
 * BeginWith; values ORed, filters ANDed). Resource data syncs (SyncName, for cross-account views)
 * are not simulated: naming one answers ResourceDataSyncNotFoundException.
 */
import type { Ctx } from '../../core/context.js';
import { defineFilters, type KeySpec } from '../../core/filters.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidFilter, ResourceDataSyncNotFoundException } from '../../generated/ssm/errors.js';
import type { InstanceInfo, Node, NodeFilter } from '../../generated/ssm/types.js';
import { allInstances } from '../../sim/fleet/state.js';
import { AGENT_TYPE, instanceInformationValue, instanceStatus, lastPingSeconds, type FleetInstance } from '../../sim/fleet/instance.js';
import * as messages from './messages.js';


export function nodeInfo(inst: FleetInstance, nowSeconds: number): InstanceInfo {
  return {
    AgentType: AGENT_TYPE,
    AgentVersion: inst.AgentVersion,
    ComputerName: inst.ComputerName,
    InstanceStatus: instanceStatus(inst, nowSeconds),
    IpAddress: inst.IPAddress,
    ManagedStatus: 'Managed',
    PlatformType: inst.PlatformType,
    PlatformName: inst.PlatformName,
    PlatformVersion: inst.PlatformVersion,
    ResourceType: inst.ResourceType,
  };
}

export function nodeView(ctx: Ctx, inst: FleetInstance, nowSeconds: number): Node {
  return {
    CaptureTime: lastPingSeconds(inst, nowSeconds),
    Id: inst.InstanceId,
    Owner: { AccountId: ctx.account },
    Region: ctx.region,
    NodeType: { Instance: nodeInfo(inst, nowSeconds) },
  };
}

/** The value of a node attribute (filter keys and aggregator attribute names share these). */
export function nodeAttribute(ctx: Ctx, inst: FleetInstance, key: string, nowSeconds: number): string | undefined {
  switch (key) {
    case 'ManagedStatus':
      return 'Managed';
    case 'Region':
      return ctx.region;
    case 'AccountId':
      return ctx.account;
    default:
      // OrganizationalUnitId / OrganizationalUnitPath: the emulator has no AWS Organizations.
      return instanceInformationValue(inst, key, nowSeconds);
  }
}

/** What a NodeFilter reads beside the node: the request's scope and now (epoch seconds). */
interface NodeEnv {
  ctx: Ctx;
  now: number;
}

const NODE_ENUMS: Readonly<Record<string, readonly string[]>> = {
  PlatformType: ['Windows', 'Linux', 'MacOS'],
  ResourceType: ['EC2Instance', 'ManagedInstance'],
  ManagedStatus: ['All', 'Managed', 'Unmanaged'],
};

/** Every NodeFilterKey of the model; each reads nodeAttribute(). */
const NODE_KEYS = [
  'AgentType', 'AgentVersion', 'ComputerName', 'InstanceId', 'InstanceStatus', 'IpAddress', 'ManagedStatus', 'PlatformName',
  'PlatformType', 'PlatformVersion', 'ResourceType', 'OrganizationalUnitId', 'OrganizationalUnitPath', 'Region', 'AccountId',
];

function nodeKey(key: string): KeySpec<FleetInstance, NodeEnv> {
  const spec: KeySpec<FleetInstance, NodeEnv> = { read: (inst, env) => nodeAttribute(env.ctx, inst, key, env.now) };
  if (NODE_ENUMS[key]) spec.allowed = NODE_ENUMS[key];
  // ManagedStatus=All matches every node.
  if (key === 'ManagedStatus') spec.test = (op, values) => (op === 'Equal' && values.includes('All') ? () => true : undefined);
  return spec;
}

/**
 * NodeFilter: Equal (default), NotEqual, BeginWith; values ORed, filters ANDed. PlatformType,
 * ResourceType and ManagedStatus check their values except under BeginWith.
 */
const nodeFilters = defineFilters<FleetInstance, NodeEnv>({
  name: 'ListNodes',
  defaults: { operators: ['Equal', 'NotEqual', 'BeginWith'], operator: 'Equal' },
  errors: {
    // NodeFilterKey and NodeFilterOperatorType are enums in the model: neither a bad key nor a bad
    // operator (reported as a bad value) gets past validation.
    unknownKey: (key) => new InvalidFilter(messages.invalidFilterKey(key)),
    badValue: ({ key, value, allowed }) => new InvalidFilter(messages.invalidNodeFilterValue(key, value, allowed ?? [])),
  },
  keys: Object.fromEntries(NODE_KEYS.map((k) => [k, nodeKey(k)])),
});

export function checkSync(syncName: string | undefined): void {
  if (syncName !== undefined) {
    throw new ResourceDataSyncNotFoundException(messages.syncNotFound(syncName), { SyncName: syncName });
  }
}

/** The filtered nodes in InstanceId order (terminated instances are gone). */
export function filteredNodes(ctx: Ctx, filters: readonly NodeFilter[] | undefined): FleetInstance[] {
  const filter = nodeFilters.compile((filters ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Type })));
  const env: NodeEnv = { ctx, now: toEpochSeconds(ctx.now) };
  return allInstances(ctx).filter((inst) => inst.InstanceState !== 'terminated' && filter.test(inst, env));
}
