/**
 * Session Manager benchmark, over the data channel (the emulator's WebSocket, the test client of
 * emulator/testing/datachannel-client.ts):
 *
 *   1. round trip of one keystroke line: `echo <n>\r` sent as one input frame, until the client has
 *      the line's output and the next prompt (echo, the shell, output, acknowledgements);
 *      p50 target < 2 ms;
 *   2. 1 MiB of output streamed to a client (a shell loop printing 1,024 lines of 1 KiB), from the
 *      Enter to the last byte processed in order by the client; target < 1 s;
 *   3. memory per idle session: 100 connected shell sessions at their prompt, heap growth after GC.
 *
 *   npx tsx scripts/bench/sessions.ts [--quick]      standalone, prints a table
 *   npm run bench                                      (folded into the suite by scripts/bench/run.ts)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../../emulator/emulator.js';
import { createServer, listen } from '../../emulator/server.js';
import { DataChannelClient } from '../../emulator/testing/datachannel-client.js';
import { ssmPost, closeSuite, runStandalone } from './load.js';
import { gcFunction, heapUsed } from './load.js';

export interface SessionsRow {
  name: string;
  value: number | string;
  unit: string;
  note?: string;
}

const TARGET = 'i-0b0000000000000b1';
const IDLE_SESSIONS = 100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export async function run(opts: { quick?: boolean } = {}): Promise<SessionsRow[]> {
  const gc = gcFunction();
  const emu = new Emulator({ clock: { mode: 'frozen', start: Date.UTC(2025, 0, 1) }, seed: 'bench', fleet: { instances: [{ InstanceId: TARGET, Platform: 'amazon-linux-2023' }] } });
  const server = createServer(emu);
  const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const clients: DataChannelClient[] = [];
  const open = async () => {
    const res = await ssmPost(agent, port, 'StartSession', JSON.stringify({ Target: TARGET }));
    if (res.status !== 200) throw new Error(`StartSession answered ${res.status}: ${res.text}`);
    const s = JSON.parse(res.text) as { StreamUrl: string; TokenValue: string };
    const c = await DataChannelClient.open(s.StreamUrl, s.TokenValue);
    clients.push(c);
    await c.waitForOutput('sh-5.2$ ');
    return c;
  };
  try {
    const rows: SessionsRow[] = [];

    // 1. Keystroke line round trips.
    const c = await open();
    const lines = opts.quick ? 300 : 2000;
    const times: number[] = [];
    for (let i = 0; i < lines + 100; i++) {
      const expect = `${i}\r\nsh-5.2$ `;
      const before = c.output().length;
      const t0 = performance.now();
      c.type(`echo ${i}\r`);
      await c.waitFor(() => c.output().length > before && c.output().endsWith(expect), `line ${i}`);
      if (i >= 100) times.push(performance.now() - t0); // the first 100 warm the JIT
    }
    times.sort((a, b) => a - b);
    rows.push({
      name: 'one keystroke line through the data channel to its output and the next prompt, p50',
      value: percentile(times, 0.5),
      unit: 'ms',
      note: `target < 2 ms; p99 ${Math.round(percentile(times, 0.99) * 100) / 100} ms; ${lines} lines, echo + shell + output + acknowledgements`,
    });

    // 2. 1 MiB of output.
    const big = await open();
    const script = 's=$(printf "%1023s" x); i=0; while [ $i -lt 1024 ]; do echo "$s"; i=$((i+1)); done; echo done-marker\r';
    const best: number[] = [];
    for (let k = 0; k < (opts.quick ? 2 : 4); k++) {
      const before = big.output().length;
      const t0 = performance.now();
      big.type(script);
      await big.waitFor(() => big.output().length > before + 1024 * 1024 && big.output().endsWith('done-marker\r\nsh-5.2$ '), '1 MiB of output', 30_000);
      best.push(performance.now() - t0);
      const got = big.output().length - before;
      if (got < 1024 * 1024) throw new Error(`only ${got} characters of output`);
    }
    rows.push({
      name: '1 MiB of shell output streamed to a client (1,024-byte frames, in order, acknowledged)',
      value: Math.min(...best),
      unit: 'ms',
      note: `target < 1000 ms; best of ${best.length}; includes running the loop in the simulated shell`,
    });

    // 3. Memory per idle session.
    for (const x of clients.splice(0)) x.close();
    await new Promise((r) => setTimeout(r, 50));
    const heapBefore = heapUsed(gc);
    for (let i = 0; i < IDLE_SESSIONS; i++) await open();
    const heapAfter = heapUsed(gc);
    rows.push({
      name: `heap per idle connected shell session (${IDLE_SESSIONS} sessions at their prompt)`,
      value: gc ? Math.round((heapAfter - heapBefore) / IDLE_SESSIONS / 1024) : 'n/a',
      unit: 'KiB',
      note: 'server and client sides together (the test client runs in the same process); heap growth after GC / 100',
    });
    return rows;
  } finally {
    for (const x of clients) x.close();
    await closeSuite(agent, emu, server);
  }
}

// Standalone: npx tsx scripts/bench/sessions.ts [--quick]
await runStandalone(import.meta.url, run);
