/**
 * Bad input never gets a 500. For every implemented operation, seeded random inputs built from the
 * model's shapes (valid-looking and broken: wrong lengths, out-of-range numbers, odd ids, missing
 * required members) go through the same path as a request. Each must answer a modelled or protocol
 * error (HTTP 400) or a success whose output matches the model (checkResponses turns drift into an
 * InternalServerError). State is shared across calls so later calls meet earlier calls' resources.
 *
 * Two targeted passes follow: every member set to an explicit JSON null (and lists holding a null),
 * and every name-like string member (and map key) set to the names of built-in object keys
 * (`constructor`, `__proto__`, ...) that are valid resource names, so a map keyed by user names
 * that still has a prototype shows up as a 500.
 */
import { describe, expect, it } from 'vitest';
import { Emulator } from '../emulator/emulator.js';
import { ServiceError } from '../emulator/core/errors.js';
import type { ShapeDef, ShapeTable } from '../emulator/core/shapes.js';
import { TEST_START } from '../emulator/testing/harness.js';
import { DEFAULT_FLEET_FILE } from '../emulator/sim/fleet/index.js';
import { toJsRegExp } from '../emulator/core/validate.js';
import RandExp from 'randexp';

const ROUNDS = 300;

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const CORPUS = [
  '', 'x', 'abc', '/app/db/url', '/app', 'app-param', '/aws/service/global-infrastructure/regions/us-east-1',
  'AWS-RunShellScript', 'AWS-RunPowerShellScript', 'My-Document', 'i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60006',
  'mi-0a1b2c3d4e5f60007', 'i-00000000000000000', '4e1f7c2a-9b3d-4a5e-8f6c-0d2b1a3c4e5f',
  'arn:aws:ssm:us-east-1:000000000000:parameter/app/db/url', 'arn:aws:ssm:us-east-1:111111111111:document/Shared',
  'tag:Env', 'tag-key', 'InstanceIds', 'resource-groups:Name', 'prod', 'Linux', 'Windows', '$LATEST', '$DEFAULT', '1', '0',
  '10%', '*', 'alias/aws/ssm', 'SSMServiceRole', '2025-01-01T00:00:00Z', '{"schemaVersion":"2.2","mainSteps":[]}',
  '[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2025-01-02T00:00:00.000Z"}}]',
  'schemaVersion: "2.2"\nmainSteps:\n  - action: aws:runShellScript\n    name: run\n    inputs:\n      runCommand: ["echo hi"]\n',
  'x'.repeat(300), 'ünïcødé', 'a b', '../../etc/passwd', '${x}', '{{ssm:/app/db/url}}',
];

type Rng = ReturnType<typeof rng>;
const regexCache = new Map<string, RegExp>();
const slowPatterns = new Set<string>();
const compiled = (p: string) => regexCache.get(p) ?? regexCache.set(p, toJsRegExp(p)).get(p)!;

/** A string that satisfies the shape's length and pattern: from the corpus when one fits, else generated. */
function validString(s: Extract<ShapeDef, { t: 'string' }>, r: Rng): string {
  const fits = (v: string) => (s.min === undefined || v.length >= s.min) && (s.max === undefined || v.length <= s.max) && (s.pattern === undefined || compiled(s.pattern).test(v));
  const candidates = CORPUS.filter(fits);
  if (candidates.length && (r.next() < 0.7 || s.pattern === undefined)) return r.pick(candidates);
  if (s.pattern !== undefined && !slowPatterns.has(s.pattern)) {
    const started = performance.now();
    // Generation only: cap long counted repeats ({1,100000}) so values stay small.
    const capped = s.pattern.replace(/\{(\d+),(\d+)\}/g, (_, a: string, b: string) => `{${a},${Math.max(Number(a), Math.min(Number(b), 64))}}`);
    const gen = new RandExp(toJsRegExp(capped));
    gen.max = 8;
    gen.randInt = (a: number, b: number) => a + r.int(b - a + 1);
    for (let i = 0; i < 5; i++) {
      const v = gen.gen();
      if (fits(v)) return v;
    }
    // Some model patterns (the ISO-8601 one with its back-references) make randexp crawl.
    if (performance.now() - started > 5) slowPatterns.add(s.pattern);
  }
  return 'x'.repeat(Math.max(1, s.min ?? 1));
}

