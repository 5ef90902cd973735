/**
 * Patch Manager benchmark:
 *
 *   1. AWS-RunPatchBaseline Scan, then Install, on 1,000 Amazon Linux 2023 nodes by tag, each run to
 *      completion on the virtual clock (SendCommand over HTTP, then one POST /_emulator/clock/advance):
 *      wall time (target: under 3 s for both), and the heap and stored state per node's patch state.
 *   2. DescribeEffectivePatchesForPatchBaseline over a 5,000-patch Windows catalog (a user catalog made
 *      by scripts/patching/catalogs.ts): a page of 100 (target: under 20 ms), first and warm.
 *
 *   npx tsx scripts/bench/patching.ts [--quick]     standalone, prints a table
 *   npm run bench                                    (run() is folded into the suite by scripts/bench/run.ts)
 */
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../../emulator/emulator.js';
import { createServer, listen } from '../../emulator/server.js';
import { patchingSlice } from '../../emulator/sim/patching/state.js';
import { largeWindowsCatalog } from '../patching/catalogs.js';
import { advanceClock as advance, gcFunction, heapUsed, ssmJson as ssm, closeSuite, runStandalone } from './load.js';

export interface PatchingRow {
  name: string;
  value: number | string;
  unit: string;
  note?: string;
}

const NODES = 1000;
const START = Date.UTC(2025, 0, 1);

async function withServer<T>(emu: Emulator, fn: (agent: http.Agent, port: number) => Promise<T>): Promise<T> {
  const server = createServer(emu);
  const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    return await fn(agent, port);
  } finally {
    await closeSuite(agent, emu, server);
  }
}

interface Round {
  scanMs: number;
  installMs: number;
  tasks: number;
  virtualMinutes: number;
  heapPerNode?: number;
  statePerNode: number;
  missingBefore: number;
}

async function fleetRound(measureHeap: boolean): Promise<Round> {
  const gc = measureHeap ? gcFunction() : undefined;
  const fixture = {
    groups: [
      { Count: NODES, Platform: 'amazon-linux-2023', Tags: { Env: 'prod', Role: 'web' } },
      { Count: 5, Platform: 'amazon-linux-2023', Tags: { Env: 'dev' } },
    ],
  };
  const emu = new Emulator({ clock: { mode: 'frozen', start: START }, seed: 'bench', fleet: fixture });
  return withServer(emu, async (agent, port) => {
    const run = async (operation: string, tag: [string, string]) => {
      const out = await ssm(agent, port, 'SendCommand', {
        Targets: [{ Key: `tag:${tag[0]}`, Values: [tag[1]] }],
        DocumentName: 'AWS-RunPatchBaseline',
        Parameters: { Operation: [operation] },
        MaxConcurrency: '100%',
      });
      const adv = await advance(agent, port, 3 * 3600);
      const done = (await ssm(agent, port, 'ListCommands', { CommandId: out.Command.CommandId })).Commands[0];
      if (done.Status !== 'Success' || done.CompletedCount !== out.Command.TargetCount) throw new Error(`${operation} ended ${JSON.stringify(done)}`);
      return adv.tasksRun as number;
    };
    // Warm the catalog, the evaluation and the JIT on a few nodes first.
    await run('Scan', ['Env', 'dev']);
    await run('Install', ['Env', 'dev']);

    const heapBefore = measureHeap ? heapUsed(gc) : 0;
    const t0 = performance.now();
    const scanTasks = await run('Scan', ['Role', 'web']);
    const t1 = performance.now();
    const scope = emu.store.scope('000000000000', 'us-east-1');
    const nodes = Object.values(patchingSlice.of(scope).nodes);
    const missingBefore = nodes.reduce((n, r) => n + (r.State?.MissingCount ?? 0), 0) / nodes.length;
    const virtualBefore = emu.clock.now();
    const installTasks = await run('Install', ['Role', 'web']);
    const t2 = performance.now();
    const heapAfter = measureHeap ? heapUsed(gc) : 0;
    const slice = patchingSlice.of(scope);
    const lastEnd = Math.max(...Object.values(slice.nodes).map((r) => r.State?.OperationEndTime ?? 0)) * 1000;
    const statePerNode = JSON.stringify(slice.nodes).length / (NODES + 5);
    return {
      scanMs: t1 - t0,
      installMs: t2 - t1,
      tasks: scanTasks + installTasks,
      virtualMinutes: Math.round((lastEnd - virtualBefore) / 60_000),
      ...(measureHeap && gc && { heapPerNode: (heapAfter - heapBefore) / NODES }),
      statePerNode,
      missingBefore,
    };
  });
}

