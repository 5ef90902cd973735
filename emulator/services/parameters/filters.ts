/**
 * ParameterFilters (DescribeParameters, GetParametersByPath) and the legacy Filters of
 * DescribeParameters, checked with AWS's rules and errors, then matched against parameters.
 *
 *   DescribeParameters  keys Name, Type, KeyId, Path, Tier, DataType, tag:<key> (Label is refused);
 *                       options Equals and BeginsWith, Name also Contains, Path only Recursive and
 *                       OneLevel (default OneLevel; other keys default Equals). A tag:<key> filter
 *                       without values matches any parameter that has the tag key.
 *   GetParametersByPath keys Type, KeyId, Label; options Equals and BeginsWith, Label only Equals.
 *   Each key at most once; values are required (except tag:); Type, Tier and DataType values are
 *   checked against their enums.
 */
import { InvalidFilterKey, InvalidFilterOption, InvalidFilterValue, ValidationException } from '../../generated/ssm/errors.js';
import type { ParametersFilter, ParameterStringFilter, Tag } from '../../generated/ssm/types.js';
import { type ParameterRecord, type ParameterVersion } from '../../sim/parameters/state.js';
import { normalisePath, parentOf } from '../../sim/parameters/names.js';
import { DATA_TYPES } from '../../sim/parameters/model.js';
import * as messages from '../../sim/parameters/messages.js';

export interface Filter {
  key: string;
  option: string;
  values?: string[];
}

/** What a filter sees of a parameter (stored or public). */
export interface Candidate {
  /** Canonical name. */
  key: string;
  version: ParameterVersion | { Type: string; KeyId?: string; Tier: string; DataType: string; Labels: string[] };
  versions?: readonly ParameterVersion[];
  tags?: readonly Tag[];
}

const TYPES = ['String', 'StringList', 'SecureString'];
const TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'];

export function compileParameterFilters(filters: readonly ParameterStringFilter[] | undefined, where: 'describe' | 'path'): Filter[] {
  const out: Filter[] = [];
  const seen = new Set<string>();
  for (const f of filters ?? []) {
    const key = f.Key;
    const isTag = key.startsWith('tag:');
    if (where === 'describe' && key === 'Label') throw new InvalidFilterKey(messages.invalidFilterKey(key, ['Path', 'Name', 'Type', 'KeyId', 'Tier']));
    if (where === 'path' && !['Type', 'KeyId', 'Label'].includes(key)) throw new InvalidFilterKey(messages.invalidFilterKey(key, ['Type', 'KeyId']));
    if (!isTag && !f.Values?.length) throw new InvalidFilterValue(messages.missingFilterValues(key));
    if (seen.has(key)) throw new InvalidFilterKey(messages.duplicateFilter(key));
    seen.add(key);
    const option = f.Option ?? (key === 'Path' ? 'OneLevel' : 'Equals');
    const values = f.Values?.length ? [...f.Values] : undefined;
    if (key === 'Path') {
      if (option !== 'Recursive' && option !== 'OneLevel') throw new InvalidFilterOption(messages.invalidFilterOption(option, ['Recursive', 'OneLevel']));
      const paths = values!.map((v) => {
        const lower = v.toLowerCase();
        if (lower.startsWith('/aws') || lower.startsWith('/ssm')) throw new ValidationException(messages.reservedPathFilter());
        return normalisePath(v);
      });
      out.push({ key, option, values: paths });
      continue;
    }
    const allowed = key === 'Label' ? ['Equals'] : key === 'Name' && where === 'describe' ? ['BeginsWith', 'Contains', 'Equals'] : ['BeginsWith', 'Equals'];
    if (!allowed.includes(option)) throw new InvalidFilterOption(messages.invalidFilterOption(option, allowed));
    const enumFor = key === 'Type' ? TYPES : key === 'Tier' ? TIERS : key === 'DataType' ? (DATA_TYPES as readonly string[]) : undefined;
    if (enumFor && option === 'Equals') {
      for (const v of values!) if (!enumFor.includes(v)) throw new InvalidFilterValue(messages.invalidFilterValue(v, enumFor));
    }
    out.push({ key, option, values });
  }
  return out;
}

/** Legacy ParametersFilter (Name: begins with; Type, KeyId: equals). */
export function compileLegacyFilters(filters: readonly ParametersFilter[]): Filter[] {
  const out: Filter[] = [];
  const seen = new Set<string>();
  for (const f of filters) {
    if (seen.has(f.Key)) throw new InvalidFilterKey(messages.duplicateFilter(f.Key));
    seen.add(f.Key);
    if (f.Key === 'Type') for (const v of f.Values) if (!TYPES.includes(v)) throw new InvalidFilterValue(messages.invalidFilterValue(v, TYPES));
    out.push({ key: f.Key, option: f.Key === 'Name' ? 'BeginsWith' : 'Equals', values: [...f.Values] });
  }
  return out;
}

const slash = (s: string) => (s.startsWith('/') ? s : `/${s}`);

function textMatch(option: string, actual: string | undefined, values: readonly string[]): boolean {
  if (actual === undefined) return false;
  switch (option) {
    case 'Equals':
      return values.includes(actual);
    case 'BeginsWith':
      return values.some((v) => actual.startsWith(v));
    case 'Contains':
      return values.some((v) => actual.includes(v));
    default:
      return false;
  }
}

/**
 * Whether a parameter passes every filter. Returns the version to show (a Label filter selects the
 * version that carries the label), or undefined when it does not pass.
 */
export function applyFilters(filters: readonly Filter[], c: Candidate): Candidate['version'] | undefined {
  let shown = c.version;
  for (const f of filters) {
    const values = f.values ?? [];
    switch (f.key) {
      case 'Name':
        // AWS compares names with a leading slash whether or not either side has one.
        if (f.option === 'Contains') {
          if (!textMatch('Contains', c.key, values)) return undefined;
        } else if (!textMatch(f.option, c.key, values.map(slash))) return undefined;
        break;
      case 'Path':
        if (f.option === 'OneLevel') {
          if (!values.includes(parentOf(c.key))) return undefined;
        } else if (!values.some((p) => p === '/' || c.key.startsWith(`${p}/`))) return undefined;
        break;
      case 'Type':
        if (!textMatch(f.option, c.version.Type, values)) return undefined;
        break;
      case 'KeyId':
        if (!textMatch(f.option, c.version.KeyId, values)) return undefined;
        break;
      case 'Tier':
        if (!textMatch(f.option, c.version.Tier, values)) return undefined;
        break;
      case 'DataType':
        if (!textMatch(f.option, c.version.DataType, values)) return undefined;
        break;
      case 'Label': {
        const labelled = (c.versions ?? [c.version]).find((v) => v.Labels.some((l) => values.includes(l)));
        if (!labelled) return undefined;
        shown = labelled;
        break;
      }
      default: {
        // tag:<key>
        const tagKey = f.key.slice(4);
        const tag = c.tags?.find((t) => t.Key === tagKey);
        if (!tag) return undefined;
        if (f.values && !textMatch(f.option, tag.Value, values)) return undefined;
      }
    }
  }
  return shown;
}

export const candidateOf = (key: string, rec: ParameterRecord): Candidate => ({
  key,
  version: rec.Versions[rec.Versions.length - 1],
  versions: rec.Versions,
  tags: rec.Tags,
});
