/**
 * Scenario runner: a YAML (or JSON) story run against a fresh emulator with the real AWS SDK clients.
 *
 *   name: A parameter that expires
 *   fleet: default                     # optional: a shipped fleet, a path relative to the scenario file, or inline
 *   clock: { start: 2025-01-01T00:00:00Z, mode: frozen }   # frozen by default
 *   steps:
 *     - call: PutParameter              # an SSM operation, or resource-groups:CreateGroup
 *       input: { Name: /app/token, Value: abc, Type: String }
 *       expect: { Version: 1 }          # subset match on the output
 *       save: { version: Version }      # later steps use ${version}
 *     - advance: 2h                     # virtual time
 *     - call: GetParameter
 *       input: { Name: /app/token }
 *       expectError: ParameterNotFound
 *     - waitFor: { call: GetCommandInvocation, input: {...}, until: { Status: Success }, every: 5s, timeout: 10m }
 *     - control: POST /_emulator/fleet/instances    # the control API
 *       body: {...}
 *       expectStatus: 400               # optional (default: a 2xx answer is required)
 *     - expectEvents: [ { detail-type: Parameter Store Policy Action } ]
 *
 * Matching: objects match when every expected key matches; arrays match element by element (same
 * length) unless written { $contains: [...] }; also { $length: n }, { $regex: "..." } (core/regex.ts,
 * ECMA syntax), { $exists: false }, { $gte: n }, { $lte: n }. Timestamps from the SDK compare as ISO-8601 strings.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as ssmSdk from '@aws-sdk/client-ssm';
import * as rgSdk from '@aws-sdk/client-resource-groups';
import { Emulator, type EmulatorOptions } from '../emulator.js';
import { compileUserRegex, type UserRegex } from '../core/regex.js';
import { createServer, listen } from '../server.js';
import type { Server } from 'node:http';

export interface ScenarioFile {
  name: string;
  description?: string;
  fleet?: string | Record<string, unknown>;
  clock?: { start?: string; mode?: 'frozen' | 'auto' | 'real' | 'scaled'; rate?: number };
  account?: string;
  region?: string;
  seed?: string;
  steps: StepSpec[];
}

interface CallFields {
  call: string;
  input?: unknown;
  account?: string;
  region?: string;
}
type StepSpec = { name?: string } & (
  | (CallFields & { expect?: unknown; expectError?: string; save?: Record<string, string> })
  | { advance: string | number }
  | { waitFor: CallFields & { until: unknown; every?: string | number; timeout?: string | number }; save?: Record<string, string> }
  | { control: string; body?: unknown; expect?: unknown; expectStatus?: number; save?: Record<string, string> }
  | { expectEvents: unknown[] }
);

export interface Expectation {
  step: number;
  label: string;
  passed: boolean;
  differences: string[];
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  expectations: Expectation[];
  error?: string;
}

// ---------- matching ----------

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== '$metadata') out[k] = normalise(x);
    return out;
  }
  return v;
}

export function match(expected: unknown, actual: unknown, path = '$'): string[] {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    const e = expected as Record<string, unknown>;
    const ops = Object.keys(e).filter((k) => k.startsWith('$'));
    if (ops.length) {
      const diffs: string[] = [];
      for (const op of ops) {
        const v = e[op];
        if (op === '$exists') {
          if ((actual !== undefined) !== v) diffs.push(`${path}: expected ${v ? 'present' : 'absent'}, got ${JSON.stringify(actual)}`);
        } else if (op === '$regex') {
          // A scenario file is user input like any other: its patterns run on the linear-time engine.
          let re: UserRegex;
          try {
            re = compileUserRegex(String(v), { dialect: 'ecma' });
          } catch (err) {
            diffs.push(`${path}: $regex /${String(v)}/ is not a usable regular expression: ${(err as Error).message}`);
            continue;
          }
          if (typeof actual !== 'string' || !re.test(actual)) diffs.push(`${path}: ${JSON.stringify(actual)} does not match /${String(v)}/`);
        } else if (op === '$length') {
          const len = Array.isArray(actual) || typeof actual === 'string' ? actual.length : undefined;
          if (len !== v) diffs.push(`${path}: expected length ${String(v)}, got ${String(len)}`);
        } else if (op === '$gte' || op === '$lte') {
          const ok = typeof actual === 'number' && (op === '$gte' ? actual >= (v as number) : actual <= (v as number));
          if (!ok) diffs.push(`${path}: expected ${op === '$gte' ? '>=' : '<='} ${String(v)}, got ${JSON.stringify(actual)}`);
        } else if (op === '$contains') {
          if (!Array.isArray(actual)) diffs.push(`${path}: expected a list, got ${JSON.stringify(actual)}`);
          else
            for (const [i, item] of (v as unknown[]).entries()) {
              if (!actual.some((a) => match(item, a).length === 0)) diffs.push(`${path}: no element matches $contains[${i}] ${JSON.stringify(item)}`);
            }
        } else diffs.push(`${path}: unknown matcher ${op}`);
      }
      return diffs;
    }
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(e).flatMap(([k, v]) => match(v, (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    return expected.flatMap((item, i) => match(item, actual[i], `${path}[${i}]`));
  }
  return expected === actual || (typeof expected === 'number' && String(expected) === actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** "Commands[0].CommandId" -> the value at that path. */
