/**
 * The filter engine on its own: operators and their spellings, comparison by type, OR within a
 * filter and AND across filters, tag keys, the compiled conditions index-aware callers read, and
 * every kind of bad input with the error its spec names, in the documented order.
 */
import { describe, expect, it } from 'vitest';
import { ServiceError } from './errors.js';
import { compareVersions } from './versions.js';
import { canonicalOperator, defineFilters, parseInstant, type FilterErrors, type FilterInput, type FilterSpec } from './filters.js';

interface Item {
  id: string;
  size?: number;
  created: number; // epoch seconds
  version: string;
  platforms: string[];
  tags: { Key: string; Value: string }[];
}

const at = (iso: string) => Date.parse(iso) / 1000;
const ITEMS: Item[] = [
  { id: 'alpha', size: 9, created: at('2024-01-01T00:00:00Z'), version: '3.9.1', platforms: ['Linux'], tags: [{ Key: 'Env', Value: 'prod' }] },
  { id: 'beta', size: 10, created: at('2024-06-01T00:00:00Z'), version: '3.10.0', platforms: ['Linux', 'Windows'], tags: [{ Key: 'Env', Value: 'dev' }, { Key: 'Team', Value: 'a' }] },
  { id: 'Gamma', created: at('2025-01-01T00:00:00Z'), version: '2.0', platforms: [], tags: [] },
];

const fail = (code: string) => (...args: unknown[]) => new ServiceError(code, JSON.stringify(args));
const ERRORS: FilterErrors = {
  unknownKey: fail('UnknownKey'),
  badValue: (b) => new ServiceError('BadValue', `${b.key}:${b.bad.join(',')}${b.allowed ? ` of ${b.allowed.join('|')}` : ''}`),
  missingValues: fail('MissingValues'),
  duplicateKey: fail('DuplicateKey'),
  badOperator: (op, allowed, key) => new ServiceError('BadOperator', `${key}:${op} not in ${allowed.join(',')}`),
  tooManyValues: fail('TooManyValues'),
};
const ALL_OPS = ['Equal', 'NotEqual', 'BeginWith', 'Contains', 'LessThan', 'GreaterThan', 'Exists'];

