/**
 * Run Command benchmark: SendCommand (AWS-RunShellScript, two simple commands) to 1,000 nodes by tag
 * with MaxConcurrency 10%, then advance the virtual clock until every invocation has finished (one
 * POST /_emulator/clock/advance: the scheduler runs ~5,000 tasks in time order, each invocation's
 * script through the simulated shell). Reports the wall time (target: under 1 s), the heap and the
 * stored state per invocation, and the latency of reading results back.
 *
 *   npx tsx scripts/bench/commands.ts [--quick]     standalone, prints a table
 *   npm run bench                                     (run() is folded into the suite by scripts/bench/run.ts)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../../emulator/emulator.js';
import { createServer, listen } from '../../emulator/server.js';
import { commandsSlice } from '../../emulator/sim/commands/state.js';
import { advanceClock as advance, gcFunction, heapUsed, ssmJson as ssm, thousandNodeFleet, THOUSAND_NODES, type SuiteRow, closeSuite, runStandalone } from './load.js';

export type CommandsRow = SuiteRow;

const NODES = THOUSAND_NODES;
const fixture = thousandNodeFleet;


interface Round {
  sendMs: number;
  advanceMs: number;
  tasks: number;
  virtualSeconds: number;
  heapPerInvocation?: number;
  statePerInvocation: number;
  pageMs: number;
  getMs: number;
  events: number;
}

async function round(measureHeap: boolean): Promise<Round> {
  const gc = measureHeap ? gcFunction() : undefined;
  const emu = new Emulator({ clock: { mode: 'frozen', start: Date.UTC(2025, 0, 1) }, seed: 'bench', fleet: fixture });
  const server = createServer(emu);
  const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // Warm the JIT on a small command first (the shell, the engine, the views).
    const warm = await ssm(agent, port, 'SendCommand', { Targets: [{ Key: 'tag:Env', Values: ['dev'] }], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['echo warm', 'uname -a'] } });
    await advance(agent, port, 60);
    const warmDone = await ssm(agent, port, 'ListCommands', { CommandId: warm.Command.CommandId });
    if (warmDone.Commands[0].Status !== 'Success') throw new Error(`warm-up command ended ${warmDone.Commands[0].Status}`);

    const heapBefore = measureHeap ? heapUsed(gc) : 0;
    const eventsBefore = emu.events.list().length;
    const t0 = performance.now();
    const out = await ssm(agent, port, 'SendCommand', {
      Targets: [{ Key: 'tag:Env', Values: ['prod'] }],
      DocumentName: 'AWS-RunShellScript',
      Parameters: { commands: ['echo "deploying on $(hostname)"', 'uname -r'] },
      MaxConcurrency: '10%',
    });
    const t1 = performance.now();
    const adv = await advance(agent, port, 600);
    const t2 = performance.now();
    const id = out.Command.CommandId as string;
    const done = (await ssm(agent, port, 'ListCommands', { CommandId: id })).Commands[0];
    if (done.Status !== 'Success' || done.CompletedCount !== NODES || done.TargetCount !== NODES) {
      throw new Error(`expected ${NODES} successful invocations, got ${JSON.stringify(done)}`);
    }
    const heapAfter = measureHeap ? heapUsed(gc) : 0;
    const scope = emu.store.scope('000000000000', 'us-east-1');
    const cmd = commandsSlice.of(scope).commands[id];
    const ended = Math.max(...cmd.Invocations.map((i) => i.EndedAt ?? 0));
    const statePerInvocation = JSON.stringify(cmd).length / NODES;

    // Reading results back: a page of 50 invocations with Details, one GetCommandInvocation.
    const pages: number[] = [];
    const gets: number[] = [];
    let token: string | undefined;
    for (let k = 0; k < 20; k++) {
      const a = performance.now();
      const page = await ssm(agent, port, 'ListCommandInvocations', { CommandId: id, Details: true, MaxResults: 50, ...(token && { NextToken: token }) });
      pages.push(performance.now() - a);
      token = page.NextToken;
      const b = performance.now();
      await ssm(agent, port, 'GetCommandInvocation', { CommandId: id, InstanceId: page.CommandInvocations[0].InstanceId });
      gets.push(performance.now() - b);
    }
    pages.sort((x, y) => x - y);
    gets.sort((x, y) => x - y);
    return {
      sendMs: t1 - t0,
      advanceMs: t2 - t1,
      tasks: adv.tasksRun,
      virtualSeconds: (ended - Date.UTC(2025, 0, 1, 0, 1)) / 1000,
      ...(measureHeap && gc && { heapPerInvocation: (heapAfter - heapBefore) / NODES }),
      statePerInvocation,
      pageMs: pages[pages.length >> 1],
      getMs: gets[gets.length >> 1],
      events: emu.events.list().length - eventsBefore,
    };
  } finally {
    await closeSuite(agent, emu, server);
  }
}

export async function run(opts: { quick?: boolean } = {}): Promise<CommandsRow[]> {
  const rounds: Round[] = [];
  const n = opts.quick ? 1 : 3;
  for (let k = 0; k < n; k++) rounds.push(await round(k === 0));
  const best = (f: (r: Round) => number) => Math.min(...rounds.map(f));
  const r0 = rounds[0];
  const total = best((r) => r.sendMs + r.advanceMs);
  const rows: CommandsRow[] = [
    {
      name: `SendCommand to ${NODES.toLocaleString('en')} nodes by tag (MaxConcurrency 10%) + advance until all finished`,
      value: total,
      unit: 'ms',
      note: `target < 1000 ms; best of ${n}; ${r0.tasks.toLocaleString('en')} scheduler tasks, ${r0.events.toLocaleString('en')} events, ${r0.virtualSeconds} s of virtual time`,
    },
    { name: 'of which SendCommand (HTTP: resolve 1,000 targets, render, store)', value: best((r) => r.sendMs), unit: 'ms' },
    { name: 'of which advancing the clock (run 1,000 scripts in the simulated shell)', value: best((r) => r.advanceMs), unit: 'ms' },
    { name: 'stored state per finished invocation (JSON)', value: Math.round(r0.statePerInvocation), unit: 'bytes' },
  ];
  if (r0.heapPerInvocation !== undefined) {
    rows.push({ name: 'heap per finished invocation (state, indexes, events)', value: Math.round(r0.heapPerInvocation), unit: 'bytes', note: 'heap growth after GC / 1,000' });
  }
  rows.push({ name: 'ListCommandInvocations, a page of 50 with Details (HTTP), median', value: best((r) => r.pageMs), unit: 'ms' });
  rows.push({ name: 'GetCommandInvocation (HTTP), median', value: best((r) => r.getMs), unit: 'ms' });
  return rows;
}

// Standalone: npx tsx scripts/bench/commands.ts [--quick]
await runStandalone(import.meta.url, run);
