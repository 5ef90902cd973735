/**
 * Runaway lines in Session Manager sessions do not hold the event loop (issue 18, "Freeze"): a fork
 * bomb or an endless loop typed into a shell runs on a worker thread while health checks and SDK
 * calls are answered, and the terminal shows exactly what an inline run shows, keys typed meanwhile
 * included. Data channel input waits for a sliced scheduler run under way (Emulator.serve), as
 * requests do: a line typed during a clock advance runs after it.
 */
import { describe, expect, it } from 'vitest';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { TEST_START, useEmulator } from '../../testing/harness.js';
import { openShell, type ShellSession } from '../../sim/shell/index.js';
import { factsOf } from '../../sim/commands/runner.js';
import { getInstance } from '../../sim/fleet/index.js';
import { sessionUser } from '../../sim/sessions/plugins.js';
import { getSession } from '../../sim/sessions/state.js';
import { PayloadType } from '../../sim/sessions/frames.js';
import type { DataChannelClient } from '../../testing/datachannel-client.js';
import { FLEET, LINUX, openSession } from './testkit.js';
import { advanceHalfWay, FORK_BOMB } from '../../testing/sliced.js';

const t = useEmulator({ fleet: FLEET });
const PROMPT = 'sh-5.2$ ';
const tty = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** The session's shell as an inline run sees it: the same node, user and start as live.ts gives it. */
function inlineShell(sessionId: string): ShellSession {
  const ctx = t.emu.context('000000000000', 'us-east-1');
  const rec = getSession(ctx, sessionId)!;
  const node = getInstance(ctx, LINUX)!;
  const user = sessionUser(node, rec);
  return openShell({
    dialect: 'sh',
    node: { ...factsOf(node, 'us-east-1'), ...user.facts },
    startTime: t.emu.clock.now(),
    env: user.env,
    commandStubs: node.Behaviors.filter((b) => b.Scope !== 'script'),
  });
}

/** Polls health until `running()` turns false: how many answers came back meanwhile, and the slowest one. */
async function healthWhile(running: () => boolean): Promise<{ answered: number; slowestMs: number }> {
  let answered = 0;
  let slowestMs = 0;
  while (running()) {
    const t0 = performance.now();
    const h = await t.http.get('/_emulator/health');
    expect(h.status).toBe(200);
    if (running()) {
      answered++;
      slowestMs = Math.max(slowestMs, performance.now() - t0);
    }
  }
  return { answered, slowestMs };
}

const waitForPromptAfter = (c: DataChannelClient, from: number, text: string) =>
  c.waitFor(() => c.outputLength > from && c.outputEndsWith(text), JSON.stringify(text), 60_000);

