/**
 * The shell plugin's terminal while a line runs on a worker, with a host standing in for the data
 * channel: keys typed meanwhile (Ctrl-C included) are handled after the line, in order, and the
 * bytes are those of an inline run; long output goes out in slices with the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { openShell } from '../shell/index.js';
import { AL2023_SESSION } from '../../testing/nodes.js';
import type { FleetInstance } from '../fleet/index.js';
import { Outbox, OUTPUT_SLICE_CHARS, ShellPlugin, type PluginHost } from './plugins.js';
import { PayloadType } from './frames.js';
import type { SessionRecord } from './state.js';

const START = Date.UTC(2025, 0, 1);
const NODE = AL2023_SESSION;
const tty = (s: string) => s.replace(/\r?\n/g, '\r\n');
const turn = () => new Promise((r) => setImmediate(r));

function terminal() {
  const sent: { type: number; text: string }[] = [];
  let finished = false;
  const host: PluginHost = {
    now: () => START,
    send: (type, data) => void sent.push({ type, text: data.toString() }),
    finish: () => void (finished = true),
    resume: (work) => queueMicrotask(work),
  };
  const plugin = new ShellPlugin({
    host,
    facts: NODE,
    session: { Preferences: { idleMinutes: 20, shellProfile: { linux: '', windows: '' } } } as SessionRecord,
    node: { Behaviors: [] } as unknown as FleetInstance,
    env: {},
  });
  plugin.start();
  const type = (keys: string) => plugin.input(PayloadType.Output, Buffer.from(keys));
  return { sent, type, output: () => sent.map((m) => m.text).join(''), finished: () => finished };
}

describe('ShellPlugin: a line on a worker', () => {
  it('handles keys typed while it runs afterwards, in order, as an inline run would: Ctrl-C abandons the typed line', async () => {
    const term = terminal();
    term.type('n=7\r');
    term.type('while true; do n=$((n+1)); done\r');
    const before = term.output();
    term.type('echo lost\x03');
    term.type('echo $n\r');
    term.type('exit\r');
    // Nothing of the later keys shows while the line runs (it is still running: no prompt yet).
    expect(term.output()).toBe(before);
    while (!term.finished()) await turn();

    const shell = openShell({ dialect: 'sh', node: NODE, startTime: START });
    let now = START;
    const run = (line: string) => {
      const r = shell.run(line, now);
      now += r.durationMs;
      return tty(r.output);
    };
    const p = shell.prompt();
    const expected =
      `${p}n=7\r\n${run('n=7')}${p}` +
      `while true; do n=$((n+1)); done\r\n${run('while true; do n=$((n+1)); done')}${p}` +
      `echo lost^C\r\n${p}` +
      `echo $n\r\n${run('echo $n')}${p}` +
      `exit\r\n${run('exit')}`;
    expect(term.output()).toBe(expected);
    // The loop ran to the step limit before `echo $n` (three steps per round).
    expect(term.output()).toContain('echo $n\r\n33340\r\n');
  });
});

describe('Outbox', () => {
  it('sends short output at once, and long output a slice per turn with the same bytes, never cutting a "\\r\\n" or a character', async () => {
    const sent: { type: number; text: string }[] = [];
    const box = new Outbox((type, text) => void sent.push({ type, text }));
    box.push(PayloadType.Output, 'echo\r\n');
    box.push(PayloadType.Output, 'ok\n', { raw: true });
    box.flush();
    expect(sent).toEqual([{ type: PayloadType.Output, text: 'echo\r\nok\r\n' }]);

    sent.length = 0;
    // Shell output whose slice boundaries fall on a "\r\n" and inside a surrogate pair.
    const raw = 'x'.repeat(OUTPUT_SLICE_CHARS - 1) + '\r\n' + 'y'.repeat(OUTPUT_SLICE_CHARS - 2) + '😀\n'.repeat(50_000);
    box.push(PayloadType.Output, raw, { raw: true });
    box.push(PayloadType.ExitCode, 'EXIT_CODE: 0', { whole: true });
    let empty = false;
    box.whenEmpty(() => (empty = true));
    box.flush();
    expect(sent).toHaveLength(1);
    expect(empty).toBe(false);
    while (!empty) await turn();
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.slice(0, -1).map((m) => m.text).join('')).toBe(tty(raw));
    for (const m of sent.slice(0, -1)) expect(Buffer.from(m.text).toString()).toBe(m.text); // no lone surrogate
    expect(sent.at(-1)).toEqual({ type: PayloadType.ExitCode, text: 'EXIT_CODE: 0' });
  });
});
