/**
 * Document resolution: the ONE place where a document reference plus caller parameters become what
 * an executing capability runs. Run Command, State Manager, Maintenance Windows, Automation and
 * Session Manager all use it, so every capability validates parameters the same way and with
 * AWS's error codes.
 *
 * ─── API ──────────────────────────────────────────────────────────────────────────────────────────
 *
 *   resolveDocument(ctx, ref, opts?)            -> ResolvedDocument
 *       Finds the document the caller may run: its own (name or ARN), an AWS-owned one
 *       (AWS-RunShellScript, or arn:aws:ssm:<region>::document/AWS-RunShellScript), or another
 *       account's document shared with it (by ARN only; cross-account reads go through an explicit
 *       scope of the owner). ref.version is '$DEFAULT' (default), '$LATEST' or a number;
 *       ref.versionName selects by name; ref.hash (SendCommand's DocumentHash, Sha256 or the
 *       deprecated Sha1 per ref.hashType) must match.
 *       Errors: InvalidDocument (unknown or not shared, hash mismatch, not Active, type not in
 *       opts.types), InvalidDocumentVersion (unknown version or version name).
 *
 *   resolveParameters(doc, supplied, opts?)     -> ResolvedParameters
 *       Validates caller parameters against the document's declarations and fills defaults.
 *       `supplied` is the wire form Record<string, string[]> (SendCommand, CreateAssociation,
 *       StartAutomationExecution, maintenance window task parameters) or typed JSON values
 *       (string | number | boolean | string[] | object | object[]: Automation's nested
 *       aws:executeAutomation RuntimeParameters, association parameters from YAML, ...).
 *       Rules: undeclared names; required parameters (no default) missing; type (String one value,
 *       StringList, Boolean true/false, Integer, StringMap JSON object, MapList JSON objects);
 *       allowedValues; allowedPattern (a Java-style regex matched against the whole value);
 *       minItems/maxItems; minChars/maxChars. Values that contain a {{ssm:...}} reference are
 *       checked after that reference is resolved (renderExecution).
 *       Errors: opts.style 'command' (default) -> InvalidParameters; 'automation' ->
 *       InvalidAutomationExecutionParametersException (AWS's Automation wording); or opts.error.
 *
 *   renderExecution(ctx, doc, params, opts?)    -> Execution
 *       At execution time: resolves {{ssm:name}}, {{ssm:name:version}} and {{ssm:name:label}} in
 *       parameter values and in the document's own inputs through readParameter() (Parameter
 *       Store, as GetParameter would for the caller); a SecureString is reachable only through
 *       {{ssm-secure:name}}, and only inside aws:downloadContent's sourceInfo (the one input AWS
 *       allows it in); substitutes {{ name }} parameter references into the step inputs (a whole
 *       "{{ name }}" string becomes the typed value; a "{{ list }}" element of a list is spread into
 *       it; a reference inside a longer string is replaced by the value as text, lists joined with
 *       ","), and leaves system variables ({{ global:... }}, {{ automation:... }},
 *       {{ step.Output }}) untouched for the engine. Returns the steps (plugins or actions, in
 *       document order, with their inputs, platforms and 2.2 precondition) or the Session section.
 *
 *   prepareExecution(ctx, ref, supplied, opts?) -> Execution   (the three above in one call)
 *
 *   stepApplies(step, platformType)             -> boolean     (plugin platform + precondition)
 *   substituteReferences(value, lookup)         -> unknown     ({{ name }} substitution alone,
 *                                                              for Automation step outputs)
 *   toWireParameters(values)                    -> Record<string, string[]>
 *
 * Typical use (SendCommand):
 *   const doc = resolveDocument(ctx, { name: input.DocumentName, version: input.DocumentVersion, hash: input.DocumentHash },
 *                               { types: ['Command'] });
 *   const params = resolveParameters(doc, input.Parameters ?? {});           // at request time: InvalidParameters
 *   const run = renderExecution(ctx, doc, params);                          // {{ssm:}} resolved now
 *   for (const step of run.steps.filter((s) => stepApplies(s, instance.PlatformType))) ...
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import {
  InvalidAutomationExecutionParametersException,
  InvalidDocument,
  InvalidParameters,
} from '../../generated/ssm/errors.js';
import type { DocumentFormat, DocumentType, PlatformType } from '../../generated/ssm/types.js';
import { readParameter } from '../parameters/lookup.js';
import { catalogOf } from './catalog.js';
import { arnOf, readableDocument, selectVersion, type Ownership } from './model.js';
import type { StoredVersion } from './state.js';
import { allowedPatternOf, analyzeContent, REFERENCE_RE, type AnalyzedContent, type DeclaredParameter, type DocumentStep } from './content.js';
import * as m from './messages.js';

// ──────────────────────────────────────────── types ────────────────────────────────────────────

export interface DocumentReference {
  /** Name or ARN. */
  name: string;
  /** '$DEFAULT' (the default), '$LATEST', or a version number. */
  version?: string;
  versionName?: string;
  /** SendCommand's DocumentHash: when given, it must equal the version's hash. */
  hash?: string;
  hashType?: 'Sha256' | 'Sha1';
}

