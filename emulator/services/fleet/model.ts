/**
 * Shared logic of the fleet operations: the wire views of a node (InstanceInformation,
 * InstanceProperty) and the filtered, paged node listing of DescribeInstanceInformation and
 * DescribeInstanceProperties (their filters are declared in filters.ts).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import type { InstanceInformation, InstanceProperty } from '../../generated/ssm/types.js';
import { isLatestVersion, isVisible, lastPingSeconds, pingStatus, tagValue, type FleetInstance } from '../../sim/fleet/instance.js';
import { allInstances, tagIndexOf } from '../../sim/fleet/state.js';
import { intersect, positionsWithAnyKey, positionsWithTags } from '../../sim/fleet/tag-index.js';
import type { NodeFilterSet } from './filters.js';
import * as messages from './messages.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { InvalidNextToken } from '../../generated/ssm/errors.js';

export function instanceInformation(inst: FleetInstance, nowMs: number): InstanceInformation {
  const now = toEpochSeconds(nowMs);
  const out: InstanceInformation = {
    InstanceId: inst.InstanceId,
    PingStatus: pingStatus(inst, now),
    LastPingDateTime: lastPingSeconds(inst, now),
    AgentVersion: inst.AgentVersion,
    IsLatestVersion: isLatestVersion(inst),
    PlatformType: inst.PlatformType,
    PlatformName: inst.PlatformName,
    PlatformVersion: inst.PlatformVersion,
  };
  if (inst.ActivationId !== undefined) out.ActivationId = inst.ActivationId;
  if (inst.IamRole !== undefined) out.IamRole = inst.IamRole;
  if (inst.RegistrationDate !== undefined) out.RegistrationDate = inst.RegistrationDate;
  out.ResourceType = inst.ResourceType;
  if (inst.Name !== undefined) out.Name = inst.Name;
  out.IPAddress = inst.IPAddress;
  out.ComputerName = inst.ComputerName;
  if (inst.AssociationStatus !== undefined) out.AssociationStatus = inst.AssociationStatus;
  if (inst.LastAssociationExecutionDate !== undefined) out.LastAssociationExecutionDate = inst.LastAssociationExecutionDate;
  if (inst.LastSuccessfulAssociationExecutionDate !== undefined) out.LastSuccessfulAssociationExecutionDate = inst.LastSuccessfulAssociationExecutionDate;
  if (inst.AssociationOverview !== undefined) out.AssociationOverview = inst.AssociationOverview;
  out.SourceId = inst.SourceId;
  out.SourceType = inst.SourceType;
  return out;
}

export function instanceProperty(inst: FleetInstance, nowMs: number): InstanceProperty {
  const info = instanceInformation(inst, nowMs);
  const out: InstanceProperty = {};
  // EC2: the Name tag; hybrid: the activation's instance name.
  const name = inst.ResourceType === 'EC2Instance' ? tagValue(inst, 'Name') : inst.Name;
  if (name !== undefined) out.Name = name;
  out.InstanceId = inst.InstanceId;
  if (inst.InstanceType !== undefined) out.InstanceType = inst.InstanceType;
  if (inst.InstanceRole !== undefined) out.InstanceRole = inst.InstanceRole;
  if (inst.KeyName !== undefined) out.KeyName = inst.KeyName;
  if (inst.InstanceState !== undefined) out.InstanceState = inst.InstanceState;
  if (inst.Architecture !== undefined) out.Architecture = inst.Architecture;
  out.IPAddress = inst.IPAddress;
  if (inst.LaunchTime !== undefined) out.LaunchTime = inst.LaunchTime;
  out.PingStatus = info.PingStatus;
  out.LastPingDateTime = info.LastPingDateTime;
  out.AgentVersion = info.AgentVersion;
  out.PlatformType = info.PlatformType;
  out.PlatformName = info.PlatformName;
  out.PlatformVersion = info.PlatformVersion;
  if (info.ActivationId !== undefined) out.ActivationId = info.ActivationId;
  if (info.IamRole !== undefined) out.IamRole = info.IamRole;
  if (info.RegistrationDate !== undefined) out.RegistrationDate = info.RegistrationDate;
  out.ResourceType = inst.ResourceType;
  out.ComputerName = inst.ComputerName;
  for (const k of ['AssociationStatus', 'LastAssociationExecutionDate', 'LastSuccessfulAssociationExecutionDate', 'AssociationOverview'] as const) {
    if (info[k] !== undefined) (out as Record<string, unknown>)[k] = info[k];
  }
  out.SourceId = inst.SourceId;
  out.SourceType = inst.SourceType;
  return out;
}

export function bothForms(legacy: unknown[] | undefined, current: unknown[] | undefined, names: [string, string]): void {
  if (legacy?.length && current?.length) throw new ValidationException(messages.bothFilterForms(names[0], names[1]));
}

/** Nodes that the describe operations list: every node but stopped or terminated EC2 instances. */
export const listable = (inst: FleetInstance) => isVisible(inst);

