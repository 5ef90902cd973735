/**
 * Inventory's slice of a region's state, plain JSON with wire member names:
 *
 *   nodes      per node (by InstanceId): the last item of each type put for it (TypeName -> item);
 *              a node that left the fleet keeps its inventory 30 days, shown with the instance
 *              information it had at its last put (InstanceStatus Terminated)
 *   schemas    custom types (Custom:*) of the account and Region: current version, attributes in
 *              the order first seen, and the version a DisableSchema turned off
 *   deletions  DeleteInventory operations (DescribeInventoryDeletions), oldest first
 *   syncs      resource data sync configurations, oldest first (names are user-supplied, so an
 *              array rather than an object keyed by name)
 *
 * Type names always contain a colon (AWS:..., Custom:...), so keying objects by them is safe.
 *
 * Indexes live in a WeakMap keyed by the slice object (a restored snapshot rebuilds them): the ids
 * of nodes holding each type, and per (type, attribute) the sorted ids of the nodes holding each
 * value. They are built on first use and kept in step by each put (indexWrite); a bulk deletion
 * drops them for the type.
 */
import { defineSlice } from '../../state/store.js';
import { anyJson, arr, bool, int, num, obj, oneOf, rec, str } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';
import type { InventoryDeletionSummary } from '../../generated/ssm/types.js';
import { insertSorted, removeSorted } from '../../core/sorted.js';

export type Entry = Record<string, string>;

export interface StoredItem {
  TypeName: string;
  SchemaVersion: string;
  CaptureTime: string;
  ContentHash?: string;
  Content: Entry[];
}

export interface NodeInventory {
  /** TypeName -> the last item put for it */
  Items: Record<string, StoredItem>;
  /**
   * The node's AWS:InstanceInformation when inventory was last put: what GetInventory shows (with
   * InstanceStatus Terminated) once the node has left the fleet, whose record is gone by then.
   */
  LastInfo: { Info: Entry; CaptureTime: string };
  /** Epoch seconds when the node left the fleet. */
  TerminatedAt?: number;
}

export interface CustomSchema {
  TypeName: string;
  Version: string;
  Attributes: string[];
  /** DisableSchema: items of this version or lower are refused until a higher version is put. */
  DisabledVersion?: string;
}

export interface DeletionRecord {
  DeletionId: string;
  TypeName: string;
  /** Epoch seconds. */
  DeletionStartTime: number;
  LastStatus: 'InProgress' | 'Complete';
  LastStatusMessage: string;
  /** Epoch seconds. */
  LastStatusUpdateTime: number;
  DeletionSummary: InventoryDeletionSummary;
  SchemaDeleteOption?: 'DisableSchema' | 'DeleteSchema';
}

export interface SyncRecord {
  SyncName: string;
  SyncType: string;
  S3Destination?: import('../../generated/ssm/types.js').ResourceDataSyncS3Destination;
  SyncSource?: import('../../generated/ssm/types.js').ResourceDataSyncSource;
  /** Epoch seconds. */
  SyncCreatedTime: number;
  /** Epoch seconds. */
  SyncLastModifiedTime: number;
}

export interface InventorySlice {
  nodes: Record<string, NodeInventory>;
  schemas: Record<string, CustomSchema>;
  deletions: DeletionRecord[];
  syncs: SyncRecord[];
}

/** What a restored snapshot's inventory must look like (see state/schema.ts). Capture times are ISO text, as put. */
const entries = arr(rec(str));
const nodeSchema = obj(
  {
    Items: rec(obj({ TypeName: str, SchemaVersion: str, CaptureTime: str, Content: entries }, { ContentHash: str })),
    LastInfo: obj({ Info: rec(str), CaptureTime: str }),
  },
  { TerminatedAt: num },
);
const deletionSchema = obj(
  {
    DeletionId: str, TypeName: str, DeletionStartTime: num, LastStatus: oneOf('InProgress', 'Complete'), LastStatusMessage: str, LastStatusUpdateTime: num,
    DeletionSummary: obj({}, { TotalCount: int, RemainingCount: int, SummaryItems: arr(obj({}, { Version: str, Count: int, RemainingCount: int })) }),
  },
  { SchemaDeleteOption: oneOf('DisableSchema', 'DeleteSchema') },
);
const syncSchema = obj(
  { SyncName: str, SyncType: oneOf('SyncToDestination', 'SyncFromSource'), SyncCreatedTime: num, SyncLastModifiedTime: num },
  {
    S3Destination: obj({ BucketName: str, SyncFormat: str, Region: str }, { Prefix: str, AWSKMSKeyARN: str, DestinationDataSharing: anyJson }),
    SyncSource: obj(
      { SourceType: str, SourceRegions: arr(str) },
      { AwsOrganizationsSource: obj({ OrganizationSourceType: str }, { OrganizationalUnits: arr(anyJson) }), IncludeFutureRegions: bool, EnableAllOpsDataSources: bool },
    ),
  },
);

export const inventorySlice = defineSlice<InventorySlice>(
  'inventory',
  () => ({ nodes: {}, schemas: {}, deletions: [], syncs: [] }),
  obj({
    nodes: rec(nodeSchema),
    schemas: rec(obj({ TypeName: str, Version: str, Attributes: arr(str) }, { DisabledVersion: str })),
    deletions: arr(deletionSchema),
    syncs: arr(syncSchema),
  }),
);

