/**
 * Adversarial scripts and the event loop: SendCommand of runaway scripts (a fork bomb, an endless
 * loop calling a function, deep recursion, a loop of a hundred million iterations) to every Linux
 * node of the default fleet, then one POST /_emulator/clock/advance that runs them all to the shell's
 * step limit, while a client polls /_emulator/health as fast as it is answered. Then the same for
 * runaway lines typed at the prompt of a Session Manager shell (a fork bomb, an endless loop), from
 * the Enter to the next prompt. Reports the worst event-loop delay of the emulator's process
 * meanwhile (perf_hooks monitorEventLoopDelay; target: under 50 ms), how many health checks were
 * answered, and the wall time.
 *
 * The server runs in this process (so the delay measured is the server's own). Wall delays include
 * time the OS did not schedule the process: note the machine's load beside the figures.
 *
 *   npx tsx scripts/bench/adversarial.ts [--quick]     standalone, prints a table
 *   npm run bench                                        (run() is folded into the suite by run.ts)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Emulator } from '../../emulator/emulator.js';
import { createServer, listen } from '../../emulator/server.js';
import { DEFAULT_FLEET_FILE } from '../../emulator/sim/fleet/fixtures.js';
import { DataChannelClient } from '../../emulator/testing/datachannel-client.js';
import { advanceClock, ssmJson as ssm, closeSuite, runStandalone } from './load.js';

export interface AdversarialRow {
  name: string;
  value: number | string;
  unit: string;
  note?: string;
}

const SCRIPTS: Record<string, string[]> = {
  'a fork bomb': [':(){ :|:& };:'],
  'an endless loop calling a function': ['f() { echo x; }', 'while true; do f; done'],
  'a deep recursion': ['r() { r; }; r'],
  'a loop of 1e8 iterations': ['for i in $(seq 1 100000000); do :; done; i=0; while [ $i -lt 100000000 ]; do i=$((i+1)); done'],
};

const SESSION_LINES: Record<string, string> = {
  'a fork bomb': ':(){ :|:& };:',
  'an endless loop': 'while true; do :; done',
};

function health(agent: http.Agent, port: number): Promise<number> {
  return new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port, path: '/_emulator/health', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', () => resolve(0));
  });
}

export async function run(opts: { quick?: boolean } = {}): Promise<AdversarialRow[]> {
  const emu = new Emulator({ clock: { mode: 'frozen', start: Date.UTC(2025, 0, 1) }, seed: 'bench', fleet: DEFAULT_FLEET_FILE });
  const server = createServer(emu);
  const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const rows: AdversarialRow[] = [];
  try {
    const nodes = (await ssm(agent, port, 'DescribeInstanceInformation', {})).InstanceInformationList as { InstanceId: string; PlatformType: string }[];
    const linux = nodes.filter((n) => n.PlatformType === 'Linux').map((n) => n.InstanceId);
    // The control API (express) loads on its first request: ~140 ms of module loading once per
    // process, which is not what this suite measures. One advance loads it before measuring.
    await advanceClock(agent, port, 1);
    const rounds = opts.quick ? 1 : 2;
    /** `rounds` runs of `work` (after `setup`, unmeasured) while health is polled: the worst event-loop delay, health answers, wall time. */
    const measure = async (work: () => Promise<unknown>, setup?: () => Promise<unknown>) => {
      let worst = 0;
      let answered = 0;
      let wall = 0;
      for (let k = 0; k < rounds; k++) {
        await setup?.();
        const delay = monitorEventLoopDelay({ resolution: 1 });
        delay.enable();
        const t0 = performance.now();
        let done = false;
        const finished = work().then(() => (done = true));
        while (!done) if ((await health(agent, port)) === 200 && !done) answered++;
        await finished;
        wall += performance.now() - t0;
        delay.disable();
        worst = Math.max(worst, delay.max / 1e6);
      }
      return { worst, answered, wall };
    };
    const row = (what: string, m: { worst: number; answered: number; wall: number }, during: string): AdversarialRow => ({
      name: `worst event-loop delay while ${what}`,
      value: m.worst,
      unit: 'ms',
      note: `target < 50 ms; ${m.answered} health checks answered during ${Math.round(m.wall / rounds)} ms ${during} (mean of ${rounds}); load ${loadavg()[0].toFixed(1)}`,
    });
    for (const [name, commands] of Object.entries(SCRIPTS)) {
      const m = await measure(
        () => advanceClock(agent, port, 3600),
        () => ssm(agent, port, 'SendCommand', { DocumentName: 'AWS-RunShellScript', InstanceIds: linux, Parameters: { commands } }),
      );
      rows.push(row(`${linux.length} nodes run ${name}`, m, 'of advance'));
    }

    // Runaway lines typed into a session shell: from the Enter to the next prompt.
    const session = await ssm(agent, port, 'StartSession', { Target: linux[0] });
    const c = await DataChannelClient.open(session.StreamUrl, session.TokenValue);
    try {
      await c.waitFor(() => c.outputEndsWith('$ '), 'the prompt');
      for (const [name, line] of Object.entries(SESSION_LINES)) {
        const m = await measure(async () => {
          const from = c.outputLength + line.length + 2;
          c.type(`${line}\r`);
          await c.waitFor(() => c.outputLength > from && c.outputEndsWith('$ '), 'the next prompt', 300_000);
        });
        rows.push(row(`a session shell runs ${name} typed at its prompt`, m, 'of the line'));
      }
    } finally {
      c.close();
    }
  } finally {
    await closeSuite(agent, emu, server);
  }
  return rows;
}

// Standalone: npx tsx scripts/bench/adversarial.ts [--quick]
if (await runStandalone(import.meta.url, run)) process.exit(0);
