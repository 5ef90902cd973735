/**
 * Document content: parsing (JSON, YAML, TEXT), the checks SSM makes per document type and schema
 * version before it accepts a document, what DescribeDocument derives from it (parameters,
 * platforms, description, schema version), the SHA-256 hash, and the JSON <-> YAML conversion that
 * GetDocument does on request.
 *
 * Everything here is pure: content in, analysis out, or a typed AWS error (InvalidDocumentContent,
 * InvalidDocumentSchemaVersion) whose message names the problem. The documents area stores the
 * content as submitted and calls analyzeContent() on every create/update; executing capabilities
 * reach the analysis through resolve.ts.
 */
import { createHash } from 'node:crypto';
import YAML from 'yaml';
import { InvalidDocumentContent, InvalidDocumentSchemaVersion, ValidationException } from '../../generated/ssm/errors.js';
import { compileUserRegex, type UserRegex } from '../../core/regex.js';
import type { DocumentFormat, DocumentParameter, DocumentType, PlatformType } from '../../generated/ssm/types.js';
import { AUTOMATION_ACTIONS, SESSION_TYPES, commandPlugin, platformsFor } from './platforms.js';
import * as m from './messages.js';

export type ParameterType = 'String' | 'StringList' | 'Boolean' | 'Integer' | 'MapList' | 'StringMap';
export const PARAMETER_TYPES: readonly ParameterType[] = ['String', 'StringList', 'Boolean', 'Integer', 'MapList', 'StringMap'];

/** One parameter as the document declares it (the `parameters` section). */
export interface DeclaredParameter {
  name: string;
  type: ParameterType;
  description?: string;
  /** Present when the document declares a default (then the parameter is optional). */
  default?: unknown;
  hasDefault: boolean;
  allowedValues?: string[];
  allowedPattern?: string;
  displayType?: 'textfield' | 'textarea';
  minItems?: number;
  maxItems?: number;
  minChars?: number;
  maxChars?: number;
}

/** A step (plugin or action) of a Command, Policy or Automation document, in document order. */
export interface DocumentStep {
  /** Step name (schema 2.x, 0.3); for schema 1.2, the plugin name (what Run Command reports as the plugin's Name). */
  name: string;
  /** Plugin or action name as written (aws:runShellScript). */
  action: string;
  /** Schema 1.2 only: the `id` of the plugin properties entry (0.aws:runShellScript). */
  id?: string;
  /** The step's inputs as declared (parameters not yet substituted). */
  inputs: unknown;
  /** Schema 2.2: the step runs only where platformType equals this value. */
  precondition?: { StringEquals: [string, string] };
  /** Platforms the plugin runs on (empty for Automation actions, which run in the service). */
  platforms: PlatformType[];
  /** Every other member of the step (onFailure, isEnd, nextStep, timeoutSeconds, maxAttempts, finallyStep, ...). */
  options: Record<string, unknown>;
}

export interface AnalyzedContent {
  /** The parsed document: an object for JSON and YAML content, the text itself for TEXT content. */
  body: unknown;
  schemaVersion?: string;
  description?: string;
  parameters: DeclaredParameter[];
  steps: DocumentStep[];
  platformTypes: PlatformType[];
  /** Session documents. */
  session?: { sessionType: string; inputs?: Record<string, unknown>; properties?: Record<string, unknown> };
  /** Automation: the assumeRole member, when declared. */
  assumeRole?: string;
}

/** SHA-256 of the content exactly as submitted, hex, as AWS reports it with HashType Sha256. */
export const sha256 = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex');

const SCHEMA_VERSIONS: Partial<Record<DocumentType, readonly string[]>> = {
  Command: ['1.2', '2.0', '2.2'],
  Policy: ['2.0', '2.2'],
  Automation: ['0.3'],
  'Automation.ChangeTemplate': ['0.3'],
  Session: ['1.0'],
  Package: ['2.0'],
};
const KNOWN_SCHEMA_VERSIONS = new Set(['0.3', '1.0', '1.2', '2.0', '2.2']);

