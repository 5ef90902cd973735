/**
 * Inventory filters (InventoryFilter: Key, Values, Type Equal | NotEqual | BeginWith | LessThan |
 * GreaterThan | Exists, Equal by default), for GetInventory (which entities match), its groups, and
 * ListInventoryEntries (which entries match), on the emulator's filter engine (core/filters.ts).
 *
 * Keys are TypeName.Attribute (AWS:Application.Name, AWS:InstanceInformation.PlatformType,
 * Custom:RackInfo.RackLocation: the API reference's examples), or TypeName with Exists and type names
 * as values (the user guide's aggregation groups). The keys of a request are only known once its
 * types are read (custom types are the account's), so each request gets a spec of its own keys. The
 * type must be an AWS:* type or a custom type of the account (InvalidTypeNameException); the
 * attribute one of its schema's, and the key well formed (InvalidFilter). Exists is for requests
 * with aggregators (the API reference: "The Exists filter must be used with aggregators").
 *
 * An entity matches a filter when one of its entries of that type does: the entity's values of the
 * attribute form a list attribute, so NotEqual is "no entry equals any value" (and an entity without
 * the type matches no filter on it), Exists "an entry has the attribute", TypeName Exists "holds one
 * of the types" (unverified beyond the guide's examples). NUMBER attributes compare as numbers,
 * STRING ones as text. Values are case-sensitive.
 *
 * Speed: a condition on a STRING attribute of a put type is answered exactly by the value index
 * (state.ts) as an id list, and TypeName Exists by the type's holder list; only the other conditions
 * (derived types, NUMBER attributes) become the engine's predicate, which GetInventory applies
 * lazily while a page fills.
 */
import type { Ctx } from '../../core/context.js';
import { defineFilters, type FilterInput, type KeySpec, type Operator } from '../../core/filters.js';
import { intersectSorted } from '../../core/sorted.js';
import { InvalidFilter, InvalidTypeNameException } from '../../generated/ssm/errors.js';
import type { InventoryFilter } from '../../generated/ssm/types.js';
import { derivedValues, entitiesWithType, isDerivedType, itemOf } from './derived.js';
import { awsType, type AttributeDef } from './schema.js';
import { customSchema, nodesWithType, storedItem, valueIndex, type Entry, type InventorySlice } from './state.js';
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

const OPERATORS = ['Equal', 'NotEqual', 'BeginWith', 'LessThan', 'GreaterThan', 'Exists'];

const ERRORS = {
  unknownKey: (key: string) => new InvalidFilter(messages.invalidFilterKey(key)),
  badValue: ({ key, value }: { key: string; value: string }) => new InvalidFilter(messages.invalidFilterValue(key, value)),
  badOperator: (operator: string, _allowed: readonly string[], key: string) =>
    new InvalidFilter(operator === 'Exists' ? messages.existsOnlyWithAggregators() : key === 'TypeName' ? messages.typeNameNeedsExists() : messages.invalidFilterKey(key)),
};

interface Env {
  ctx: Ctx;
  slice: InventorySlice;
}

/** A filter's type and attribute, checked (undefined attribute: a TypeName filter). */
interface Target {
  typeName: string;
  attribute?: string;
  dataType?: AttributeDef['DataType'];
}

function target(slice: InventorySlice, key: string, inType?: string): Target {
  if (key === 'TypeName' && inType === undefined) return { typeName: 'TypeName' };
  // ListInventoryEntries names the type already: a bare attribute name is enough there.
  const split = inType !== undefined && !key.includes('.') ? { typeName: inType, attribute: key } : splitKey(slice, key);
  if (!split) throw new InvalidFilter(messages.invalidFilterKey(key));
  if (inType !== undefined && split.typeName !== inType) throw new InvalidFilter(messages.filterTypeMismatch(key, inType));
  const def = checkedType(slice, split.typeName).find((a) => a.Name === split.attribute);
  if (!def) throw new InvalidFilter(messages.unknownFilterAttribute(key));
  return { ...split, dataType: def.DataType };
}

const inputsOf = (filters: readonly InventoryFilter[] | undefined): FilterInput[] => (filters ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Type }));

/** An entity's values of an attribute (undefined: it does not hold the type), numbers for NUMBER attributes. */
function entityValues(env: Env, id: string, t: Target): (string | number)[] | undefined {
  let values: string[] | undefined;
  if (isDerivedType(t.typeName)) values = derivedValues(env.ctx, env.slice, id, t.typeName, t.attribute!);
  else {
    const item = storedItem(env.slice, id, t.typeName);
    if (item) {
      values = [];
      for (const e of item.Content) if (Object.hasOwn(e, t.attribute!)) values.push(e[t.attribute!]);
    }
  }
  return t.dataType === 'NUMBER' ? values?.map(Number) : values;
}

/** Whether a condition can be answered exactly by the value index (a put type, a STRING attribute). */
const indexed = (t: Target, op: string) => t.attribute === undefined || (!isDerivedType(t.typeName) && t.dataType === 'STRING' && op !== 'Exists');

export interface EntityFilters {
  /** Exact id lists (ascending) for the conditions the indexes answer. */
  lists: (readonly string[])[];
  /** The other conditions, for one entity. */
  test: (id: string) => boolean;
  /** True when there are no other conditions. */
  passesAll: boolean;
}