async function effectivePatches(quick: boolean): Promise<{ firstMs: number; pageMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-catalogs-'));
  writeFileSync(join(dir, 'windows-server-2022.json'), JSON.stringify(largeWindowsCatalog(5000, START / 1000)));
  const emu = new Emulator({ clock: { mode: 'frozen', start: START }, seed: 'bench', patchCatalogs: dir });
  try {
    return await withServer(emu, async (agent, port) => {
      const baseline = 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-09ca3fb51f0412ec3';
      // Load the catalog (a file read) before timing: the first page then pays the evaluation only.
      await ssm(agent, port, 'DescribeAvailablePatches', { MaxResults: 1 });
      const a = performance.now();
      let page = await ssm(agent, port, 'DescribeEffectivePatchesForPatchBaseline', { BaselineId: baseline, MaxResults: 100 });
      const firstMs = performance.now() - a;
      if (page.EffectivePatches.length !== 100) throw new Error(`expected a page of 100, got ${page.EffectivePatches.length}`);
      const times: number[] = [];
      for (let k = 0; k < (quick ? 20 : 49); k++) {
        const b = performance.now();
        page = await ssm(agent, port, 'DescribeEffectivePatchesForPatchBaseline', { BaselineId: baseline, MaxResults: 100, ...(page.NextToken && { NextToken: page.NextToken }) });
        times.push(performance.now() - b);
      }
      times.sort((x, y) => x - y);
      return { firstMs, pageMs: times[times.length >> 1] };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(opts: { quick?: boolean } = {}): Promise<PatchingRow[]> {
  const rounds: Round[] = [];
  const n = opts.quick ? 1 : 3;
  for (let k = 0; k < n; k++) rounds.push(await fleetRound(k === 0));
  const best = (f: (r: Round) => number) => Math.min(...rounds.map(f));
  const r0 = rounds[0];
  const eff = await effectivePatches(!!opts.quick);
  const rows: PatchingRow[] = [
    {
      name: `AWS-RunPatchBaseline Scan then Install on ${NODES.toLocaleString('en')} nodes by tag, each to completion`,
      value: best((r) => r.scanMs + r.installMs),
      unit: 'ms',
      note: `target < 3000 ms; best of ${n}; ${r0.tasks.toLocaleString('en')} scheduler tasks; ${r0.missingBefore.toFixed(1)} missing patches per node installed, with a reboot; the install ends ${r0.virtualMinutes} virtual minutes after the scan`,
    },
    { name: 'of which the Scan (SendCommand + advance)', value: best((r) => r.scanMs), unit: 'ms' },
    { name: 'of which the Install (SendCommand + advance, reboots included)', value: best((r) => r.installMs), unit: 'ms' },
    { name: "stored patch state per node (JSON: summary, report, what was installed)", value: Math.round(r0.statePerNode), unit: 'bytes' },
  ];
  if (r0.heapPerNode !== undefined) rows.push({ name: "heap per node after Scan and Install (patch state, command records, events)", value: Math.round(r0.heapPerNode), unit: 'bytes', note: 'heap growth after GC / 1,000' });
  rows.push({ name: 'DescribeEffectivePatchesForPatchBaseline, a page of 100 over a 5,000-patch catalog (HTTP), median', value: eff.pageMs, unit: 'ms', note: 'target < 20 ms' });
  rows.push({ name: 'the same, first page (evaluates the baseline over the catalog)', value: eff.firstMs, unit: 'ms' });
  return rows;
}

// Standalone: npx tsx scripts/bench/patching.ts [--quick]
await runStandalone(import.meta.url, run);