export function pick(value: unknown, path: string): unknown {
  let v = value;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (v === undefined || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function substitute(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([\w.-]+)\}$/.exec(value);
    if (whole) {
      if (!(whole[1] in vars)) throw new Error(`\${${whole[1]}} is not saved by an earlier step`);
      return vars[whole[1]];
    }
    return value.replace(/\$\{([\w.-]+)\}/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`\${${name}} is not saved by an earlier step`);
      return String(vars[name]);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
}

/** "90", 90, "90s", "15m", "2h", "1d", "1h30m" -> seconds. */
export function seconds(d: string | number): number {
  if (typeof d === 'number') return d;
  if (/^\d+(\.\d+)?$/.test(d)) return Number(d);
  const unit: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0;
  let rest = d.replace(/\s+/g, '');
  const re = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/;
  while (rest) {
    const m = re.exec(rest);
    if (!m) throw new Error(`not a duration: ${d}`);
    total += Number(m[1]) * unit[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

// ---------- checking the whole file first ----------

/** A scenario that cannot run as written: every problem, each naming its step. */
export class ScenarioCheckError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const DURATION_FORMATS = 'seconds (90) or a number with units ms, s, m, h, d, w ("90s", "15m", "1h30m")';
const TOP_KEYS = ['name', 'description', 'fleet', 'clock', 'account', 'region', 'seed', 'steps'];
const CALL_KEYS = ['call', 'input', 'account', 'region'];
const STEP_KEYS: Record<string, string[]> = {
  call: ['name', ...CALL_KEYS, 'expect', 'expectError', 'save'],
  advance: ['name', 'advance'],
  waitFor: ['name', 'waitFor', 'save'],
  control: ['name', 'control', 'body', 'expect', 'expectStatus', 'save'],
  expectEvents: ['name', 'expectEvents'],
};

/** Everything wrong with a scenario, before any step runs (unknown keys, durations, operations). */
export function checkScenario(scenario: unknown): string[] {
  const problems: string[] = [];
  if (!scenario || typeof scenario !== 'object' || Array.isArray(scenario)) return ['a scenario is a mapping with name and steps'];
  const s = scenario as Record<string, unknown>;
  if (typeof s.name !== 'string') problems.push('name: a scenario needs a name');
  for (const k of Object.keys(s)) if (!TOP_KEYS.includes(k)) problems.push(`unknown key ${k} (a scenario has ${TOP_KEYS.join(', ')})`);
  if (s.clock !== undefined) {
    const c = s.clock as Record<string, unknown>;
    for (const k of Object.keys(c ?? {})) if (!['start', 'mode', 'rate'].includes(k)) problems.push(`clock: unknown key ${k} (start, mode, rate)`);
    if (c?.mode !== undefined && !['frozen', 'auto', 'real', 'scaled'].includes(String(c.mode))) problems.push(`clock.mode ${String(c.mode)}: frozen, auto, real or scaled`);
  }
  if (!Array.isArray(s.steps)) {
    problems.push('steps: a scenario needs a list of steps');
    return problems;
  }
  const duration = (n: number, what: string, v: unknown) => {
    if (v === undefined) return;
    try {
      if (typeof v !== 'number' && typeof v !== 'string') throw new Error();
      seconds(v);
    } catch {
      problems.push(`step ${n}: ${what} ${JSON.stringify(v)} is not a duration: use ${DURATION_FORMATS}`);
    }
  };
  const operation = (n: number, call: unknown) => {
    if (typeof call !== 'string') return problems.push(`step ${n}: call must name an operation`);
    const [svc, op] = call.includes(':') ? call.split(':', 2) : ['ssm', call];
    const sdk = svc === 'ssm' ? ssmSdk : svc === 'resource-groups' ? rgSdk : undefined;
    if (!sdk) return problems.push(`step ${n}: ${call}: the service is ssm (the default) or resource-groups`);
    if (!(`${op}Command` in sdk)) problems.push(`step ${n}: ${call} is not an operation of ${svc === 'ssm' ? 'SSM' : 'Resource Groups'}`);
  };
  s.steps.forEach((raw, i) => {
    const n = i + 1;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return problems.push(`step ${n}: a step is a mapping`);
    const step = raw as Record<string, unknown>;
    const kinds = Object.keys(STEP_KEYS).filter((k) => k in step);
    if (kinds.length !== 1) {
      return problems.push(`step ${n}: ${kinds.length ? `has both ${kinds.join(' and ')}` : 'has none of'} call, advance, waitFor, control, expectEvents`);
    }
    const kind = kinds[0]!;
    for (const k of Object.keys(step)) if (!STEP_KEYS[kind]!.includes(k)) problems.push(`step ${n}: unknown key ${k} (a ${kind} step has ${STEP_KEYS[kind]!.join(', ')})`);
    if (kind === 'advance') duration(n, 'advance', step.advance);
    if (kind === 'call') operation(n, step.call);
    if (kind === 'waitFor') {
      const w = (step.waitFor ?? {}) as Record<string, unknown>;
      for (const k of Object.keys(w)) if (![...CALL_KEYS, 'until', 'every', 'timeout'].includes(k)) problems.push(`step ${n}: waitFor: unknown key ${k} (${[...CALL_KEYS, 'until', 'every', 'timeout'].join(', ')})`);
      operation(n, w.call);
      if (w.until === undefined) problems.push(`step ${n}: waitFor needs until`);
      duration(n, 'waitFor.every', w.every);
      duration(n, 'waitFor.timeout', w.timeout);
    }
    if (kind === 'control' && !/^(GET|POST|PUT|PATCH|DELETE)\s+\/\S*$/.test(String(step.control))) {
      problems.push(`step ${n}: control ${JSON.stringify(step.control)}: write it as METHOD /path (POST /_emulator/fleet/instances)`);
    }
  });
  return problems;
}

// ---------- running ----------

export interface RunOptions {
  log?: (line: string) => void;
}

export async function runScenarioFile(file: string, opts: RunOptions = {}): Promise<ScenarioResult> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ScenarioCheckError([`${file}: no such scenario file`]);
  }
  let scenario: ScenarioFile;
  try {
    scenario = (file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as ScenarioFile;
  } catch (e) {
    throw new ScenarioCheckError([`${file}: not YAML or JSON: ${(e as Error).message.split('\n')[0]}`]);
  }
  return runScenario(scenario, { ...opts, baseDir: dirname(resolve(file)) });
}

export async function runScenario(scenario: ScenarioFile, opts: RunOptions & { baseDir?: string } = {}): Promise<ScenarioResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const problems = checkScenario(scenario);
  if (problems.length) throw new ScenarioCheckError(problems);
  const start = scenario.clock?.start ? Date.parse(scenario.clock.start) : Date.UTC(2025, 0, 1);
  if (!Number.isFinite(start)) throw new Error(`clock.start is not an ISO-8601 date-time: ${scenario.clock?.start}`);
  const options: EmulatorOptions & { fleet?: unknown } = {
    clock: { mode: scenario.clock?.mode ?? 'frozen', rate: scenario.clock?.rate, start },
    seed: scenario.seed ?? scenario.name,
  };
  if (scenario.fleet !== undefined) {
    // A shipped fleet by name (default), or a path relative to the scenario's folder.
    options.fleet = scenario.fleet;
    if (opts.baseDir) options.fleetBaseDirs = [opts.baseDir];
  }
  const emu = new Emulator(options as EmulatorOptions);
  const server: Server = createServer(emu);
  const { port } = await listen(server, 0, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${port}`;
  const clients = new Map<string, { ssm: ssmSdk.SSMClient; rg: rgSdk.ResourceGroupsClient }>();
  const clientFor = (account: string, region: string) => {
    const key = `${account}/${region}`;
    let c = clients.get(key);
    if (!c) {
      const config = { endpoint, region, credentials: { accessKeyId: account, secretAccessKey: 'scenario' }, maxAttempts: 1 };
      c = { ssm: new ssmSdk.SSMClient(config), rg: new rgSdk.ResourceGroupsClient(config) };
      clients.set(key, c);
    }
    return c;
  };
  const controlRaw = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${endpoint}${path.startsWith('/_emulator') ? path : `/_emulator${path}`}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  const control = async (method: string, path: string, body?: unknown) => {
    const { status, json } = await controlRaw(method, path, body);
    if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(json)}`);
    return json;
  };
  const call = async (spec: CallFields, vars: Record<string, unknown>) => {
    const [svc, op] = spec.call.includes(':') ? spec.call.split(':') : ['ssm', spec.call];
    const sdk = svc === 'ssm' ? (ssmSdk as unknown as Record<string, unknown>) : (rgSdk as unknown as Record<string, unknown>);
    const Command = sdk[`${op}Command`] as (new (input: unknown) => unknown) | undefined;
    if (!Command) throw new Error(`${spec.call} is not an operation of ${svc === 'ssm' ? 'SSM' : 'Resource Groups'}`);
    const c = clientFor(spec.account ?? scenario.account ?? '000000000000', spec.region ?? scenario.region ?? 'us-east-1');
    const client = (svc === 'ssm' ? c.ssm : c.rg) as { send(cmd: unknown): Promise<unknown> };
    return normalise(await client.send(new Command(substitute(spec.input ?? {}, vars))));
  };

  const vars: Record<string, unknown> = {};
  const expectations: Expectation[] = [];
  const expectThat = (step: number, label: string, differences: string[]) => {
    expectations.push({ step, label, passed: differences.length === 0, differences });
    return differences.length === 0;
  };
  const save = (spec: Record<string, string> | undefined, output: unknown) => {
    for (const [name, path] of Object.entries(spec ?? {})) vars[name] = pick(output, path);
  };
  let error: string | undefined;
  log(`scenario: ${scenario.name}`);
  try {
    for (const [i, raw] of scenario.steps.entries()) {
      const n = i + 1;
      const step = raw as Record<string, unknown> & { name?: string };
      const t0 = performance.now();
      const prefix = `[${n}/${scenario.steps.length}]`;
      let label: string;
      let ok = true;
      if ('advance' in step) {
        label = `advance ${String(step.advance)}`;
        await control('POST', '/clock/advance', { seconds: seconds(step.advance as string | number) });
      } else if ('waitFor' in step) {
        const w = step.waitFor as CallFields & { until: unknown; every?: string | number; timeout?: string | number };
        label = `waitFor ${w.call}`;
        const every = seconds(w.every ?? '10s');
        const limit = seconds(w.timeout ?? '1h');
        let waited = 0;
        let last: unknown;
        let diffs: string[] = [];
        for (;;) {
          last = await call(w, vars);
          diffs = match(substitute(w.until, vars), last);
          if (!diffs.length || waited >= limit) break;
          await control('POST', '/clock/advance', { seconds: every });
          waited += every;
        }
        ok = expectThat(n, `${label} until ${JSON.stringify(w.until)} (waited ${waited}s)`, diffs.length ? [`still not matching after ${limit}s of virtual time:`, ...diffs] : []);
        save(step.save as Record<string, string> | undefined, last);
      } else if ('control' in step) {
        const [method, path] = String(step.control).split(/\s+/);
        label = `control ${method} ${path}`;
        const { status, json: out } = await controlRaw(method, substitute(path, vars) as string, substitute(step.body, vars));
        const wantStatus = (step.expectStatus as number | undefined) ?? 200;
        const diffs = status === wantStatus ? [] : [`expected HTTP ${wantStatus}, got ${status}: ${JSON.stringify(out)}`];
        if (step.expect !== undefined) diffs.push(...match(substitute(step.expect, vars), out));
        if (step.expect !== undefined || step.expectStatus !== undefined || diffs.length) ok = expectThat(n, `${label}${step.expectStatus !== undefined ? ` answers ${wantStatus}` : ''}`, diffs);
        if (status < 300) save(step.save as Record<string, string> | undefined, out);
      } else if ('expectEvents' in step) {
        label = 'expectEvents';
        const { events } = (await control('GET', '/events')) as { events: unknown[] };
        ok = expectThat(n, label, match({ $contains: substitute(step.expectEvents, vars) }, events));
      } else if ('call' in step) {
        const spec = step as unknown as CallFields & { expect?: unknown; expectError?: string; save?: Record<string, string> };
        label = `call ${spec.call}`;
        let output: unknown;
        let failure: { name: string; message: string } | undefined;
        try {
          output = await call(spec, vars);
        } catch (err) {
          const e = err as { name?: string; message?: string; $metadata?: unknown };
          if (!e.$metadata) throw err;
          failure = { name: e.name ?? 'Error', message: e.message ?? '' };
        }
        if (spec.expectError !== undefined) {
          ok = expectThat(n, `${label} fails with ${spec.expectError}`, failure?.name === spec.expectError ? [] : [`expected error ${spec.expectError}, got ${failure ? `${failure.name}: ${failure.message}` : 'success'}`]);
        } else if (failure) {
          ok = expectThat(n, label, [`failed: ${failure.name}: ${failure.message}`]);
        } else if (spec.expect !== undefined) {
          ok = expectThat(n, label, match(substitute(spec.expect, vars), output));
        }
        if (!failure) save(spec.save, output);
      } else {
        throw new Error(`step ${n} has none of call, advance, waitFor, control, expectEvents`);
      }
      const title = step.name ? `${step.name}: ${label}` : label;
      log(`${prefix} ${ok ? 'ok  ' : 'FAIL'} ${title} (${Math.round(performance.now() - t0)} ms)`);
    }
  } catch (err) {
    error = (err as Error).message;
    log(`error: ${error}`);
  } finally {
    for (const c of clients.values()) {
      c.ssm.destroy();
      c.rg.destroy();
    }
    emu.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  return { name: scenario.name, passed: !error && expectations.every((e) => e.passed), expectations, error };
}

/** A Markdown table cell: pipes escaped, line breaks as <br>, so any text stays in its cell. */
export const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function formatResults(results: ScenarioResult[]): string {
  const lines = ['', '| scenario | step | expectation | result |', '| --- | --- | --- | --- |'];
  for (const r of results) {
    for (const e of r.expectations) {
      lines.push(`| ${cell(r.name)} | ${e.step} | ${cell(e.label)} | ${e.passed ? 'passed' : 'FAILED'} |`);
      for (const d of e.differences) lines.push(`| | | ${cell(d)} | |`);
    }
    if (r.error) lines.push(`| ${cell(r.name)} | | ${cell(`error: ${r.error}`)} | FAILED |`);
  }
  const passed = results.flatMap((r) => r.expectations).filter((e) => e.passed).length;
  const failed = results.flatMap((r) => r.expectations).filter((e) => !e.passed).length + results.filter((r) => r.error).length;
  lines.push('', `${passed} expectations passed, ${failed} failed; ${results.filter((r) => r.passed).length} of ${results.length} scenarios green`);
  return lines.join('\n');
}
