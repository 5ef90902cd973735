/**
 * Shared logic of the fleet operations: the wire views of a node (InstanceInformation,
 * InstanceProperty) and the filter engine of DescribeInstanceInformation and
 * DescribeInstanceProperties (legacy key/valueSet lists and Key/Values filters).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import type { ServiceError } from '../../core/errors.js';
import {
  InvalidFilterKey,
  InvalidInstanceId,
  ValidationException,
} from '../../generated/ssm/errors.js';
import type { InstanceInformation, InstanceProperty } from '../../generated/ssm/types.js';
import { compareVersions, isLatestVersion, isVisible, lastPingSeconds, pingStatus, tagValue, type FleetInstance } from '../../sim/fleet/instance.js';
import { allInstances, tagIndexOf } from '../../sim/fleet/state.js';
import { intersect, positionsWithAnyKey, positionsWithTags } from '../../sim/fleet/tag-index.js';
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

// ---- filters ----

export type Operator = 'Equal' | 'NotEqual' | 'BeginWith' | 'LessThan' | 'GreaterThan';

export interface NodeFilterSpec {
  key: string;
  values: readonly string[];
  operator: Operator;
}

/** Filter keys with a fixed set of values, checked as AWS checks them. */
const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  PingStatus: ['Online', 'ConnectionLost', 'Inactive'],
  PlatformTypes: ['Windows', 'Linux', 'MacOS'],
  PlatformType: ['Windows', 'Linux', 'MacOS'],
  ResourceType: ['EC2Instance', 'ManagedInstance'],
  AssociationStatus: ['Success', 'Pending', 'Failed'],
  SourceTypes: ['AWS::EC2::Instance', 'AWS::SSM::ManagedInstance', 'AWS::IoT::Thing'],
};

/** DescribeInstanceInformation's keys (its API reference lists them on InstanceInformationStringFilter). */
export const INFORMATION_KEYS = [
  'InstanceIds', 'AgentVersion', 'PingStatus', 'PlatformTypes', 'PlatformType', 'ActivationIds', 'IamRole', 'ResourceType',
  'AssociationStatus', 'SourceIds', 'SourceTypes',
];
/** DescribeInstanceProperties adds DocumentName. */
export const PROPERTY_KEYS = [...INFORMATION_KEYS, 'DocumentName'];

const INSTANCE_ID = /^(i-(\w{8}|\w{17})|mi-\w{17})$/;
const ACTIVATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const isTagKey = (k: string) => k.startsWith('tag:') || k === 'tag-key';

/** The attribute a filter key reads, as a string (undefined when the node has none). */
function scalar(key: string): ((inst: FleetInstance, now: number) => string | undefined) | undefined {
  switch (key) {
    case 'InstanceIds':
      return (i) => i.InstanceId;
    case 'AgentVersion':
      return (i) => i.AgentVersion;
    case 'PingStatus':
      return (i, now) => pingStatus(i, now);
    case 'PlatformTypes':
    case 'PlatformType':
      return (i) => i.PlatformType;
    case 'ActivationIds':
      return (i) => i.ActivationId;
    case 'IamRole':
      return (i) => i.IamRole;
    case 'ResourceType':
      return (i) => i.ResourceType;
    case 'AssociationStatus':
      return (i) => i.AssociationStatus;
    case 'SourceIds':
      return (i) => i.SourceId;
    case 'SourceTypes':
      return (i) => i.SourceType;
    default:
      if (key.startsWith('tag:')) {
        const tagKey = key.slice(4);
        return (i) => {
          for (const t of i.Tags) if (t.Key === tagKey) return t.Value;
          return undefined;
        };
      }
      return undefined;
  }
}

/** Multi-valued attributes (a node has several tag keys and associated documents). */
function multi(key: string): ((inst: FleetInstance) => readonly string[]) | undefined {
  if (key === 'tag-key') return (i) => i.Tags.map((t) => t.Key);
  if (key === 'DocumentName') return (i) => i.AssociatedDocuments ?? [];
  return undefined;
}

const versionLike = (k: string) => k === 'AgentVersion';

function test(attr: string, value: string, op: Operator, key: string): boolean {
  switch (op) {
    case 'Equal':
      return attr === value;
    case 'NotEqual':
      return attr !== value;
    case 'BeginWith':
      return attr.startsWith(value);
    case 'LessThan':
      return versionLike(key) ? compareVersions(attr, value) < 0 : attr < value;
    case 'GreaterThan':
      return versionLike(key) ? compareVersions(attr, value) > 0 : attr > value;
  }
}

/**
 * A filter compiled once per request into a predicate: any value matches (OR); NotEqual means none
 * of the values is equal. Compiling keeps a scan of 10,000 nodes to plain comparisons.
 */
