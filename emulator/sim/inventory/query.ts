/**
 * GetInventory and ListInventoryEntries over the store (state.ts) and the derived types (derived.ts).
 *
 * GetInventory without Aggregators lists entities (managed nodes, ascending by id, including nodes
 * that left the fleet less than 30 days ago) matching every filter, each with the item of one type:
 * AWS:InstanceInformation unless ResultAttributes names another (then only entities holding that
 * type are listed; unverified). Pages are by id, so they stay right while inventory changes.
 *
 * With Aggregators it answers one entity without an Id whose Data holds, per aggregator (the user
 * guide's "Aggregating inventory data"):
 *   Expression "T.A" (with nested Aggregators)   Data[T].Content: one row per combination of values
 *     along each path from the aggregator to a leaf, with "Count" the number of entities having
 *     that combination (an entity counts once per combination; attributes of one type come from the
 *     same entry, attributes of different types combine per entity); counts are strings; rows by
 *     count, highest first, then by values;
 *   Groups                                       Data[group name].Content:
 *     [{"notMatchingCount": n}, {"matchingCount": m}], over the entities that pass the request's
 *     Filters, a group matching when all its filters do.
 * Only the attributes GetInventorySchema lists with Aggregator can be aggregated
 * (InvalidAggregatorException). Counting "AWS:Application by Name" reads the value index: the
 * number of nodes per name is the length of the name's id list.
 */
import type { Ctx } from '../../core/context.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { lowerBound } from '../../core/sorted.js';
import {
  InvalidAggregatorException,
  InvalidInstanceId,
  InvalidInventoryGroupException,
  InvalidNextToken,
  InvalidResultAttributeException,
} from '../../generated/ssm/errors.js';
import type {
  GetInventoryRequest,
  GetInventoryResult,
  InventoryAggregator,
  InventoryResultEntity,
  InventoryResultItem,
  ListInventoryEntriesRequest,
  ListInventoryEntriesResult,
} from '../../generated/ssm/types.js';
import { getInstance } from '../fleet/state.js';
import { entitiesWithType, entityIds, isDerivedType, itemOf } from './derived.js';
import { apply, checkedType, entityFilters, entryFilters, intersect, splitKey, typeAttributes } from './filters.js';
import { awsType, INSTANCE_INFORMATION } from './schema.js';
import { inventoryOf, nodeInventory, nodesWithType, valueIndex, type Entry, type InventorySlice } from './state.js';
import * as messages from './messages.js';

/** GetInventory and ListInventoryEntries MaxResults: 1 to 50 (model); the default is the maximum (unverified). */
export const MAX_RESULTS = 50;

/**
 * Rows of one aggregation result: an item's content holds at most 10,000 entries (the model's
 * InventoryItemEntryList); beyond that the rows with the lowest counts are left out (what AWS does
 * then is not documented; unverified).
 */
export const MAX_ROWS = 10_000;

const resultItem = (i: { TypeName: string; SchemaVersion: string; CaptureTime?: string; ContentHash?: string; Content: Entry[] }): InventoryResultItem => ({
  TypeName: i.TypeName,
  SchemaVersion: i.SchemaVersion,
  ...(i.CaptureTime !== undefined && { CaptureTime: i.CaptureTime }),
  ...(i.ContentHash !== undefined && { ContentHash: i.ContentHash }),
  Content: i.Content,
});

interface Position {
  /** The last id of the previous page. */
  k: string;
}

export function getInventory(ctx: Ctx, req: GetInventoryRequest): GetInventoryResult {
  const slice = inventoryOf(ctx);
  const resultType = req.ResultAttributes?.[0]?.TypeName ?? INSTANCE_INFORMATION;
  if (!typeAttributes(slice, resultType)) throw new InvalidResultAttributeException(messages.invalidResultAttribute(resultType));
  const aggregating = (req.Aggregators?.length ?? 0) > 0;
  if (aggregating) checkAggregators(slice, req.Aggregators!, new Set(), 0);
  const filters = entityFilters(ctx, slice, req.Filters, { existsAllowed: aggregating });
  if (aggregating) return { Entities: [{ Data: aggregate(ctx, slice, apply(entityIds(ctx, slice), filters), req.Aggregators!) }] };

  let ids = entityIds(ctx, slice);
  for (const l of filters.lists) ids = intersect(ids, l);
  if (resultType !== INSTANCE_INFORMATION) ids = intersect(ids, entitiesWithType(ctx, slice, resultType));
  // A page is read lazily: ids after the token's, those passing the other filters, until the page is
  // full and one more is known to follow (so NextToken means more results, never an empty last page).
  let start = 0;
  if (req.NextToken !== undefined) {
    const invalid = () => new InvalidNextToken(messages.invalidNextToken());
    const pos = decodeToken<Position>(req.NextToken, invalid);
    if (typeof pos?.k !== 'string') throw invalid();
    start = lowerBound(ids, pos.k);
    if (ids[start] === pos.k) start++;
  }
  const max = req.MaxResults ?? MAX_RESULTS;
  const passes = filters.test;
  const page: string[] = [];
  let more = false;
  for (let i = start; i < ids.length; i++) {
    if (!passes(ids[i])) continue;
    if (page.length === max) {
      more = true;
      break;
    }
    page.push(ids[i]);
  }
  const Entities: InventoryResultEntity[] = [];
  for (const id of page) {
    const item = itemOf(ctx, slice, id, resultType);
    Entities.push({ Id: id, Data: item ? { [resultType]: resultItem(item) } : {} });
  }
  return { Entities, ...(more && { NextToken: encodeToken({ k: page[page.length - 1] } satisfies Position) }) };
}

