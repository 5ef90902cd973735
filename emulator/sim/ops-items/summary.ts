/**
 * GetOpsSummary over the OpsData sources (opsdata.ts):
 *
 *   ResultAttributes  the type names to return (default AWS:OpsItem). The first names the entities
 *                     (one per row of that type); each further type adds its row with the same id.
 *   Filters           Key <TypeName>.<AttributeName>, Type Equal (default), NotEqual, BeginWith,
 *                     LessThan, GreaterThan or Exists; values ORed, filters ANDed; a filter on another
 *                     type tests that type's row with the entity's id. core/filters.ts compares.
 *   Aggregators       count: the rows grouped by AttributeName, with their Count; sum: the Sum of a
 *                     numeric attribute. Nested aggregators group further (leaf rows carry every
 *                     grouping attribute). An aggregator's own Filters narrow its rows. Each top-level
 *                     aggregator answers one entity whose Content lists the groups. Range aggregators
 *                     are not simulated (InvalidAggregatorException says so).
 *
 * Unknown type names answer InvalidTypeNameException, unknown filter keys InvalidFilter. The
 * aggregated shapes are the emulator's: AWS documents none.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { defineFilters, type CompiledFilter, type KeySpec } from '../../core/filters.js';
import { InvalidAggregatorException, InvalidFilter, InvalidTypeNameException } from '../../generated/ssm/errors.js';
import type { OpsAggregator, OpsEntity, OpsFilter } from '../../generated/ssm/types.js';
import { DOCUMENTED_TYPES, isoTime, opsDataSources, type OpsDataRow, type OpsDataSource } from './opsdata.js';
import * as messages from './messages.js';

export const DEFAULT_TYPE = 'AWS:OpsItem';
const OPERATORS = ['Equal', 'NotEqual', 'BeginWith', 'LessThan', 'GreaterThan', 'Exists'];

/** An entity under evaluation: its id and its row of each type (read lazily, once per type). */
interface Entity {
  id: string;
  row(type: string): OpsDataRow | undefined;
}

function sourcesOf(ctx: Ctx): Map<string, OpsDataSource> {
  return new Map(ctx.emu.ports.all(opsDataSources).map((s) => [s.typeName, s]));
}

function sourceFor(sources: Map<string, OpsDataSource>, type: string): OpsDataSource {
  const s = sources.get(type);
  if (s) return s;
  if (DOCUMENTED_TYPES.includes(type)) throw new InvalidTypeNameException(messages.noOpsDataSource(type));
  throw new InvalidTypeNameException(messages.invalidTypeName(type, [...sources.keys()]));
}

/** The filter engine for the types available now ("<type>.<attribute>" keys). */
function filterEngine(sources: Map<string, OpsDataSource>) {
  const keys: Record<string, KeySpec<Entity>> = {};
  for (const s of sources.values()) {
    for (const [attr, type] of Object.entries(s.attributes)) {
      keys[`${s.typeName}.${attr}`] = { read: (e) => e.row(s.typeName)?.attributes[attr], type };
    }
  }
  const bad = (key: string, detail: string) => new InvalidFilter(messages.invalidSummaryFilter(key, detail));
  return defineFilters<Entity>({
    name: 'GetOpsSummary',
    defaults: { operators: OPERATORS, operator: 'Equal', minValues: 1 },
    errors: {
      unknownKey: (key) => bad(key, 'the key must be <TypeName>.<AttributeName> of a known type and attribute.'),
      badValue: ({ key, value }) => bad(key, `the value ${value} can't be compared with this attribute.`),
      missingValues: (key) => bad(key, 'a filter needs at least one value.'),
      badOperator: (op, allowed, key) => bad(key, `the type ${op} isn't one of ${allowed.join(', ')}.`),
    },
    keys,
  });
}

/** Entities over the rows of `primary`, with lazily read rows of other types, joined by id. */
function entitiesOf(ctx: Ctx, sources: Map<string, OpsDataSource>, primary: string): Entity[] {
  const byType = new Map<string, Map<string, OpsDataRow>>();
  const rowsOf = (type: string) => {
    let m = byType.get(type);
    if (!m) byType.set(type, (m = new Map(sourceFor(sources, type).rows(ctx).map((r) => [r.id, r]))));
    return m;
  };
  return [...rowsOf(primary).keys()].sort().map((id) => ({ id, row: (type) => rowsOf(type).get(id) }));
}

