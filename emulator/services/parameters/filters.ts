/**
 * The filters of DescribeParameters (ParameterFilters and the legacy Filters) and
 * GetParametersByPath (ParameterFilters), declared for the filter engine (core/filters.ts), with
 * AWS's rules and errors:
 *
 *   DescribeParameters  keys Name, Type, KeyId, Path, Tier, DataType, tag:<key> (Label is refused);
 *                       options Equals and BeginsWith, Name also Contains, Path only Recursive and
 *                       OneLevel (default OneLevel; other keys default Equals). A tag:<key> filter
 *                       without values matches any parameter that has the tag key.
 *   GetParametersByPath keys Type, KeyId, Label; options Equals and BeginsWith, Label only Equals.
 *   Legacy Filters      Name (begins with), Type, KeyId (equal).
 *   Each key at most once; values are required (except tag:); Type, Tier and DataType values are
 *   checked against their enums under Equals.
 *
 * A Label filter also chooses the version shown (the one that carries the label): callers read it
 * with `labelledVersion`.
 */
import { defineFilters, type CompiledFilter, type FilterErrors, type FilterInput, type KeySpec } from '../../core/filters.js';
import { InvalidFilterKey, InvalidFilterOption, InvalidFilterValue, ValidationException } from '../../generated/ssm/errors.js';
import type { ParametersFilter, ParameterStringFilter, Tag } from '../../generated/ssm/types.js';
import { type ParameterRecord, type ParameterVersion } from '../../sim/parameters/state.js';
import { normalisePath, parentOf } from '../../sim/parameters/names.js';
import { DATA_TYPES } from '../../sim/parameters/model.js';
import * as messages from '../../sim/parameters/messages.js';

/** What a filter sees of a parameter (stored or public). */
export interface Candidate {
  /** Canonical name. */
  key: string;
  version: ParameterVersion | { Type: string; KeyId?: string; Tier: string; DataType: string; Labels: string[] };
  versions?: readonly ParameterVersion[];
  tags?: readonly Tag[];
}

export type ParameterFilter = CompiledFilter<Candidate>;

const TYPES = ['String', 'StringList', 'SecureString'];
const TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'];

const errors = (validKeys: readonly string[]): FilterErrors => ({
  unknownKey: (key) => new InvalidFilterKey(messages.invalidFilterKey(key, validKeys)),
  badValue: ({ value, allowed }) => new InvalidFilterValue(messages.invalidFilterValue(value, allowed ?? [])),
  missingValues: (key) => new InvalidFilterValue(messages.missingFilterValues(key)),
  duplicateKey: (key) => new InvalidFilterKey(messages.duplicateFilter(key)),
  badOperator: (option, allowed) => new InvalidFilterOption(messages.invalidFilterOption(option, allowed)),
});

const defaults = { operators: ['BeginsWith', 'Equals'], operator: 'Equals', minValues: 1, repeat: 'refused' } as const;

/** AWS compares names with a leading slash whether or not either side has one (not for Contains). */
const slash = (s: string) => (s.startsWith('/') ? s : `/${s}`);
const name = (operators: readonly string[]): KeySpec<Candidate> => ({
  read: (c) => c.key,
  operators,
  parse: (v, op) => (op === 'Contains' ? v : slash(v)),
});
const type: KeySpec<Candidate> = { read: (c) => c.version.Type, allowed: TYPES };
const keyId: KeySpec<Candidate> = { read: (c) => c.version.KeyId };

const describeFilters = defineFilters<Candidate>({
  name: 'DescribeParameters',
  defaults,
  errors: errors(['Path', 'Name', 'Type', 'KeyId', 'Tier']),
  keys: {
    Name: name(['BeginsWith', 'Contains', 'Equals']),
    Path: {
      operators: ['Recursive', 'OneLevel'],
      operator: 'OneLevel',
      parse: (v) => {
        const lower = v.toLowerCase();
        if (lower.startsWith('/aws') || lower.startsWith('/ssm')) throw new ValidationException(messages.reservedPathFilter());
        return normalisePath(v);
      },
      test: (option, values) => {
        const paths = values as readonly string[];
        return option === 'OneLevel'
          ? (c) => paths.includes(parentOf(c.key))
          : (c) => paths.some((p) => p === '/' || c.key.startsWith(`${p}/`));
      },
    },
    Type: type,
    KeyId: keyId,
    Tier: { read: (c) => c.version.Tier, allowed: TIERS },
    DataType: { read: (c) => c.version.DataType, allowed: DATA_TYPES },
  },
  tags: { read: (c) => c.tags, byKey: { minValues: 0, existsWithoutValues: true }, anyKey: false },
});

const pathFilters = defineFilters<Candidate>({
  name: 'GetParametersByPath',
  defaults,
  errors: errors(['Type', 'KeyId']),
  keys: {
    Type: type,
    KeyId: keyId,
    // Any version's label; labelledVersion() picks the version to show.
    Label: { read: (c) => (c.versions ?? [c.version]).flatMap((v) => v.Labels), operators: ['Equals'] },
  },
});

const legacyFilters = defineFilters<Candidate>({
  name: 'DescribeParameters (Filters)',
  defaults: { operators: ['Equals'], operator: 'Equals', repeat: 'refused' },
  errors: errors(['Name', 'Type', 'KeyId']),
  keys: { Name: { ...name(['BeginsWith']), operator: 'BeginsWith' }, Type: type, KeyId: keyId },
});

const stringFilters = (filters: readonly ParameterStringFilter[] | undefined): FilterInput[] =>
  (filters ?? []).map((f) => ({ key: f.Key, values: f.Values, operator: f.Option }));

export const compileParameterFilters = (filters: readonly ParameterStringFilter[] | undefined, where: 'describe' | 'path'): ParameterFilter =>
  (where === 'describe' ? describeFilters : pathFilters).compile(stringFilters(filters));

export const compileLegacyFilters = (filters: readonly ParametersFilter[]): ParameterFilter =>
  legacyFilters.compile(filters.map((f) => ({ key: f.Key, values: f.Values })));

/**
 * The version a parameter that passes `filter` shows: with a Label filter, the (oldest) version that
 * carries one of the labels; otherwise the candidate's own version.
 */
export function labelledVersion(filter: ParameterFilter, c: Candidate): Candidate['version'] {
  const label = filter.get('Label');
  if (!label) return c.version;
  const labels = label.values as readonly string[];
  return (c.versions ?? [c.version]).find((v) => v.Labels.some((l) => labels.includes(l))) ?? c.version;
}

/** The version to show if the parameter passes every filter, else undefined. */
export function applyFilters(filter: ParameterFilter, c: Candidate): Candidate['version'] | undefined {
  return filter.test(c) ? labelledVersion(filter, c) : undefined;
}

export const candidateOf = (key: string, rec: ParameterRecord): Candidate => ({
  key,
  version: rec.Versions[rec.Versions.length - 1],
  versions: rec.Versions,
  tags: rec.Tags,
});
