/**
 * The one filter engine of the emulator: every operation that narrows a list by the request's
 * Filters (ParameterStringFilter, CommandFilter, InstanceInformationStringFilter, NodeFilter,
 * DocumentKeyValuesFilter, and the capabilities to come) declares WHAT its filters are in a spec and
 * lets this module check them and match records.
 *
 * Shape
 *   const engine = defineFilters<Record, Env>({ keys, tags?, defaults?, errors, ... });   // module load
 *   const filter = engine.compile(input.Filters.map((f) => ({ key: f.Key, values: f.Values, operator: f.Type })));
 *   records.filter((r) => filter.test(r, env));
 * `compile` validates the request's filters once and returns a predicate built from plain
 * comparisons (Sets for Equal), so a filtered scan of 10,000 records costs the reads and compares
 * only. The compiled filter also exposes its `conditions` (key, canonical operator, parsed values,
 * and for tag filters the tag key) so index-aware callers keep their fast paths: the fleet answers
 * tag-only filters from its tag index, parameters read a Name prefix or a Path as a range of their
 * sorted names. The predicate is still the truth; an index only narrows the candidates.
 *
 * A spec declares, per key (exact names in `keys`, and the `tag:<key>` / `tag-key` patterns in `tags`):
 *   - how to read the attribute from a record (`read(record, env)`: a string, a number, undefined
 *     when the record has none, or a list for multi-valued attributes such as platform types);
 *   - its value type: string (default), number, date (instants, epoch seconds on both sides) or
 *     version (dotted, ordered segment by segment, 3.10 > 3.9), and `allowed` values for an enum;
 *   - the operators the operation accepts for it, in the operation's own spelling (Equals, Equal,
 *     EQUAL, ...: `operators`, and the `operator` used when a filter names none); the spellings are
 *     normalised here, in one table (OPERATORS), to Equal, NotEqual, BeginWith, Contains, LessThan,
 *     GreaterThan and Exists. A spelling outside that table (Path's Recursive / OneLevel) is an
 *     operation-specific operator and needs the key's own `test`;
 *   - value count limits, whether the key may repeat, and extra per-value checks (id formats).
 * A key without `read` or `test` only selects: it is checked and appears in `conditions`, but the
 * caller applies it (ListDocuments' Owner picks which documents are listed at all).
 *
 * Semantics: the values of one filter are ORed (any value matches; NotEqual: no value is equal) and
 * different filters are ANDed, as AWS documents for most filters; a key may set `matchValues: 'all'`
 * where an operation ANDs them. A list attribute matches when any of its elements does (NotEqual:
 * when none equals a value). An absent attribute matches only NotEqual. Equal, NotEqual, BeginWith
 * and Contains compare text (a version's Equal too: AWS does not document otherwise, and that is
 * how the fleet has always compared agent versions; `ignoreCase` folds case); LessThan and
 * GreaterThan compare by type, strictly unless the key is `inclusive`. A filter
 * without values, on a key with `existsWithoutValues`, matches records that have the attribute
 * (DescribeParameters' `tag:<key>` with no values).
 *
 * Checks run per filter, in request order, and the first failure is thrown, in this order: key
 * (unknown, or `tag:` with no key), missing values, repetition, operator, too many values, then the
 * values (enum membership under Equal/NotEqual, the key's `check`, parsing by type or `parse`);
 * after every filter, the cross-filter rule of tag filters (`tags.alone`). ListDocuments checks
 * for values before the key (`missingValuesFirst`).
 *
 * Errors: each operation answers in its own words, so the spec carries error FACTORIES (`errors`,
 * overridable per key) that build the area's generated error classes with texts from its
 * messages.ts. core/ never imports generated/ (generated error classes are per service and core
 * serves every service, as core/validate.ts takes its validation error from the caller). A factory
 * a rule needs (missingValues for minValues, ...) but lacks is a programming error reported when the
 * spec is defined, at module load; an operator outside a key's list is reported with badValue when
 * the spec has no badOperator, so no request ever meets a missing factory.
 *
 * No filter operator is a regular expression, so no user value ever reaches RegExp; maps keyed by
 * user-supplied keys are Maps (a filter key may be "constructor").
 */
