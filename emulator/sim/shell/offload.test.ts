/**
 * OffloadedShell: a session shell whose runaway lines run on a worker gives, line for line, what the
 * same shell gives inline (output, status, duration, prompts, state afterwards), with workers, without
 * them, and when its worker dies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openShell, type NodeFacts, type ShellSessionInput } from './index.js';
import { HISTORY_MAX_CHARS, OffloadedShell } from './offload.js';
import { ScriptPool } from './pool.js';
import type { ShellReply } from './session.js';
import { AL2023_SESSION, WINDOWS_2022_SESSION } from '../../testing/nodes.js';

const LINUX: NodeFacts = { ...AL2023_SESSION, Services: [{ Name: 'nginx', Status: 'Running', StartType: 'Automatic' }] };
const WINDOWS = WINDOWS_2022_SESSION;
const START = Date.UTC(2025, 0, 1);
const input = (node: NodeFacts): ShellSessionInput => ({ dialect: node.PlatformType === 'Windows' ? 'powershell' : 'sh', node, startTime: START, env: { HOME: '/home/ssm-user' }, maxStepsPerLine: 20_000 });

type Step = string | [cols: number, rows: number];
const SH_LINES: Step[] = [
  'x=5; cd /tmp; f() { echo "f $1"; }; echo hi > note',
  'sudo systemctl stop nginx',
  ':(){ :|:& };:',
  [120, 40],
  'echo "$x $(pwd) $COLUMNS $RANDOM"; f 1; cat note; systemctl is-active nginx',
  'while true; do x=$((x+1)); done',
  'echo $x; PS1="\\u@\\h:\\w\\$ "',
  'for i in 1 2; do',
  'exit 3',
];

/** What a plain inline shell answers to the steps (the reference). */
function inlineReplies(i: ShellSessionInput, steps: Step[]): (ShellReply | undefined)[] {
  const shell = openShell(i);
  let now = START;
  return steps.map((step) => {
    if (Array.isArray(step)) return void shell.resize(...step);
    const line = shell.run(step, now);
    now += line.durationMs;
    return { ...line, prompt: shell.prompt(), continuationPrompt: shell.continuationPrompt() };
  });
}

async function offloadedReplies(shell: OffloadedShell, steps: Step[], where: string[] = []): Promise<(ShellReply | undefined)[]> {
  let now = START;
  const out: (ShellReply | undefined)[] = [];
  for (const step of steps) {
    if (Array.isArray(step)) {
      shell.resize(...step);
      out.push(undefined);
      continue;
    }
    const line = await shell.run(step, now);
    now += line.durationMs;
    out.push(line);
    where.push(shell.where);
  }
  return out;
}

const pools: ScriptPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));
const newPool = (size: number) => {
  const p = new ScriptPool(size);
  pools.push(p);
  return p;
};

describe('OffloadedShell', () => {
  it('answers every line as the inline shell does; the first runaway line moves it to a worker, for good', async () => {
    const expected = inlineReplies(input(LINUX), SH_LINES);
    expect(expected[2]!.aborted).toBe('step-limit');
    expect(expected[4]!.output).toMatch(/^5 \/tmp 120 \d+\nf 1\nhi\ninactive\n$/);
    const shell = new OffloadedShell(input(LINUX), newPool(1));
    const where: string[] = [];
    const got = await offloadedReplies(shell, SH_LINES, where);
    expect(got).toEqual(expected);
    expect(where).toEqual(['inline', 'inline', 'worker', 'worker', 'worker', 'worker', 'worker', 'worker']);
    expect(shell.prompt()).toBe('ssm-user@ip-172-31-1-2:/tmp$ ');
    shell.close();
  });

  it('returns a promise only for a line that needs a worker', () => {
    const shell = new OffloadedShell(input(LINUX), newPool(1));
    expect(shell.run('echo quick', START)).not.toBeInstanceOf(Promise);
    expect(shell.run('while true; do :; done', START)).toBeInstanceOf(Promise);
    shell.close();
  });

  it('PowerShell: the same, with a runaway loop', async () => {
    const steps: Step[] = ['$n = 6 * 7; Set-Location C:\\Users', 'while ($true) { $n++ }', '"$n $(Get-Location)"'];
    const expected = inlineReplies(input(WINDOWS), steps);
    expect(expected[1]!.aborted).toBe('step-limit');
    expect(await offloadedReplies(new OffloadedShell(input(WINDOWS), newPool(1)), steps)).toEqual(expected);
  });

  it('without workers, runs every line inline, with the same answers', async () => {
    const shell = new OffloadedShell(input(LINUX), newPool(0));
    const where: string[] = [];
    expect(await offloadedReplies(shell, SH_LINES, where)).toEqual(inlineReplies(input(LINUX), SH_LINES));
    expect(new Set(where)).toEqual(new Set(['inline']));
  });

  it('when its worker dies, takes the shell back and goes on with the same answers', async () => {
    const pool = newPool(1);
    const shell = new OffloadedShell(input(LINUX), pool);
    const expected = inlineReplies(input(LINUX), SH_LINES);
    const where: string[] = [];
    const first = await offloadedReplies(shell, SH_LINES.slice(0, 4), where);
    expect(where.at(-1)).toBe('worker');
    await pool.close();
    const rest = await offloadedReplies(shell, SH_LINES.slice(4), where);
    // `now` restarts in offloadedReplies; compare the state the lines show, not their instants.
    expect([...first, ...rest].map((r) => r?.output)).toEqual(expected.map((r) => r?.output));
    expect(where.at(-1)).toBe('inline');
  });

  it('starts from the node as it was when the shell opened, whatever the node becomes', async () => {
    const node = structuredClone(LINUX);
    const shell = new OffloadedShell(input(node), newPool(1));
    node.Services![0]!.Status = 'Stopped';
    await shell.run('while true; do :; done', START);
    expect((await shell.run('systemctl is-active nginx', START)).output).toBe('active\n');
    shell.close();
  });

  it('keeps at most HISTORY_MAX_CHARS of lines: past them the shell moves to a worker at once and keeps none', async () => {
    const pool = newPool(1);
    const shell = new OffloadedShell(input(LINUX), pool);
    const long = `: ${'x'.repeat(1024 * 1024)}`;
    await shell.run('n=1', START);
    let moved = 0;
    for (let chars = 0; chars <= HISTORY_MAX_CHARS; chars += long.length) {
      expect((await shell.run(long, START)).status).toBe(0);
      moved += shell.where === 'worker' ? 1 : 0;
    }
    expect(moved).toBe(1);
    expect((await shell.run('echo $n', START)).output).toBe('1\n');
    // Without its operations, a shell whose worker dies cannot be rebuilt: the session ends, saying why.
    await pool.close();
    expect(await shell.run('echo $n', START)).toMatchObject({ exited: 1, output: 'the simulated shell was lost (its worker thread stopped)\n' });
  });
});