/** Types whose content is text rather than a JSON/YAML object. */
const TEXT_TYPES: ReadonlySet<DocumentType> = new Set(['ChangeCalendar', 'AutoApprovalPolicy']);
/** Types that accept any of the three formats (AppConfig hosts free-form configuration). */
const ANY_FORMAT_TYPES: ReadonlySet<DocumentType> = new Set(['ApplicationConfiguration']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

/** Parses content in its format; InvalidDocumentContent with the line and column when it is not well-formed. */
export function parseBody(content: string, format: DocumentFormat): unknown {
  if (format === 'TEXT') return content;
  if (format === 'YAML') {
    const doc = YAML.parseDocument(content, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
      const pos = doc.errors[0].linePos?.[0];
      throw new InvalidDocumentContent(m.yamlNotWellFormed(pos?.line ?? 1, pos?.col ?? 1));
    }
    return doc.toJS({ maxAliasCount: 100 });
  }
  try {
    return JSON.parse(content);
  } catch (e) {
    const msg = String((e as Error).message);
    const at = /position (\d+)/.exec(msg);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const { line, column } = lc
      ? { line: Number(lc[1]), column: Number(lc[2]) }
      : lineCol(content, at ? Number(at[1]) : content.length);
    throw new InvalidDocumentContent(m.jsonNotWellFormed(line, column));
  }
}

/** YAML numbers (schemaVersion: 2.2 unquoted) become the version text AWS reads ("2.2", "1.0"). */
function versionText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? `${v}.0` : String(v);
  return undefined;
}

/** A parameter's allowedPattern as SSM applies it: a Java regular expression over the whole value (matches()). */
export const allowedPatternOf = (pattern: string): UserRegex => compileUserRegex(pattern, { dialect: 'java' });

/**
 * Checks content for a document type and returns what DescribeDocument and the executing engines
 * need. Throws InvalidDocumentContent / InvalidDocumentSchemaVersion naming the problem.
 */
export function analyzeContent(input: { content: string; format: DocumentFormat; type: DocumentType }): AnalyzedContent {
  const { content, format, type } = input;
  if (format === 'TEXT' && !TEXT_TYPES.has(type) && !ANY_FORMAT_TYPES.has(type)) {
    throw new InvalidDocumentContent(m.formatNotSupportedForType(format, type));
  }
  if (format !== 'TEXT' && TEXT_TYPES.has(type)) throw new InvalidDocumentContent(m.formatNotSupportedForType(format, type));
  const body = parseBody(content, format);
  if (TEXT_TYPES.has(type)) return analyzeText(type, body as string);
  if (ANY_FORMAT_TYPES.has(type) && format === 'TEXT') {
    return { body, parameters: [], steps: [], platformTypes: [] };
  }
  if (!isObject(body)) throw new InvalidDocumentContent(m.contentNotObject());

  const allowed = SCHEMA_VERSIONS[type];
  let schemaVersion = versionText(body.schemaVersion);
  if (allowed) {
    if (body.schemaVersion === undefined) throw new InvalidDocumentContent(m.schemaVersionMissing());
    if (schemaVersion === undefined || !KNOWN_SCHEMA_VERSIONS.has(schemaVersion)) {
      throw new InvalidDocumentContent(m.schemaVersionInvalid(schemaVersion ?? JSON.stringify(body.schemaVersion)));
    }
    if (!allowed.includes(schemaVersion)) throw new InvalidDocumentSchemaVersion(m.schemaVersionNotForType(schemaVersion, type, allowed));
  }
  const description = typeof body.description === 'string' ? body.description : undefined;
  const out: AnalyzedContent = { body, schemaVersion, description, parameters: [], steps: [], platformTypes: [] };

  switch (type) {
    case 'Command':
    case 'Policy':
      out.parameters = parseParameters(body.parameters);
      out.steps = schemaVersion === '1.2' ? runtimeConfigSteps(body) : commandSteps(body, schemaVersion!, type);
      break;
    case 'Automation':
    case 'Automation.ChangeTemplate':
      out.parameters = parseParameters(body.parameters);
      out.steps = automationSteps(body);
      if (typeof body.assumeRole === 'string') out.assumeRole = body.assumeRole;
      break;
    case 'Session':
      out.parameters = parseParameters(body.parameters);
      out.session = sessionSection(body);
      break;
    case 'Package':
      requireObject(body, 'packages', type, schemaVersion);
      requireObject(body, 'files', type, schemaVersion);
      if (typeof body.version !== 'string') throw new InvalidDocumentContent(m.missingSection('a version string', type, schemaVersion));
      break;
    case 'CloudFormation':
    case 'ConformancePackTemplate':
      requireObject(body, 'Resources', type, undefined);
      break;
    default:
      // ApplicationConfiguration(Schema), QuickSetup, ProblemAnalysis(Template), ManualApprovalPolicy,
      // DeploymentStrategy: free-form objects whose meaning belongs to other services.
      break;
  }
  if (type === 'ApplicationConfigurationSchema' && format !== 'JSON') {
    throw new InvalidDocumentContent(m.formatNotSupportedForType(format, type));
  }
  if (out.parameters.length || out.steps.length || out.session) checkReferences(out);
  out.platformTypes = platformsFor(
    type,
    out.steps.map((s) => s.action),
  );
  return out;
}