import type { ServiceError } from './errors.js';
import { compareVersions } from './versions.js';

/** The operators, canonical. */
export type Operator = 'Equal' | 'NotEqual' | 'BeginWith' | 'Contains' | 'LessThan' | 'GreaterThan' | 'Exists';

/** Every spelling SSM's filter shapes use, to its canonical operator. */
const OPERATORS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ['Equal', 'Equal'],
  ['Equals', 'Equal'],
  ['EQUAL', 'Equal'],
  ['NotEqual', 'NotEqual'],
  ['NOT_EQUAL', 'NotEqual'],
  ['BeginWith', 'BeginWith'],
  ['BeginsWith', 'BeginWith'],
  ['BEGIN_WITH', 'BeginWith'],
  ['Contains', 'Contains'],
  ['LessThan', 'LessThan'],
  ['LESS_THAN', 'LessThan'],
  ['GreaterThan', 'GreaterThan'],
  ['GREATER_THAN', 'GreaterThan'],
  ['Exists', 'Exists'],
]);

/** The canonical operator a wire spelling names, or undefined for an operation-specific one. */
export const canonicalOperator = (spelling: string): Operator | undefined => OPERATORS.get(spelling);

export type ValueType = 'string' | 'number' | 'date' | 'version';

/** What `read` returns: one value, none (undefined), or several (a multi-valued attribute). */
export type Attribute = string | number | undefined | readonly (string | number)[];

export type Predicate<R, E> = (record: R, env: E) => boolean;

/** One filter of a request, in any area's shape. */
export interface FilterInput {
  key: string;
  values?: readonly string[];
  /** The operator as the request spells it; absent: the key's default. */
  operator?: string;
}

/** What the error factories are told about a bad value. */
export interface BadValue {
  key: string;
  /** The first bad value. */
  value: string;
  /** Every value of the filter that failed the same check. */
  bad: readonly string[];
  /** The key's allowed values, when it is an enum. */
  allowed?: readonly string[];
}

export interface FilterErrors {
  /** A key the operation does not know. */
  unknownKey: (key: string) => ServiceError;
  /** A value outside the enum, failing the key's check, or not parsable as the key's type. */
  badValue: (bad: BadValue) => ServiceError;
  /** Fewer values than the key's minValues. */
  missingValues?: (key: string) => ServiceError;
  /** A key repeated where the key does not allow it. */
  duplicateKey?: (key: string) => ServiceError;
  /**
   * An operator the key does not accept (`allowed` in the operation's spelling and order). Without
   * it, the operator is reported as a bad value of the filter (badValue, with `allowed` the operators).
   */
  badOperator?: (operator: string, allowed: readonly string[], key: string) => ServiceError;
  /** More values than the key's maxValues. */
  tooManyValues?: (key: string, max: number) => ServiceError;
}

