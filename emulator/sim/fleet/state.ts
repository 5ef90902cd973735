/**
 * The fleet's slice of region state: managed nodes and hybrid activations, scoped by account and
 * region like everything else, so reset and snapshots cover them.
 *
 * Nodes are added and removed only through addInstance/removeInstance here, which keep a derived
 * index (ids sorted, for paging) in a WeakMap keyed by the slice object: a restored snapshot has new
 * slice objects, so its index is rebuilt on first use.
 *
 * Other capabilities can follow fleet changes with onFleetChange(emu, listener) (Run Command delivers
 * pending commands when an agent starts; State Manager applies associations to a new node).
 */
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, bool, int, num, obj, oneOf, rec, str, tagList } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';
import type { Runtime } from '../../core/runtime.js';
import type { Tag, RegistrationMetadataItem } from '../../generated/ssm/types.js';
import { EC2_STATES, type FleetInstance } from './instance.js';
import { dropTagIndex, insertNode, removeNode, retagNode, tagIndex } from './tag-index.js';
import { lowerBound } from '../../core/sorted.js';

export interface ActivationRecord {
  ActivationId: string;
  /** The code the agent presents with the id (kept, as AWS keeps it, only to check registrations). */
  ActivationCode: string;
  Description?: string;
  DefaultInstanceName?: string;
  IamRole: string;
  RegistrationLimit: number;
  RegistrationsCount: number;
  /** Epoch seconds. */
  ExpirationDate: number;
  /** Epoch seconds. */
  CreatedDate: number;
  Tags: Tag[];
  RegistrationMetadata?: RegistrationMetadataItem[];
  /** Creation order, for stable listing and paging. */
  Seq: number;
}

export interface FleetSlice {
  instances: Record<string, FleetInstance>;
  activations: Record<string, ActivationRecord>;
  activationSeq: number;
}

const instanceSchema = obj(
  {
    InstanceId: str,
    ResourceType: str,
    PlatformType: oneOf('Windows', 'Linux', 'MacOS'),
    PlatformName: str,
    PlatformVersion: str,
    AgentVersion: str,
    IPAddress: str,
    ComputerName: str,
    SourceId: str,
    SourceType: str,
    Tags: tagList,
    AgentRunning: bool,
    PingAnchor: num,
    Applications: arr(obj({ Name: str, Version: str })),
    Services: arr(obj({ Name: str, Status: str })),
    Network: arr(obj({ Name: str, MacAddress: str, IPV4: arr(str) })),
    Patches: obj({ Installed: arr(str), Failing: arr(str) }, { ImageDate: num }),
    Behaviors: arr(obj({ Match: str }, { Stdout: str, Stderr: str, ExitCode: int, DurationSeconds: num })),
    CreatedAt: num,
  },
  {
    IamRole: str, ActivationId: str, RegistrationDate: num, Name: str, InstanceType: str, Architecture: str, KeyName: str,
    InstanceRole: str, InstanceState: oneOf(...EC2_STATES), LaunchTime: num, AssociationStatus: str, LastAssociationExecutionDate: num,
    LastSuccessfulAssociationExecutionDate: num, AssociationOverview: anyJson, AssociatedDocuments: arr(str),
    AgentStoppedAt: num, Inactive: bool,
  },
);
const activationSchema = obj(
  { ActivationId: str, ActivationCode: str, IamRole: str, RegistrationLimit: int, RegistrationsCount: int, ExpirationDate: num, CreatedDate: num, Tags: tagList, Seq: int },
  { Description: str, DefaultInstanceName: str, RegistrationMetadata: arr(obj({ Key: str, Value: str })) },
);

export const fleetSlice = defineSlice<FleetSlice>(
  'fleet',
  () => ({ instances: {}, activations: {}, activationSeq: 0 }),
  obj({ instances: rec(instanceSchema), activations: rec(activationSchema), activationSeq: int }),
);

interface Index {
  sorted: string[] | null;
  /** The node records in id order (same order as `sorted`). */
  records: FleetInstance[] | null;
}
const indexes = new WeakMap<FleetSlice, Index>();

function indexOf(slice: FleetSlice): Index {
  let ix = indexes.get(slice);
  if (!ix) indexes.set(slice, (ix = { sorted: null, records: null }));
  return ix;
}


