/**
 * The layering rules, as a test (CONTRIBUTING.md, "Layers"): it reads every source file under
 * emulator/ (tests and the test harness aside) and fails on
 *
 *   - an import that runs upward: entry points (app, server, main, index, config) -> protocol/ and
 *     control/ -> emulator.ts -> services/ -> sim/ -> time/, state/, core/ (with generated/ and
 *     model/, the code and data made from AWS's model); so core/ never imports emulator.ts, sim/
 *     never imports services/, services/ never imports protocol/ or control/; and a capability
 *     area never imports another area's files (it uses ports; services/index.ts lists the areas);
 *   - an import of a file outside emulator/ (the package build's rootDir; scripts/typecheck.test.ts
 *     relies on this rule instead of running that build);
 *   - a read of the wall clock (Date.now(), new Date() without arguments, performance.now())
 *     outside time/ and the HTTP and process edges that measure real durations;
 *   - Math.random anywhere but the seed of a new emulator (core/ids.ts);
 *   - a RegExp built at run time (new RegExp / RegExp(...)) outside the files that build them only
 *     from constants or AWS's own model: a pattern from a request, a document or a fixture goes
 *     through the linear-time engine (core/regex.ts).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'testing' ? [] : sources(p);
    return f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.bench.ts') ? [p] : [];
  });
}

const files = sources(root).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));

/**
 * Layer of a path under emulator/: its first folder; emulator.ts (the Emulator: every area
 * composed) sits above services/ and below the HTTP layers; the other top-level files (app, server,
 * main, index, config) are the process's entry points, above everything.
 */
const layerOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : path === 'emulator.ts' ? 'emulator' : 'root');
/** The capability folder of a services/ or sim/ path. */
const areaOf = (path: string) => path.split('/')[1];

const RANK: Record<string, number> = { generated: 1, model: 1, core: 1, time: 1, state: 1, sim: 2, services: 3, emulator: 4, protocol: 5, control: 5, root: 6 };

/** Every relative module a file imports or re-exports (static or dynamic, type-only included). */
function importsOf(file: { path: string; text: string }): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (const m of file.text.matchAll(re)) out.push(relative(root, resolve(root, dirname(file.path), m[1])).replace(/\.js$/, '.ts'));
  return out;
}

function importProblems(): string[] {
  const problems: string[] = [];
  for (const f of files) {
    const from = layerOf(f.path);
    for (const to of importsOf(f)) {
      const layer = layerOf(to);
      if (to.startsWith('..')) problems.push(`${f.path} imports ${to}, outside emulator/ (the package is built from emulator/ alone)`);
      else if (RANK[layer] > RANK[from]) problems.push(`${f.path} (${from}) imports upward: ${to} (${layer})`);
      else if (from === 'services' && layer === 'services' && areaOf(f.path) !== areaOf(to) && f.path !== 'services/index.ts') {
        problems.push(`${f.path} imports another area's file ${to}: use a port (core/ports.ts)`);
      }
    }
  }
  return problems;
}

/** Code without comments and string/template contents, so a mention in prose is not a call. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
}

function occurrences(pattern: RegExp, allowed: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (allowed(f.path)) continue;
    const lines = code(f.text).split('\n');
    lines.forEach((line, i) => {
      if (pattern.test(line)) out.push(`${f.path}:${i + 1}: ${line.trim()}`);
    });
  }
  return out;
}

/**
 * Files that build RegExps at run time, each from constants or AWS's model only. Anything else
 * (request data, document content, fixtures) must use core/regex.ts.
 */
const REGEXP_BUILDERS: Record<string, string> = {
  'core/regex.ts': 'the safe engine itself (linear time) and its tests of the JavaScript fallback',
  'core/validate.ts': "AWS's own model patterns (not user data)",
  'core/http.ts': "route templates from AWS's model",
  'sim/parameters/kms.ts': 'constant key id shapes',
  'sim/shell/powershell/parser.ts': 'constant operator names',
};

describe('layers and boundaries', () => {
  it('no import runs upward or out of emulator/, and no area imports another area', () => {
    expect(importProblems()).toEqual([]);
  });

  it('the wall clock is read only in time/ and at the edges that measure real durations', () => {
    // scenario/runner.ts: the scenario CLI prints each step's wall time.
    const edges = new Set(['time/clock.ts', 'emulator.ts', 'main.ts', 'core/log.ts', 'control/health.ts', 'protocol/json-rpc.ts', 'protocol/rest-json.ts', 'scenario/runner.ts']);
    expect(occurrences(/\bDate\.now\(|new Date\(\s*\)|performance\.now\(/, (p) => p.startsWith('time/') || edges.has(p))).toEqual([]);
  });

  it('Math.random only seeds a new emulator', () => {
    expect(occurrences(/\bMath\.random\b/, (p) => p === 'core/ids.ts')).toEqual([]);
  });

  it('no RegExp is built at run time outside the files that build them from constants or the model', () => {
    expect(occurrences(/\bRegExp\s*\(/, (p) => p in REGEXP_BUILDERS)).toEqual([]);
  });

  it('the rules see the code: a file of every layer is read', () => {
    for (const layer of Object.keys(RANK)) expect(files.some((f) => layerOf(f.path) === layer), layer).toBe(true);
  });
});
