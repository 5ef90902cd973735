/**
 * ListNodes and ListNodesSummary (the Systems Manager "integrated experience" node views) for a
 * single account and Region: the caller's nodes, filtered by NodeFilter (Equal, NotEqual,
 * BeginWith; values ORed, filters ANDed). Resource data syncs (SyncName, for cross-account views)
 * are not simulated: naming one answers ResourceDataSyncNotFoundException.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidFilter, ResourceDataSyncNotFoundException } from '../../generated/ssm/errors.js';
import type { InstanceInfo, Node, NodeFilter } from '../../generated/ssm/types.js';
import { allInstances } from '../../sim/fleet/state.js';
import { AGENT_TYPE, instanceStatus, lastPingSeconds, type FleetInstance } from '../../sim/fleet/instance.js';
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
    case 'AgentType':
      return AGENT_TYPE;
    case 'AgentVersion':
      return inst.AgentVersion;
    case 'ComputerName':
      return inst.ComputerName;
    case 'InstanceId':
      return inst.InstanceId;
    case 'InstanceStatus':
      return instanceStatus(inst, nowSeconds);
    case 'IpAddress':
      return inst.IPAddress;
    case 'ManagedStatus':
      return 'Managed';
    case 'PlatformName':
      return inst.PlatformName;
    case 'PlatformType':
      return inst.PlatformType;
    case 'PlatformVersion':
      return inst.PlatformVersion;
    case 'ResourceType':
      return inst.ResourceType;
    case 'Region':
      return ctx.region;
    case 'AccountId':
      return ctx.account;
    default:
      // OrganizationalUnitId / OrganizationalUnitPath: the emulator has no AWS Organizations.
      return undefined;
  }
}

const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  PlatformType: ['Windows', 'Linux', 'MacOS'],
  ResourceType: ['EC2Instance', 'ManagedInstance'],
  ManagedStatus: ['All', 'Managed', 'Unmanaged'],
};

export function checkSync(syncName: string | undefined): void {
  if (syncName !== undefined) {
    throw new ResourceDataSyncNotFoundException(messages.syncNotFound(syncName), { SyncName: syncName });
  }
}

/** The filtered nodes in InstanceId order (terminated instances are gone). */
export function filteredNodes(ctx: Ctx, filters: readonly NodeFilter[] | undefined): FleetInstance[] {
  const now = toEpochSeconds(ctx.now);
  for (const f of filters ?? []) {
    const valid = ENUM_VALUES[f.Key];
    if (valid && (f.Type ?? 'Equal') !== 'BeginWith') {
      for (const v of f.Values) if (!valid.includes(v)) throw new InvalidFilter(messages.invalidNodeFilterValue(f.Key, v, valid));
    }
  }
  const tests = (filters ?? []).map((f) => {
    const type = f.Type ?? 'Equal';
    // ManagedStatus=All matches every node.
    if (f.Key === 'ManagedStatus' && f.Values.includes('All') && type === 'Equal') return () => true;
    return (inst: FleetInstance) => {
      const v = nodeAttribute(ctx, inst, f.Key, now);
      if (type === 'NotEqual') return v === undefined || !f.Values.includes(v);
      if (v === undefined) return false;
      return type === 'BeginWith' ? f.Values.some((x) => v.startsWith(x)) : f.Values.includes(v);
    };
  });
  return allInstances(ctx).filter((inst) => inst.InstanceState !== 'terminated' && tests.every((t) => t(inst)));
}