/** Compiles GetInventory's (or a group's) filters. */
export function entityFilters(ctx: Ctx, slice: InventorySlice, filters: readonly InventoryFilter[] | undefined, opts: { existsAllowed: boolean }): EntityFilters {
  const env: Env = { ctx, slice };
  const targets = new Map<string, Target>();
  for (const f of filters ?? []) {
    if (f.Type === 'Exists' && !opts.existsAllowed) throw new InvalidFilter(messages.existsOnlyWithAggregators());
    if (f.Key === 'TypeName' && f.Type !== 'Exists') throw new InvalidFilter(messages.typeNameNeedsExists());
    if (!targets.has(f.Key)) targets.set(f.Key, target(slice, f.Key));
  }
  const keySpec = (t: Target): KeySpec<string, Env> => {
    if (t.attribute === undefined) {
      return { operators: ['Exists'], operator: 'Exists', parse: (v) => (checkedType(slice, v), v), test: (_op, types) => (id) => types.some((ty) => holds(env, id, String(ty))) };
    }
    return {
      operators: OPERATORS,
      type: t.dataType === 'NUMBER' ? 'number' : 'string',
      read: (id, e) => entityValues(e, id, t),
      // An entity without the type matches no filter on it, NotEqual included.
      test: (op, values) =>
        op === 'NotEqual'
          ? (id, e) => {
              const a = entityValues(e, id, t);
              return a !== undefined && !a.some((x) => values.includes(x));
            }
          : undefined,
    };
  };
  const engine = defineFilters<string, Env>({
    name: 'GetInventory',
    defaults: { operator: 'Equal' },
    errors: ERRORS,
    keys: Object.fromEntries([...targets].map(([key, t]) => [key, keySpec(t)])),
  });
  const all = engine.compile(inputsOf(filters));
  const lists: (readonly string[])[] = [];
  const rest: InventoryFilter[] = [];
  (filters ?? []).forEach((f, i) => {
    const c = all.conditions[i];
    const t = targets.get(f.Key)!;
    if (indexed(t, c.operator)) lists.push(indexedIds(ctx, slice, t, c.operator as Operator, c.values as string[]));
    else rest.push(f);
  });
  const remaining = rest.length ? engine.compile(inputsOf(rest)) : undefined;
  return { lists, test: remaining ? (id) => remaining.test(id, env) : () => true, passesAll: !remaining || remaining.passesAll };
}

function holds(env: Env, id: string, typeName: string): boolean {
  return isDerivedType(typeName) ? itemOf(env.ctx, env.slice, id, typeName) !== undefined : storedItem(env.slice, id, typeName) !== undefined;
}

function indexedIds(ctx: Ctx, slice: InventorySlice, t: Target, op: Operator, values: readonly string[]): readonly string[] {
  if (t.attribute === undefined) return union(values.map((ty) => entitiesWithType(ctx, slice, ty)));
  const index = valueIndex(slice, t.typeName, t.attribute);
  if (op === 'Equal' || op === 'NotEqual') {
    const equal = union(values.map((v) => index.get(v) ?? []));
    return op === 'Equal' ? equal : minus(nodesWithType(slice, t.typeName), equal);
  }
  const test =
    op === 'BeginWith'
      ? (v: string) => values.some((p) => v.startsWith(p))
      : op === 'LessThan'
        ? (v: string) => values.some((x) => v < x)
        : (v: string) => values.some((x) => v > x);
  const lists: (readonly string[])[] = [];
  for (const [v, ids] of index) if (test(v)) lists.push(ids);
  return union(lists);
}

/** Compiles ListInventoryEntries' filters: a test of one entry of the type. */
export function entryFilters(slice: InventorySlice, typeName: string, filters: readonly InventoryFilter[] | undefined): (entry: Entry) => boolean {
  const keySpec = (t: Target): KeySpec<Entry, void> => {
    const attribute = t.attribute!;
    const numeric = t.dataType === 'NUMBER';
    return { operators: OPERATORS, type: numeric ? 'number' : 'string', read: (e) => (!Object.hasOwn(e, attribute) ? undefined : numeric ? Number(e[attribute]) : e[attribute]) };
  };
  const keys = Object.fromEntries((filters ?? []).map((f) => [f.Key, keySpec(target(slice, f.Key, typeName))]));
  const filter = defineFilters<Entry, void>({ name: 'ListInventoryEntries', defaults: { operator: 'Equal' }, errors: ERRORS, keys }).compile(inputsOf(filters));
  return (e) => filter.test(e);
}

// ───────────────────────────────────── sorted id sets ─────────────────────────────────────

/** The ascending union of ascending id lists. */
export function union(lists: readonly (readonly string[])[]): readonly string[] {
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return [...new Set(nonEmpty.flat())].sort();
}

/** The ascending intersection of two ascending id lists. */
export const intersect = intersectSorted<string>;

/** a without b, both ascending. */
function minus(a: readonly string[], b: readonly string[]): readonly string[] {
  if (!b.length) return a;
  const drop = new Set(b);
  return a.filter((id) => !drop.has(id));
}

/** Ids that pass the filters: the lists intersected with the candidates, then the test. */
export function apply(candidates: readonly string[], f: EntityFilters): readonly string[] {
  let ids = candidates;
  for (const l of f.lists) ids = intersect(ids, l);
  return f.passesAll ? ids : ids.filter(f.test);
}