function compile(engine: ReturnType<typeof filterEngine>, sources: Map<string, OpsDataSource>, filters: readonly OpsFilter[] | undefined): CompiledFilter<Entity> {
  for (const f of filters ?? []) {
    const dot = f.Key.lastIndexOf('.');
    if (dot > 0) sourceFor(sources, f.Key.slice(0, dot));
  }
  return engine.compile((filters ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Type })));
}

function aggregate(
  ctx: Ctx,
  agg: OpsAggregator,
  entities: Entity[],
  env: { engine: ReturnType<typeof filterEngine>; sources: Map<string, OpsDataSource>; primary: string },
  prefix: Record<string, string>,
  out: Record<string, string>[],
): void {
  const type = agg.TypeName ?? env.primary;
  const source = sourceFor(env.sources, type);
  const kind = agg.AggregatorType ?? 'count';
  if (kind === 'range') throw new InvalidAggregatorException(messages.invalidAggregator('Range aggregators are not simulated by the emulator; use count or sum.'));
  if (kind !== 'count' && kind !== 'sum') throw new InvalidAggregatorException(messages.invalidAggregator(`AggregatorType ${kind} isn't count, sum or range.`));
  const attr = agg.AttributeName;
  if (attr === undefined) throw new InvalidAggregatorException(messages.invalidAggregator(`A ${kind} aggregator needs an AttributeName.`));
  if (!Object.hasOwn(source.attributes, attr)) throw new InvalidAggregatorException(messages.invalidAggregator(`${type} has no attribute ${attr}.`));
  if (agg.Values && Object.keys(agg.Values).length) throw new InvalidAggregatorException(messages.invalidAggregator('Values belong to range aggregators.'));
  if (kind === 'sum' && source.attributes[attr] !== 'number') throw new InvalidAggregatorException(messages.invalidAggregator(`${type}.${attr} isn't numeric, so it can't be summed.`));
  const own = agg.Filters ? compile(env.engine, env.sources, agg.Filters) : undefined;
  const rows = own ? entities.filter((e) => own.test(e)) : entities;
  if (kind === 'sum') {
    const total = rows.reduce((n, e) => n + Number(e.row(type)?.attributes[attr] ?? 0), 0);
    out.push({ ...prefix, Sum: String(total) });
    return;
  }
  const groups = new Map<string, Entity[]>();
  for (const e of rows) {
    const v = e.row(type)?.attributes[attr];
    if (v === undefined) continue;
    let g = groups.get(v);
    if (!g) groups.set(v, (g = []));
    g.push(e);
  }
  for (const [value, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const here = { ...prefix, [attr]: value };
    if (agg.Aggregators?.length) for (const nested of agg.Aggregators) aggregate(ctx, nested, members, env, here, out);
    else out.push({ ...here, Count: String(members.length) });
  }
}

export interface SummaryRequest {
  Filters?: OpsFilter[];
  Aggregators?: OpsAggregator[];
  ResultAttributes?: { TypeName: string }[];
}

/** Every entity GetOpsSummary answers for the request (the caller pages them). */
export function opsSummary(ctx: Ctx, input: SummaryRequest): OpsEntity[] {
  const sources = sourcesOf(ctx);
  const types = (input.ResultAttributes ?? []).map((r) => r.TypeName);
  if (!types.length) types.push(DEFAULT_TYPE);
  for (const t of types) sourceFor(sources, t);
  const primary = types[0];
  const engine = filterEngine(sources);
  const filter = compile(engine, sources, input.Filters);
  const entities = entitiesOf(ctx, sources, primary).filter((e) => filter.test(e));
  if (input.Aggregators?.length) {
    const now = isoTime(toEpochSeconds(ctx.now));
    return input.Aggregators.map((agg) => {
      const content: Record<string, string>[] = [];
      aggregate(ctx, agg, entities, { engine, sources, primary }, {}, content);
      return { Data: { [agg.TypeName ?? primary]: { CaptureTime: now, Content: content } } };
    });
  }
  return entities.map((e) => {
    const data: NonNullable<OpsEntity['Data']> = {};
    for (const t of types) {
      const row = e.row(t);
      if (row) data[t] = { CaptureTime: row.captureTime, Content: [{ ...row.attributes }] };
    }
    return { Id: e.id, Data: data };
  });
}