/**
 * The nodes a filter set can match, in InstanceId order: with Equal tag filters only (AWS does not
 * allow mixing them with other keys), the fleet's tag index answers without scanning every node.
 */
export function candidates(ctx: Ctx, filter: NodeFilterSet): readonly FleetInstance[] {
  const all = allInstances(ctx);
  const { conditions } = filter;
  if (!conditions.length || !conditions.every((c) => c.kind !== 'key' && c.operator === 'Equal')) return all;
  const ix = tagIndexOf(ctx);
  let positions: number[] | undefined;
  for (const c of conditions) {
    const values = c.values as readonly string[];
    const list = c.kind === 'tag-key' ? positionsWithAnyKey(ix, values) : positionsWithTags(ix, [{ key: c.tagKey!, values }]);
    positions = positions === undefined ? list : intersect(positions, list);
  }
  return (positions ?? []).map((p) => all[p]);
}

/**
 * Pages the scope's nodes in InstanceId order, filtered while scanning, so a page costs the page and
 * the nodes skipped to fill it (10,000 nodes stay cheap). The token carries the last id returned.
 */
export function pageNodes(
  nodes: readonly FleetInstance[],
  accept: (inst: FleetInstance) => boolean,
  max: number,
  after: string | undefined,
): { page: FleetInstance[]; last?: string } {
  let lo = 0;
  if (after !== undefined) {
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nodes[mid].InstanceId <= after) lo = mid + 1;
      else hi = mid;
    }
  }
  const page: FleetInstance[] = [];
  for (let i = lo; i < nodes.length; i++) {
    const inst = nodes[i];
    if (!accept(inst)) continue;
    if (page.length === max) return { page, last: page[page.length - 1].InstanceId };
    page.push(inst);
  }
  return { page };
}

/**
 * One page of the scope's nodes that pass `keep` and the filter, from the NextToken on: what
 * DescribeInstanceInformation and DescribeInstanceProperties share. The token carries the last id.
 */
export function filteredNodePage(
  ctx: Ctx,
  filter: NodeFilterSet,
  keep: (inst: FleetInstance) => boolean,
  max: number,
  nextToken: string | undefined,
): { page: FleetInstance[]; NextToken?: string } {
  const invalid = () => new InvalidNextToken(messages.invalidNextToken());
  const after = nextToken === undefined ? undefined : decodeToken<{ k: string }>(nextToken, invalid).k;
  if (after !== undefined && typeof after !== 'string') throw invalid();
  const now = toEpochSeconds(ctx.now);
  const { page, last } = pageNodes(candidates(ctx, filter), (inst) => keep(inst) && filter.test(inst, now), max, after);
  return last === undefined ? { page } : { page, NextToken: encodeToken({ k: last }) };
}

export type { Ctx };