// ─────────────────────────────────────── aggregation ───────────────────────────────────────

interface Step {
  typeName: string;
  attribute: string;
}

function parseExpression(slice: InventorySlice, expression: string): Step {
  const split = splitKey(slice, expression);
  if (!split || !typeAttributes(slice, split.typeName)) throw new InvalidAggregatorException(messages.invalidAggregatorExpression(expression));
  if (!awsType(split.typeName)?.Aggregator?.Attributes.includes(split.attribute)) throw new InvalidAggregatorException(messages.notAggregatable(expression));
  return split;
}

function checkAggregators(slice: InventorySlice, list: readonly InventoryAggregator[], groupNames: Set<string>, depth: number): void {
  for (const a of list) {
    const hasGroups = (a.Groups?.length ?? 0) > 0;
    if (hasGroups === (a.Expression !== undefined)) throw new InvalidAggregatorException(messages.aggregatorShape());
    if (hasGroups) {
      if (depth > 0 || a.Aggregators?.length) throw new InvalidAggregatorException(messages.groupsCannotNest());
      for (const g of a.Groups!) {
        if (groupNames.has(g.Name)) throw new InvalidInventoryGroupException(messages.duplicateGroup(g.Name));
        groupNames.add(g.Name);
      }
      continue;
    }
    parseExpression(slice, a.Expression!);
    if (a.Aggregators?.length) checkAggregators(slice, a.Aggregators, groupNames, depth + 1);
  }
}

/** Every path from an aggregator down to a leaf. */
function paths(slice: InventorySlice, a: InventoryAggregator, prefix: Step[] = []): Step[][] {
  const here = [...prefix, parseExpression(slice, a.Expression!)];
  const attrs = here.map((s) => s.attribute);
  if (new Set(attrs).size !== attrs.length) throw new InvalidAggregatorException(messages.invalidAggregatorExpression(a.Expression!));
  return a.Aggregators?.length ? a.Aggregators.flatMap((child) => paths(slice, child, here)) : [here];
}

const SEP = '\u0000';

/** The distinct value combinations one entity has for a path. */
function combinations(ctx: Ctx, slice: InventorySlice, id: string, path: readonly Step[]): string[][] {
  // Positions of the path's attributes, per type: attributes of one type come from one entry.
  const byType = new Map<string, number[]>();
  path.forEach((s, k) => {
    const list = byType.get(s.typeName);
    if (list) list.push(k);
    else byType.set(s.typeName, [k]);
  });
  let product: string[][] = [new Array<string>(path.length)];
  for (const [typeName, positions] of byType) {
    const tuples = new Map<string, string[]>();
    for (const e of itemOf(ctx, slice, id, typeName)?.Content ?? []) {
      if (!positions.every((k) => Object.hasOwn(e, path[k].attribute))) continue;
      const t = positions.map((k) => e[path[k].attribute]);
      tuples.set(t.join(SEP), t);
    }
    if (!tuples.size) return [];
    product = product.flatMap((p) =>
      [...tuples.values()].map((t) => {
        const q = p.slice();
        positions.forEach((k, j) => (q[k] = t[j]));
        return q;
      }),
    );
  }
  return product;
}

interface Counted {
  values: string[];
  count: number;
  /** Ordinal of the last entity counted (an entity counts once per combination). */
  last: number;
}

/** Counts by value combination, one map level per attribute of the path. */
type Trie = Map<string, Trie | Counted>;

