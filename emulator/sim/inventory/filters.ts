/**
 * Inventory filters (InventoryFilter: Key, Values, Type Equal | NotEqual | BeginWith | LessThan |
 * GreaterThan | Exists, Equal by default), for GetInventory (which entities match), its groups, and
 * ListInventoryEntries (which entries match).
 *
 * Keys are TypeName.Attribute (AWS:Application.Name, AWS:InstanceInformation.PlatformType,
 * Custom:RackInfo.Location: the API reference's examples), or TypeName with Exists and type names
 * as values (the user guide's aggregation groups). The type must be an AWS:* type or a custom type
 * of the account (InvalidTypeNameException otherwise) and the attribute one of its schema's
 * (InvalidFilter otherwise).
 *
 * An entity matches a filter when one of its entries of that type matches one of the values; so
 * NotEqual is "has the type, and no entry equals any value", Exists "has an entry with that
 * attribute", and TypeName Exists "has the type" (unverified beyond the guide's examples). The
 * filters of a request are ANDed. LessThan / GreaterThan order NUMBER attributes as numbers and
 * STRING ones as text (numbers when both sides read as numbers). Values are case-sensitive.
 *
 * An entity filter selects through the value index (state.ts) for put types, so a filtered page over
 * 10,000 nodes is a few map look-ups, and by a test of each entity for derived types (derived.ts),
 * applied lazily while a page fills.
 */
import type { Ctx } from '../../core/context.js';
import { InvalidFilter, InvalidTypeNameException } from '../../generated/ssm/errors.js';
import type { InventoryFilter } from '../../generated/ssm/types.js';
import { derivedValues, entitiesWithType, isDerivedType } from './derived.js';
import { compareValues } from './instance-info.js';
import { awsType, type AttributeDef } from './schema.js';
import { customSchema, nodesWithType, valueIndex, type Entry, type InventorySlice } from './state.js';
import * as messages from './messages.js';

/** The attributes of a type known to the account (AWS:* or one of its custom types), or undefined. */
export function typeAttributes(slice: InventorySlice, typeName: string): readonly AttributeDef[] | undefined {
  const aws = awsType(typeName);
  if (aws) return aws.Attributes;
  const custom = customSchema(slice, typeName);
  return custom?.Attributes.map((Name) => ({ Name, DataType: 'STRING' as const }));
}

/**
 * Splits TypeName.Attribute. Type names may contain dots (Custom:a.b), so the longest prefix that
 * names a known type wins; otherwise the last dot splits.
 */
export function splitKey(slice: InventorySlice, key: string): { typeName: string; attribute: string } | undefined {
  for (let i = key.lastIndexOf('.'); i > 0; i = key.lastIndexOf('.', i - 1)) {
    const typeName = key.slice(0, i);
    if (typeAttributes(slice, typeName)) return { typeName, attribute: key.slice(i + 1) };
  }
  const i = key.lastIndexOf('.');
  return i > 0 && i < key.length - 1 ? { typeName: key.slice(0, i), attribute: key.slice(i + 1) } : undefined;
}

export function checkedType(slice: InventorySlice, typeName: string): readonly AttributeDef[] {
  const attrs = typeAttributes(slice, typeName);
  if (!attrs) throw new InvalidTypeNameException(messages.unknownType(typeName));
  return attrs;
}

/** A test of one value of an attribute against the filter's values. */
function valueTest(f: InventoryFilter, numeric: boolean): (v: string) => boolean {
  const values = f.Values;
  switch (f.Type ?? 'Equal') {
    case 'Equal':
    case 'NotEqual':
      return (v) => values.includes(v);
    case 'BeginWith':
      return (v) => values.some((p) => v.startsWith(p));
    case 'LessThan':
      return (v) => values.some((x) => compareValues(v, x, numeric) < 0);
    case 'GreaterThan':
      return (v) => values.some((x) => compareValues(v, x, numeric) > 0);
    case 'Exists':
      return () => true;
  }
}

export interface ParsedFilter {
  filter: InventoryFilter;
  typeName: string;
  /** Undefined for a TypeName Exists filter. */
  attribute?: string;
  test: (v: string) => boolean;
}

