/**
 * npm run soak: 100 concurrent clients mix reads and writes across capabilities against a built
 * emulator (node dist/bundle/main.js, default fleet, real clock) on loopback, then print the errors
 * (must be 0), latency percentiles and the server's RSS (must be flat). Not part of CI: it takes
 * minutes and its figures go into README by hand.
 *
 * Two phases with the same mix. Warm-up: until the command history is full (the emulator's health
 * output counts the first eviction; its caps are in sim/commands/timing.ts) and `--settle` seconds
 * more. A fresh emulator holds less than a full history, so RSS grows while the history fills; what
 * must be flat is what follows: the measured phase (`--seconds`) starts from the warm-up's RSS, and
 * its growth is the figure (a leak shows as growth there). RSS as sampled also holds garbage V8 has
 * not collected yet (under this load, as much again as the live data), so at both points the soak
 * asks the server's V8 for a full GC through the inspector protocol and prints RSS and the live heap
 * after it: those are the figures that must be flat.
 *
 *   npm run soak [-- --seconds 60 --clients 100 --settle 15 --max-warmup 180]
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { WebSocket } from 'ws';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 60);
const CLIENTS = arg('clients', 100);
const SETTLE = arg('settle', 15);
const MAX_WARMUP = arg('max-warmup', 180);

interface Result {
  status: number;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function post(port: number, path: string, headers: Record<string, string>, body: string): Promise<Result> {
  return new Promise((done, fail) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

const ssm = (port: number, op: string, input: unknown, account: string) =>
  post(
    port,
    '/',
    {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AmazonSSM.${op}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=${account}/20250101/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=soak`,
    },
    JSON.stringify(input),
  );

/** RSS of the server process, from /proc (Linux). */
const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

const FLEET_ACCOUNT = '000000000000';

