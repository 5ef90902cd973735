/**
 * The command users run (`npm start` = node dist/bundle/main.js, built by `npm ci`): help, bad flags,
 * listening on a chosen port, structured request logs, and a clean stop on SIGTERM.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const root = resolve(import.meta.dirname, '..');
const bin = resolve(root, 'dist/bundle/main.js');

function run(args: string[], opts: { untilStderr?: RegExp; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...opts.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const matched = new Promise<void>((resolveMatch) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (opts.untilStderr?.test(stderr)) resolveMatch();
    });
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, matched, out: () => ({ stdout, stderr }) };
}

describe('ssm-emulator command line', () => {
  it('--help prints the usage and exits 0', async () => {
    const p = run(['--help']);
    expect(await p.exited).toBe(0);
    expect(p.out().stdout).toContain('Usage: ssm-emulator');
    expect(p.out().stdout).toContain('--data-dir DIR');
  });

  it('a second emulator on a data directory in use refuses to start with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssm-lock-'));
    const first = run(['--port', '0', '--no-fleet', '--data-dir', dir], { untilStderr: /"endpoint"|listening/ });
    try {
      await first.matched;
      const second = run(['--port', '0', '--no-fleet', '--data-dir', dir]);
      expect(await second.exited).toBe(1);
      const lines = second.out().stderr.trim().split('\n');
      expect(lines).toEqual([`ssm-emulator: ${dir} is in use by another emulator (pid ${first.child.pid}); two emulators on one data directory would lose each other's writes.`]);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad flag exits 2 with one line saying what is wrong', async () => {
    const p = run(['--clock-mode', 'warp']);
    expect(await p.exited).toBe(2);
    expect(p.out().stderr).toBe('ssm-emulator: --clock-mode must be real, scaled, frozen or auto, not warp (ssm-emulator --help lists the options)\n');
    const q = run(['--flet', 'x']);
    expect(await q.exited).toBe(2);
    expect(q.out().stderr.trim().split('\n')).toHaveLength(1);
  });

  it('scenario FILE runs a story from the built package; a missing file is one line', async () => {
    const ok = run(['scenario', 'fixtures/scenarios/parameter-expires.yaml']);
    expect(await ok.exited).toBe(0);
    expect(ok.out().stdout).toContain('1 of 1 scenarios green');
    const missing = run(['scenario', 'no-such-story.yaml']);
    expect(await missing.exited).toBe(2);
    expect(missing.out().stderr).toBe('ssm-emulator scenario: no-such-story.yaml: no such file or folder\n');
  });

  it('a missing fleet fixture, bad seed data and a port in use are one line each, without a stack', async () => {
    const fleet = run(['--fleet', 'no-such-fleet.yaml', '--port', '0']);
    expect(await fleet.exited).toBe(1);
    expect(fleet.out().stderr).toMatch(/^ssm-emulator: Fleet fixture "no-such-fleet\.yaml" not found; tried .*\. Shipped fleets: default\.\n$/);
    const seed = run(['--init', '/nonexistent/seed', '--port', '0', '--no-fleet']);
    expect(await seed.exited).toBe(1);
    expect(seed.out().stderr).toBe('ssm-emulator: --init /nonexistent/seed: no such file or folder.\n');
    const first = run(['--port', '0', '--no-fleet'], { untilStderr: /"endpoint":"http:\/\/127\.0\.0\.1:\d+"/ });
    await first.matched;
    const port = /127\.0\.0\.1:(\d+)/.exec(first.out().stderr)![1]!;
    try {
      const second = run(['--port', port, '--no-fleet']);
      expect(await second.exited).toBe(1);
      expect(second.out().stderr).toBe(`ssm-emulator: port ${port} is in use on 127.0.0.1: stop what listens there, or pick another with --port (0 picks a free one).\n`);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });

  it('listens where told, logs each request as one JSON line at info level, and stops on SIGTERM', async () => {
    const p = run(['--port', '0', '--no-fleet', '--clock-mode', 'frozen', '--clock-start', '2025-01-01T00:00:00Z'], { untilStderr: /"endpoint":"http:\/\/127\.0\.0\.1:\d+"/ });
    await p.matched;
    const endpoint = /"endpoint":"(http:\/\/[^"]+)"/.exec(p.out().stderr)![1];
    const health = await (await fetch(`${endpoint}/_emulator/health`)).json();
    expect(health).toMatchObject({ status: 'ok', clock: { now: '2025-01-01T00:00:00.000Z', mode: 'frozen' } });
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'X-Amz-Target': 'AmazonSSM.GetParameter',
        'Content-Type': 'application/x-amz-json-1.1',
        Authorization: 'AWS4-HMAC-SHA256 Credential=123456789012/20250101/eu-west-1/ssm/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: '{"Name":"/nope"}',
    });
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 100));
    const line = p
      .out()
      .stderr.split('\n')
      .find((l) => l.includes('"msg":"request"'));
    expect(JSON.parse(line!)).toMatchObject({ level: 'info', operation: 'GetParameter', account: '123456789012', region: 'eu-west-1', status: 400 });
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });
});