export interface KeySpec<R, E = void> {
  /** The record's attribute this key filters on. */
  read?: (record: R, env: E) => Attribute;
  /** How values compare (default string). */
  type?: ValueType;
  /** The valid values (an enum), checked under Equal and NotEqual (a prefix need not be a whole value). */
  allowed?: readonly string[];
  /** The operators accepted, in the operation's spelling; also the order an error lists them in. */
  operators?: readonly string[];
  /** The operator of a filter that names none, in the operation's spelling. */
  operator?: string;
  /** LessThan / GreaterThan include equal values (Run Command's InvokedAfter / InvokedBefore). */
  inclusive?: boolean;
  /** Text compares without regard to case (ListDocuments' SearchKeyword). */
  ignoreCase?: boolean;
  /** How several values of one filter combine: 'any' (OR, default) or 'all' (AND). */
  matchValues?: 'any' | 'all';
  minValues?: number;
  maxValues?: number;
  /** A filter without values matches records that have the attribute (requires no minValues). */
  existsWithoutValues?: boolean;
  /** A second filter with the same key: 'allowed' (ANDed; default), 'refused', or 'same-values' (only a repeat with the same values). */
  repeat?: 'allowed' | 'refused' | 'same-values';
  /** An extra check of each value (an id format), applied under the listed operators (default: all). */
  check?: { valid: (value: string) => boolean; operators?: readonly Operator[] };
  /** Turns a value into what is compared (replaces the type's parsing; may throw the area's own error). */
  parse?: (value: string, operator: string) => string | number;
  /**
   * Own matching for the key: a predicate for these parsed values, or undefined to use the generic
   * comparison. Required for operation-specific operators (Recursive, OneLevel).
   */
  test?: (operator: string, values: readonly (string | number)[]) => Predicate<R, E> | undefined;
  /** Errors of this key that differ from the spec's. */
  errors?: Partial<FilterErrors>;
}

export interface TagLike {
  Key: string;
  Value?: string;
}

export interface TagSpec<R, E = void> {
  /** The record's tags (undefined or empty: none). */
  read: (record: R, env: E) => readonly TagLike[] | undefined;
  /** `tag:<key>`, matching the value of that tag; false: not accepted. */
  byKey?: Omit<KeySpec<R, E>, 'read'> | false;
  /** `tag-key`, matching the record's tag keys; false: not accepted. */
  anyKey?: Omit<KeySpec<R, E>, 'read'> | false;
  /** At most one `tag:<key>` filter per request, whatever its key (errors.duplicateKey). */
  oneTagKey?: boolean;
  /** Tag filters cannot be combined with other keys: the error. */
  alone?: () => ServiceError;
  /** `tag:` with nothing after it: the error (default errors.unknownKey). */
  emptyKey?: (key: string) => ServiceError;
}

export interface FilterSpec<R, E = void> {
  /** For programming errors only (a spec that lacks a factory it needs). */
  name: string;
  /** Settings every key shares unless it sets its own (operators, default operator, limits, ...). */
  defaults?: Omit<KeySpec<R, E>, 'read' | 'test' | 'parse'>;
  keys: Readonly<Record<string, KeySpec<R, E>>>;
  tags?: TagSpec<R, E>;
  errors: FilterErrors;
  /** Refuse a filter without values (defaults.minValues) before looking at its key. */
  missingValuesFirst?: boolean;
}

/** A checked filter of the request. */
export interface Condition {
  /** The key as the request named it. */
  key: string;
  kind: 'key' | 'tag' | 'tag-key';
  /** For `tag:<key>`: the tag key. */
  tagKey?: string;
  /** Canonical operator, or the operation-specific spelling (Recursive). */
  operator: Operator | string;
  /** The request's values. */
  raw: readonly string[];
  /** The values as compared (parsed, normalised). */
  values: readonly (string | number)[];
}

export interface CompiledFilter<R, E = void> {
  conditions: readonly Condition[];
  /** The first condition on a key (`tag:Env`, `Name`), for index-aware callers. */
  get(key: string): Condition | undefined;
  /** Whether the record passes every filter. */
  test: Predicate<R, E>;
  /** True when no condition takes part in the predicate (every record passes). */
  passesAll: boolean;
}

export interface FilterEngine<R, E = void> {
  readonly spec: FilterSpec<R, E>;
  compile(filters: readonly FilterInput[] | undefined): CompiledFilter<R, E>;
}

// ---- comparisons ----

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An ISO 8601 instant (2024-07-07, 2024-07-07T10:00, 2024-07-07T10:00:00.5+02:00) as epoch seconds,
 * or undefined. A time without a zone is UTC, as AWS reads filter timestamps. The regular expression
 * is ours and linear; the value only gets tested by it.
 */