/**
 * An input for a shape. `valid` inputs satisfy every model constraint, so they reach the handler's
 * own checks; wild ones break constraints on purpose.
 */
function makeValue(shapes: ShapeTable, name: string, r: Rng, depth: number, valid: boolean): unknown {
  const s: ShapeDef = shapes[name];
  switch (s.t) {
    case 'string':
      if (s.enum && (valid || r.next() < 0.85)) return r.pick(s.enum);
      return valid ? validString(s, r) : r.pick(CORPUS);
    case 'integer':
    case 'long': {
      const lo = s.min ?? 0;
      const hi = s.max ?? 100;
      const inside = lo + r.int(Math.max(1, Math.min(hi - lo + 1, 1000)));
      return valid ? r.pick([lo, Math.min(hi, lo + 1), inside, Math.min(hi, 10)]) : r.pick([lo, hi, lo - 1, hi + 1, inside, 0, 1]);
    }
    case 'float':
    case 'double':
      return r.next() * 100;
    case 'boolean':
      return r.next() < 0.5;
    case 'timestamp':
      return TEST_START / 1000 + r.int(86400 * 60) - 86400 * 30;
    case 'blob':
      return Buffer.from(r.pick(CORPUS)).toString('base64');
    case 'list': {
      const lo = s.min ?? 0;
      const n = valid ? Math.min(s.max ?? 3, Math.max(lo, r.pick([0, 1, 1, 2, 3]))) : r.pick([0, 1, 1, 2, 3, 11]);
      if (depth > 4) return valid && lo > 0 ? [makeValue(shapes, s.member, r, depth + 1, valid)] : [];
      return Array.from({ length: n }, () => makeValue(shapes, s.member, r, depth + 1, valid));
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      const keyShape = shapes[s.key];
      for (let i = r.int(3); i > 0; i--) {
        const k = valid && keyShape.t === 'string' ? validString(keyShape, r) : String(r.pick(CORPUS)).slice(0, 20) || 'k';
        out[k] = makeValue(shapes, s.value, r, depth + 1, valid);
      }
      return out;
    }
    case 'structure': {
      const out: Record<string, unknown> = {};
      const members = Object.entries(s.members);
      if (s.union) {
        const [m, shape] = r.pick(members);
        out[m] = makeValue(shapes, shape, r, depth + 1, valid);
        return out;
      }
      for (const [m, shape] of members) {
        const required = s.required?.includes(m);
        if (depth > 5 && !required) continue;
        if (required ? valid || r.next() < 0.93 : r.next() < 0.45) out[m] = makeValue(shapes, shape, r, depth + 1, valid);
      }
      return out;
    }
  }
}

describe('fuzzing every implemented operation with inputs built from the model', () => {
  for (const service of ['ssm', 'resource-groups'] as const) {
    it(`${service}: no input ever ends in an internal error`, () => {
      const emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'fuzz', checkResponses: true, fleet: DEFAULT_FLEET_FILE });
      const svc = emu.services[service];
      const failures: string[] = [];
      let ok = 0;
      let refused = 0;
      const ops = [...svc.handlers.keys()].sort();
      for (const [i, op] of ops.entries()) {
        const r = rng(1000 + i);
        const def = svc.operations[op];
        for (let round = 0; round < ROUNDS; round++) {
          const valid = round % 10 < 7;
          const input = (def.input ? makeValue(svc.shapes, def.input, r, 0, valid) : {}) as Record<string, unknown>;
          const account = r.next() < 0.9 ? '000000000000' : '111111111111';
          try {
            emu.request(service, op, input, { account, region: 'us-east-1' });
            ok++;
          } catch (e) {
            if (e instanceof ServiceError && e.status < 500 && typeof e.message === 'string') refused++;
            else failures.push(`${op} ${JSON.stringify(input).slice(0, 400)} -> ${e instanceof ServiceError ? `${e.code}: ${e.message}` : String((e as Error)?.stack ?? e)}`);
          }
          if (round % 40 === 39) emu.scheduler.advance(3_600_000);
        }
      }
      emu.close();
      expect(failures.slice(0, 5)).toEqual([]);
      expect(ok).toBeGreaterThan(ops.length * 2);
      expect(refused).toBeGreaterThan(0);
    }, 120_000);
  }
});

