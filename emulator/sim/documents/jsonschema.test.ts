import { describe, expect, it } from 'vitest';
import { UnusableSchemaError, validateJsonSchema } from './jsonschema.js';

const unusable = (schema: unknown) => {
  try {
    validateJsonSchema(schema, {});
  } catch (e) {
    expect(e).toBeInstanceOf(UnusableSchemaError);
    return (e as Error).message;
  }
  throw new Error('expected the schema to be refused');
};

describe('validateJsonSchema', () => {
  const schema = {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 2, pattern: '^[a-z]+$' },
      size: { type: 'integer', minimum: 1, maximum: 10 },
      tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 2 },
      mode: { enum: ['a', 'b'] },
    },
  };

  it('accepts conforming values and names the first problem otherwise', () => {
    expect(validateJsonSchema(schema, { name: 'ok', size: 3, tags: ['x'], mode: 'a' })).toBeUndefined();
    expect(validateJsonSchema(schema, {})).toBe('$.name is required');
    expect(validateJsonSchema(schema, { name: 'OK' })).toBe('$.name does not match pattern ^[a-z]+$');
    expect(validateJsonSchema(schema, { name: 'ok', size: 11 })).toBe('$.size is greater than 10');
    expect(validateJsonSchema(schema, { name: 'ok', size: 1.5 })).toBe('$.size must be of type integer');
    expect(validateJsonSchema(schema, { name: 'ok', tags: ['x', 'x'] })).toBe('$.tags has duplicate items');
    expect(validateJsonSchema(schema, { name: 'ok', tags: ['x', 3] })).toBe('$.tags[1] must be of type string');
    expect(validateJsonSchema(schema, { name: 'ok', mode: 'c' })).toBe('$.mode must be one of ["a","b"]');
    expect(validateJsonSchema(schema, { name: 'ok', extra: 1 })).toBe('$.extra is not an allowed property');
    expect(validateJsonSchema({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toBe('$ matches none of the anyOf schemas');
    expect(validateJsonSchema({ type: ['string', 'null'] }, 1)).toBe('$ must be of type string or null');
    expect(validateJsonSchema({ multipleOf: 0.1 }, 0.3)).toBeUndefined();
  });

  it('honours $ref to a definition (draft-04, the draft AppConfig speaks)', () => {
    const withRef = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      definitions: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
      type: 'object',
      properties: { http: { $ref: '#/definitions/port' }, ports: { type: 'array', items: { $ref: '#/definitions/port' } } },
    };
    expect(validateJsonSchema(withRef, { http: 80, ports: [443] })).toBeUndefined();
    expect(validateJsonSchema(withRef, { http: 0 })).toBe('$.http is less than 1');
    expect(validateJsonSchema(withRef, { ports: [443, 70000] })).toBe('$.ports[1] is greater than 65535');
    expect(validateJsonSchema(withRef, { http: 'eighty' })).toBe('$.http must be of type integer');
  });

  it('reads the draft the schema declares; draft-04 without $schema', () => {
    // draft-04: exclusiveMinimum is a boolean beside minimum
    expect(validateJsonSchema({ minimum: 1, exclusiveMinimum: true }, 1)).toBe('$ must be greater than 1');
    // draft-07: exclusiveMinimum is a number; $ref to $defs-style paths work too
    const d7 = { $schema: 'http://json-schema.org/draft-07/schema#', definitions: { pos: { exclusiveMinimum: 0 } }, properties: { n: { $ref: '#/definitions/pos' } } };
    expect(validateJsonSchema(d7, { n: 0 })).toBe('$.n must be greater than 0');
    expect(validateJsonSchema({ $schema: 'http://json-schema.org/draft-07/schema#', if: { minimum: 10 }, then: { multipleOf: 10 } }, 15)).toBe('$ is not a multiple of 10');
    const d2020 = { $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: { s: { type: 'string' } }, prefixItems: [{ $ref: '#/$defs/s' }] };
    expect(validateJsonSchema(d2020, [1])).toBe('$[0] must be of type string');
  });

  it('reads an unknown $schema, even one named like an Object property, as draft-04', () => {
    for (const $schema of ['constructor', '__proto__', 'http://example.com/my-draft']) {
      expect(validateJsonSchema({ $schema, minimum: 1, exclusiveMinimum: true }, 1)).toBe('$ must be greater than 1');
    }
  });

  it('keeps each schema to itself: the same $id in two schemas is no conflict', () => {
    expect(validateJsonSchema({ id: 'http://example.com/s', type: 'string' }, 'x')).toBeUndefined();
    expect(validateJsonSchema({ id: 'http://example.com/s', type: 'number' }, 'x')).toBe('$ must be of type number');
  });

  it('runs pattern and patternProperties on the linear-time engine', () => {
    // (a+)+$ against 40 a's and a "!" needs 2^40 steps of a backtracking engine: a regression hangs here.
    const bad = 'a'.repeat(40) + '!';
    expect(validateJsonSchema({ pattern: '(a+)+$' }, bad)).toBe('$ does not match pattern (a+)+$');
    const keys = { type: 'object', patternProperties: { '(a+)+$': { type: 'string' } }, additionalProperties: false };
    expect(validateJsonSchema(keys, { [bad]: 1 })).toBe(`$.${bad} is not an allowed property`);
    expect(validateJsonSchema(keys, { aaa: 1 })).toBe('$.aaa must be of type string');
    expect(validateJsonSchema({ propertyNames: { pattern: '^(a|aa)*$' } }, { [bad]: 1 })).toContain('property name');
    expect(validateJsonSchema({ pattern: '^\\p{Lu}' }, 'Élan')).toBeUndefined();
  });

  it('refuses a schema it cannot use: invalid, a remote or dangling $ref, a pattern a linear engine cannot run', () => {
    expect(unusable({ type: 5 })).toContain('schema/type');
    expect(unusable({ properties: { a: { $ref: 'http://example.com/other.json' } } })).toContain("can't resolve reference");
    expect(unusable({ properties: { a: { $ref: '#/definitions/missing' } } })).toContain("can't resolve reference");
    expect(unusable({ pattern: '(?=a)' })).toContain('lookaheads');
    expect(unusable([])).toContain('JSON object');
  });
});
