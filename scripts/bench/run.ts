/**
 * npm run bench: the performance figures in README, measured side by side in one run.
 *
 *   1. cold start to healthy: `node dist/main.js` (and `npm start`) vs moto's server;
 *   2. GetParameter and PutParameter throughput and p99 latency at 8 connections: the emulator vs a
 *      bare node:http server that parses the body and returns the same response (the limit) vs moto;
 *   3. GetParametersByPath first-page latency with 1,000 vs 100,000 parameters in the store;
 *   4. extra suites from other capabilities (fleet, Run Command, Patch Manager, Inventory, Maintenance Windows, State Manager, Automation, Session Manager) when present;
 *   5. adversarial scripts: the worst event-loop delay while runaway scripts run (adversarial.ts).
 *
 * Options: --quick (shorter runs), --no-moto, --only=start,throughput,path,fleet,commands,patching,inventory,maintenance-windows,associations,automation,sessions,adversarial
 * Results are printed as a table and written to scripts/bench/results.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { load, hasWrk, ssmPost, type LoadResult } from './load.js';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const noMoto = args.includes('--no-moto');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (s: string) => !only || only.includes(s);
const SECONDS = quick ? 3 : 8;

export interface Row {
  suite: string;
  name: string;
  value: number | string;
  unit: string;
  note?: string;
}
const rows: Row[] = [];
const add = (r: Row) => {
  rows.push(r);
  console.log(`  ${r.suite} | ${r.name}: ${typeof r.value === 'number' ? round(r.value) : r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
};
const round = (n: number) => (n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let nextPort = 4700;

// ---------- processes ----------

interface Proc {
  child: ChildProcess;
  port: number;
  url: string;
}

function httpGet(url: string): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.on('error', () => resolveStatus(0));
    req.setTimeout(1000, () => req.destroy());
  });
}

async function waitHealthy(url: string, timeoutMs = 20_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if ((await httpGet(url)) === 200) return performance.now() - t0;
    await sleep(2);
  }
  throw new Error(`not healthy after ${timeoutMs} ms: ${url}`);
}

const emulatorCmd = (port: number): [string, string[]] => [
  process.execPath,
  [join(root, 'dist/bundle/main.js'), '--port', String(port), '--no-fleet', '--log-level', 'warn'],
];
const motoCmd = (port: number): [string, string[]] => ['python3', ['-m', 'moto.server', '-p', String(port)]];
const bareCmd = (port: number): [string, string[]] => [process.execPath, ['--import', 'tsx', join(root, 'scripts/bench/bare-server.ts'), String(port)]];

type Kind = 'emulator' | 'emulator --data-dir' | 'moto' | 'bare';

async function start(kind: Kind): Promise<Proc> {
  const port = nextPort++;
  let [cmd, argv] = kind === 'moto' ? motoCmd(port) : kind === 'bare' ? bareCmd(port) : emulatorCmd(port);
  if (kind === 'emulator --data-dir') argv = [...argv, '--data-dir', mkdtempSync(join(tmpdir(), 'bench-data-'))];
  const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'], detached: true });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(kind.startsWith('emulator') ? `${url}/_emulator/health` : kind === 'moto' ? `${url}/moto-api/` : `${url}/`, 30_000);
  return { child, port, url };
}

async function stop(p: Proc): Promise<void> {
  const exited = new Promise((r) => p.child.once('exit', r));
  process.kill(-p.child.pid!, 'SIGTERM');
  await exited;
}

async function rpc(url: string, operation: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await ssmPost(keepAlive, Number(new URL(url).port), operation, JSON.stringify(body));
  return { status: res.status, body: res.text ? JSON.parse(res.text) : {} };
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 16 });

// ---------- suites ----------

async function coldStart(): Promise<void> {
  console.log('\n# cold start to healthy');
  const measureExit = async (cmd: [string, string[]], runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await new Promise((r) => spawn(cmd[0], cmd[1], { stdio: 'ignore' }).once('exit', r));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  const measure = async (cmd: [string, string[]], healthPath: string, runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const port = nextPort++;
      const [c, a] = cmd;
      const t0 = performance.now();
      if ((await httpGet(`http://127.0.0.1:${port}${healthPath}`)) !== 0) throw new Error(`port ${port} is already in use`);
      // Its own process group, so that killing it also stops what npm started.
      const child = spawn(c, a.map((x) => x.replace('__PORT__', String(port))), { cwd: root, stdio: 'ignore', detached: true });
      await waitHealthy(`http://127.0.0.1:${port}${healthPath}`, 30_000);
      times.push(performance.now() - t0);
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  add({ suite: 'start', name: 'emulator: node dist/bundle/main.js -> healthy (median of 10)', value: await measure([process.execPath, [join(root, 'dist/bundle/main.js'), '--port', '__PORT__', '--log-level', 'warn']], '/_emulator/health', quick ? 3 : 10), unit: 'ms', note: 'what npm start runs; default fleet loaded' });
  add({ suite: 'start', name: 'baseline: node -e (an empty script), exit', value: await measureExit([process.execPath, ['-e', '0']], quick ? 3 : 10), unit: 'ms', note: "node's own start-up on this machine" });
  add({ suite: 'start', name: 'emulator: npm start -> healthy (median of 5)', value: await measure(['npm', ['start', '--silent', '--', '--port', '__PORT__', '--log-level', 'warn']], '/_emulator/health', quick ? 2 : 5), unit: 'ms', note: 'includes npm\'s own start-up' });
  // npm's own share: `npm start` of a package whose start script is a bare node:http server.
  const npmDir = mkdtempSync(join(tmpdir(), 'npm-baseline-'));
  writeFileSync(
    join(npmDir, 'package.json'),
    JSON.stringify({ name: 'baseline', private: true, scripts: { start: `node -e "require('http').createServer((q,s)=>s.end('ok')).listen(+process.argv[1])"` } }),
  );
  const baseline = await measure(['npm', ['start', '--silent', '--prefix', npmDir, '--', '__PORT__']], '/', quick ? 2 : 5);
  add({ suite: 'start', name: 'baseline: npm start of a bare node:http server -> responding (median of 5)', value: baseline, unit: 'ms', note: "npm's and node's own start-up" });
  if (!noMoto) add({ suite: 'start', name: 'moto: python3 -m moto.server -> responding (median of 3)', value: await measure(['python3', ['-m', 'moto.server', '-p', '__PORT__']], '/moto-api/', quick ? 1 : 3), unit: 'ms' });
}

async function throughput(): Promise<void> {
  console.log(`\n# throughput, 8 connections, ${SECONDS} s each (${hasWrk() ? 'wrk' : 'node load generator'})`);
  const getBody = '{"Name":"/bench/app/db-url","WithDecryption":true}';
  const putBody = '{"Name":"/bench/put/p%d","Value":"value-of-a-typical-size-0123456789","Type":"String","Overwrite":true}';
  const servers: Kind[] = noMoto ? ['bare', 'emulator', 'emulator --data-dir'] : ['bare', 'emulator', 'emulator --data-dir', 'moto'];
  const results: Record<string, { get: LoadResult; put: LoadResult }> = {};
  for (const kind of servers) {
    const p = await start(kind);
    try {
      if (kind !== 'bare') {
        const r = await rpc(p.url, 'PutParameter', { Name: '/bench/app/db-url', Value: 'postgres://db.internal:5432/app', Type: 'String' });
        if (r.status !== 200) throw new Error(`${kind}: PutParameter failed: ${JSON.stringify(r.body)}`);
      }
      const spec = { url: p.url, connections: 8 };
      await load({ ...spec, target: 'AmazonSSM.GetParameter', bodyTemplate: getBody, seconds: 2 }); // warm-up
      const get = await load({ ...spec, target: 'AmazonSSM.GetParameter', bodyTemplate: getBody, seconds: SECONDS });
      const put = await load({ ...spec, target: 'AmazonSSM.PutParameter', bodyTemplate: putBody, vary: 1000, seconds: SECONDS });
      results[kind] = { get, put };
      for (const [op, r] of [['GetParameter', get], ['PutParameter', put]] as const) {
        add({ suite: 'throughput', name: `${kind} ${op}`, value: r.rps, unit: 'req/s', note: `p50 ${round(r.p50ms)} ms, p99 ${round(r.p99ms)} ms, ${r.errors} non-200` });
      }
    } finally {
      await stop(p);
    }
  }
  const e = results.emulator;
  const persisted = results['emulator --data-dir'];
  if (e && persisted) {
    add({ suite: 'throughput', name: 'persistence cost: PutParameter with --data-dir / in memory', value: `${Math.round((persisted.put.rps / e.put.rps) * 100)}%`, unit: '', note: 'every acknowledged write journaled before the answer' });
  }
  if (e && results.bare) {
    add({ suite: 'throughput', name: 'emulator / bare GetParameter', value: `${Math.round((e.get.rps / results.bare.get.rps) * 100)}%`, unit: '', note: 'target >= 50%' });
  }
  if (e && results.moto) {
    add({ suite: 'throughput', name: 'emulator / moto GetParameter', value: `${round(e.get.rps / results.moto.get.rps)}x`, unit: '', note: 'target >= 50x' });
    add({ suite: 'throughput', name: 'emulator / moto PutParameter', value: `${round(e.put.rps / results.moto.put.rps)}x`, unit: '' });
  }
}

async function pathPaging(): Promise<void> {
  console.log('\n# GetParametersByPath first page (MaxResults 10, Recursive) with 1,000 vs 100,000 parameters');
  const p = await start('emulator');
  try {
    let made = 0;
    const fill = async (upTo: number) => {
      const conc = 16;
      const worker = async () => {
        while (made < upTo) {
          const i = made++;
          const name = `/bench/tree/team${i % 100}/svc${Math.floor(i / 100) % 100}/p${i}`;
          const r = await rpc(p.url, 'PutParameter', { Name: name, Value: `v${i}`, Type: 'String', Tier: 'Advanced' });
          if (r.status !== 200) throw new Error(`fill failed at ${i}: ${JSON.stringify(r.body)}`);
        }
      };
      await Promise.all(Array.from({ length: conc }, worker));
    };
    const measure = async () => {
      const n = quick ? 300 : 2000;
      const lat: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const r = await rpc(p.url, 'GetParametersByPath', { Path: '/bench/tree', Recursive: true, MaxResults: 10 });
        lat.push(performance.now() - t0);
        if (r.status !== 200 || r.body.Parameters.length !== 10) throw new Error(`bad page: ${JSON.stringify(r.body).slice(0, 300)}`);
      }
      const oneLevel: number[] = [];
      for (let i = 0; i < n / 4; i++) {
        const t0 = performance.now();
        await rpc(p.url, 'GetParametersByPath', { Path: '/bench/tree/team7/svc3', MaxResults: 10 });
        oneLevel.push(performance.now() - t0);
      }
      lat.sort((a, b) => a - b);
      oneLevel.sort((a, b) => a - b);
      return { p50: lat[Math.floor(lat.length / 2)], p99: lat[Math.floor(lat.length * 0.99)], one: oneLevel[Math.floor(oneLevel.length / 2)] };
    };
    await fill(1_000);
    const small = await measure();
    add({ suite: 'path', name: 'first page, 1,000 parameters', value: small.p50, unit: 'ms', note: `p99 ${round(small.p99)} ms; one-level page p50 ${round(small.one)} ms` });
    const t0 = performance.now();
    await fill(100_000);
    const fillSeconds = (performance.now() - t0) / 1000;
    const big = await measure();
    add({ suite: 'path', name: 'first page, 100,000 parameters', value: big.p50, unit: 'ms', note: `p99 ${round(big.p99)} ms; one-level page p50 ${round(big.one)} ms` });
    add({ suite: 'path', name: '100k / 1k first-page latency', value: `${round(big.p50 / small.p50)}x`, unit: '', note: 'target <= 2x' });
    add({ suite: 'path', name: 'PutParameter to fill 99,000 (16 connections)', value: 99_000 / fillSeconds, unit: 'req/s' });
  } finally {
    await stop(p);
  }
}

/** Suites contributed by capability areas: scripts/bench/<name>.ts exporting run(): Promise<Row[]>. */
async function extraSuite(name: string): Promise<void> {
  const file = join(root, `scripts/bench/${name}.ts`);
  if (!existsSync(file)) return;
  console.log(`\n# ${name}`);
  const mod = (await import(file)) as { run?: (o: { quick: boolean }) => Promise<Row[]> };
  if (!mod.run) return;
  for (const r of await mod.run({ quick })) add({ ...r, suite: name });
}

async function main(): Promise<void> {
  console.log('building dist/ ...');
  const b = args.includes("--no-build") ? { status: 0 } : spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
  if (!noMoto && spawnSync('python3', ['-c', 'import moto']).status !== 0) {
    console.log('moto is not installed: its columns are skipped');
    process.argv.push('--no-moto');
  }
  if (want('start')) await coldStart();
  if (want('throughput')) await throughput();
  if (want('path')) await pathPaging();
  for (const extra of ['fleet', 'commands', 'patching', 'inventory', 'maintenance-windows', 'associations', 'automation', 'sessions', 'adversarial']) if (want(extra)) await extraSuite(extra);

  const md = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${spawnSync('nproc').stdout?.toString().trim()} cores, Node ${process.version}, load by ${hasWrk() ? 'wrk' : 'the node load generator'}.`,
    '',
    '| suite | measurement | value | unit | note |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.suite} | ${r.name} | ${typeof r.value === 'number' ? round(r.value) : r.value} | ${r.unit} | ${r.note ?? ''} |`),
  ].join('\n');
  writeFileSync(join(root, 'scripts/bench/results.md'), md + '\n');
  console.log(`\n${md}\n\n(written to scripts/bench/results.md)`);
  keepAlive.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
