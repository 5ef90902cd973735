/**
 * AWS's own client: `aws ssm start-session --endpoint-url ...`, which execs session-manager-plugin
 * with the StartSession response, and the plugin speaking the data channel to the emulator.
 *
 * Runs when both are installed: the AWS CLI on PATH, and session-manager-plugin on PATH or in
 * .tools/ (build it offline from its public source: docs/sessions.md, "The AWS CLI and the Session
 * Manager plugin"). Otherwise the suite is skipped and says why. The interactive shell tests give
 * the plugin a terminal with util-linux `script` (the plugin puts its stdin in raw mode with stty),
 * and are skipped with a reason without it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../emulator/testing/harness.js';
import { FLEET, LINUX, WINDOWS } from '../emulator/services/sessions/testkit.js';

const TOOLS = resolve(import.meta.dirname, '../.tools');
const PATH = `${TOOLS}${delimiter}${process.env.PATH ?? ''}`;
const hasAws = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
const plugin = spawnSync('session-manager-plugin', ['--version'], { encoding: 'utf8', env: { ...process.env, PATH } });
const hasPlugin = plugin.status === 0;
const why = !hasAws
  ? 'the AWS CLI is not installed'
  : !hasPlugin
    ? `session-manager-plugin is neither on PATH nor in ${existsSync(TOOLS) ? TOOLS : '.tools/'} (see docs/sessions.md to build it)`
    : undefined;
if (why) console.warn(`session-manager-plugin tests skipped: ${why}`);
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const whyNoTerminal = why ?? (hasScript ? undefined : 'util-linux `script` (which gives the plugin a terminal) is not installed');
if (whyNoTerminal && !why) console.warn(`session-manager-plugin shell tests skipped: ${whyNoTerminal}`);

const t = useEmulator({ fleet: FLEET });

/**
 * Runs `aws ssm start-session` until it exits, its stdin held open as a terminal's would be (the
 * plugin reads keys from stdin and would end the session on end-of-file); `until` lets a test act
 * while it runs.
 */