function requireObject(body: Record<string, unknown>, key: string, type: string, schemaVersion: string | undefined): void {
  if (!isObject(body[key])) throw new InvalidDocumentContent(m.missingSection(key, type, schemaVersion));
}

// ---- parameters ----

const NAME_RE = /^[A-Za-z0-9_.-]{1,128}$/;

function parseParameters(section: unknown): DeclaredParameter[] {
  if (section === undefined || section === null) return [];
  if (!isObject(section)) throw new InvalidDocumentContent(m.parametersNotObject());
  const out: DeclaredParameter[] = [];
  for (const [name, def] of Object.entries(section)) {
    const bad = (why: string) => new InvalidDocumentContent(m.parameterDefinitionInvalid(name, why));
    if (!NAME_RE.test(name)) throw bad('the name may contain only letters, numbers, and the symbols _ . -');
    if (!isObject(def)) throw bad('the definition must be an object');
    const type = def.type;
    if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type as ParameterType)) {
      throw bad(`type must be one of ${PARAMETER_TYPES.join(', ')}`);
    }
    const p: DeclaredParameter = { name, type: type as ParameterType, hasDefault: 'default' in def && def.default !== null };
    // An empty YAML `description:` parses as null: harmless, and AWS does not document refusing it, so
    // it counts as absent.
    if (def.description !== undefined && def.description !== null) {
      if (typeof def.description !== 'string') throw bad('description must be a string');
      p.description = def.description;
    }
    if (p.hasDefault) {
      checkDefault(p.type, def.default, bad);
      p.default = def.default;
    }
    if (def.allowedValues !== undefined) {
      if (!Array.isArray(def.allowedValues) || def.allowedValues.some((v) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) {
        throw bad('allowedValues must be a list of strings');
      }
      p.allowedValues = def.allowedValues.map(String);
    }
    if (def.allowedPattern !== undefined) {
      if (typeof def.allowedPattern !== 'string') throw bad('allowedPattern must be a string');
      try {
        allowedPatternOf(def.allowedPattern);
      } catch {
        throw bad('allowedPattern is not a valid regular expression');
      }
      p.allowedPattern = def.allowedPattern;
    }
    if (def.displayType !== undefined) {
      if (def.displayType !== 'textfield' && def.displayType !== 'textarea') throw bad('displayType must be textfield or textarea');
      p.displayType = def.displayType;
    }
    for (const k of ['minItems', 'maxItems', 'minChars', 'maxChars'] as const) {
      const v = def[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw bad(`${k} must be a non-negative integer`);
      p[k] = v;
    }
    if (p.minItems !== undefined && p.maxItems !== undefined && p.minItems > p.maxItems) throw bad('minItems is greater than maxItems');
    if (p.minChars !== undefined && p.maxChars !== undefined && p.minChars > p.maxChars) throw bad('minChars is greater than maxChars');
    out.push(p);
  }
  return out;
}