/** The position of a node in allInstances() (undefined when absent). */
export function positionOf(ctx: { scope: Ctx['scope'] }, id: string): number | undefined {
  const sorted = sortedInstanceIds(ctx);
  const i = lowerBound(sorted, id);
  return sorted[i] === id ? i : undefined;
}

/** The scope's tag index over allInstances() positions (see tag-index.ts). */
export function tagIndexOf(ctx: { scope: Ctx['scope'] }) {
  return tagIndex(fleetOf(ctx), allInstances(ctx));
}

export const fleetOf = (ctx: { scope: Ctx['scope'] }) => fleetSlice.of(ctx.scope);

export function getInstance(ctx: { scope: Ctx['scope'] }, id: string): FleetInstance | undefined {
  const all = fleetOf(ctx).instances;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

/** Instance ids of the scope in ascending order (cached; O(1) after the first call). */
export function sortedInstanceIds(ctx: { scope: Ctx['scope'] }): readonly string[] {
  const slice = fleetOf(ctx);
  const ix = indexOf(slice);
  if (!ix.sorted) ix.sorted = Object.keys(slice.instances).sort();
  return ix.sorted;
}

/**
 * Every node of the scope in InstanceId order (including stopped EC2 instances). Cached: the array
 * is shared, so callers must not modify it (copy it first).
 */
export function allInstances(ctx: { scope: Ctx['scope'] }): readonly FleetInstance[] {
  const slice = fleetOf(ctx);
  const ix = indexOf(slice);
  if (!ix.records) {
    const all = slice.instances;
    ix.records = sortedInstanceIds(ctx).map((id) => all[id]);
  }
  return ix.records;
}

export function addInstance(ctx: Ctx, inst: FleetInstance): void {
  const slice = fleetOf(ctx);
  if (Object.hasOwn(slice.instances, inst.InstanceId)) throw new Error(`instance ${inst.InstanceId} already exists`);
  slice.instances[inst.InstanceId] = inst;
  // Keep the derived arrays and the tag index in step (cheaper than rebuilding them for 10,000 nodes).
  const ix = indexOf(slice);
  if (ix.sorted && ix.records) {
    const pos = lowerBound(ix.sorted, inst.InstanceId);
    ix.sorted.splice(pos, 0, inst.InstanceId);
    ix.records.splice(pos, 0, inst);
    insertNode(slice, pos, inst);
  } else {
    ix.sorted = null;
    ix.records = null;
    dropTagIndex(slice);
  }
  notify(ctx, { type: 'added', instanceId: inst.InstanceId });
}

export function removeInstance(ctx: Ctx, id: string): FleetInstance | undefined {
  const slice = fleetOf(ctx);
  const inst = getInstance(ctx, id);
  if (!inst) return undefined;
  delete slice.instances[id];
  const ix = indexOf(slice);
  if (ix.sorted && ix.records) {
    const pos = lowerBound(ix.sorted, id);
    ix.sorted.splice(pos, 1);
    ix.records.splice(pos, 1);
    removeNode(slice, pos);
  } else {
    ix.sorted = null;
    ix.records = null;
    dropTagIndex(slice);
  }
  notify(ctx, { type: 'removed', instanceId: id });
  return inst;
}

// ---- change listeners ----

export type FleetChange =
  | { type: 'added' | 'removed' | 'agent-started' | 'agent-stopped' | 'tags-changed' | 'updated'; instanceId: string };

export type FleetListener = (ctx: Ctx, change: FleetChange) => void;

/** Listeners per emulator (a WeakMap, so there is no module-level state shared between emulators). */
const listeners = new WeakMap<Runtime, FleetListener[]>();

/**
 * Calls `listener` synchronously after each change to a node (added, removed, agent started or
 * stopped, tags changed, other fields updated), with a context of the node's account and region.
 * Register from an Area's init(emu).
 */
export function onFleetChange(emu: Runtime, listener: FleetListener): void {
  let list = listeners.get(emu);
  if (!list) listeners.set(emu, (list = []));
  list.push(listener);
}

export function notify(ctx: Ctx, change: FleetChange): void {
  // Tags may have changed: re-index the node (added/removed nodes already dropped the index).
  if (change.type === 'tags-changed' || change.type === 'updated') {
    const inst = getInstance(ctx, change.instanceId);
    const pos = positionOf(ctx, change.instanceId);
    if (inst && pos !== undefined) retagNode(fleetOf(ctx), pos, inst);
  }
  for (const l of listeners.get(ctx.emu) ?? []) l(ctx, change);
}