export const inventoryOf = (ctx: { scope: Ctx['scope'] }) => inventorySlice.of(ctx.scope);

export function nodeInventory(slice: InventorySlice, id: string): NodeInventory | undefined {
  return Object.hasOwn(slice.nodes, id) ? slice.nodes[id] : undefined;
}

export function storedItem(slice: InventorySlice, id: string, typeName: string): StoredItem | undefined {
  const node = nodeInventory(slice, id);
  return node && Object.hasOwn(node.Items, typeName) ? node.Items[typeName] : undefined;
}

export function customSchema(slice: InventorySlice, typeName: string): CustomSchema | undefined {
  return Object.hasOwn(slice.schemas, typeName) ? slice.schemas[typeName] : undefined;
}

// ───────────────────────────────────────── indexes ─────────────────────────────────────────

interface TypeIndex {
  /** Ids of the nodes holding the type, ascending. */
  nodes: string[];
  /** attribute -> value -> ids of the nodes with an entry of that value, ascending, no repeats */
  byAttr: Map<string, Map<string, string[]>>;
}

interface Index {
  /** Ids of every node with inventory state, ascending. */
  nodeIds: string[] | null;
  types: Map<string, TypeIndex>;
}

const indexes = new WeakMap<InventorySlice, Index>();

function indexOf(slice: InventorySlice): Index {
  let ix = indexes.get(slice);
  if (!ix) indexes.set(slice, (ix = { nodeIds: null, types: new Map() }));
  return ix;
}

/** Every node id with inventory state, ascending (cached). */
export function inventoryNodeIds(slice: InventorySlice): readonly string[] {
  const ix = indexOf(slice);
  return (ix.nodeIds ??= Object.keys(slice.nodes).sort());
}

function typeIndex(slice: InventorySlice, typeName: string): TypeIndex {
  const ix = indexOf(slice);
  let t = ix.types.get(typeName);
  if (!t) {
    const nodes: string[] = [];
    for (const id of inventoryNodeIds(slice)) if (Object.hasOwn(slice.nodes[id].Items, typeName)) nodes.push(id);
    ix.types.set(typeName, (t = { nodes, byAttr: new Map() }));
  }
  return t;
}

/** Ids of the nodes holding an item of the type, ascending. */
export const nodesWithType = (slice: InventorySlice, typeName: string): readonly string[] => typeIndex(slice, typeName).nodes;

/** For one attribute of a type: value -> ids of the nodes with an entry of that value (ascending, once each). */
export function valueIndex(slice: InventorySlice, typeName: string, attribute: string): ReadonlyMap<string, readonly string[]> {
  const t = typeIndex(slice, typeName);
  let m = t.byAttr.get(attribute);
  if (!m) {
    m = new Map();
    for (const id of t.nodes) {
      for (const entry of slice.nodes[id].Items[typeName].Content) {
        if (!Object.hasOwn(entry, attribute)) continue;
        const v = entry[attribute];
        let ids = m.get(v);
        if (!ids) m.set(v, (ids = []));
        // Nodes are visited in order, so a repeat (two entries of one node with the value) is the last id.
        if (ids[ids.length - 1] !== id) ids.push(id);
      }
    }
    t.byAttr.set(attribute, m);
  }
  return m;
}

const valuesOf = (content: readonly Entry[] | undefined, attribute: string) => {
  const out = new Set<string>();
  for (const e of content ?? []) if (Object.hasOwn(e, attribute)) out.add(e[attribute]);
  return out;
};

/**
 * Call after a node's item of a type was written (before: the previous content, if any): keeps the
 * indexes that exist in step, so a put costs a few list splices instead of a rebuild on the next
 * query (10,000 nodes x 50 applications take a quarter of a second to index).
 */
export function indexWrite(slice: InventorySlice, typeName: string, id: string, before: readonly Entry[] | undefined, after: readonly Entry[]): void {
  const ix = indexOf(slice);
  if (ix.nodeIds) insertSorted(ix.nodeIds, id);
  const t = ix.types.get(typeName);
  if (!t) return;
  if (!before) insertSorted(t.nodes, id);
  for (const [attribute, m] of t.byAttr) {
    const was = valuesOf(before, attribute);
    const now = valuesOf(after, attribute);
    for (const v of was) {
      if (now.has(v)) continue;
      const ids = m.get(v);
      if (!ids) continue;
      removeSorted(ids, id);
      if (!ids.length) m.delete(v);
    }
    for (const v of now) {
      if (was.has(v)) continue;
      let ids = m.get(v);
      if (!ids) m.set(v, (ids = []));
      insertSorted(ids, id);
    }
  }
}

/** Call after removing items of a type from many nodes: drops what was derived from them. */
export function invalidate(slice: InventorySlice, typeName: string): void {
  indexOf(slice).types.delete(typeName);
}

/** Removes a node's record (and what was derived from its items). */
export function dropNode(slice: InventorySlice, id: string): void {
  const node = nodeInventory(slice, id);
  if (!node) return;
  delete slice.nodes[id];
  const ix = indexOf(slice);
  for (const t of Object.keys(node.Items)) ix.types.delete(t);
  ix.nodeIds = null;
}