export function parseInstant(value: string): number | undefined {
  if (!ISO_INSTANT.test(value)) return undefined;
  const ms = Date.parse(value.includes('T') && !HAS_ZONE.test(value) ? `${value}Z` : value);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

function compareBy(type: ValueType): (a: string | number, b: string | number) => number {
  switch (type) {
    case 'number':
    case 'date':
      return (a, b) => (a as number) - (b as number);
    case 'version':
      return (a, b) => compareVersions(String(a), String(b));
    default:
      return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  }
}

/** Whether one attribute element passes the operator against one value. */
function elementTest(op: Operator, type: ValueType, inclusive: boolean): ((a: string | number, v: string | number) => boolean) | undefined {
  switch (op) {
    case 'BeginWith':
      return (a, v) => String(a).startsWith(String(v));
    case 'Contains':
      return (a, v) => String(a).includes(String(v));
    case 'LessThan': {
      const cmp = compareBy(type);
      return inclusive ? (a, v) => cmp(a, v) <= 0 : (a, v) => cmp(a, v) < 0;
    }
    case 'GreaterThan': {
      const cmp = compareBy(type);
      return inclusive ? (a, v) => cmp(a, v) >= 0 : (a, v) => cmp(a, v) > 0;
    }
    default:
      return undefined;
  }
}

const isList = (a: Attribute): a is readonly (string | number)[] => Array.isArray(a);

/** The generic predicate of one condition over an attribute reader. */
function genericPredicate<R, E>(
  read: (record: R, env: E) => Attribute,
  op: Operator,
  values: readonly (string | number)[],
  ks: KeySpec<R, E>,
): Predicate<R, E> {
  const fold = ks.ignoreCase ? (a: string | number) => (typeof a === 'string' ? a.toLowerCase() : a) : undefined;
  const get: (r: R, e: E) => Attribute = fold
    ? (r, e) => {
        const a = read(r, e);
        return a === undefined ? a : isList(a) ? a.map(fold) : fold(a);
      }
    : read;
  if (op === 'Exists') {
    return (r, e) => {
      const a = read(r, e);
      return isList(a) ? a.length > 0 : a !== undefined;
    };
  }
  if (op === 'Equal' || op === 'NotEqual') {
    const set = new Set<string | number>(values);
    const all = ks.matchValues === 'all';
    const has = (a: Attribute): boolean => {
      if (a === undefined) return false;
      if (!isList(a)) return all ? set.size === 1 && set.has(a) : set.has(a);
      if (!all) return a.some((x) => set.has(x));
      return values.every((v) => a.includes(v));
    };
    // NotEqual: no value is equal (the complement of Equal's "any value").
    if (op === 'NotEqual') {
      return (r, e) => {
        const a = get(r, e);
        if (a === undefined) return true;
        return isList(a) ? !a.some((x) => set.has(x)) : !set.has(a);
      };
    }
    return (r, e) => has(get(r, e));
  }
  const one = elementTest(op, ks.type ?? 'string', ks.inclusive ?? false);
  if (!one) throw new Error(`operator ${op} has no generic comparison: the key's test must handle it`);
  const matchesValue = (a: Attribute, v: string | number) => (a === undefined ? false : isList(a) ? a.some((x) => one(x, v)) : one(a, v));
  if (ks.matchValues === 'all') return (r, e) => {
    const a = get(r, e);
    return a !== undefined && values.every((v) => matchesValue(a, v));
  };
  if (values.length === 1) {
    const v = values[0];
    return (r, e) => matchesValue(get(r, e), v);
  }
  return (r, e) => {
    const a = get(r, e);
    return a !== undefined && values.some((v) => matchesValue(a, v));
  };
}

// ---- definition and compilation ----

interface Resolved<R, E> {
  ks: KeySpec<R, E>;
  kind: Condition['kind'];
  tagKey?: string;
}

const TAG_PREFIX = 'tag:';

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Declares an operation's filters. Checks the spec itself (each rule a key enables has its error
 * factory; operation-specific operators have a `test`) so a mistake fails at module load, not in
 * a request.
 */
