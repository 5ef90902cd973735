/**
 * Inventory benchmark: 10,000 nodes with 50 applications each (500,000 AWS:Application entries,
 * names drawn from a pool of 2,000, up to 3 versions of each), then over HTTP:
 *   - GetInventory with an aggregator, count of AWS:Application by Name (target < 200 ms), measured
 *     right after a PutInventory (the value index is rebuilt: the honest worst case) and again (warm);
 *   - a filtered page: GetInventory Filters AWS:Application.Name Equal <name>, MaxResults 50
 *     (target < 50 ms), cold and warm;
 *   - a page filtered on AWS:InstanceInformation (derived from the fleet, scanned) and an aggregator
 *     restricted by a filter.
 * Also reports how long the 10,000 uploads take (PutInventory's code path, in process) and the
 * stored state per node.
 *
 *   npx tsx scripts/bench/inventory.ts [--quick]     standalone, prints a table
 *   npm run bench                                      (run() is folded into the suite by scripts/bench/run.ts)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../../emulator/emulator.js';
import { createServer, listen } from '../../emulator/server.js';
import { putInventory } from '../../emulator/sim/inventory/put.js';
import { inventorySlice } from '../../emulator/sim/inventory/state.js';
import { sortedInstanceIds } from '../../emulator/sim/fleet/state.js';
import { ssmPost, closeSuite, runStandalone } from './load.js';

export interface InventoryRow {
  name: string;
  value: number | string;
  unit: string;
  note?: string;
}

const NODES = 10_000;
const APPS_PER_NODE = 50;
const POOL = 2_000;

async function ssm(agent: http.Agent, port: number, target: string, body: object): Promise<any> {
  const res = await ssmPost(agent, port, target, JSON.stringify(body));
  if (res.status !== 200) throw new Error(`${target} answered ${res.status}: ${res.text}`);
  return JSON.parse(res.text);
}

/** Deterministic pseudo-random picks (a small LCG), so every run stores the same inventory. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

interface Timing {
  coldMs: number;
  warmMs: number;
}

export async function run(opts: { quick?: boolean } = {}): Promise<InventoryRow[]> {
  const emu = new Emulator({ clock: { mode: 'frozen', start: Date.UTC(2025, 0, 1) }, seed: 'bench', fleet: { groups: [{ Count: NODES, Platform: 'amazon-linux-2023', Tags: { Env: 'prod' } }] } });
  const server = createServer(emu);
  const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const ctx = emu.context('000000000000', 'us-east-1');
    const ids = sortedInstanceIds(ctx);
    const rand = lcg(42);
    const pool = Array.from({ length: POOL }, (_, i) => `package-${String(i).padStart(4, '0')}`);
    const t0 = performance.now();
    for (const id of ids) {
      const names = new Set<string>();
      while (names.size < APPS_PER_NODE) names.add(pool[Math.floor(rand() * rand() * POOL)]);
      // Most nodes run a package's common version; some an older or newer one (up to 3 per name).
      const Content = [...names].map((Name) => ({ Name, Version: `1.${Math.floor(rand() * rand() * 3)}.0`, Publisher: 'Amazon Linux', Architecture: 'x86_64', Release: '1.amzn2023' }));
      putInventory(ctx, id, [{ TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: '2025-01-01T00:00:00Z', Content }]);
    }
    const fillMs = performance.now() - t0;
    const statePerNode = JSON.stringify(inventorySlice.of(ctx.scope).nodes).length / NODES;

    // Warm the JIT on the paths measured.
    await ssm(agent, port, 'GetInventory', { Aggregators: [{ Expression: 'AWS:Application.Name' }] });
    await ssm(agent, port, 'GetInventory', { Filters: [{ Key: 'AWS:Application.Name', Values: ['package-0001'] }], MaxResults: 50 });

    /** Touches one node's applications, so the next query rebuilds the value index. */
    const touch = (k: number) =>
      putInventory(ctx, ids[k % NODES], [{ TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: '2025-01-01T01:00:00Z', Content: [{ Name: `touched-${k}`, Version: '1', Publisher: 'p', Architecture: 'x86_64' }] }]);
    const rounds = opts.quick ? 3 : 7;
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
    async function timed(body: object, check: (out: any) => void): Promise<Timing> {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let k = 0; k < rounds; k++) {
        touch(k);
        let a = performance.now();
        check(await ssm(agent, port, 'GetInventory', body));
        cold.push(performance.now() - a);
        a = performance.now();
        check(await ssm(agent, port, 'GetInventory', body));
        warm.push(performance.now() - a);
      }
      return { coldMs: median(cold), warmMs: median(warm) };
    }

    const byName = await timed({ Aggregators: [{ Expression: 'AWS:Application.Name' }] }, (out) => {
      const rows = out.Entities[0].Data['AWS:Application'].Content;
      if (rows.length < POOL / 2) throw new Error(`expected counts for most of the ${POOL} names, got ${rows.length}`);
    });
    const page = await timed({ Filters: [{ Key: 'AWS:Application.Name', Values: ['package-0100'] }], MaxResults: 50 }, (out) => {
      if (out.Entities.length !== 50 || !out.NextToken) throw new Error(`expected a full page of 50, got ${out.Entities.length}`);
    });
    const infoPage = await timed({ Filters: [{ Key: 'AWS:InstanceInformation.PlatformType', Values: ['Linux'] }], MaxResults: 50 }, (out) => {
      if (out.Entities.length !== 50) throw new Error(`expected a full page of 50, got ${out.Entities.length}`);
    });
    const filteredAgg = await timed({ Filters: [{ Key: 'AWS:Application.Name', Values: ['package-00'], Type: 'BeginWith' }], Aggregators: [{ Expression: 'AWS:Application.Name' }] }, (out) => {
      if (!out.Entities[0].Data['AWS:Application'].Content.length) throw new Error('expected counts');
    });
    const nested = await timed({ Aggregators: [{ Expression: 'AWS:Application.Name', Aggregators: [{ Expression: 'AWS:Application.Version' }] }] }, (out) => {
      if (!out.Entities[0].Data['AWS:Application'].Content.length) throw new Error('expected counts');
    });

    const both = (t: Timing) => `${Math.round(t.coldMs * 10) / 10} ms right after a PutInventory, ${Math.round(t.warmMs * 10) / 10} ms warm`;
    return [
      { name: `GetInventory, count of AWS:Application by Name, ${NODES.toLocaleString('en')} nodes x ${APPS_PER_NODE} applications`, value: byName.coldMs, unit: 'ms', note: `target < 200 ms; ${both(byName)} (median of ${rounds})` },
      { name: 'GetInventory, a page of 50 filtered on AWS:Application.Name', value: page.coldMs, unit: 'ms', note: `target < 50 ms; ${both(page)}` },
      { name: 'GetInventory, a page of 50 filtered on AWS:InstanceInformation.PlatformType', value: infoPage.coldMs, unit: 'ms', note: both(infoPage) },
      { name: 'GetInventory, count by Name of the nodes with a name BeginWith package-00', value: filteredAgg.coldMs, unit: 'ms', note: both(filteredAgg) },
      { name: 'GetInventory, nested aggregator Name -> Version', value: nested.coldMs, unit: 'ms', note: both(nested) },
      { name: `${NODES.toLocaleString('en')} PutInventory uploads of ${APPS_PER_NODE} applications (in process)`, value: fillMs, unit: 'ms' },
      { name: 'stored inventory per node (JSON)', value: Math.round(statePerNode), unit: 'bytes' },
    ];
  } finally {
    await closeSuite(agent, emu, server);
  }
}

// Standalone: npx tsx scripts/bench/inventory.ts [--quick]
await runStandalone(import.meta.url, run);