function checkDefault(type: ParameterType, v: unknown, bad: (why: string) => Error): void {
  const ok =
    type === 'String'
      ? typeof v === 'string'
      : type === 'StringList'
        ? Array.isArray(v) && v.every((x) => typeof x === 'string')
        : type === 'Boolean'
          ? typeof v === 'boolean'
          : type === 'Integer'
            ? typeof v === 'number' && Number.isInteger(v)
            : type === 'StringMap'
              ? isObject(v)
              : Array.isArray(v) && v.every(isObject);
  if (!ok) throw bad(`the default value does not match type ${type}`);
}

/** DescribeDocument's wire form of the declared parameters. */
export function wireParameters(params: readonly DeclaredParameter[]): DocumentParameter[] {
  return params.map((p) => {
    const w: DocumentParameter = { Name: p.name, Type: p.type as DocumentParameter['Type'] };
    if (p.description !== undefined) w.Description = p.description;
    if (p.hasDefault) w.DefaultValue = typeof p.default === 'string' ? p.default : JSON.stringify(p.default);
    return w;
  });
}

// ---- steps ----

function runtimeConfigSteps(body: Record<string, unknown>): DocumentStep[] {
  if (body.mainSteps !== undefined) throw new InvalidDocumentContent(m.sectionNotAllowed('mainSteps', '1.2'));
  const rc = body.runtimeConfig;
  if (!isObject(rc) || !Object.keys(rc).length) throw new InvalidDocumentContent(m.missingSection('runtimeConfig', 'Command', '1.2'));
  const steps: DocumentStep[] = [];
  for (const [plugin, cfg] of Object.entries(rc)) {
    const known = commandPlugin(plugin);
    if (!known) throw new InvalidDocumentContent(m.unsupportedPlugin(plugin));
    if (!isObject(cfg)) throw new InvalidDocumentContent(m.invalidField(`runtimeConfig.${plugin}`, 'it must be an object'));
    const props = cfg.properties;
    const list = Array.isArray(props) ? props : props === undefined ? [{}] : [props];
    for (const entry of list) {
      if (!isObject(entry) && typeof entry !== 'string') {
        throw new InvalidDocumentContent(m.invalidField(`runtimeConfig.${plugin}.properties`, 'it must be an object or a list of objects'));
      }
      const { id, ...inputs } = isObject(entry) ? entry : { id: undefined };
      const step: DocumentStep = {
        name: plugin,
        action: plugin,
        inputs: isObject(entry) ? inputs : entry,
        platforms: [...known.platforms],
        options: isObject(cfg.settings) ? { settings: cfg.settings } : {},
      };
      if (typeof id === 'string') step.id = id;
      steps.push(step);
    }
  }
  return steps;
}

const STEP_NAME_RE = /^[A-Za-z0-9_.-]{1,100}$/;

function commandSteps(body: Record<string, unknown>, schemaVersion: string, type: DocumentType): DocumentStep[] {
  if (body.runtimeConfig !== undefined) throw new InvalidDocumentContent(m.sectionNotAllowed('runtimeConfig', schemaVersion));
  const ms = body.mainSteps;
  if (!Array.isArray(ms) || !ms.length) throw new InvalidDocumentContent(m.missingSection('mainSteps', type, schemaVersion));
  const names = new Set<string>();
  return ms.map((raw, i) => {
    if (!isObject(raw)) throw new InvalidDocumentContent(m.stepInvalid(i, 'a step must be an object'));
    const { action, name, inputs, precondition, ...options } = raw;
    if (typeof action !== 'string') throw new InvalidDocumentContent(m.stepInvalid(i, 'action is required'));
    const plugin = commandPlugin(action);
    if (!plugin) throw new InvalidDocumentContent(m.unsupportedPlugin(action));
    if (typeof name !== 'string' || !STEP_NAME_RE.test(name)) {
      throw new InvalidDocumentContent(m.stepInvalid(i, 'name is required and may contain only letters, numbers, and the symbols _ . -'));
    }
    if (names.has(name)) throw new InvalidDocumentContent(m.duplicateStepName(name));
    names.add(name);
    if (inputs !== undefined && !isObject(inputs)) throw new InvalidDocumentContent(m.stepInvalid(i, 'inputs must be an object'));
    const step: DocumentStep = { name, action, inputs: inputs ?? {}, platforms: [...plugin.platforms], options };
    if (precondition !== undefined) {
      if (schemaVersion !== '2.2') throw new InvalidDocumentContent(m.sectionNotAllowed('precondition', schemaVersion));
      const se = isObject(precondition) ? precondition.StringEquals : undefined;
      if (
        !isObject(precondition) ||
        Object.keys(precondition).length !== 1 ||
        !Array.isArray(se) ||
        se.length !== 2 ||
        se[0] !== 'platformType' ||
        !['Windows', 'Linux', 'MacOS'].includes(se[1] as string)
      ) {
        throw new InvalidDocumentContent(m.invalidPrecondition(name));
      }
      step.precondition = { StringEquals: ['platformType', se[1] as string] };
    }
    return step;
  });
}