export function parseFilter(slice: InventorySlice, f: InventoryFilter, opts: { existsAllowed: boolean; typeName?: string }): ParsedFilter {
  const op = f.Type ?? 'Equal';
  if (op === 'Exists' && !opts.existsAllowed) throw new InvalidFilter(messages.existsOnlyWithAggregators());
  if (f.Key === 'TypeName') {
    if (op !== 'Exists') throw new InvalidFilter(messages.typeNameNeedsExists());
    for (const t of f.Values) checkedType(slice, t);
    return { filter: f, typeName: 'TypeName', test: () => true };
  }
  // ListInventoryEntries names the type already: a bare attribute name is enough there.
  const split = opts.typeName !== undefined && !f.Key.includes('.') ? { typeName: opts.typeName, attribute: f.Key } : splitKey(slice, f.Key);
  if (!split) throw new InvalidFilter(messages.invalidFilterKey(f.Key));
  if (opts.typeName !== undefined && split.typeName !== opts.typeName) throw new InvalidFilter(messages.filterTypeMismatch(f.Key, opts.typeName));
  const attrs = checkedType(slice, split.typeName);
  const def = attrs.find((a) => a.Name === split.attribute);
  if (!def) throw new InvalidFilter(messages.unknownFilterAttribute(f.Key));
  return { filter: f, ...split, test: valueTest(f, def.DataType === 'NUMBER') };
}

/** Whether one entry matches a filter (ListInventoryEntries). */
export function entryMatches(p: ParsedFilter, entry: Entry): boolean {
  const has = Object.hasOwn(entry, p.attribute!);
  const op = p.filter.Type ?? 'Equal';
  if (op === 'Exists') return has;
  if (op === 'NotEqual') return !has || !p.test(entry[p.attribute!]);
  return has && p.test(entry[p.attribute!]);
}

// ───────────────────────────────────── sorted id sets ─────────────────────────────────────

/** The ascending union of ascending id lists. */
export function union(lists: readonly (readonly string[])[]): readonly string[] {
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return [...new Set(nonEmpty.flat())].sort();
}

/** The ascending intersection of two ascending id lists. */
export function intersect(a: readonly string[], b: readonly string[]): readonly string[] {
  const out: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/** a without b, both ascending. */
function minus(a: readonly string[], b: readonly string[]): readonly string[] {
  if (!b.length) return a;
  const drop = new Set(b);
  return a.filter((id) => !drop.has(id));
}

/**
 * What a parsed filter selects: the ascending ids of the matching entities (put types, through the
 * value index), or a test of one entity (derived types: evaluated lazily, so a page filtered on
 * AWS:InstanceInformation reads only the nodes it needs).
 */
export type Selection = { ids: readonly string[] } | { test: (id: string) => boolean };

export function select(ctx: Ctx, slice: InventorySlice, p: ParsedFilter): Selection {
  if (p.attribute === undefined) {
    const derived = p.filter.Values.filter(isDerivedType);
    if (!derived.length) return { ids: union(p.filter.Values.map((t) => nodesWithType(slice, t))) };
    const lists = p.filter.Values.filter((t) => !isDerivedType(t)).map((t) => nodesWithType(slice, t));
    const held = new Set(union([...lists, ...derived.map((t) => entitiesWithType(ctx, slice, t))]));
    return { test: (id) => held.has(id) };
  }
  const op = p.filter.Type ?? 'Equal';
  if (isDerivedType(p.typeName)) {
    const { typeName, attribute, test } = p;
    return {
      test: (id) => {
        const values = derivedValues(ctx, slice, id, typeName, attribute!);
        if (values === undefined) return false;
        if (op === 'Exists') return values.length > 0;
        return op === 'NotEqual' ? !values.some(test) : values.some(test);
      },
    };
  }
  const index = valueIndex(slice, p.typeName, p.attribute);
  if (op === 'Equal' || op === 'NotEqual') {
    const equal = union(p.filter.Values.map((v) => index.get(v) ?? []));
    return { ids: op === 'Equal' ? equal : minus(nodesWithType(slice, p.typeName), equal) };
  }
  const lists: (readonly string[])[] = [];
  for (const [v, ids] of index) if (p.test(v)) lists.push(ids);
  return { ids: union(lists) };
}

/** Applies selections to ascending candidate ids: the id lists intersected, the tests kept for later. */
export function narrow(candidates: readonly string[], selections: readonly Selection[]): { ids: readonly string[]; tests: ((id: string) => boolean)[] } {
  let ids = candidates;
  const tests: ((id: string) => boolean)[] = [];
  for (const s of selections) {
    if ('ids' in s) ids = intersect(ids, s.ids);
    else tests.push(s.test);
  }
  return { ids, tests };
}

/** Every id that passes the tests too. */
export const settle = (n: { ids: readonly string[]; tests: ((id: string) => boolean)[] }): readonly string[] =>
  n.tests.length ? n.ids.filter((id) => n.tests.every((t) => t(id))) : n.ids;
