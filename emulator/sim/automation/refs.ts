/**
 * What Automation resolves when a step starts, and how values travel in and out of steps.
 *
 * References (the runbook's own parameters were substituted when the execution started, by
 * sim/documents renderExecution; {{ssm:...}} too):
 *   {{ step.Output }}                  a typed output of an earlier step (aws:loop adds
 *                                      {{ loop.CurrentIteration }} and {{ loop.CurrentIteratorValue }})
 *   {{ automation:EXECUTION_ID }}      the execution's id
 *   {{ global:ACCOUNT_ID }}, {{ global:REGION }}, {{ global:AWS_PARTITION }},
 *   {{ global:DATE }} (yyyy-MM-dd), {{ global:DATE_TIME }} (yyyy-MM-dd_HH.mm.ss), at the step's start
 *   {{ variable:Name }}                a runbook variable (aws:updateVariable)
 * A whole-string reference takes the value's type; inside a longer string it becomes text (lists
 * joined with ","), as for parameters. A step-output reference that has no value fails the step.
 *
 * Selectors (outputs' Selector, PropertySelector): the JSONPath operators AWS documents for Automation
 * (dot-notated child, deep scan `..`, array index `[n]`, plus `['name']`), evaluated by jsonpath-plus.
 * jsonpath-plus accepts much more (filters, scripts): a selector is checked against the documented
 * subset first, and script evaluation is switched off, so no user text is ever evaluated.
 * A deep scan always answers a list, as AWS documents.
 *
 * Output types (String, Integer, Boolean, StringList, StringMap, MapList): a selected value is coerced
 * where the meaning is plain (a number to String, "true" to Boolean) and otherwise fails the step.
 * On the wire, StepExecution.Inputs are JSON texts of the resolved inputs (AWS shows
 * "DesiredState": "\"stopped\""), Outputs lists of strings (maps and map lists as JSON texts).
 */
import { JSONPath } from 'jsonpath-plus';
import { substituteReferences } from '../documents/index.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface RefContext {
  executionId: string;
  account: string;
  region: string;
  /** Epoch ms of the step's start. */
  now: number;
  outputs: Record<string, Record<string, unknown>>;
  variables?: Record<string, unknown>;
}

const pad = (n: number) => String(n).padStart(2, '0');

function systemVariable(name: string, c: RefContext): unknown {
  const d = new Date(c.now);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  switch (name) {
    case 'automation:EXECUTION_ID':
      return c.executionId;
    case 'global:ACCOUNT_ID':
      return c.account;
    case 'global:REGION':
      return c.region;
    case 'global:AWS_PARTITION':
      return 'aws';
    case 'global:DATE':
      return date;
    case 'global:DATE_TIME':
      return `${date}_${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())}.${pad(d.getUTCSeconds())}`;
    default:
      return undefined;
  }
}

function lookup(name: string, c: RefContext): unknown {
  if (name.startsWith('global:') || name.startsWith('automation:')) return systemVariable(name, c);
  if (name.startsWith('variable:')) {
    const key = name.slice('variable:'.length);
    return c.variables && Object.hasOwn(c.variables, key) ? c.variables[key] : undefined;
  }
  const dot = name.indexOf('.');
  if (dot < 1) return undefined;
  const step = name.slice(0, dot);
  const out = name.slice(dot + 1);
  const o = Object.hasOwn(c.outputs, step) ? c.outputs[step] : undefined;
  return o && Object.hasOwn(o, out) ? o[out] : undefined;
}

const REF_RE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** A reference the engine owns (step output, system variable, variable) that is still unresolved, or undefined. */
function unresolved(value: unknown): string | undefined {
  if (typeof value === 'string') {
    for (const m of value.matchAll(REF_RE)) {
      const ref = m[1];
      if (ref.includes('.') || ref.startsWith('global:') || ref.startsWith('automation:') || ref.startsWith('variable:')) return ref;
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const r = unresolved(v);
      if (r) return r;
    }
    return undefined;
  }
  if (isObj(value)) {
    for (const v of Object.values(value)) {
      const r = unresolved(v);
      if (r) return r;
    }
  }
  return undefined;
}

/**
 * The step's inputs with every engine reference resolved, or `{ missing }` naming the first reference
 * that has no value. Inner aws:loop steps are resolved when their iteration runs, so a loop's `Steps`
 * input is left alone here.
 */
export function resolveInputs(inputs: unknown, c: RefContext, opts: { skipKeys?: readonly string[] } = {}): { value: unknown } | { missing: string } {
  const skip = new Set(opts.skipKeys ?? []);
  const kept: Record<string, unknown> = {};
  let source = inputs;
  if (skip.size && isObj(inputs)) {
    source = {};
    for (const [k, v] of Object.entries(inputs)) {
      if (skip.has(k)) kept[k] = v;
      else (source as Record<string, unknown>)[k] = v;
    }
  }
  const value = substituteReferences(source, (name) => lookup(name, c));
  const missing = unresolved(value);
  if (missing) return { missing };
  return { value: isObj(value) ? { ...value, ...kept } : value };
}

// ───────────────────────────────────────── JSONPath ─────────────────────────────────────────

/** The documented subset: `$`, then `.name`, `..name`, `[n]` or `['name']` segments. */
const SELECTOR_RE = /^\$(?:\.\.?[^.[\]()?@*$'"\\\s]+|\[\d+\]|\['[^'\\()?@]*'\])*$/;

export const isSupportedSelector = (selector: string) => SELECTOR_RE.test(selector);

/**
 * The value a selector picks from a JSON response: undefined when nothing matches; a list for a deep
 * scan. Throws on a selector outside the documented subset.
 */
export function select(json: unknown, selector: string): unknown {
  if (!isSupportedSelector(selector)) throw new Error(`unsupported selector ${selector}`);
  if (selector === '$') return json;
  const found = JSONPath({ path: selector, json: json as object, wrap: true, eval: false }) as unknown[];
  if (selector.includes('..')) return found;
  return found.length ? found[0] : undefined;
}

// ───────────────────────────────────────── typing ─────────────────────────────────────────

export type OutputType = 'String' | 'Integer' | 'Boolean' | 'StringList' | 'StringMap' | 'MapList';
export const OUTPUT_TYPES: readonly OutputType[] = ['String', 'Integer', 'Boolean', 'StringList', 'StringMap', 'MapList'];

/** The value as the declared type, or undefined when it can't be one. */
export function coerce(value: unknown, type: OutputType): unknown {
  switch (type) {
    case 'String':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return undefined;
    case 'Integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
      return undefined;
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      return undefined;
    case 'StringList':
      if (Array.isArray(value) && value.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) return value.map(String);
      if (typeof value === 'string') return [value];
      return undefined;
    case 'StringMap':
      return isObj(value) ? value : undefined;
    case 'MapList':
      return Array.isArray(value) && value.every(isObj) ? value : undefined;
  }
}

/** A typed value as StepExecution.Outputs / AutomationExecution.Outputs carry it. */
export function toWireList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  if (typeof value === 'string') return [value];
  if (value === undefined || value === null) return [];
  return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
}

/** StepExecution.Inputs: each resolved input as JSON text. */
export function toWireInputs(inputs: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObj(inputs)) for (const [k, v] of Object.entries(inputs)) out[k] = JSON.stringify(v);
  return out;
}

export function toWireOutputs(outputs: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(outputs)) out[k] = toWireList(v);
  return out;
}