function automationSteps(body: Record<string, unknown>): DocumentStep[] {
  const ms = body.mainSteps;
  if (!Array.isArray(ms) || !ms.length) throw new InvalidDocumentContent(m.missingSection('mainSteps', 'Automation', '0.3'));
  const names = new Set<string>();
  const steps = ms.map((raw, i) => {
    if (!isObject(raw)) throw new InvalidDocumentContent(m.stepInvalid(i, 'a step must be an object'));
    const { action, name, inputs, ...options } = raw;
    if (typeof action !== 'string') throw new InvalidDocumentContent(m.stepInvalid(i, 'action is required'));
    if (!AUTOMATION_ACTIONS.has(action)) throw new InvalidDocumentContent(m.unsupportedAction(action));
    if (typeof name !== 'string' || !STEP_NAME_RE.test(name)) {
      throw new InvalidDocumentContent(m.stepInvalid(i, 'name is required and may contain only letters, numbers, and the symbols _ . -'));
    }
    if (names.has(name)) throw new InvalidDocumentContent(m.duplicateStepName(name));
    names.add(name);
    if (inputs !== undefined && !isObject(inputs)) throw new InvalidDocumentContent(m.stepInvalid(i, 'inputs must be an object'));
    return { name, action, inputs: inputs ?? {}, platforms: [], options } as DocumentStep;
  });
  // nextStep / onFailure: step:<name> must name a step of the document.
  for (const s of steps) {
    const targets = [s.options.nextStep, ...[s.options.onFailure, s.options.onCancel].map((v) => (typeof v === 'string' && v.startsWith('step:') ? v.slice(5) : undefined))];
    for (const t of targets) {
      if (typeof t === 'string' && !names.has(t)) throw new InvalidDocumentContent(m.invalidField(`Step ${s.name}`, `it refers to step ${t}, which the document does not define`));
    }
  }
  return steps;
}

function sessionSection(body: Record<string, unknown>): NonNullable<AnalyzedContent['session']> {
  const t = body.sessionType;
  if (typeof t !== 'string' || !SESSION_TYPES.has(t)) throw new InvalidDocumentContent(m.invalidSessionType(t));
  if (body.inputs !== undefined && !isObject(body.inputs)) throw new InvalidDocumentContent(m.invalidField('inputs', 'it must be an object'));
  if (body.properties !== undefined && !isObject(body.properties)) throw new InvalidDocumentContent(m.invalidField('properties', 'it must be an object'));
  if (t !== 'Standard_Stream' && body.properties === undefined) throw new InvalidDocumentContent(m.missingSection('properties', `Session (${t})`, '1.0'));
  const s: NonNullable<AnalyzedContent['session']> = { sessionType: t };
  if (isObject(body.inputs)) s.inputs = body.inputs;
  if (isObject(body.properties)) s.properties = body.properties;
  return s;
}

// ---- references ----

/** `{{ name }}` (with optional spaces). Names with ':' or '.' are system variables or step outputs. */
export const REFERENCE_RE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function collectStrings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, out);
  else if (isObject(v)) for (const x of Object.values(v)) collectStrings(x, out);
}