function startSession(args: string[], until?: (stdout: () => string, type: (keys: string) => void) => Promise<void>, { terminal = false } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const argv = ['ssm', 'start-session', '--endpoint-url', t.endpoint, ...args];
    // `script` runs the CLI on a pseudo-terminal and passes our keys to it (its arguments are plain words here).
    const [cmd, cmdArgs] = terminal ? ['script', ['-qfec', ['aws', ...argv].join(' '), '/dev/null']] : ['aws', argv];
    const child = spawn(cmd, cmdArgs, {
      env: {
        ...process.env,
        PATH,
        AWS_ACCESS_KEY_ID: 'AKIAEMULATORTEST',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    until?.(
      () => stdout,
      (keys) => child.stdin.write(keys),
    ).then(
      () => undefined,
      (err: unknown) => {
        child.kill('SIGKILL');
        fail(err);
      },
    );
  });
}

async function waitFor(read: () => string, text: string | RegExp): Promise<void> {
  const seen = () => (typeof text === 'string' ? read().includes(text) : text.test(read()));
  for (let i = 0; i < 3000 && !seen(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!seen()) throw new Error(`no ${String(text)} in ${JSON.stringify(read())}`);
}

const sessionIdIn = (stdout: string) => /SessionId: (root-[0-9a-f]{17})/.exec(stdout)![1];

async function sessionStatus(id: string): Promise<{ Status: string; connected: boolean; EndReason?: string }> {
  return ((await t.http.get('/_emulator/sessions')).body.sessions as any[]).find((s) => s.SessionId === id);
}

describe.skipIf(why !== undefined)('aws ssm start-session with session-manager-plugin', () => {
  it('runs a non-interactive command on a Linux node and exits', async () => {
    const r = await startSession(['--target', LINUX, '--document-name', 'AWS-StartNonInteractiveCommand', '--parameters', '{"command":["echo hello from $(hostname); whoami"]}']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\nStarting session with SessionId: root-[0-9a-f]{17}\n/);
    expect(r.stdout).toContain('hello from ip-172-31-1-2.ec2.internal\nssm-user\n');
    expect(r.stdout).toMatch(/Exiting session with sessionId: root-[0-9a-f]{17}\.\n/);
  }, 90_000);

  it('runs an interactive command on a Windows node through PowerShell', async () => {
    const r = await startSession(['--target', WINDOWS, '--document-name', 'AWS-StartInteractiveCommand', '--parameters', '{"command":["Write-Output (2 + 3)"]}']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5\r\n');
  }, 90_000);

  it('forwards a local port to the node port its fixture maps (basic port forwarding)', async () => {
    const open = new Set<net.Socket>();
    const server = net.createServer((s) => {
      open.add(s);
      s.on('data', (d) => s.write(`echo:${d}`));
      s.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    await t.http.patch(`/_emulator/fleet/instances/${LINUX}`).send({ PortForwards: { '5432': `127.0.0.1:${(server.address() as net.AddressInfo).port}` } });
    let answer = '';
    const r = await startSession(
      ['--target', LINUX, '--document-name', 'AWS-StartPortForwardingSession', '--parameters', '{"portNumber":["5432"],"localPortNumber":["0"]}'],
      async (stdout) => {
        await waitFor(stdout, 'opened for sessionId');
        const local = Number(/Port (\d+) opened/.exec(stdout())![1]);
        answer = await new Promise<string>((done, fail) => {
          const c = net.connect(local, '127.0.0.1', () => c.write('ping'));
          c.on('data', (d) => {
            c.end();
            done(String(d));
          });
          c.on('error', fail);
        });
        const sessionId = /SessionId: (root-[0-9a-f]{17})/.exec(stdout())![1];
        await t.http.post('/').set('X-Amz-Target', 'AmazonSSM.TerminateSession').set('Content-Type', 'application/x-amz-json-1.1').send(JSON.stringify({ SessionId: sessionId }));
      },
    );
    for (const s of open) s.destroy();
    server.close();
    expect(answer).toBe('echo:ping');
    expect(r.stdout).toContain('Connection accepted for session');
  }, 90_000);
});

describe.skipIf(whyNoTerminal !== undefined)('aws ssm start-session: an interactive shell through the plugin', () => {
  it('runs lines in one shell (state kept), with the prompt and echo, and exits', async () => {
    const r = await startSession(
      ['--target', LINUX],
      async (stdout, type) => {
        await waitFor(stdout, 'sh-5.2$ ');
        type('cd /tmp; x=42\r');
        await waitFor(stdout, /x=42\r+\n(\r+\n)?sh-5\.2\$ /);
        type('echo "val $x in $(pwd)"\r');
        await waitFor(stdout, 'val 42 in /tmp');
        type('exit\r');
      },
      { terminal: true },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Starting session with SessionId: root-[0-9a-f]{17}/);
    expect(r.stdout).toMatch(/Exiting session with sessionId: root-[0-9a-f]{17}\./);
  }, 90_000);

  it('resumes by itself after the connection drops (ResumeSession, a new token): the same shell goes on', async () => {
    let id = '';
    const r = await startSession(
      ['--target', LINUX],
      async (stdout, type) => {
        await waitFor(stdout, 'sh-5.2$ ');
        id = sessionIdIn(stdout());
        type('kept=before-the-cut\r');
        await waitFor(stdout, /kept=before-the-cut\r+\n(\r+\n)?sh-5\.2\$ /);
        expect((await t.http.post(`/_emulator/sessions/${id}/disconnect`)).status).toBe(200);
        for (let i = 0; i < 1000 && !(await sessionStatus(id))?.connected; i++) await new Promise((res) => setTimeout(res, 20));
        expect((await sessionStatus(id)).Status).toBe('Connected');
        type('echo "still $kept"\r');
        await waitFor(stdout, 'still before-the-cut');
        type('exit\r');
      },
      { terminal: true },
    );
    expect(r.code).toBe(0);
    const events = (await t.http.get('/_emulator/events')).body.events as any[];
    expect(events.some((e) => e.detail?.eventName === 'ResumeSession' && e.detail?.requestParameters?.sessionId === id)).toBe(true);
  }, 90_000);

  it('ends at the idle timeout on the virtual clock: the plugin is told why and exits', async () => {
    let id = '';
    const r = await startSession(
      ['--target', LINUX],
      async (stdout) => {
        await waitFor(stdout, 'sh-5.2$ ');
        id = sessionIdIn(stdout());
        await t.advance(21 * 60);
      },
      { terminal: true },
    );
    expect(r.code).toBe(0);
    const s = await sessionStatus(id);
    expect(s.Status).toBe('Terminated');
    expect(r.stdout).toContain(s.EndReason);
  }, 90_000);
});
