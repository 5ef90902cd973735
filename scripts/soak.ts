/**
 * npm run soak: 100 concurrent clients mix reads and writes across capabilities against a built
 * emulator (node dist/bundle/main.js, default fleet, real clock) for 60 s on loopback, then print the
 * errors (must be 0), latency percentiles and the server's RSS at the start and the end (must be
 * flat). Not part of CI: it takes a minute and its figures go into README by hand.
 *
 *   npm run soak [-- --seconds 60 --clients 100]
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 60);
const CLIENTS = arg('clients', 100);

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

/** One client's next request: a weighted mix over what the emulator implements, with the 4xx it expects. */
function nextCall(client: number, n: number): { op: string; input: unknown; ok: (r: Result) => boolean } {
  const name = `/soak/c${client}/p${n % 50}`;
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
      return { op: 'SendCommand', input: { DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Environment', Values: ['prod'] }], Parameters: { commands: ['echo soak', 'uname -a'] } }, ok: success };
    case 7:
      return { op: 'ListCommands', input: { MaxResults: 5 }, ok: success };
    case 8:
      return { op: 'DescribeDocument', input: { Name: 'AWS-RunShellScript' }, ok: success };
    default:
      return { op: 'DeleteParameter', input: { Name: name }, ok: expected4xx('ParameterNotFound') };
  }
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [resolve(root, 'dist/bundle/main.js'), '--port', '0', '--log-level', 'warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((done, fail) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(err);
      if (m) done(Number(m[1]));
    });
    child.on('exit', (code) => fail(new Error(`emulator exited (${code}): ${err}`)));
  });
  const rssStart = rssMb(child.pid!);
  const latencies: number[] = [];
  const errors: string[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  const clients = Array.from({ length: CLIENTS }, async (_, client) => {
    const account = client % 4 === 0 ? '111111111111' : '000000000000';
    for (let n = 0; performance.now() < deadline; n++) {
      const call = nextCall(client, n);
      const started = performance.now();
      try {
        const r = await ssm(port, call.op, call.input, account);
        latencies.push(performance.now() - started);
        if (!call.ok(r)) errors.push(`${call.op}: ${r.status} ${r.body.slice(0, 200)}`);
      } catch (e) {
        errors.push(`${call.op}: ${(e as Error).message}`);
      }
    }
  });
  await Promise.all(clients);
  const rssEnd = rssMb(child.pid!);
  child.kill('SIGTERM');
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
  console.log(`soak: ${CLIENTS} clients, ${SECONDS} s, ${latencies.length} requests (${Math.round(latencies.length / SECONDS)} req/s)`);
  console.log(`errors: ${errors.length}${errors.length ? `\n  ${[...new Set(errors)].slice(0, 10).join('\n  ')}` : ''}`);
  console.log(`latency ms: p50 ${pct(50)}, p99 ${pct(99)}, max ${pct(100)}`);
  console.log(`server RSS: ${rssStart.toFixed(0)} MB at start, ${rssEnd.toFixed(0)} MB at the end`);
  process.exitCode = errors.length ? 1 : 0;
}

void main();