export interface ResolveDocumentOptions {
  /** Document types the capability runs (Run Command: ['Command']); others answer `typeError` or InvalidDocument. */
  types?: readonly DocumentType[];
  /** Makes the error for a document of another type (GetCalendarState: InvalidDocumentType). */
  typeError?: (message: string) => ServiceError;
  /** Only Active versions can run (default true); Creating, Updating and Failed answer InvalidDocument. */
  requireActive?: boolean;
}

export interface ResolvedDocument {
  name: string;
  arn: string;
  /** "Amazon" or the owning account id. */
  owner: string;
  ownership: Ownership;
  documentType: DocumentType;
  documentVersion: string;
  versionName?: string;
  schemaVersion?: string;
  hash: string;
  hashType: 'Sha256';
  format: DocumentFormat;
  platformTypes: PlatformType[];
  description?: string;
  targetType?: string;
  /** The content exactly as stored. */
  content: string;
  parameters: readonly DeclaredParameter[];
  steps: readonly DocumentStep[];
  session?: AnalyzedContent['session'];
  assumeRole?: string;
  /** The parsed document (read-only). */
  body: unknown;
}

/** A parameter value after typing: String -> string, StringList -> string[], Boolean, Integer, StringMap -> object, MapList -> object[]. */
export type TypedValue = string | string[] | boolean | number | Record<string, unknown> | Record<string, unknown>[];

/** What a caller may pass for one parameter: the wire form (a list of strings) or a typed value. */
export type ParameterInput = readonly string[] | string | number | boolean | Record<string, unknown> | readonly Record<string, unknown>[];

export type ParameterStyle = 'command' | 'automation';

export interface ResolveParametersOptions {
  /** Which operation family's error to answer with (default 'command': InvalidParameters). */
  style?: ParameterStyle;
  /** Overrides the error class entirely. */
  error?: (message: string) => ServiceError;
}

export interface ResolvedParameters {
  /** Every declared parameter with its value (supplied or default), typed. */
  values: Record<string, TypedValue>;
  /** The parameters the caller supplied, in the wire form (what ListCommands echoes). */
  supplied: Record<string, string[]>;
  /** Names whose value came from the document's default. */
  defaulted: string[];
  style: ParameterStyle;
  error?: (message: string) => ServiceError;
}

export interface ExecutableStep extends DocumentStep {
  /** Inputs with parameters and {{ssm:...}} references substituted. */
  inputs: unknown;
}

export interface Execution {
  document: ResolvedDocument;
  /** Parameter values after {{ssm:...}} resolution. */
  parameters: Record<string, TypedValue>;
  /** Command/Policy plugins or Automation actions, in document order. */
  steps: ExecutableStep[];
  /** Session documents: the rendered session section. */
  session?: { sessionType: string; inputs?: Record<string, unknown>; properties?: Record<string, unknown> };
}

// ───────────────────────────────────────── documents ──────────────────────────────────────────

