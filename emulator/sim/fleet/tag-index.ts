/**
 * A derived tag index of a scope's nodes, for tag filters and tag targets on large fleets.
 *
 * Scanning 10,000 node records is slow for a reason that has nothing to do with the comparisons:
 * the records and their tag objects are scattered over the heap, so each one is a cache miss. The
 * index keeps, per tag key and per value, the POSITIONS of the nodes in the id-ordered node array
 * (state.ts allInstances) as sorted integer arrays, so a tag query is a few merges of small
 * contiguous arrays, and only the matching records are touched.
 *
 * It lives in a WeakMap keyed by the slice (rebuilt after a snapshot restore) and is built on first
 * use, then kept up to date in place: a change to one node's tags re-indexes that node (retagNode,
 * from state.ts notify()); adding or removing a node shifts the positions after it (insertNode,
 * removeNode, from state.ts addInstance/removeInstance), a pass over integer arrays. Tags must therefore
 * change only through updateNode() or a TaggableType whose changed() is called, never by writing a
 * record directly.
 */
import type { Ctx } from '../../core/context.js';
import type { FleetSlice } from './state.js';
import type { FleetInstance } from './instance.js';
import { insertSorted, intersectSorted, lowerBound, removeSorted } from '../../core/sorted.js';

interface KeyEntry {
  /** Positions of the nodes that have this key, ascending. */
  all: number[];
  byValue: Map<string, number[]>;
}

export interface TagIndex {
  byKey: Map<string, KeyEntry>;
  /** The tags each position was indexed with (copies), to undo them when a node's tags change. */
  indexed: [string, string][][];
}

const indexes = new WeakMap<FleetSlice, TagIndex>();

export function dropTagIndex(slice: FleetSlice): void {
  indexes.delete(slice);
}

export function tagIndex(slice: FleetSlice, records: readonly FleetInstance[]): TagIndex {
  let ix = indexes.get(slice);
  if (ix) return ix;
  ix = { byKey: new Map(), indexed: [] };
  for (let pos = 0; pos < records.length; pos++) {
    const inst = records[pos];
    const pairs: [string, string][] = [];
    for (const t of inst.Tags) {
      pairs.push([t.Key, t.Value]);
      let e = ix.byKey.get(t.Key);
      if (!e) ix.byKey.set(t.Key, (e = { all: [], byValue: new Map() }));
      e.all.push(pos);
      let v = e.byValue.get(t.Value);
      if (!v) e.byValue.set(t.Value, (v = []));
      v.push(pos);
    }
    ix.indexed.push(pairs);
  }
  indexes.set(slice, ix);
  return ix;
}


const insert = insertSorted<number>;
const remove = removeSorted<number>;

function unindex(ix: TagIndex, pos: number): void {
  for (const [k, v] of ix.indexed[pos]) {
    const e = ix.byKey.get(k)!;
    remove(e.all, pos);
    const vs = e.byValue.get(v)!;
    remove(vs, pos);
    if (vs.length === 0) e.byValue.delete(v);
    if (e.all.length === 0) ix.byKey.delete(k);
  }
  ix.indexed[pos] = [];
}

function index(ix: TagIndex, pos: number, inst: FleetInstance): void {
  const pairs: [string, string][] = [];
  for (const t of inst.Tags) {
    pairs.push([t.Key, t.Value]);
    let e = ix.byKey.get(t.Key);
    if (!e) ix.byKey.set(t.Key, (e = { all: [], byValue: new Map() }));
    insert(e.all, pos);
    let vs = e.byValue.get(t.Value);
    if (!vs) e.byValue.set(t.Value, (vs = []));
    insert(vs, pos);
  }
  ix.indexed[pos] = pairs;
}

/** Adds `delta` to every position >= from (the lists stay sorted). */
function shift(ix: TagIndex, from: number, delta: number): void {
  const bump = (list: number[]) => {
    for (let i = lowerBound(list, from); i < list.length; i++) list[i] += delta;
  };
  for (const e of ix.byKey.values()) {
    bump(e.all);
    for (const vs of e.byValue.values()) bump(vs);
  }
}

/** Re-indexes the node at `pos` after its tags changed (no-op when there is no index yet). */
export function retagNode(slice: FleetSlice, pos: number, inst: FleetInstance): void {
  const ix = indexes.get(slice);
  if (!ix) return;
  unindex(ix, pos);
  index(ix, pos, inst);
}

/** A node was inserted at `pos` of the id-ordered array. */
export function insertNode(slice: FleetSlice, pos: number, inst: FleetInstance): void {
  const ix = indexes.get(slice);
  if (!ix) return;
  shift(ix, pos, 1);
  ix.indexed.splice(pos, 0, []);
  index(ix, pos, inst);
}

/** The node at `pos` of the id-ordered array was removed. */
export function removeNode(slice: FleetSlice, pos: number): void {
  const ix = indexes.get(slice);
  if (!ix) return;
  unindex(ix, pos);
  ix.indexed.splice(pos, 1);
  shift(ix, pos + 1, -1);
}

/** Sorted union of sorted position lists. */
export function union(lists: readonly (readonly number[])[]): number[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0] as number[];
  const all = new Int32Array(nonEmpty.reduce((n, l) => n + l.length, 0));
  let k = 0;
  for (const l of nonEmpty) for (const p of l) all[k++] = p;
  all.sort();
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) out.push(all[i]);
  return out;
}

/** Sorted intersection of two sorted position lists. */
export const intersect = intersectSorted<number>;

/** A tag condition: the node has tag `key`, with one of `values` when given (else any value). */
export interface TagCondition {
  key: string;
  values?: readonly string[];
}

/** Positions (ascending) of the nodes that meet every condition (AND; values of one condition OR). */
export function positionsWithTags(ix: TagIndex, conditions: readonly TagCondition[]): number[] {
  let result: number[] | undefined;
  for (const c of conditions) {
    const e = ix.byKey.get(c.key);
    const hits = !e ? [] : c.values === undefined ? e.all : union(c.values.map((v) => e.byValue.get(v) ?? []));
    result = result === undefined ? (hits as number[]) : intersect(result, hits);
    if (result.length === 0) return [];
  }
  return result ?? [];
}

/** Positions of the nodes that have any of the keys. */
export function positionsWithAnyKey(ix: TagIndex, keys: readonly string[]): number[] {
  return union(keys.map((k) => ix.byKey.get(k)?.all ?? []));
}

export type { Ctx };