export function defineFilters<R, E = void>(spec: FilterSpec<R, E>): FilterEngine<R, E> {
  const keys = new Map<string, KeySpec<R, E>>();
  const defaultErrors: FilterErrors = { ...spec.errors, ...spec.defaults?.errors };
  const merge = (ks: KeySpec<R, E>): KeySpec<R, E> => ({ ...spec.defaults, ...ks, errors: { ...defaultErrors, ...ks.errors } });
  for (const [name, ks] of Object.entries(spec.keys)) keys.set(name, merge(ks));
  const tags = spec.tags;
  const tagRead = tags?.read;
  const byKey = tags?.byKey ? merge(tags.byKey) : undefined;
  const anyKey = tags?.anyKey
    ? merge({ ...tags.anyKey, read: (r: R, e: E) => tagRead!(r, e)?.map((t) => t.Key) ?? [] })
    : undefined;

  const problems: string[] = [];
  const checkKey = (name: string, ks: KeySpec<R, E>) => {
    const ops = ks.operators ?? (ks.operator !== undefined ? [ks.operator] : []);
    if (ks.operator === undefined) problems.push(`${name}: no default operator`);
    else if (!ops.includes(ks.operator)) problems.push(`${name}: default operator ${ks.operator} is not accepted`);
    for (const op of ops) if (!canonicalOperator(op) && !ks.test) problems.push(`${name}: operator ${op} needs a test`);
    const e = ks.errors!;
    if (ks.minValues !== undefined && ks.minValues > 0 && !e.missingValues) problems.push(`${name}: minValues needs errors.missingValues`);
    if (ks.maxValues !== undefined && !e.tooManyValues) problems.push(`${name}: maxValues needs errors.tooManyValues`);
    if ((ks.repeat === 'refused' || ks.repeat === 'same-values') && !e.duplicateKey) problems.push(`${name}: repeat needs errors.duplicateKey`);
    if (ks.existsWithoutValues && ks.minValues) problems.push(`${name}: existsWithoutValues with minValues`);
  };
  for (const [name, ks] of keys) checkKey(name, ks);
  if (byKey) checkKey('tag:<key>', byKey);
  if (anyKey) checkKey('tag-key', anyKey);
  if (tags?.oneTagKey && !byKey?.errors?.duplicateKey) problems.push('tags.oneTagKey needs errors.duplicateKey');
  if (spec.missingValuesFirst && !(spec.defaults?.minValues && defaultErrors.missingValues)) {
    problems.push('missingValuesFirst needs defaults.minValues and errors.missingValues');
  }
  if (problems.length) throw new Error(`filter spec ${spec.name}: ${problems.join('; ')}`);

  const resolve = (key: string): Resolved<R, E> => {
    const exact = keys.get(key);
    if (exact) return { ks: exact, kind: 'key' };
    if (key === 'tag-key' && anyKey) return { ks: anyKey, kind: 'tag-key' };
    if (key.startsWith(TAG_PREFIX) && byKey) {
      if (key.length === TAG_PREFIX.length) throw (tags!.emptyKey ?? spec.errors.unknownKey)(key);
      const tagKey = key.slice(TAG_PREFIX.length);
      return { ks: { ...byKey, read: (r: R, e: E) => tagValue(tagRead!(r, e), tagKey) }, kind: 'tag', tagKey };
    }
    throw spec.errors.unknownKey(key);
  };

  const compile = (filters: readonly FilterInput[] | undefined): CompiledFilter<R, E> => {
    const conditions: Condition[] = [];
    const tests: Predicate<R, E>[] = [];
    const seen = new Map<string, Condition>();
    let tagFilters = 0;
    let tagKeyFilters = 0;
    for (const f of filters ?? []) {
      const raw = f.values ?? [];
      if (spec.missingValuesFirst && raw.length < spec.defaults!.minValues!) throw defaultErrors.missingValues!(f.key);
      const { ks, kind, tagKey } = resolve(f.key);
      const errors = ks.errors as FilterErrors;
      if (ks.minValues !== undefined && raw.length < ks.minValues) throw errors.missingValues!(f.key);
      // Repetition.
      const previous = seen.get(f.key);
      if (kind === 'tag' && tags?.oneTagKey && tagKeyFilters > 0) throw errors.duplicateKey!(f.key);
      if (previous && ks.repeat === 'refused') throw errors.duplicateKey!(f.key);
      if (previous && ks.repeat === 'same-values' && !sameValues(previous.raw, raw)) throw errors.duplicateKey!(f.key);
      // Operator.
      const spelling = f.operator ?? ks.operator!;
      const accepted = ks.operators ?? [ks.operator!];
      if (!accepted.includes(spelling)) {
        throw errors.badOperator
          ? errors.badOperator(spelling, accepted, f.key)
          : errors.badValue({ key: f.key, value: spelling, bad: [spelling], allowed: accepted });
      }
      let operator: Operator | string = canonicalOperator(spelling) ?? spelling;
      if (ks.maxValues !== undefined && raw.length > ks.maxValues) throw errors.tooManyValues!(f.key, ks.maxValues);
      // Values.
      if (ks.allowed && (operator === 'Equal' || operator === 'NotEqual')) {
        const bad = raw.filter((v) => !ks.allowed!.includes(v));
        if (bad.length) throw errors.badValue({ key: f.key, value: bad[0], bad, allowed: ks.allowed });
      }
      if (ks.check && (!ks.check.operators || ks.check.operators.includes(operator as Operator))) {
        const bad = raw.filter((v) => !ks.check!.valid(v));
        if (bad.length) throw errors.badValue({ key: f.key, value: bad[0], bad });
      }
      const values = raw.map((v) => parseValue(ks, v, operator, f.key, errors));
      if (raw.length === 0 && ks.existsWithoutValues) operator = 'Exists';
      const condition: Condition = { key: f.key, kind, operator, raw, values, ...(tagKey !== undefined && { tagKey }) };
      conditions.push(condition);
      if (!previous) seen.set(f.key, condition);
      if (kind !== 'key') tagFilters++;
      if (kind === 'tag') tagKeyFilters++;
      const own = ks.test?.(operator, values);
      if (own) tests.push(own);
      else if (ks.read) tests.push(genericPredicate(ks.read, operator as Operator, values, ks));
    }
    if (tags?.alone && tagFilters > 0 && tagFilters < conditions.length) throw tags.alone();
    return {
      conditions,
      get: (key) => conditions.find((c) => c.key === key),
      test: combine(tests),
      passesAll: tests.length === 0,
    };
  };
  return { spec, compile };
}