/** Analyses of stored versions, keyed by the version record (a restored snapshot re-analyzes). */
const analyses = new WeakMap<StoredVersion, AnalyzedContent>();

function analysisOf(ctx: Ctx, ownership: Ownership, docName: string, type: DocumentType, v: StoredVersion): AnalyzedContent {
  if (ownership === 'amazon' || Object.isFrozen(v)) {
    const entry = catalogOf(ctx.emu).byName.get(docName);
    if (entry && entry.doc.Versions[v.DocumentVersion]?.Hash === v.Hash) return entry.analysis;
  }
  let a = analyses.get(v);
  if (!a) analyses.set(v, (a = analyzeContent({ content: v.Content, format: v.DocumentFormat, type })));
  return a;
}

export function resolveDocument(ctx: Ctx, ref: DocumentReference, opts: ResolveDocumentOptions = {}): ResolvedDocument {
  const found = readableDocument(ctx, ref.name);
  if (!found) throw new InvalidDocument(m.notFound(ref.name));
  const v = selectVersion(found, { DocumentVersion: ref.version, VersionName: ref.versionName });
  const doc = found.doc;
  if (opts.types && !opts.types.includes(doc.DocumentType)) {
    const msg = m.documentTypeNotSupported(doc.Name, doc.DocumentType, opts.types);
    throw opts.typeError ? opts.typeError(msg) : new InvalidDocument(msg);
  }
  if ((opts.requireActive ?? true) && v.Status !== 'Active') throw new InvalidDocument(m.documentNotActive(doc.Name, v.Status));
  if (ref.hash !== undefined) {
    // Sha1 is deprecated but still accepted by SendCommand's DocumentHashType.
    const expected = ref.hashType === 'Sha1' ? createHash('sha1').update(v.Content, 'utf8').digest('hex') : v.Hash;
    if (ref.hash !== expected) throw new InvalidDocument(m.documentHashMismatch());
  }
  const a = analysisOf(ctx, found.ownership, doc.Name, doc.DocumentType, v);
  return {
    name: doc.Name,
    arn: arnOf(ctx, found),
    owner: found.ownership === 'amazon' ? 'Amazon' : found.ownerAccount,
    ownership: found.ownership,
    documentType: doc.DocumentType,
    documentVersion: v.DocumentVersion,
    ...(v.VersionName !== undefined && { versionName: v.VersionName }),
    ...(v.SchemaVersion !== undefined && { schemaVersion: v.SchemaVersion }),
    hash: v.Hash,
    hashType: 'Sha256',
    format: v.DocumentFormat,
    platformTypes: [...v.PlatformTypes],
    ...(v.Description !== undefined && { description: v.Description }),
    ...(v.TargetType !== undefined && { targetType: v.TargetType }),
    content: v.Content,
    parameters: a.parameters,
    steps: a.steps,
    ...(a.session && { session: a.session }),
    ...(a.assumeRole !== undefined && { assumeRole: a.assumeRole }),
    body: a.body,
  };
}