function countPath(ctx: Ctx, slice: InventorySlice, ids: readonly string[], all: boolean, path: readonly Step[]): Map<string, Counted> {
  const counts = new Map<string, Counted>();
  const typeName = path[0].typeName;
  if (path.every((s) => s.typeName === typeName) && !isDerivedType(typeName)) {
    const attrs = path.map((s) => s.attribute);
    if (attrs.length === 1 && all) {
      // The whole fleet, one attribute: the value index already lists each value's nodes once.
      for (const [v, holders] of valueIndex(slice, typeName, attrs[0])) counts.set(v, { values: [v], count: holders.length, last: -1 });
      return counts;
    }
    // One type: every combination comes from one entry; a pass over the entries of the nodes counted.
    // Combinations are looked up level by level (a map per attribute), not as joined strings: the
    // values are strings already hashed, a joined key would be hashed anew for each of 500,000 entries.
    const holders = all ? nodesWithType(slice, typeName) : intersect(ids, nodesWithType(slice, typeName));
    const root: Trie = new Map();
    const last = attrs.length - 1;
    for (let n = 0; n < holders.length; n++) {
      entries: for (const e of slice.nodes[holders[n]].Items[typeName].Content) {
        // Aggregatable attributes are AWS schema names, never Object.prototype members: a plain read is safe.
        let level = root;
        for (let a = 0; a < last; a++) {
          const v = e[attrs[a]];
          if (typeof v !== 'string') continue entries;
          let next = level.get(v) as Trie | undefined;
          if (!next) level.set(v, (next = new Map()));
          level = next;
        }
        const v = e[attrs[last]];
        if (typeof v !== 'string') continue;
        const c = level.get(v) as Counted | undefined;
        if (!c) level.set(v, { values: attrs.map((x) => e[x]), count: 1, last: n });
        else if (c.last !== n) {
          c.count++;
          c.last = n;
        }
      }
    }
    const walk = (level: Trie, depth: number) => {
      for (const child of level.values()) {
        if (depth === last) {
          const c = child as Counted;
          counts.set(c.values.join(SEP), c);
        } else walk(child as Trie, depth + 1);
      }
    };
    walk(root, 0);
    return counts;
  }
  ids.forEach((id, n) => {
    for (const combo of combinations(ctx, slice, id, path)) {
      const key = combo.join(SEP);
      const c = counts.get(key);
      if (!c) counts.set(key, { values: combo, count: 1, last: n });
      else if (c.last !== n) {
        c.count++;
        c.last = n;
      }
    }
  });
  return counts;
}

function aggregate(ctx: Ctx, slice: InventorySlice, ids: readonly string[], aggregators: readonly InventoryAggregator[]): Record<string, InventoryResultItem> {
  const data: Record<string, { Content: Entry[] }> = {};
  const all = ids.length === entityIds(ctx, slice).length;
  for (const a of aggregators) {
    if (a.Groups?.length) {
      for (const g of a.Groups) {
        const matching = apply(ids, entityFilters(ctx, slice, g.Filters, { existsAllowed: true }));
        data[g.Name] = { Content: [{ notMatchingCount: String(ids.length - matching.length) }, { matchingCount: String(matching.length) }] };
      }
      continue;
    }
    const rootType = parseExpression(slice, a.Expression!).typeName;
    const rows: { key: string; values: string[]; count: number; path: Step[] }[] = [];
    for (const path of paths(slice, a)) for (const [key, c] of countPath(ctx, slice, ids, all, path)) rows.push({ key, values: c.values, count: c.count, path });
    rows.sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    const content = (data[rootType] ??= { Content: [] }).Content;
    for (const r of rows.slice(0, MAX_ROWS - content.length)) {
      const row: Entry = { Count: String(r.count) };
      r.path.forEach((s, i) => (row[s.attribute] = r.values[i]));
      content.push(row);
    }
  }
  // Aggregation results carry only Content (the guide's recorded outputs; see core/validate.ts LOOSE_REQUIRED).
  return data as unknown as Record<string, InventoryResultItem>;
}

// ──────────────────────────────────── ListInventoryEntries ────────────────────────────────────

interface EntriesPosition {
  /** Index of the next entry. */
  i: number;
  /** The capture time of the item paged (a new capture restarts nothing; it only shifts entries). */
  t: string;
}

export function listInventoryEntries(ctx: Ctx, req: ListInventoryEntriesRequest): ListInventoryEntriesResult {
  const slice = inventoryOf(ctx);
  if (!getInstance(ctx, req.InstanceId) && nodeInventory(slice, req.InstanceId)?.TerminatedAt === undefined) throw new InvalidInstanceId(messages.instanceNotFound(req.InstanceId));
  checkedType(slice, req.TypeName);
  const matches = entryFilters(slice, req.TypeName, req.Filters);
  const item = itemOf(ctx, slice, req.InstanceId, req.TypeName);
  const entries = (item?.Content ?? []).filter(matches);
  let start = 0;
  if (req.NextToken !== undefined) {
    const invalid = () => new InvalidNextToken(messages.invalidNextToken());
    const pos = decodeToken<EntriesPosition>(req.NextToken, invalid);
    if (typeof pos?.i !== 'number' || typeof pos.t !== 'string' || pos.i < 0) throw invalid();
    start = pos.i;
  }
  const max = req.MaxResults ?? MAX_RESULTS;
  const page = entries.slice(start, start + max);
  const more = start + max < entries.length;
  return {
    TypeName: req.TypeName,
    InstanceId: req.InstanceId,
    ...(item && { SchemaVersion: item.SchemaVersion, CaptureTime: item.CaptureTime }),
    Entries: page,
    ...(more && { NextToken: encodeToken({ i: start + max, t: item!.CaptureTime } satisfies EntriesPosition) }),
  };
}
