/**
 * Request validation from the generated constraint table, in AWS's own words. Written once for every
 * operation of every service; handlers only add semantic checks the model cannot express.
 *
 * Order, as AWS's request framework applies it:
 *   1. JSON types: a value of the wrong JSON type is a SerializationException (thrown at once);
 *   2. constraints (required, length, range, pattern, enum), collected depth-first in member order and
 *      reported together: "N validation errors detected: Value 'x' at 'path' failed to satisfy
 *      constraint: Member must ..." (at most 10 listed).
 * Unknown members are ignored, as AWS ignores them. An explicit JSON null member counts as absent (it is
 * removed, so handlers never see null); a null list element or map value is "Member must not be null".
 */
import type { ShapeDef, ShapeTable, StructureShape } from './shapes.js';
import { SerializationException, type ServiceError } from './errors.js';

const MAX_REPORTED = 10;

/**
 * Enum shapes whose values AWS itself sends outside the modelled set, so the response check must
 * not flag them. DocumentParameterType: the model lists String and StringList, but DescribeDocument
 * reports every declared parameter type (Boolean, Integer, StringMap, MapList too).
 * AssociationStatusName: the model lists Pending, Success and Failed, but a legacy association's
 * Status reads "Associated" after CreateAssociation (the AWS CLI's create-association and
 * describe-association examples).
 * InventoryAttributeDataType: the model says string/number, but GetInventorySchema answers STRING
 * and NUMBER (the user guide's and the AWS CLI's recorded outputs).
 * PatchComplianceDataState: the model lists INSTALLED, MISSING, ...; DescribeInstancePatches answers
 * Installed, InstalledOther, Missing, ... (the AWS CLI's examples and the State filter's sample values).
 */
export const OPEN_ENUMS: ReadonlySet<string> = new Set(['DocumentParameterType', 'AssociationStatusName', 'InventoryAttributeDataType', 'PatchComplianceDataState']);

/**
 * Structures whose "required" members AWS leaves out in some answers, so the response check must
 * not flag their absence. InventoryResultItem: GetInventory's aggregation results carry only
 * Content (the user guide's recorded outputs of aggregators and groups; a group has no type name).
 */
export const LOOSE_REQUIRED: ReadonlySet<string> = new Set(['InventoryResultItem']);

/**
 * AWS patterns are Java regular expressions matched against the whole value (Matcher.matches), so
 * they are anchored here. Java's inline (?i) flag becomes the JS "i" flag, and \p{..} classes need "u".
 * Only for the patterns of AWS's own service model: fixed text the emulator ships, not user data, so
 * they may run on RegExp. A pattern that comes from a request, a document or a fixture goes through
 * core/regex.ts instead.
 */
export function toJsRegExp(pattern: string): RegExp {
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags += 'i';
  }
  if (/\\p\{/.test(source)) flags += 'u';
  return new RegExp(`^(?:${source})$`, flags);
}