/** Every plain `{{ name }}` a step or session section uses must be a declared parameter. */
function checkReferences(a: AnalyzedContent): void {
  const declared = new Set(a.parameters.map((p) => p.name));
  // Automation runbooks may also declare variables (aws:updateVariable) that steps reference.
  const body = a.body as Record<string, unknown>;
  if (isObject(body.variables)) for (const k of Object.keys(body.variables)) declared.add(k);
  const strings: string[] = [];
  for (const s of a.steps) {
    collectStrings(s.inputs, strings);
    if (s.precondition) collectStrings(s.precondition, strings);
  }
  if (a.session) {
    collectStrings(a.session.inputs, strings);
    collectStrings(a.session.properties, strings);
  }
  for (const str of strings) {
    for (const match of str.matchAll(REFERENCE_RE)) {
      const ref = match[1];
      if (ref.includes(':') || ref.includes('.')) continue;
      if (!declared.has(ref)) throw new InvalidDocumentContent(m.parameterNotDeclared(ref));
    }
  }
}

// ---- TEXT documents ----

function analyzeText(type: DocumentType, text: string): AnalyzedContent {
  if (type === 'ChangeCalendar') checkCalendar(text);
  else if (!text.trim()) throw new InvalidDocumentContent(m.invalidField('Content', 'it is empty'));
  return { body: text, parameters: [], steps: [], platformTypes: [], schemaVersion: type === 'ChangeCalendar' ? '2.0' : undefined };
}

/** iCalendar (RFC 5545) as Change Calendar accepts it: one VCALENDAR with VERSION and PRODID, well-nested VEVENTs with DTSTART. */
function checkCalendar(text: string): void {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n[ \t]/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l.length);
  if (lines[0] !== 'BEGIN:VCALENDAR') throw new InvalidDocumentContent(m.invalidCalendar('it must begin with BEGIN:VCALENDAR'));
  if (lines[lines.length - 1] !== 'END:VCALENDAR') throw new InvalidDocumentContent(m.invalidCalendar('it must end with END:VCALENDAR'));
  const props = (l: string) => l.split(/[:;]/, 1)[0].toUpperCase();
  if (!lines.some((l) => props(l) === 'VERSION')) throw new InvalidDocumentContent(m.invalidCalendar('VERSION is missing'));
  if (!lines.some((l) => props(l) === 'PRODID')) throw new InvalidDocumentContent(m.invalidCalendar('PRODID is missing'));
  const type = lines.find((l) => props(l) === 'X-CALENDAR-TYPE');
  if (type && !/^X-CALENDAR-TYPE:(DEFAULT_OPEN|DEFAULT_CLOSED)$/.test(type)) {
    throw new InvalidDocumentContent(m.invalidCalendar('X-CALENDAR-TYPE must be DEFAULT_OPEN or DEFAULT_CLOSED'));
  }
  const stack: string[] = [];
  let hasStart = false;
  for (const l of lines) {
    if (l.startsWith('BEGIN:')) {
      stack.push(l.slice(6));
      if (l === 'BEGIN:VEVENT') hasStart = false;
    } else if (l.startsWith('END:')) {
      const what = l.slice(4);
      if (stack.pop() !== what) throw new InvalidDocumentContent(m.invalidCalendar(`END:${what} does not match its BEGIN`));
      if (what === 'VEVENT' && !hasStart) throw new InvalidDocumentContent(m.invalidCalendar('an event has no DTSTART'));
    } else if (props(l) === 'DTSTART') hasStart = true;
    else if (!/^[A-Za-z0-9-]+[:;]/.test(l)) throw new InvalidDocumentContent(m.invalidCalendar(`the line "${l.slice(0, 40)}" is not a property`));
  }
  if (stack.length) throw new InvalidDocumentContent(m.invalidCalendar(`BEGIN:${stack[stack.length - 1]} is not closed`));
}

// ---- conversion ----

/**
 * Content in the requested format: the stored text when the format is the stored one, otherwise
 * JSON <-> YAML conversion of the parsed document. TEXT converts to nothing else, and nothing
 * converts to TEXT: ValidationException "Invalid document format X" (observed for a TEXT document
 * requested as JSON).
 */
export function contentAs(content: string, stored: DocumentFormat, wanted: DocumentFormat): string {
  if (wanted === stored) return content;
  if (stored === 'TEXT' || wanted === 'TEXT') throw new ValidationException(m.invalidFormatConversion(wanted));
  const body = parseBody(content, stored);
  return wanted === 'JSON' ? JSON.stringify(body, null, 2) : YAML.stringify(body, { lineWidth: 0 });
}