function tagValue(tags: readonly TagLike[] | undefined, key: string): string | undefined {
  if (!tags) return undefined;
  for (const t of tags) if (t.Key === key) return t.Value ?? '';
  return undefined;
}

function parseValue<R, E>(ks: KeySpec<R, E>, value: string, operator: string, key: string, errors: FilterErrors): string | number {
  if (ks.parse) return ks.parse(value, operator);
  switch (ks.type) {
    case 'number': {
      const n = value.trim() === '' ? NaN : Number(value);
      if (!Number.isFinite(n)) throw errors.badValue({ key, value, bad: [value] });
      return n;
    }
    case 'date': {
      const t = parseInstant(value);
      if (t === undefined) throw errors.badValue({ key, value, bad: [value] });
      return t;
    }
    default:
      return ks.ignoreCase ? value.toLowerCase() : value;
  }
}

function combine<R, E>(tests: readonly Predicate<R, E>[]): Predicate<R, E> {
  switch (tests.length) {
    case 0:
      return () => true;
    case 1:
      return tests[0];
    case 2: {
      const [a, b] = tests;
      return (r, e) => a(r, e) && b(r, e);
    }
    default:
      return (r, e) => {
        for (const t of tests) if (!t(r, e)) return false;
        return true;
      };
  }
}
