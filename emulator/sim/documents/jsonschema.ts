/**
 * A small JSON Schema validator (the draft-04/07 keywords AppConfig schemas use in practice), for
 * checking an ApplicationConfiguration document against the ApplicationConfigurationSchema
 * document it requires. Returns the first problem as text, or undefined when the value conforms.
 *
 * Supported: type, enum, const, properties, required, additionalProperties, patternProperties,
 * items (schema or tuple), minItems, maxItems, uniqueItems, minLength, maxLength, pattern, minimum,
 * maximum, exclusiveMinimum, exclusiveMaximum (boolean and numeric forms), multipleOf, allOf,
 * anyOf, oneOf, not. $ref is not followed (a schema using it is accepted without that check).
 */
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const typeMatches = (t: string, v: unknown) => t === typeOf(v) || (t === 'number' && typeOf(v) === 'integer');

export function validateJsonSchema(schema: unknown, value: unknown, path = '$'): string | undefined {
  if (schema === true || schema === undefined) return undefined;
  if (schema === false) return `${path} is not allowed`;
  if (!isObj(schema)) return undefined;
  const s = schema;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => typeMatches(t, value))) return `${path} must be of type ${types.join(' or ')}`;
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return `${path} must be one of ${JSON.stringify(s.enum)}`;
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) return `${path} must equal ${JSON.stringify(s.const)}`;
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength) return `${path} is shorter than ${s.minLength}`;
    if (typeof s.maxLength === 'number' && [...value].length > s.maxLength) return `${path} is longer than ${s.maxLength}`;
    if (typeof s.pattern === 'string') {
      try {
        if (!new RegExp(s.pattern, 'u').test(value)) return `${path} does not match pattern ${s.pattern}`;
      } catch {
        /* an unsupported pattern is not a reason to reject the configuration */
      }
    }
  }
  if (typeof value === 'number') {
    const exMin = s.exclusiveMinimum;
    const exMax = s.exclusiveMaximum;
    if (typeof s.minimum === 'number' && (exMin === true ? value <= s.minimum : value < s.minimum)) return `${path} is less than ${s.minimum}`;
    if (typeof s.maximum === 'number' && (exMax === true ? value >= s.maximum : value > s.maximum)) return `${path} is greater than ${s.maximum}`;
    if (typeof exMin === 'number' && value <= exMin) return `${path} must be greater than ${exMin}`;
    if (typeof exMax === 'number' && value >= exMax) return `${path} must be less than ${exMax}`;
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && Math.abs(value / s.multipleOf - Math.round(value / s.multipleOf)) > 1e-9) {
      return `${path} is not a multiple of ${s.multipleOf}`;
    }
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) return `${path} has fewer than ${s.minItems} items`;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return `${path} has more than ${s.maxItems} items`;
    if (s.uniqueItems === true && new Set(value.map((x) => JSON.stringify(x))).size !== value.length) return `${path} has duplicate items`;
    if (Array.isArray(s.items)) {
      for (let i = 0; i < Math.min(value.length, s.items.length); i++) {
        const e = validateJsonSchema(s.items[i], value[i], `${path}[${i}]`);
        if (e) return e;
      }
    } else if (s.items !== undefined) {
      for (let i = 0; i < value.length; i++) {
        const e = validateJsonSchema(s.items, value[i], `${path}[${i}]`);
        if (e) return e;
      }
    }
  }
  if (isObj(value)) {
    for (const r of Array.isArray(s.required) ? (s.required as string[]) : []) if (!(r in value)) return `${path}.${r} is required`;
    const props = isObj(s.properties) ? s.properties : {};
    const patterns = isObj(s.patternProperties) ? Object.entries(s.patternProperties) : [];
    for (const [k, v] of Object.entries(value)) {
      let matched = false;
      if (k in props) {
        matched = true;
        const e = validateJsonSchema(props[k], v, `${path}.${k}`);
        if (e) return e;
      }
      for (const [p, ps] of patterns) {
        if (new RegExp(p, 'u').test(k)) {
          matched = true;
          const e = validateJsonSchema(ps, v, `${path}.${k}`);
          if (e) return e;
        }
      }
      if (!matched && s.additionalProperties !== undefined) {
        const e = validateJsonSchema(s.additionalProperties, v, `${path}.${k}`);
        if (e) return s.additionalProperties === false ? `${path}.${k} is not an allowed property` : e;
      }
    }
  }
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) {
    const e = validateJsonSchema(sub, value, path);
    if (e) return e;
  }
  if (Array.isArray(s.anyOf) && !s.anyOf.some((sub) => !validateJsonSchema(sub, value, path))) return `${path} matches none of the anyOf schemas`;
  if (Array.isArray(s.oneOf) && s.oneOf.filter((sub) => !validateJsonSchema(sub, value, path)).length !== 1) return `${path} must match exactly one of the oneOf schemas`;
  if (s.not !== undefined && !validateJsonSchema(s.not, value, path)) return `${path} must not match the "not" schema`;
  return undefined;
}