// ───────────────────────────────────────── parameters ─────────────────────────────────────────

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasSsmRef = (s: string) => /\{\{\s*ssm(-secure)?:/.test(s);
const containsSsmRef = (v: unknown): boolean =>
  typeof v === 'string' ? hasSsmRef(v) : Array.isArray(v) ? v.some(containsSsmRef) : isObj(v) ? Object.values(v).some(containsSsmRef) : false;

function makeError(p: { style: ParameterStyle; error?: (message: string) => ServiceError }): (message: string) => ServiceError {
  if (p.error) return p.error;
  return p.style === 'automation' ? (msg) => new InvalidAutomationExecutionParametersException(msg) : (msg) => new InvalidParameters(msg);
}

function parseJsonObject(s: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(s);
    return isObj(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Turns one supplied value into the parameter's type, or says why it can't. */
function coerce(p: DeclaredParameter, input: ParameterInput): { value?: TypedValue; why?: string } {
  const list = Array.isArray(input) ? (input as readonly unknown[]) : undefined;
  const wire = list?.every((x) => typeof x === 'string') ? (list as string[]) : undefined;
  const single = (): unknown => (list ? (list.length === 1 ? list[0] : undefined) : input);
  switch (p.type) {
    case 'String': {
      const v = single();
      if (typeof v === 'string') return { value: v };
      if (typeof v === 'number' || typeof v === 'boolean') return { value: String(v) };
      return { why: 'must have exactly one string value' };
    }
    case 'StringList': {
      if (wire) return { value: [...wire] };
      if (typeof input === 'string') return { value: [input] };
      return { why: 'must be a list of strings' };
    }
    case 'Boolean': {
      const v = single();
      if (typeof v === 'boolean') return { value: v };
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return { value: v.toLowerCase() === 'true' };
      return { why: 'must be true or false' };
    }
    case 'Integer': {
      const v = single();
      if (typeof v === 'number' && Number.isInteger(v)) return { value: v };
      if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return { value: Number(v.trim()) };
      return { why: 'must be a whole number' };
    }
    case 'StringMap': {
      const v = single();
      if (isObj(v)) return { value: structuredClone(v) };
      const o = typeof v === 'string' ? parseJsonObject(v) : undefined;
      return o ? { value: o } : { why: 'must be a JSON object' };
    }
    case 'MapList': {
      const items = list ?? [input];
      if (items.length === 1 && typeof items[0] === 'string') {
        try {
          const parsed = JSON.parse(items[0] as string);
          if (Array.isArray(parsed) && parsed.every(isObj)) return { value: parsed };
        } catch {
          /* fall through: one object per element */
        }
      }
      const out: Record<string, unknown>[] = [];
      for (const it of items) {
        const o = isObj(it) ? structuredClone(it) : typeof it === 'string' ? parseJsonObject(it) : undefined;
        if (!o) return { why: 'must be a list of JSON objects' };
        out.push(o);
      }
      return { value: out };
    }
  }
}

/** allowedValues, allowedPattern, min/max items and chars, for one typed value. */
function checkConstraints(p: DeclaredParameter, value: TypedValue, style: ParameterStyle, fail: (msg: string) => ServiceError): void {
  const strings = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((x) => typeof x === 'string') ? (value as string[]) : [];
  if (Array.isArray(value)) {
    if (p.minItems !== undefined && value.length < p.minItems) throw fail(m.tooFewItems(p.name, p.minItems, value.length));
    if (p.maxItems !== undefined && value.length > p.maxItems) throw fail(m.tooManyItems(p.name, p.maxItems, value.length));
  }
  const texts = p.type === 'StringMap' || p.type === 'MapList' ? [JSON.stringify(value)] : strings;
  for (const s of texts) {
    if (p.minChars !== undefined && [...s].length < p.minChars) throw fail(m.tooFewChars(p.name, p.minChars));
    if (p.maxChars !== undefined && [...s].length > p.maxChars) throw fail(m.tooManyChars(p.name, p.maxChars));
  }
  if (p.allowedValues) {
    const checked = typeof value === 'boolean' || typeof value === 'number' ? [String(value)] : strings;
    for (const s of checked) {
      if (!p.allowedValues.includes(s)) {
        throw fail(style === 'automation' ? m.automationNotAllowedValue(p.name, s, p.allowedValues) : m.commandNotAllowedValue(p.name, s, p.allowedValues));
      }
    }
  }
  if (p.allowedPattern !== undefined) {
    const re = allowedPatternOf(p.allowedPattern);
    const checked = typeof value === 'number' ? [String(value)] : strings;
    for (const s of checked) {
      if (!re.matches(s)) {
        throw fail(style === 'automation' ? m.automationPatternMismatch(p.name, s, p.allowedPattern) : m.commandPatternMismatch(p.name, s, p.allowedPattern));
      }
    }
  }
}

/** The wire form (Record<string, string[]>) of typed values. */
export function toWireParameters(values: Record<string, TypedValue>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(values)) {
    out[k] = Array.isArray(v)
      ? (v as unknown[]).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))
      : typeof v === 'string'
        ? [v]
        : typeof v === 'object'
          ? [JSON.stringify(v)]
          : [String(v)];
  }
  return out;
}

export function resolveParameters(
  doc: Pick<ResolvedDocument, 'name' | 'parameters'>,
  supplied: Readonly<Record<string, ParameterInput>> = {},
  opts: ResolveParametersOptions = {},
): ResolvedParameters {
  const style = opts.style ?? 'command';
  const fail = makeError({ style, error: opts.error });
  const declared = new Map(doc.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(supplied)) {
    if (!declared.has(name)) throw fail(style === 'automation' ? m.automationUndeclaredParameter(name) : m.commandUndeclaredParameter(doc.name));
  }
  const values: Record<string, TypedValue> = {};
  const defaulted: string[] = [];
  const given: Record<string, TypedValue> = {};
  for (const p of doc.parameters) {
    const input = supplied[p.name];
    const empty = input === undefined || (Array.isArray(input) && input.length === 0 && p.type !== 'StringList' && p.type !== 'MapList');
    if (empty) {
      if (!p.hasDefault) throw fail(style === 'automation' ? m.automationMissingParameter(p.name) : m.commandMissingParameter(p.name));
      values[p.name] = structuredClone(p.default) as TypedValue;
      defaulted.push(p.name);
      continue;
    }
    const { value, why } = coerce(p, input);
    if (value === undefined) throw fail(m.wrongType(p.name, p.type, why!));
    // A value with a Parameter Store reference is checked once the reference is resolved.
    if (!containsSsmRef(value)) checkConstraints(p, value, style, fail);
    values[p.name] = value;
    given[p.name] = value;
  }
  return { values, supplied: toWireParameters(given), defaulted, style, ...(opts.error && { error: opts.error }) };
}

// ───────────────────────────────────────── rendering ──────────────────────────────────────────

/**
 * Replaces `{{ name }}` references for which `lookup` returns a value. A string that is exactly one
 * reference becomes the value itself; an array element that is exactly one reference to an array
 * is spread; references inside longer strings become text. Other references are left as they are.
 */
export function substituteReferences(value: unknown, lookup: (name: string) => unknown): unknown {
  const whole = (s: string): string | undefined => {
    const mm = /^\{\{\s*([^{}\s]+)\s*\}\}$/.exec(s);
    return mm ? mm[1] : undefined;
  };
  const asText = (v: unknown): string =>
    typeof v === 'string' ? v : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (typeof value === 'string') {
    const name = whole(value);
    if (name !== undefined) {
      const v = lookup(name);
      if (v !== undefined) return structuredClone(v);
      return value;
    }
    return value.replace(REFERENCE_RE, (match, ref: string) => {
      const v = lookup(ref);
      return v === undefined ? match : asText(v);
    });
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const name = typeof item === 'string' ? whole(item) : undefined;
      const v = name !== undefined ? lookup(name) : undefined;
      if (Array.isArray(v)) out.push(...structuredClone(v));
      else out.push(substituteReferences(item, lookup));
    }
    return out;
  }
  if (isObj(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substituteReferences(v, lookup);
    return out;
  }
  return value;
}

const SSM_REF_RE = /\{\{\s*(ssm|ssm-secure):([^{}\s]+)\s*\}\}/g;

/**
 * Resolves Parameter Store references in every string of `value`. `secureAllowed(path)` says
 * whether {{ssm-secure:...}} may appear at that path; elsewhere it is an error, and so is a
 * {{ssm:...}} reference to a SecureString.
 */
function resolveSsm(
  ctx: Ctx,
  value: unknown,
  fail: (msg: string) => ServiceError,
  secureAllowed: (path: readonly string[]) => boolean,
  path: string[] = [],
): unknown {
  if (typeof value === 'string') {
    if (!hasSsmRef(value)) return value;
    return value.replace(SSM_REF_RE, (match, kind: string, name: string) => {
      const secure = kind === 'ssm-secure';
      if (secure && !secureAllowed(path)) throw fail(m.ssmSecureNotSupportedHere(match));
      let p;
      try {
        p = readParameter(ctx, name, { withDecryption: secure });
      } catch (e) {
        if (e instanceof ServiceError) throw fail(m.ssmParameterNotFound(match));
        throw e;
      }
      if (!secure && p.Type === 'SecureString') throw fail(m.secureStringNotAllowed(match));
      return p.Value;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveSsm(ctx, v, fail, secureAllowed, [...path, String(i)]));
  if (isObj(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveSsm(ctx, v, fail, secureAllowed, [...path, k]);
    return out;
  }
  return value;
}

/** The one input where AWS resolves {{ssm-secure:...}}: aws:downloadContent's sourceInfo. */
const secureAllowedIn = (action: string) => (path: readonly string[]) => action.toLowerCase() === 'aws:downloadcontent' && path[0] === 'sourceInfo';

export function renderExecution(ctx: Ctx, doc: ResolvedDocument, params: ResolvedParameters, _opts: Record<string, never> = {}): Execution {
  const fail = makeError(params);
  const declared = new Map(doc.parameters.map((p) => [p.name, p]));
  // 1. {{ssm:...}} inside parameter values ({{ssm-secure:...}} stays for the inputs that allow it).
  const values: Record<string, TypedValue> = {};
  for (const [name, v] of Object.entries(params.values)) {
    if (!containsSsmRef(v)) {
      values[name] = v;
      continue;
    }
    const resolved = resolveSsmKeepingSecure(ctx, v, fail) as TypedValue;
    const p = declared.get(name);
    if (p && !containsSsmRef(resolved) && !params.defaulted.includes(name)) checkConstraints(p, resolved, params.style, fail);
    values[name] = resolved;
  }
  const lookup = (name: string) => (declared.has(name) ? values[name] : undefined);
  // 2. {{ name }} into the inputs, then 3. the document's own {{ssm:...}} / {{ssm-secure:...}}.
  const steps: ExecutableStep[] = doc.steps.map((s) => ({
    ...s,
    inputs: resolveSsm(ctx, substituteReferences(s.inputs, lookup), fail, secureAllowedIn(s.action)),
  }));
  const out: Execution = { document: doc, parameters: values, steps };
  if (doc.session) {
    const none = () => false;
    out.session = {
      sessionType: doc.session.sessionType,
      ...(doc.session.inputs && { inputs: resolveSsm(ctx, substituteReferences(doc.session.inputs, lookup), fail, none) as Record<string, unknown> }),
      ...(doc.session.properties && {
        properties: resolveSsm(ctx, substituteReferences(doc.session.properties, lookup), fail, none) as Record<string, unknown>,
      }),
    };
  }
  return out;
}

/** Resolves {{ssm:...}} and leaves {{ssm-secure:...}} in place (it is judged where it lands). */
function resolveSsmKeepingSecure(ctx: Ctx, value: unknown, fail: (msg: string) => ServiceError): unknown {
  if (typeof value === 'string') {
    return value.replace(SSM_REF_RE, (match, kind: string) => (kind === 'ssm-secure' ? match : (resolveSsm(ctx, match, fail, () => false) as string)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveSsmKeepingSecure(ctx, v, fail));
  if (isObj(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveSsmKeepingSecure(ctx, v, fail);
    return out;
  }
  return value;
}

export function prepareExecution(
  ctx: Ctx,
  ref: DocumentReference,
  supplied: Readonly<Record<string, ParameterInput>> = {},
  opts: ResolveDocumentOptions & ResolveParametersOptions = {},
): Execution {
  const doc = resolveDocument(ctx, ref, opts);
  return renderExecution(ctx, doc, resolveParameters(doc, supplied, opts));
}

/** Whether a step runs on a platform: its plugin supports it and its 2.2 precondition (if any) names it. */
export function stepApplies(step: Pick<DocumentStep, 'platforms' | 'precondition'>, platform: PlatformType): boolean {
  if (step.precondition && step.precondition.StringEquals[1] !== platform) return false;
  return step.platforms.length === 0 || step.platforms.includes(platform);
}