function spec(over: Partial<FilterSpec<Item>> = {}): FilterSpec<Item> {
  return {
    name: 'test',
    defaults: { operators: ALL_OPS, operator: 'Equal' },
    errors: ERRORS,
    keys: {
      Id: { read: (i) => i.id },
      Size: { read: (i) => i.size, type: 'number' },
      SizeText: { read: (i) => (i.size === undefined ? undefined : String(i.size)) },
      Created: { read: (i) => i.created, type: 'date' },
      Version: { read: (i) => i.version, type: 'version' },
      Platform: { read: (i) => i.platforms, allowed: ['Linux', 'Windows', 'MacOS'] },
    },
    tags: { read: (i) => i.tags, byKey: {}, anyKey: {} },
    ...over,
  };
}
const engine = defineFilters(spec());
const ids = (filters: FilterInput[], e = engine) => {
  const f = e.compile(filters);
  return ITEMS.filter((i) => f.test(i)).map((i) => i.id);
};
const error = (run: () => unknown): { code: string; message: string } => {
  try {
    run();
  } catch (e) {
    if (e instanceof ServiceError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('no error');
};

describe('operators', () => {
  it('normalises every spelling SSM uses to one operator', () => {
    expect(['Equal', 'Equals', 'EQUAL'].map(canonicalOperator)).toEqual(['Equal', 'Equal', 'Equal']);
    expect(['NotEqual', 'NOT_EQUAL'].map(canonicalOperator)).toEqual(['NotEqual', 'NotEqual']);
    expect(['BeginWith', 'BeginsWith', 'BEGIN_WITH'].map(canonicalOperator)).toEqual(['BeginWith', 'BeginWith', 'BeginWith']);
    expect(['LessThan', 'LESS_THAN', 'GreaterThan', 'GREATER_THAN', 'Contains', 'Exists'].map(canonicalOperator)).toEqual([
      'LessThan', 'LessThan', 'GreaterThan', 'GreaterThan', 'Contains', 'Exists',
    ]);
    expect(canonicalOperator('Recursive')).toBeUndefined();
    expect(canonicalOperator('constructor')).toBeUndefined();
  });

  it('ORs the values of a filter and ANDs filters', () => {
    expect(ids([{ key: 'Id', values: ['alpha', 'Gamma'] }])).toEqual(['alpha', 'Gamma']);
    expect(ids([{ key: 'Id', values: ['alpha', 'beta'] }, { key: 'Platform', values: ['Windows'] }])).toEqual(['beta']);
    expect(ids([])).toEqual(['alpha', 'beta', 'Gamma']);
  });

  it('NotEqual matches when no value is equal, and matches records without the attribute', () => {
    expect(ids([{ key: 'Id', values: ['alpha', 'beta'], operator: 'NotEqual' }])).toEqual(['Gamma']);
    expect(ids([{ key: 'Size', values: ['9'], operator: 'NotEqual' }])).toEqual(['beta', 'Gamma']);
    // A list attribute: none of its elements may equal a value.
    expect(ids([{ key: 'Platform', values: ['Windows'], operator: 'NotEqual' }])).toEqual(['alpha', 'Gamma']);
  });

  it('an absent attribute matches no positive operator', () => {
    for (const operator of ['Equal', 'BeginWith', 'Contains', 'LessThan', 'GreaterThan']) {
      expect(ids([{ key: 'Size', values: ['1000'], operator }]).includes('Gamma')).toBe(false);
    }
  });

  it('BeginWith and Contains compare text; a list matches when any element does', () => {
    expect(ids([{ key: 'Id', values: ['al', 'Ga'], operator: 'BeginWith' }])).toEqual(['alpha', 'Gamma']);
    expect(ids([{ key: 'Id', values: ['et'], operator: 'Contains' }])).toEqual(['beta']);
    expect(ids([{ key: 'Platform', values: ['Win'], operator: 'BeginWith' }])).toEqual(['beta']);
  });

  it('compares case-insensitively where a key says so', () => {
    const e = defineFilters(spec({ keys: { Id: { read: (i) => i.id, ignoreCase: true } } }));
    expect(ids([{ key: 'Id', values: ['GAM'], operator: 'BeginWith' }], e)).toEqual(['Gamma']);
    expect(ids([{ key: 'Id', values: ['AMM'], operator: 'Contains' }], e)).toEqual(['Gamma']);
    expect(ids([{ key: 'Id', values: ['gamma'] }], e)).toEqual(['Gamma']);
    expect(ids([{ key: 'Id', values: ['AMM'], operator: 'Contains' }])).toEqual([]);
  });

  it('Exists matches records that have the attribute', () => {
    expect(ids([{ key: 'Size', operator: 'Exists' }])).toEqual(['alpha', 'beta']);
    expect(ids([{ key: 'Platform', operator: 'Exists' }])).toEqual(['alpha', 'beta']);
  });

  it('a key with matchValues "all" ANDs its values', () => {
    const e = defineFilters(spec({ keys: { Platform: { read: (i) => i.platforms, matchValues: 'all' }, Id: { read: (i) => i.id, matchValues: 'all' } } }));
    expect(ids([{ key: 'Platform', values: ['Linux', 'Windows'] }], e)).toEqual(['beta']);
    expect(ids([{ key: 'Platform', values: ['Linux', 'Windows'] }])).toEqual(['alpha', 'beta']);
    expect(ids([{ key: 'Id', values: ['a', 'ph'], operator: 'Contains' }], e)).toEqual(['alpha']);
    expect(ids([{ key: 'Id', values: ['alpha', 'beta'] }], e)).toEqual([]);
  });
});

describe('comparison by type', () => {
  it('numbers compare numerically, text as text', () => {
    expect(ids([{ key: 'Size', values: ['9'], operator: 'GreaterThan' }])).toEqual(['beta']);
    // As text "10" < "9".
    expect(ids([{ key: 'SizeText', values: ['9'], operator: 'GreaterThan' }])).toEqual([]);
    expect(ids([{ key: 'SizeText', values: ['9'], operator: 'LessThan' }])).toEqual(['beta']);
    expect(ids([{ key: 'Size', values: ['10.0'] }])).toEqual(['beta']);
  });

  it('versions compare segment by segment (3.10 > 3.9); their Equal is textual', () => {
    expect(ids([{ key: 'Version', values: ['3.9.5'], operator: 'GreaterThan' }])).toEqual(['beta']);
    expect(ids([{ key: 'Version', values: ['3.9.5'], operator: 'LessThan' }])).toEqual(['alpha', 'Gamma']);
    expect(ids([{ key: 'Version', values: ['3.10'] }])).toEqual([]);
    expect(compareVersions('3.10', '3.9')).toBeGreaterThan(0);
    expect(compareVersions('3.0', '3')).toBe(0);
    expect(compareVersions('3.a', '3.b')).toBeLessThan(0);
  });

  it('dates compare as instants, whatever the zone', () => {
    expect(ids([{ key: 'Created', values: ['2024-06-01T02:00:00+02:00'] }])).toEqual(['beta']);
    expect(ids([{ key: 'Created', values: ['2024-06-01T00:00:00Z'], operator: 'LessThan' }])).toEqual(['alpha']);
    expect(ids([{ key: 'Created', values: ['2024-06-01'], operator: 'GreaterThan' }])).toEqual(['Gamma']);
  });

  it('inclusive bounds include equal values', () => {
    const e = defineFilters(
      spec({
        keys: {
          After: { read: (i) => i.created, type: 'date', operator: 'GreaterThan', inclusive: true },
          Before: { read: (i) => i.created, type: 'date', operator: 'LessThan', inclusive: true },
        },
      }),
    );
    expect(ids([{ key: 'After', values: ['2024-06-01T00:00:00Z'] }], e)).toEqual(['beta', 'Gamma']);
    expect(ids([{ key: 'Before', values: ['2024-06-01T00:00:00Z'] }], e)).toEqual(['alpha', 'beta']);
  });

  it('parseInstant reads ISO 8601 (no zone: UTC) and nothing else', () => {
    expect(parseInstant('2024-07-07')).toBe(at('2024-07-07T00:00:00Z'));
    expect(parseInstant('2024-07-07T10:30')).toBe(at('2024-07-07T10:30:00Z'));
    expect(parseInstant('2024-07-07T10:30:00.5-0100')).toBe(at('2024-07-07T11:30:00.500Z'));
    for (const bad of ['yesterday', '1720310400', '2024-13-45', '2024-07-07 10:30', '']) expect(parseInstant(bad)).toBeUndefined();
  });
});

describe('tag keys', () => {
  it('tag:<key> matches the tag value (values ORed); tag-key the tag keys', () => {
    expect(ids([{ key: 'tag:Env', values: ['prod', 'dev'] }])).toEqual(['alpha', 'beta']);
    expect(ids([{ key: 'tag:Env', values: ['d'], operator: 'BeginWith' }])).toEqual(['beta']);
    expect(ids([{ key: 'tag-key', values: ['Team'] }])).toEqual(['beta']);
    expect(ids([{ key: 'tag:Env', values: ['prod'], operator: 'NotEqual' }])).toEqual(['beta', 'Gamma']);
    const f = engine.compile([{ key: 'tag:Env', values: ['prod'] }, { key: 'tag-key', values: ['Team'] }]);
    expect(f.conditions.map((c) => [c.kind, c.tagKey])).toEqual([['tag', 'Env'], ['tag-key', undefined]]);
  });

  it('a tag:<key> filter without values matches records that have the key, where the spec allows it', () => {
    const e = defineFilters(spec({ tags: { read: (i) => i.tags, byKey: { existsWithoutValues: true } } }));
    expect(ids([{ key: 'tag:Team' }], e)).toEqual(['beta']);
    expect(e.compile([{ key: 'tag:Team' }]).conditions[0].operator).toBe('Exists');
  });

  it('refuses `tag:` with no key, tag keys mixed with others, and a second tag:<key> where told to', () => {
    const e = defineFilters(
      spec({
        tags: {
          read: (i) => i.tags,
          byKey: { errors: { duplicateKey: fail('OneTagKey') } },
          anyKey: {},
          emptyKey: fail('EmptyTagKey'),
          alone: fail('Mixed'),
          oneTagKey: true,
        },
      }),
    );
    expect(error(() => e.compile([{ key: 'tag:', values: ['x'] }])).code).toBe('EmptyTagKey');
    expect(error(() => engine.compile([{ key: 'tag:', values: ['x'] }])).code).toBe('UnknownKey');
    expect(error(() => e.compile([{ key: 'tag:Env', values: ['x'] }, { key: 'Id', values: ['alpha'] }])).code).toBe('Mixed');
    expect(error(() => e.compile([{ key: 'tag:Env', values: ['x'] }, { key: 'tag:Team', values: ['a'] }])).code).toBe('OneTagKey');
    expect(e.compile([{ key: 'tag:Env', values: ['x'] }, { key: 'tag-key', values: ['Team'] }]).conditions).toHaveLength(2);
    // Without a tags spec, tag keys are unknown.
    expect(error(() => defineFilters(spec({ tags: undefined })).compile([{ key: 'tag:Env', values: ['x'] }])).code).toBe('UnknownKey');
  });
});

describe('the compiled filter', () => {
  it('exposes parsed conditions for index-aware callers', () => {
    const e = defineFilters(
      spec({
        defaults: { operators: ['Equals', 'BeginsWith'], operator: 'Equals', errors: {} },
        keys: { Name: { read: (i) => `/${i.id}`, parse: (v) => (v.startsWith('/') ? v : `/${v}`) } },
      }),
    );
    const f = e.compile([{ key: 'Name', values: ['al'], operator: 'BeginsWith' }]);
    expect(f.get('Name')).toMatchObject({ key: 'Name', kind: 'key', operator: 'BeginWith', raw: ['al'], values: ['/al'] });
    expect(f.get('Other')).toBeUndefined();
    expect(ITEMS.filter((i) => f.test(i)).map((i) => i.id)).toEqual(['alpha']);
  });

  it('leaves keys without read or test to the caller', () => {
    const e = defineFilters(spec({ keys: { Owner: { allowed: ['Self', 'All'] }, Id: { read: (i) => i.id } } }));
    const f = e.compile([{ key: 'Owner', values: ['Self'] }]);
    expect(f.passesAll).toBe(true);
    expect(f.get('Owner')!.values).toEqual(['Self']);
    expect(e.compile([{ key: 'Owner', values: ['Self'] }, { key: 'Id', values: ['beta'] }]).passesAll).toBe(false);
  });

  it('uses a key\'s own test for operation-specific operators, and the generic comparison when it declines', () => {
    const e = defineFilters(
      spec({
        keys: {
          Path: {
            read: (i) => i.id,
            operators: ['Equal', 'Shorter'],
            test: (op, values) => (op === 'Shorter' ? (i) => i.id.length < Number(values[0]) : undefined),
          },
        },
      }),
    );
    expect(ids([{ key: 'Path', values: ['5'], operator: 'Shorter' }], e)).toEqual(['beta']);
    expect(ids([{ key: 'Path', values: ['alpha'] }], e)).toEqual(['alpha']);
  });

  it('filters 10,000 records with a compiled predicate', () => {
    const many: Item[] = Array.from({ length: 10_000 }, (_, n) => ({ ...ITEMS[n % 3], id: `n${n}`, size: n }));
    const f = engine.compile([
      { key: 'Size', values: ['5000'], operator: 'LessThan' },
      { key: 'Platform', values: ['Windows'] },
      { key: 'tag:Env', values: ['dev'] },
    ]);
    expect(many.filter((i) => f.test(i))).toHaveLength(1667);
  });
});

describe('bad input', () => {
  it('unknown keys, including names of Object.prototype members', () => {
    for (const key of ['Colour', 'constructor', '__proto__', 'toString']) {
      expect(error(() => engine.compile([{ key, values: ['x'] }]))).toEqual({ code: 'UnknownKey', message: JSON.stringify([key]) });
    }
  });

  it('operators outside the key\'s list, named in the operation\'s spelling and order', () => {
    const e = defineFilters(spec({ defaults: { operators: ['Equals', 'BeginsWith'], operator: 'Equals' } }));
    expect(error(() => e.compile([{ key: 'Id', values: ['x'], operator: 'Contains' }]))).toEqual({ code: 'BadOperator', message: 'Id:Contains not in Equals,BeginsWith' });
    // Spellings are exact: another area's spelling is not accepted.
    expect(error(() => e.compile([{ key: 'Id', values: ['x'], operator: 'Equal' }])).code).toBe('BadOperator');
    expect(error(() => e.compile([{ key: 'Id', values: ['x'], operator: 'constructor' }])).code).toBe('BadOperator');
    // Without a badOperator error, the operator is a bad value of the filter.
    const plain = defineFilters(spec({ errors: { unknownKey: ERRORS.unknownKey, badValue: ERRORS.badValue } }));
    expect(error(() => plain.compile([{ key: 'Id', values: ['x'], operator: 'Near' }]))).toEqual({ code: 'BadValue', message: `Id:Near of ${ALL_OPS.join('|')}` });
  });

  it('missing values, too many values, repeated keys', () => {
    const e = defineFilters(
      spec({
        keys: {
          Id: { read: (i) => i.id, minValues: 1, maxValues: 2, repeat: 'refused' },
          Owner: { repeat: 'same-values' },
        },
      }),
    );
    expect(error(() => e.compile([{ key: 'Id' }])).code).toBe('MissingValues');
    expect(error(() => e.compile([{ key: 'Id', values: ['a', 'b', 'c'] }]))).toEqual({ code: 'TooManyValues', message: JSON.stringify(['Id', 2]) });
    expect(error(() => e.compile([{ key: 'Id', values: ['a'] }, { key: 'Id', values: ['a'] }])).code).toBe('DuplicateKey');
    expect(e.compile([{ key: 'Owner', values: ['a'] }, { key: 'Owner', values: ['a'] }]).conditions).toHaveLength(2);
    expect(error(() => e.compile([{ key: 'Owner', values: ['a'] }, { key: 'Owner', values: ['b'] }])).code).toBe('DuplicateKey');
    // Repeats are allowed (ANDed) by default.
    expect(ids([{ key: 'Id', values: ['alpha', 'beta'] }, { key: 'Id', values: ['beta', 'Gamma'] }])).toEqual(['beta']);
  });

  it('enum values are checked under Equal and NotEqual, not for a prefix', () => {
    expect(error(() => engine.compile([{ key: 'Platform', values: ['Linux', 'Solaris', 'BeOS'] }]))).toEqual({
      code: 'BadValue',
      message: 'Platform:Solaris,BeOS of Linux|Windows|MacOS',
    });
    expect(error(() => engine.compile([{ key: 'Platform', values: ['Solaris'], operator: 'NotEqual' }])).code).toBe('BadValue');
    expect(ids([{ key: 'Platform', values: ['Lin'], operator: 'BeginWith' }])).toEqual(['alpha', 'beta']);
  });

  it('a key\'s own check, under the operators it names, with its own error', () => {
    const e = defineFilters(
      spec({
        keys: { Id: { read: (i) => i.id, check: { valid: (v) => /^[a-z]+$/.test(v), operators: ['Equal'] }, errors: { badValue: (b) => new ServiceError('BadId', b.bad.join(',')) } } },
      }),
    );
    expect(error(() => e.compile([{ key: 'Id', values: ['alpha', 'X1', 'Y2'] }]))).toEqual({ code: 'BadId', message: 'X1,Y2' });
    expect(ids([{ key: 'Id', values: ['G'], operator: 'BeginWith' }], e)).toEqual(['Gamma']);
  });

  it('values that do not parse as the key\'s type', () => {
    expect(error(() => engine.compile([{ key: 'Size', values: ['ten'] }])).message).toBe('Size:ten');
    expect(error(() => engine.compile([{ key: 'Size', values: [' '] }])).code).toBe('BadValue');
    expect(error(() => engine.compile([{ key: 'Created', values: ['last week'] }])).message).toBe('Created:last week');
  });

  it('checks in order: key, missing values, repetition, operator, count, values; the first bad filter wins', () => {
    const e = defineFilters(spec({ keys: { Id: { read: (i) => i.id, minValues: 1, maxValues: 1, repeat: 'refused', operators: ['Equal'], allowed: ['alpha'] } } }));
    expect(error(() => e.compile([{ key: 'Nope' }])).code).toBe('UnknownKey');
    expect(error(() => e.compile([{ key: 'Id', operator: 'Contains' }])).code).toBe('MissingValues');
    expect(error(() => e.compile([{ key: 'Id', values: ['alpha'] }, { key: 'Id', values: ['x', 'y'], operator: 'Contains' }])).code).toBe('DuplicateKey');
    expect(error(() => e.compile([{ key: 'Id', values: ['x', 'y'], operator: 'Contains' }])).code).toBe('BadOperator');
    expect(error(() => e.compile([{ key: 'Id', values: ['x', 'y'] }])).code).toBe('TooManyValues');
    expect(error(() => e.compile([{ key: 'Id', values: ['x'] }])).code).toBe('BadValue');
    expect(error(() => e.compile([{ key: 'Id', values: ['x'] }, { key: 'Nope', values: ['y'] }])).code).toBe('BadValue');
    // ListDocuments' order: a filter without values is refused before its key is looked at.
    const first = defineFilters(spec({ defaults: { operator: 'Equal', minValues: 1 }, missingValuesFirst: true }));
    expect(error(() => first.compile([{ key: 'Nope', values: [] }])).code).toBe('MissingValues');
  });

  it('a key\'s parse may throw the area\'s own error', () => {
    const e = defineFilters(spec({ keys: { Path: { read: (i) => i.id, parse: () => { throw new ServiceError('Reserved', 'no'); } } } }));
    expect(error(() => e.compile([{ key: 'Path', values: ['/aws'] }])).code).toBe('Reserved');
  });
});

describe('spec mistakes fail at definition', () => {
  it('names what is missing', () => {
    const bare: FilterErrors = { unknownKey: fail('U'), badValue: fail('V') };
    expect(() => defineFilters(spec({ errors: bare, keys: { Id: { read: (i) => i.id, minValues: 1, maxValues: 2, repeat: 'refused' } } }))).toThrow(
      'filter spec test: Id: minValues needs errors.missingValues; Id: maxValues needs errors.tooManyValues; Id: repeat needs errors.duplicateKey',
    );
    expect(() => defineFilters(spec({ keys: { Path: { read: (i) => i.id, operators: ['Recursive'], operator: 'Recursive' } } }))).toThrow('Path: operator Recursive needs a test');
    expect(() => defineFilters(spec({ keys: { Id: { read: (i) => i.id, operators: ['Equals'], operator: 'Equal' } } }))).toThrow('Id: default operator Equal is not accepted');
    expect(() => defineFilters(spec({ defaults: {}, keys: { Id: { read: (i) => i.id } } }))).toThrow('Id: no default operator');
  });
});
