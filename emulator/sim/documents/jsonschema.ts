/**
 * JSON Schema validation of an ApplicationConfiguration document against the
 * ApplicationConfigurationSchema document it requires, with ajv. Returns the first problem as text
 * ("$.level is less than 1"), or undefined when the value conforms; a schema that cannot be used
 * (not a valid schema, a $ref that does not resolve, a pattern that is not valid) throws
 * UnusableSchemaError.
 *
 * Drafts: AppConfig's JSON Schema validators speak draft-04, so a schema without `$schema` (or with
 * an unknown one) is read as draft-04; a schema that declares draft-06/07, 2019-09 or 2020-12 is read
 * as that draft. `$ref` resolves within the schema document only: nothing is fetched, so a remote
 * reference makes the schema unusable. `format` is not checked (no format vocabulary is loaded).
 *
 * ajv would build `pattern` and `patternProperties` with RegExp; `code.regExp` hands them to
 * core/regex.ts instead (ECMA-262 dialect, as JSON Schema defines `pattern`), so a schema's pattern
 * runs in linear time.
 *
 * Cost: ajv checks a schema against its draft's meta-schema with one shared validator per draft
 * (compiled on first use, ~0.1 s), then compiles it in an instance of its own (~1-5 ms), so that one
 * document's `$id`s never meet another's.
 */
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
// ajv-draft-04 is CommonJS: its default export, as TypeScript (NodeNext) types it, is the module; .default is the class.
import Ajv04 from 'ajv-draft-04';
import { compileUserRegex } from '../../core/regex.js';

export class UnusableSchemaError extends Error {
  override name = 'UnusableSchemaError';
}

const safeRegExp: RegExpEngine = Object.assign(
  (pattern: string) => {
    const re = compileUserRegex(pattern, { dialect: 'ecma' });
    // ajv keys compiled patterns by toString(): the pattern text is that key.
    return { test: (s: string) => re.test(s), toString: () => pattern };
  },
  { code: 'compileUserRegex' },
);

type AjvClass = new (opts: Options) => Ajv;
interface Draft {
  readonly Class: AjvClass;
  readonly metaId: string;
  meta?: Ajv;
}
const DRAFT_04: Draft = { Class: Ajv04.default, metaId: 'http://json-schema.org/draft-04/schema' };
const DRAFT_07: Draft = { Class: Ajv, metaId: 'http://json-schema.org/draft-07/schema' };
/** By `$schema` without its scheme and trailing # (a Map: `$schema` is the document's text). */
const DRAFTS = new Map<string, Draft>([
  ['json-schema.org/draft-04/schema', DRAFT_04],
  ['json-schema.org/draft-06/schema', DRAFT_07], // draft-07 only adds keywords to draft-06
  ['json-schema.org/draft-07/schema', DRAFT_07],
  ['json-schema.org/draft/2019-09/schema', { Class: Ajv2019, metaId: 'https://json-schema.org/draft/2019-09/schema' }],
  ['json-schema.org/draft/2020-12/schema', { Class: Ajv2020, metaId: 'https://json-schema.org/draft/2020-12/schema' }],
]);

const OPTIONS: Options = {
  // Unknown keywords and formats are ignored, as JSON Schema says, not refused as ajv does by default.
  strict: false,
  logger: false,
  allErrors: false,
  // The tolerance the emulator has always used: 0.3 is a multiple of 0.1.
  multipleOfPrecision: 9,
  code: { regExp: safeRegExp },
};

function draftOf(schema: unknown): Draft {
  const declared = typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined;
  if (typeof declared !== 'string') return DRAFT_04;
  return DRAFTS.get(declared.replace(/^https?:\/\//, '').replace(/#$/, '')) ?? DRAFT_04;
}

function compile(schema: unknown): ValidateFunction {
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
    throw new UnusableSchemaError('a schema must be a JSON object');
  }
  const draft = draftOf(schema);
  draft.meta ??= new draft.Class(OPTIONS);
  const checkMeta = draft.meta.getSchema(draft.metaId)!;
  if (!checkMeta(schema)) throw new UnusableSchemaError(draft.meta.errorsText(checkMeta.errors, { dataVar: 'schema' }));
  try {
    return new draft.Class({ ...OPTIONS, validateSchema: false, addUsedSchema: false }).compile(schema as object);
  } catch (e) {
    throw new UnusableSchemaError((e as Error).message);
  }
}

/** The first problem of `value` against `schema`, in the emulator's wording, or undefined when it conforms. */
export function validateJsonSchema(schema: unknown, value: unknown): string | undefined {
  const validate = compile(schema);
  if (validate(value)) return undefined;
  // Without allErrors ajv stops at the first failing keyword; a combinator (anyOf, oneOf, not) adds
  // its own error after those of its branches, so the last error is the one that decided.
  const errors = validate.errors ?? [];
  return describe(errors[errors.length - 1]!, value);
}

/** "$", ".name" for a property, "[2]" for an item: the path of the value an error is about. */
function pathOf(pointer: string, root: unknown): string {
  let path = '$';
  let at: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += Array.isArray(at) ? `[${seg}]` : `.${seg}`;
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[seg] : undefined;
  }
  return path;
}

function describe(e: ErrorObject, root: unknown): string {
  const path = pathOf(e.instancePath, root);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `${path} must be of type ${String(p.type).split(',').join(' or ')}`;
    case 'enum':
      return `${path} must be one of ${JSON.stringify(p.allowedValues)}`;
    case 'const':
      return `${path} must equal ${JSON.stringify(p.allowedValue)}`;
    case 'minLength':
      return `${path} is shorter than ${p.limit}`;
    case 'maxLength':
      return `${path} is longer than ${p.limit}`;
    case 'pattern':
      return `${path} does not match pattern ${p.pattern}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      // draft-04's boolean exclusiveMinimum reports as minimum with a strict comparison.
      return {
        '>=': `${path} is less than ${p.limit}`,
        '<=': `${path} is greater than ${p.limit}`,
        '>': `${path} must be greater than ${p.limit}`,
        '<': `${path} must be less than ${p.limit}`,
      }[String(p.comparison)]!;
    case 'multipleOf':
      return `${path} is not a multiple of ${p.multipleOf}`;
    case 'minItems':
      return `${path} has fewer than ${p.limit} items`;
    case 'maxItems':
    case 'additionalItems':
      return `${path} has more than ${p.limit} items`;
    case 'uniqueItems':
      return `${path} has duplicate items`;
    case 'minProperties':
      return `${path} has fewer than ${p.limit} properties`;
    case 'maxProperties':
      return `${path} has more than ${p.limit} properties`;
    case 'required':
      return `${path}.${p.missingProperty} is required`;
    case 'additionalProperties':
      return `${path}.${p.additionalProperty} is not an allowed property`;
    case 'anyOf':
      return `${path} matches none of the anyOf schemas`;
    case 'oneOf':
      return `${path} must match exactly one of the oneOf schemas`;
    case 'not':
      return `${path} must not match the "not" schema`;
    case 'false schema':
      return `${path} is not allowed`;
    default:
      return `${path} ${e.message ?? `fails ${e.keyword}`}`;
  }
}