describe('runaway lines in a session shell', () => {
  it('health answers while a fork bomb typed into a session runs; the output and the shell state are what an inline run gives', async () => {
    const s = await openSession(t);
    const c = s.client;
    await c.waitForOutput(PROMPT);
    const setup = 'x=5; cd /tmp; f() { echo "f $1"; }';
    c.type(`${setup}\r`);
    await c.waitForOutput(`${setup}\r\n${PROMPT}`);

    // The inline run of the same lines (each starting where the previous one ended, as in the
    // session), timed: what the event loop would be held for.
    const inline = inlineShell(s.SessionId);
    let now = TEST_START + inline.run(setup, TEST_START).durationMs;
    const t0 = performance.now();
    const bomb = inline.run(FORK_BOMB, now);
    const inlineMs = performance.now() - t0;
    now += bomb.durationMs;
    expect(bomb.aborted).toBe('step-limit');

    const from = c.outputLength;
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    c.type(`${FORK_BOMB}\r`);
    // Keys typed while the line runs: a resize, then a line in two pieces; they wait, in order.
    c.input(PayloadType.Size, JSON.stringify({ cols: 132, rows: 50 }));
    c.type('echo "$x $(pwd) $COLUMNS"; ');
    c.type('f 1\r');
    let running = true;
    const finished = waitForPromptAfter(c, from, `f 1\r\n${PROMPT}`).finally(() => (running = false));
    const health = await healthWhile(() => running);
    await finished;
    delay.disable();
    const worstMs = delay.max / 1e6;
    console.log(
      `session fork bomb: inline ${inlineMs.toFixed(0)} ms; health answered ${health.answered} times (slowest ${health.slowestMs.toFixed(1)} ms); worst event-loop delay ${worstMs.toFixed(1)} ms`,
    );
    // Health answered during the run, each time far sooner than the inline run would have let it.
    // The event loop's worst delay is under 50 ms on a quiet machine (npm run bench reports it);
    // the bound here leaves room for a loaded shared machine and for the test's own client, which
    // runs in this process, and stays far below what the inline run holds the loop for.
    expect(health.answered).toBeGreaterThanOrEqual(10);
    expect(health.slowestMs).toBeLessThan(inlineMs / 2);
    expect(worstMs).toBeLessThan(Math.max(50, inlineMs / 2));

    inline.resize(132, 50);
    const rest = inline.run('echo "$x $(pwd) $COLUMNS"; f 1', now);
    expect(rest.output).toBe('5 /tmp 132\nf 1\n');
    const expected = `${FORK_BOMB}\r\n${tty(bomb.output)}${PROMPT}echo "$x $(pwd) $COLUMNS"; f 1\r\n${tty(rest.output)}${PROMPT}`;
    const got = c.output().slice(from);
    expect(got.length).toBe(expected.length);
    expect(got === expected).toBe(true);
    c.close();
    await c.closed;
  }, 120_000);

  it('an endless loop, then exit typed while it runs: the loop ends at the step limit, then the session ends', async () => {
    const s = await openSession(t);
    const c = s.client;
    await c.waitForOutput(PROMPT);
    c.type('while true; do :; done\r');
    c.type('exit 3\r');
    let running = true;
    const closed = c.closed.finally(() => (running = false));
    const health = await healthWhile(() => running);
    expect(await closed).toEqual({ code: 1000, reason: 'Session terminated' });
    expect(health.answered).toBeGreaterThanOrEqual(1);
    expect(c.output()).toBe(
      `${PROMPT}while true; do :; done\r\nthe simulated shell stopped the script after 100000 steps (step limit)\r\n${PROMPT}exit 3\r\nexit\r\n`,
    );
  }, 120_000);

  it('AWS-StartNonInteractiveCommand with a runaway command: health answers meanwhile, the output is the inline one', async () => {
    const s = await openSession(t, { DocumentName: 'AWS-StartNonInteractiveCommand', Parameters: { command: ['f() { echo x; }; while true; do f; done'] } });
    let running = true;
    const closed = s.client.closed.finally(() => (running = false));
    const health = await healthWhile(() => running);
    expect((await closed).code).toBe(1000);
    expect(health.answered).toBeGreaterThanOrEqual(1);
    const out = s.client.output();
    expect(out.startsWith('x\nx\n')).toBe(true);
    expect(out.endsWith('x\nsh: the simulated shell stopped the script after 100000 steps (step limit)\n')).toBe(true);
  }, 120_000);
});

describe('data channel input and a sliced scheduler run', () => {
  it('a line typed while a clock advance is half-way runs after the advance, at its time', async () => {
    const s = await openSession(t);
    const c = s.client;
    await c.waitForOutput(PROMPT);
    const nodes = (await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList!.filter((n) => n.PlatformType === 'Linux');
    // 10 minutes: within the session's idle timeout (20).
    const advance = await advanceHalfWay({ emu: t.emu, ssm: t.ssm, endpoint: t.endpoint, instanceIds: nodes.map((n) => n.InstanceId!), seconds: 600 });
    const from = c.outputLength;
    c.type('date -u +%H:%M:%S\r');
    expect((await advance.done).status).toBe(200);
    await waitForPromptAfter(c, from, PROMPT);
    expect(c.output().slice(from)).toBe(`date -u +%H:%M:%S\r\n00:10:00\r\n${PROMPT}`);
    c.close();
    await c.closed;
  }, 120_000);
});