/** Names of built-in object properties that are valid SSM names (documents, parameters, groups...). */
const OBJECT_KEYS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

type Path = (string | number)[];

/** Paths of the members of a structure shape (depth-first, nested structures and lists of them), with their shapes. */
function memberPaths(shapes: ShapeTable, shape: string, prefix: Path = [], depth = 0): { path: Path; shape: string }[] {
  const s = shapes[shape];
  if (s.t !== 'structure' || depth > 3) return [];
  return Object.entries(s.members).flatMap(([m, ms]) => {
    const here = { path: [...prefix, m], shape: ms };
    const inner = shapes[ms];
    if (inner.t === 'structure') return [here, ...memberPaths(shapes, ms, [...prefix, m], depth + 1)];
    if (inner.t === 'list' && shapes[inner.member].t === 'structure') return [here, ...memberPaths(shapes, inner.member, [...prefix, m, 0], depth + 1)];
    return [here];
  });
}

/** A copy of `input` with the value at `path` replaced (creating structures and one-element lists on the way). */
function withValue(input: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  let at: any = copy;
  path.forEach((k, i) => {
    if (i === path.length - 1) {
      at[k] = value;
      return;
    }
    if (at[k] === undefined || at[k] === null) at[k] = typeof path[i + 1] === 'number' ? [{}] : {};
    if (Array.isArray(at[k]) && at[k].length === 0) at[k].push({});
    at = at[k];
  });
  return copy;
}

describe('explicit nulls and built-in object keys as names', () => {
  for (const service of ['ssm', 'resource-groups'] as const) {
    it(`${service}: no member set to null, and no name like "constructor", ends in an internal error`, () => {
      const emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'fuzz-names', checkResponses: true, fleet: DEFAULT_FLEET_FILE });
      const svc = emu.services[service];
      const failures: string[] = [];
      let calls = 0;
      const call = (op: string, input: Record<string, unknown>) => {
        calls++;
        try {
          emu.request(service, op, input, { account: '000000000000', region: 'us-east-1' });
        } catch (e) {
          if (!(e instanceof ServiceError && e.status < 500)) {
            failures.push(`${op} ${JSON.stringify(input).slice(0, 300)} -> ${e instanceof ServiceError ? `${e.code}: ${e.message}` : String((e as Error)?.stack ?? e).slice(0, 300)}`);
          }
        }
      };
      for (const [i, op] of [...svc.handlers.keys()].sort().entries()) {
        const def = svc.operations[op];
        if (!def.input) continue;
        const r = rng(5000 + i);
        const base = makeValue(svc.shapes, def.input, r, 0, true) as Record<string, unknown>;
        for (const { path, shape } of memberPaths(svc.shapes, def.input)) {
          call(op, withValue(base, path, null));
          const s = svc.shapes[shape];
          if (s.t === 'list') call(op, withValue(base, path, [null]));
          if (s.t === 'map') call(op, withValue(base, path, { k: null }));
          for (const name of OBJECT_KEYS) {
            if (s.t === 'string' && !s.enum) call(op, withValue(base, path, name));
            else if (s.t === 'list' && svc.shapes[s.member].t === 'string') call(op, withValue(base, path, [name]));
            else if (s.t === 'map') call(op, withValue(base, path, JSON.parse(`{"${name}": ${JSON.stringify(makeValue(svc.shapes, s.value, r, 1, true))}}`)));
          }
        }
      }
      emu.close();
      if (process.env.FUZZ_DUMP) console.log([...new Set(failures.map((f) => f.replace(/{.*} ->/, "->")))].join("\n"));
      expect(failures.slice(0, 8)).toEqual([]);
      expect(calls).toBeGreaterThan(service === 'ssm' ? 1000 : 100);
    }, 120_000);
  }
});