/** How AWS prints a value in a validation message (Java's toString: lists as [a, b]). */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${formatValue(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const jsonKind = (v: unknown): string => {
  if (Array.isArray(v)) return 'START_ARRAY';
  switch (typeof v) {
    case 'string':
      return 'STRING_VALUE';
    case 'number':
      return 'NUMBER_VALUE';
    case 'boolean':
      return v ? 'VALUE_TRUE' : 'VALUE_FALSE';
    case 'object':
      return 'START_OBJECT';
    default:
      return typeof v;
  }
};

export interface Validator {
  /** Validates `input` against the named shape; throws SerializationException or ValidationException. */
  validate(shape: string, input: unknown): void;
  /** For tests: problems with an output value (unknown members, wrong types, nulls), empty when clean. */
  checkOutput(shape: string, output: unknown): string[];
}

/**
 * `validationError` makes the service's error for constraint violations (SSM: ValidationException;
 * Resource Groups: BadRequestException), so each service answers in its own words.
 */
export function createValidator(shapes: ShapeTable, validationError: (message: string) => ServiceError): Validator {
  const regexCache = new Map<string, RegExp>();
  const regex = (p: string) => {
    let r = regexCache.get(p);
    if (!r) regexCache.set(p, (r = toJsRegExp(p)));
    return r;
  };

  /** Checks a scalar's JSON type; throws SerializationException on mismatch. */
  function typeCheck(def: ShapeDef, v: unknown): void {
    let ok: boolean;
    let target: string;
    switch (def.t) {
      case 'string':
        ok = typeof v === 'string';
        target = 'String';
        break;
      case 'integer':
      case 'long':
        ok = typeof v === 'number' && Number.isInteger(v);
        target = def.t === 'long' ? 'Long' : 'Integer';
        break;
      case 'float':
      case 'double':
        ok = typeof v === 'number';
        target = 'Double';
        break;
      case 'boolean':
        ok = typeof v === 'boolean';
        target = 'Boolean';
        break;
      case 'timestamp':
        ok = typeof v === 'number' && Number.isFinite(v);
        target = 'Date';
        break;
      case 'blob':
        ok = typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v);
        target = 'ByteBuffer';
        break;
      case 'list':
        ok = Array.isArray(v);
        target = 'List';
        break;
      case 'map':
      case 'structure':
        ok = typeof v === 'object' && v !== null && !Array.isArray(v);
        target = def.t === 'map' ? 'Map' : 'Structure';
        break;
    }
    if (!ok) {
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        throw new SerializationException('Start of structure or map found where not expected.');
      }
      if (Array.isArray(v)) throw new SerializationException('Start of list found where not expected');
      throw new SerializationException(`${jsonKind(v)} can not be converted to ${target}`);
    }
  }

  /** The rules a scalar (or a list/map's own size) breaks, in AWS's words. */
  function scalarViolations(def: ShapeDef, v: unknown): string[] {
    const out: string[] = [];
    switch (def.t) {
      case 'string': {
        const s = v as string;
        if (def.max !== undefined && s.length > def.max) out.push(`Member must have length less than or equal to ${def.max}`);
        if (def.min !== undefined && s.length < def.min) out.push(`Member must have length greater than or equal to ${def.min}`);
        if (def.pattern !== undefined && !regex(def.pattern).test(s)) {
          out.push(`Member must satisfy regular expression pattern: ${def.pattern}`);
        }
        if (def.enum && !def.enum.includes(s)) out.push(`Member must satisfy enum value set: [${def.enum.join(', ')}]`);
        break;
      }
      case 'integer':
      case 'long':
      case 'float':
      case 'double': {
        const n = v as number;
        if (def.max !== undefined && n > def.max) out.push(`Member must have value less than or equal to ${def.max}`);
        if (def.min !== undefined && n < def.min) out.push(`Member must have value greater than or equal to ${def.min}`);
        break;
      }
      case 'blob': {
        const len = Buffer.byteLength(v as string, 'base64');
        if (def.max !== undefined && len > def.max) out.push(`Member must have length less than or equal to ${def.max}`);
        if (def.min !== undefined && len < def.min) out.push(`Member must have length greater than or equal to ${def.min}`);
        break;
      }
      case 'list': {
        const n = (v as unknown[]).length;
        if (def.max !== undefined && n > def.max) out.push(`Member must have length less than or equal to ${def.max}`);
        if (def.min !== undefined && n < def.min) out.push(`Member must have length greater than or equal to ${def.min}`);
        break;
      }
      case 'map': {
        const n = Object.keys(v as object).length;
        if (def.max !== undefined && n > def.max) out.push(`Member must have length less than or equal to ${def.max}`);
        if (def.min !== undefined && n < def.min) out.push(`Member must have length greater than or equal to ${def.min}`);
        break;
      }
      default:
        break;
    }
    return out;
  }

  const isScalar = (d: ShapeDef) => d.t !== 'list' && d.t !== 'map' && d.t !== 'structure';
  const sensitiveShape = (d: ShapeDef) => 'sensitive' in d && d.sensitive === true;

  function walk(shapeName: string, v: unknown, path: string, errors: string[], sensitive: boolean): void {
    const def = shapes[shapeName];
    typeCheck(def, v);
    const hidden = sensitive || sensitiveShape(def);
    // Sensitive values are not echoed: AWS writes "Value at 'x' failed ..." for them.
    const value = () => (hidden ? 'Value' : `Value '${formatValue(v)}'`);
    for (const rule of scalarViolations(def, v)) errors.push(`${value()} at '${path}' failed to satisfy constraint: ${rule}`);
    if (def.t === 'structure') {
      walkStructure(def, v as Record<string, unknown>, path, errors, hidden);
    } else if (def.t === 'list') {
      const memberDef = shapes[def.member];
      const list = v as unknown[];
      if (isScalar(memberDef)) {
        // AWS reports broken scalar list members once, at the list: "Member must satisfy constraint: [...]".
        const broken = new Set<string>();
        for (const item of list) {
          if (item === null || item === undefined) {
            broken.add('Member must not be null');
            continue;
          }
          typeCheck(memberDef, item);
          for (const r of scalarViolations(memberDef, item)) broken.add(r);
        }
        if (broken.size) {
          errors.push(`${value()} at '${path}' failed to satisfy constraint: Member must satisfy constraint: [${[...broken].join(', ')}]`);
        }
      } else {
        list.forEach((item, i) => {
          if (item === null || item === undefined) errors.push(`Value null at '${path}.${i + 1}.member' failed to satisfy constraint: Member must not be null`);
          else walk(def.member, item, `${path}.${i + 1}.member`, errors, hidden);
        });
      }
    } else if (def.t === 'map') {
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        for (const r of scalarViolations(shapes[def.key], k)) {
          errors.push(`Value '${k}' at '${path}' failed to satisfy constraint: Map keys must satisfy constraint: [${r}]`);
        }
        if (item === null || item === undefined) errors.push(`Value null at '${path}.${k}.member' failed to satisfy constraint: Member must not be null`);
        else walk(def.value, item, `${path}.${k}.member`, errors, hidden);
      }
    }
  }

  function walkStructure(def: StructureShape, obj: Record<string, unknown>, path: string, errors: string[], sensitive: boolean) {
    const required = def.required;
    for (const member in def.members) {
      const v = obj[member];
      const memberPath = path ? `${path}.${lowerFirst(member)}` : lowerFirst(member);
      if (v === undefined || v === null) {
        // An explicit JSON null is an absent member, as AWS reads it: handlers never see null.
        if (v === null) delete obj[member];
        if (required && required.includes(member)) {
          errors.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
        }
        continue;
      }
      walk(def.members[member], v, memberPath, errors, sensitive);
    }
  }

  function validate(shape: string, input: unknown): void {
    const errors: string[] = [];
    const def = shapes[shape];
    typeCheck(def, input);
    walkStructure(def as StructureShape, input as Record<string, unknown>, '', errors, false);
    if (errors.length) {
      const n = errors.length;
      const head = n === 1 ? '1 validation error detected: ' : `${n} validation errors detected: `;
      throw validationError(head + errors.slice(0, MAX_REPORTED).join('; '));
    }
  }

  function checkOutput(shape: string, output: unknown): string[] {
    const problems: string[] = [];
    const check = (name: string, v: unknown, path: string) => {
      const def = shapes[name];
      if (v === null) return void problems.push(`${path}: null (absent members must be omitted)`);
      try {
        typeCheck(def, v);
      } catch (e) {
        return void problems.push(`${path}: ${(e as Error).message}`);
      }
      if (def.t === 'string' && def.enum && !OPEN_ENUMS.has(name) && !def.enum.includes(v as string)) {
        problems.push(`${path}: '${String(v)}' is not one of [${def.enum.join(', ')}]`);
      }
      if (def.t === 'structure') {
        const obj = v as Record<string, unknown>;
        for (const k of Object.keys(obj)) {
          if (!(k in def.members)) problems.push(`${path}.${k}: not a member of ${name}`);
          else if (obj[k] !== undefined) check(def.members[k], obj[k], `${path}.${k}`);
        }
        if (!LOOSE_REQUIRED.has(name)) for (const r of def.required ?? []) if (obj[r] === undefined) problems.push(`${path}.${r}: required member missing`);
      } else if (def.t === 'list') {
        (v as unknown[]).forEach((item, i) => check(def.member, item, `${path}[${i}]`));
      } else if (def.t === 'map') {
        for (const [k, item] of Object.entries(v as object)) check(def.value, item, `${path}.${k}`);
      }
    };
    check(shape, output, shape);
    return problems;
  }

  return { validate, checkOutput };
}