/** One client's next request: a weighted mix over what the emulator implements, with the 4xx it expects. */
function nextCall(client: number, n: number, account: string): { op: string; input: unknown; ok: (r: Result) => boolean } {
  // A cycle of ten calls works on one name (put twice, read, delete), five names a client.
  const name = `/soak/c${client}/p${Math.floor(n / 10) % 5}`;
  const success = (r: Result) => r.status === 200;
  const expected4xx = (code: string) => (r: Result) => r.status === 200 || (r.status === 400 && r.body.includes(code));
  switch (n % 10) {
    case 0:
    case 1:
      return { op: 'PutParameter', input: { Name: name, Value: `v${n}`, Type: 'String', Overwrite: true }, ok: success };
    case 2:
    case 3:
      return { op: 'GetParameter', input: { Name: name }, ok: expected4xx('ParameterNotFound') };
    case 4:
      return { op: 'GetParametersByPath', input: { Path: `/soak/c${client}`, MaxResults: 10 }, ok: success };
    case 5:
      return { op: 'DescribeInstanceInformation', input: { MaxResults: 10 }, ok: success };
    case 6:
      // The default fleet's four Env=prod nodes (one is Windows: InvalidPlatform). The other
      // account has no fleet; its clients read instead, so that one history fills in the warm-up.
      return account === FLEET_ACCOUNT
        ? { op: 'SendCommand', input: { DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Env', Values: ['prod'] }], Parameters: { commands: ['echo soak', 'uname -a'] } }, ok: success }
        : { op: 'DescribeInstanceInformation', input: {}, ok: success };
    case 7:
      return { op: 'ListCommands', input: { MaxResults: 5 }, ok: success };
    case 8:
      return { op: 'DescribeDocument', input: { Name: 'AWS-RunShellScript' }, ok: success };
    default:
      return { op: 'DeleteParameter', input: { Name: name }, ok: expected4xx('ParameterNotFound') };
  }
}

async function main(): Promise<void> {
  // --inspect: the soak asks the server's V8 for its live heap (after a full GC) through the
  // inspector protocol, so that the figure is the data the emulator holds, not the allocator's slack.
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', resolve(root, 'dist/bundle/main.js'), '--port', '0', '--log-level', 'warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const serverErrors: string[] = [];
  const { port, inspector } = await new Promise<{ port: number; inspector: string }>((done, fail) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(err);
      const i = /Debugger listening on (ws:\/\/\S+)/.exec(err);
      if (m && i) done({ port: Number(m[1]), inspector: i[1] });
      // after start-up: keep the server's error lines (a 500's cause) for the report
      if (m && i) for (const line of d.toString().split('\n')) if (line.includes('"level":"error"') && serverErrors.length < 20) serverErrors.push(line);
    });
    child.on('exit', (code) => fail(new Error(`emulator exited (${code}): ${err}`)));
  });
  const v8 = new WebSocket(inspector);
  await new Promise((done, fail) => v8.once('open', done).once('error', fail));
  let callId = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<any>((done) => {
      const id = ++callId;
      const onMessage = (raw: Buffer) => {
        const msg = JSON.parse(raw.toString());
        if (msg.id === id) {
          v8.off('message', onMessage);
          done(msg.result);
        }
      };
      v8.on('message', onMessage);
      v8.send(JSON.stringify({ id, method, params }));
    });
  /** The server's live heap in MB after a full garbage collection, with the heap's size, external memory and RSS then. */
  const liveHeapMb = async () => {
    await call('HeapProfiler.collectGarbage');
    const r = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    const u = JSON.parse(r.result.value) as NodeJS.MemoryUsage;
    const mb = (n: number) => n / 1024 / 1024;
    return { used: mb(u.heapUsed), total: mb(u.heapTotal), external: mb(u.external), rss: mb(u.rss) };
  };
  const rssLaunch = rssMb(child.pid!);
  const evicted = async () => {
    const r = await new Promise<string>((done, fail) =>
      http.get({ host: '127.0.0.1', port, path: '/_emulator/health', agent }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => done(text));
      }).on('error', fail),
    );
    return (JSON.parse(r) as { limits: { commandsEvicted: number } }).limits.commandsEvicted;
  };

  // Every client runs the mix until `stop` says so; the phase's samples go to `into`.
  const run = (into: { latencies: number[]; errors: string[] }, stop: () => boolean) =>
    Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const account = client % 4 === 0 ? '111111111111' : FLEET_ACCOUNT;
        for (let n = 0; !stop(); n++) {
          const call = nextCall(client, n, account);
          const started = performance.now();
          try {
            const r = await ssm(port, call.op, call.input, account);
            into.latencies.push(performance.now() - started);
            if (!call.ok(r)) into.errors.push(`${call.op}: ${r.status} ${r.body.slice(0, 200)}`);
          } catch (e) {
            into.errors.push(`${call.op}: ${(e as Error).message}`);
          }
        }
      }),
    );

  const warm = { latencies: [] as number[], errors: [] as string[] };
  const warmStart = performance.now();
  let warmEnd = warmStart + MAX_WARMUP * 1000;
  const watcher = setInterval(() => {
    void evicted().then((n) => {
      if (n > 0 && warmEnd > performance.now() + SETTLE * 1000) warmEnd = performance.now() + SETTLE * 1000;
    });
  }, 1000);
  await run(warm, () => performance.now() >= warmEnd);
  clearInterval(watcher);
  const full = (await evicted()) > 0;
  const rssStart = rssMb(child.pid!);
  const heapStart = await liveHeapMb();
  const measured = { latencies: [] as number[], errors: [] as string[] };
  const deadline = performance.now() + SECONDS * 1000;
  await run(measured, () => performance.now() >= deadline);
  const rssEnd = rssMb(child.pid!);
  const heapEnd = await liveHeapMb();
  v8.close();
  child.kill('SIGTERM');
  agent.destroy();
  const { latencies, errors } = measured;
  errors.push(...warm.errors);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
  const pctChange = (a: number, b: number) => ((b - a) / a) * 100;
  console.log(`soak: ${CLIENTS} clients; warm-up ${((performance.now() - warmStart) / 1000 - SECONDS).toFixed(0)} s (${warm.latencies.length} requests, command history ${full ? 'full' : 'NOT full'}), then ${SECONDS} s measured: ${latencies.length} requests (${Math.round(latencies.length / SECONDS)} req/s)`);
  console.log(`errors (both phases): ${errors.length}${errors.length ? `\n  ${[...new Set(errors)].slice(0, 10).join('\n  ')}` : ''}`);
  console.log(`latency ms (measured phase): p50 ${pct(50)}, p99 ${pct(99)}, max ${pct(100)}`);
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}%`;
  console.log(`server RSS as sampled: ${rssLaunch.toFixed(0)} MB at launch, ${rssStart.toFixed(0)} MB after the warm-up, ${rssEnd.toFixed(0)} MB at the end (garbage not yet collected included)`);
  console.log(`server after a full GC, after the warm-up -> at the end: RSS ${heapStart.rss.toFixed(0)} -> ${heapEnd.rss.toFixed(0)} MB (${signed(pctChange(heapStart.rss, heapEnd.rss))}), live heap ${heapStart.used.toFixed(1)} -> ${heapEnd.used.toFixed(1)} MB (${signed(pctChange(heapStart.used, heapEnd.used))}), V8 heap ${heapStart.total.toFixed(0)} -> ${heapEnd.total.toFixed(0)} MB, external ${heapStart.external.toFixed(0)} -> ${heapEnd.external.toFixed(0)} MB`);
  if (serverErrors.length) console.log(`server errors logged:\n  ${serverErrors.join('\n  ')}`);
  process.exitCode = errors.length ? 1 : 0;
}

void main();