export function compileFilter(f: NodeFilterSpec): (inst: FleetInstance, nowSeconds: number) => boolean {
  const one = scalar(f.key);
  const values = f.values;
  if (one) {
    if (f.operator === 'Equal') {
      const set = new Set(values);
      return (i, now) => {
        const v = one(i, now);
        return v !== undefined && set.has(v);
      };
    }
    if (f.operator === 'NotEqual') {
      const set = new Set(values);
      return (i, now) => {
        const v = one(i, now);
        return v === undefined || !set.has(v);
      };
    }
    return (i, now) => {
      const v = one(i, now);
      return v !== undefined && values.some((x) => test(v, x, f.operator, f.key));
    };
  }
  const many = multi(f.key)!;
  if (f.operator === 'NotEqual') return (i) => many(i).every((a) => !values.includes(a));
  return (i) => many(i).some((a) => values.some((x) => test(a, x, f.operator, f.key)));
}

/** One filter against one node (compiles it: prefer compileFilter for scans). */
export function matches(inst: FleetInstance, f: NodeFilterSpec, nowSeconds: number): boolean {
  return compileFilter(f)(inst, nowSeconds);
}

/**
 * Checks filters (keys, values) for one of the two operations and throws the error AWS gives.
 * `invalidValue` builds the operation's filter-value error class.
 */
export function checkFilters(
  filters: readonly NodeFilterSpec[],
  keys: readonly string[],
  invalidValue: (message: string) => ServiceError,
  /** DescribeInstanceProperties declares InvalidActivationId; DescribeInstanceInformation does not. */
  invalidActivation: (message: string) => ServiceError = invalidValue,
): void {
  let tags = 0;
  for (const f of filters) {
    if (isTagKey(f.key)) {
      if (f.key === 'tag:') throw invalidValue(messages.emptyTagKeyFilter());
      tags++;
      continue;
    }
    if (!keys.includes(f.key)) throw new InvalidFilterKey(messages.invalidFilterKey(f.key));
    const valid = ENUM_VALUES[f.key];
    if (f.key === 'ResourceType' && f.values.length > 1) throw invalidValue(messages.oneValueOnly(f.key));
    if (valid && (f.operator === 'Equal' || f.operator === 'NotEqual')) {
      for (const v of f.values) if (!valid.includes(v)) throw invalidValue(messages.invalidFilterValue(f.key, valid));
    }
    if (f.key === 'InstanceIds' && f.operator === 'Equal') {
      const bad = f.values.filter((v) => !INSTANCE_ID.test(v));
      if (bad.length) throw new InvalidInstanceId(messages.invalidInstanceIdFilter(bad));
    }
    if (f.key === 'ActivationIds' && f.operator === 'Equal') {
      const bad = f.values.filter((v) => !ACTIVATION_ID.test(v));
      if (bad.length) throw invalidActivation(messages.invalidActivationIdFilter(bad));
    }
  }
  // "Tag filters can't be combined with other filter types" (API reference).
  if (tags > 0 && tags < filters.length) throw new ValidationException(messages.cannotMixTagFilters());
}

export function bothForms(legacy: unknown[] | undefined, current: unknown[] | undefined, names: [string, string]): void {
  if (legacy?.length && current?.length) throw new ValidationException(messages.bothFilterForms(names[0], names[1]));
}

/** Nodes that the describe operations list: every node but stopped or terminated EC2 instances. */
export const listable = (inst: FleetInstance) => isVisible(inst);

/**
 * The nodes a filter set can match, in InstanceId order: with tag filters only (AWS does not allow
 * mixing them with other keys), the fleet's tag index answers without scanning every node.
 */
export function candidates(ctx: Ctx, filters: readonly NodeFilterSpec[]): readonly FleetInstance[] {
  const all = allInstances(ctx);
  if (!filters.length || !filters.every((f) => isTagKey(f.key) && f.operator === 'Equal')) return all;
  const ix = tagIndexOf(ctx);
  let positions: number[] | undefined;
  for (const f of filters) {
    const list = f.key === 'tag-key' ? positionsWithAnyKey(ix, f.values) : positionsWithTags(ix, [{ key: f.key.slice(4), values: f.values }]);
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
 * One page of the scope's nodes that pass `keep` and every filter, from the NextToken on: what
 * DescribeInstanceInformation and DescribeInstanceProperties share. The token carries the last id.
 */
export function filteredNodePage(
  ctx: Ctx,
  filters: readonly NodeFilterSpec[],
  keep: (inst: FleetInstance) => boolean,
  max: number,
  nextToken: string | undefined,
): { page: FleetInstance[]; NextToken?: string } {
  const invalid = () => new InvalidNextToken(messages.invalidNextToken());
  const after = nextToken === undefined ? undefined : decodeToken<{ k: string }>(nextToken, invalid).k;
  if (after !== undefined && typeof after !== 'string') throw invalid();
  const now = toEpochSeconds(ctx.now);
  const tests = filters.map(compileFilter);
  const { page, last } = pageNodes(candidates(ctx, filters), (inst) => keep(inst) && tests.every((test) => test(inst, now)), max, after);
  return last === undefined ? { page } : { page, NextToken: encodeToken({ k: last }) };
}

export type { Ctx };
