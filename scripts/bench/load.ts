/**
 * Load generation for the benchmarks: wrk (a C load generator, in Debian's packages) when it is
 * installed, otherwise a keep-alive node:http client in a child process. Both report requests per
 * second and latency percentiles for N concurrent connections over a fixed duration.
 */
import { spawnSync, spawn } from 'node:child_process';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoadResult {
  rps: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  errors: number;
  tool: 'wrk' | 'node';
}

export interface LoadSpec {
  url: string;
  target: string;
  /** A Lua expression for the body, or a fixed body. `%d` in bodyTemplate is replaced by a counter mod `vary`. */
  bodyTemplate: string;
  vary?: number;
  connections?: number;
  seconds?: number;
}

export const SIGV4_AUTH =
  'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/ssm/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000';

export const hasWrk = () => spawnSync('wrk', ['--version']).error === undefined;

const luaString = (s: string) => JSON.stringify(s); // JSON string escapes are valid Lua string escapes here

function wrkScript(spec: LoadSpec): string {
  const [before, after] = spec.bodyTemplate.split('%d');
  return `
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = ${luaString(spec.target)}
wrk.headers["X-Amz-Date"] = "20250101T000000Z"
wrk.headers["Authorization"] = ${luaString(SIGV4_AUTH)}
local counter = 0
request = function()
  ${after === undefined ? `return wrk.format(nil, nil, nil, ${luaString(before)})` : `counter = counter + 1
  return wrk.format(nil, nil, nil, ${luaString(before)} .. tostring(counter % ${spec.vary ?? 1000}) .. ${luaString(after)})`}
end
response = function(status, headers, body)
  if status ~= 200 then errors = (errors or 0) + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %f %f %d\\n", summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration))
end
`;
}

/**
 * One wrk thread: on a 2-core machine a second load thread takes CPU from the server under test
 * (8 connections are still kept busy by one thread's event loop).
 */
export function runWrk(spec: LoadSpec): LoadResult {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const script = join(dir, 'load.lua');
  writeFileSync(script, wrkScript(spec));
  const conns = spec.connections ?? 8;
  const r = spawnSync('wrk', ['-t', '1', '-c', String(conns), '-d', `${spec.seconds ?? 8}s`, '-s', script, spec.url], { encoding: 'utf8' });
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk failed: ${r.stdout} ${r.stderr}`);
  const [, requests, errors, p50, p99, durationUs] = line.split(' ').map(Number);
  return { rps: requests / (durationUs / 1e6), p50ms: p50, p99ms: p99, requests, errors, tool: 'wrk' };
}

/** The fallback load generator, run in its own process so it does not share the server's CPU time slice. */
export function runNodeLoad(spec: LoadSpec): Promise<LoadResult> {
  const code = `
const http = require('node:http');
const spec = ${JSON.stringify(spec)};
const auth = ${JSON.stringify(SIGV4_AUTH)};
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections ?? 8 });
const url = new URL(spec.url);
const lat = []; let errors = 0; let counter = 0; const end = Date.now() + (spec.seconds ?? 8) * 1000;
const [before, after] = spec.bodyTemplate.split('%d');
function one(done) {
  const body = after === undefined ? before : before + (++counter % (spec.vary ?? 1000)) + after;
  const t0 = process.hrtime.bigint();
  const req = http.request({ agent, host: url.hostname, port: url.port, path: '/', method: 'POST', headers: {
    'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': spec.target, 'Authorization': auth, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
    res.resume(); res.on('end', () => { if (res.statusCode !== 200) errors++; lat.push(Number(process.hrtime.bigint() - t0) / 1e6); done(); });
  });
  req.on('error', () => { errors++; done(); });
  req.end(body);
}
const start = Date.now(); let active = spec.connections ?? 8;
for (let i = 0; i < active; i++) (function loop() { if (Date.now() > end) { if (--active === 0) report(); return; } one(loop); })();
function report() {
  lat.sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))];
  process.stdout.write(JSON.stringify({ rps: lat.length / ((Date.now() - start) / 1000), p50ms: pct(0.5), p99ms: pct(0.99), requests: lat.length, errors, tool: 'node' }));
  process.exit(0);
}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out) as LoadResult);
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

export async function load(spec: LoadSpec): Promise<LoadResult> {
  return hasWrk() ? runWrk(spec) : runNodeLoad(spec);
}

/** One POST over a keep-alive agent (the benchmarks' own client calls). */
export function httpPost(agent: http.Agent, port: number, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port, method: 'POST', path, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** An SSM JSON 1.1 call, signed-looking as the SDKs send it. */
export function ssmPost(agent: http.Agent, port: number, target: string, body: string): Promise<{ status: number; text: string }> {
  return httpPost(
    agent,
    port,
    '/',
    { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AmazonSSM.${target}`, 'X-Amz-Date': '20250101T000000Z', Authorization: SIGV4_AUTH },
    body,
  );
}

/** An SSM call that must answer 200; its parsed body. */
export async function ssmJson(agent: http.Agent, port: number, target: string, body: object): Promise<any> {
  const res = await ssmPost(agent, port, target, JSON.stringify(body));
  if (res.status !== 200) throw new Error(`${target} answered ${res.status}: ${res.text}`);
  return JSON.parse(res.text);
}

/** POST /_emulator/clock/advance; its parsed answer ({tasksRun, ...}). */
export async function advanceClock(agent: http.Agent, port: number, seconds: number): Promise<any> {
  const res = await httpPost(agent, port, '/_emulator/clock/advance', { 'Content-Type': 'application/json' }, JSON.stringify({ seconds }));
  if (res.status !== 200) throw new Error(`advance answered ${res.status}: ${res.text}`);
  return JSON.parse(res.text);
}

/** The V8 garbage collector, when it can be reached (for heap figures). */
export function gcFunction(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/** The heap in use after collecting garbage (twice: weak references go in the second pass). */
export function heapUsed(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}
/** A row of an extra bench suite (scripts/bench/run.ts folds them into the results table). */
export interface SuiteRow {
  name: string;
  value: number | string;
  unit: string;
  note?: string;
}

/** 1,000 Amazon Linux web servers tagged Env=prod and 200 Ubuntu nodes tagged Env=dev: the fleet of the 1,000-node suites. */
export const THOUSAND_NODES = 1000;
export const thousandNodeFleet = {
  groups: [
    { Count: THOUSAND_NODES, Platform: 'amazon-linux-2023', Tags: { Env: 'prod', Role: 'web' } },
    { Count: 200, Platform: 'ubuntu-22.04', Tags: { Env: 'dev' } },
  ],
};

/** Closes a suite's client agent, its in-process emulator and the HTTP server in front of it. */
export async function closeSuite(agent: http.Agent, emu: { close(): void }, server: http.Server): Promise<void> {
  agent.destroy();
  emu.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}

/**
 * When the suite file is run alone (npx tsx scripts/bench/<suite>.ts [--quick]): runs it and prints
 * its rows as a table. True when it ran.
 */
export async function runStandalone(moduleUrl: string, run: (opts: { quick?: boolean }) => Promise<SuiteRow[]>): Promise<boolean> {
  if (!process.argv[1] || moduleUrl !== new URL(`file://${process.argv[1]}`).href) return false;
  const rows = await run({ quick: process.argv.includes('--quick') });
  console.log('| measurement | value | unit | note |\n| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.name} | ${typeof r.value === 'number' ? Math.round(r.value * 100) / 100 : r.value} | ${r.unit} | ${r.note ?? ''} |`);
  return true;
}
