/**
 * Fleet benchmark: a region with 10,000 managed nodes (loaded from a templated fixture), then
 *   - a DescribeInstanceInformation page (50 nodes) over HTTP,
 *   - a DescribeInstanceInformation tag filter over HTTP, with a rare tag (the page is filled by
 *     scanning most of the fleet: the worst case), and a common one,
 *   - resolving a tag target (three quarters of the fleet) and a resource-group target with the
 *     targeting resolver, in process, and the same right after a tag change (the derived tag index
 *     is rebuilt),
 * each as median and p99 of sequential requests. The goal: each well under 20 ms.
 *
 *   npx tsx scripts/bench/fleet.ts [--quick]     standalone, prints a table
 *   npm run bench                                  (run() is folded into the suite by scripts/bench/run.ts)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Emulator } from '../../emulator/emulator.js';
import { createServer, listen } from '../../emulator/server.js';
import { resolveTargets } from '../../emulator/sim/fleet/targets.js';
import { allInstances } from '../../emulator/sim/fleet/state.js';
import { createNode, deleteNode, updateNode } from '../../emulator/sim/fleet/nodes.js';
import { ssmPost, closeSuite, runStandalone } from './load.js';

export interface FleetRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export const NODES = 10_000;

const fixture = {
  groups: [
    // Half prod web, a quarter dev, and a rare role spread through the id space.
    { Count: 5_000, Platform: 'amazon-linux-2023', Tags: { Env: 'prod', Role: 'web', Name: 'web-{nnnn}' }, ConnectionLost: 50 },
    { Count: 2_500, Platform: 'ubuntu-22.04', Tags: { Env: 'dev', Role: 'app', Name: 'app-{nnnn}' } },
    { Count: 2_490, Platform: 'windows-2022', Tags: { Env: 'prod', Role: 'db', Name: 'db-{nnnn}' }, Stopped: 10 },
    { Count: 10, Platform: 'rhel-9', Tags: { Env: 'prod', Role: 'vault' } },
  ],
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99) };
}


async function timeHttp(agent: http.Agent, port: number, target: string, body: object, n: number, check: (out: any) => void) {
  const text = JSON.stringify(body);
  const samples: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    const res = await ssmPost(agent, port, target, text);
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${target} answered ${res.status}: ${res.text}`);
    if (i === 0) check(JSON.parse(res.text));
    if (i >= 5) samples.push(ms); // the first few warm the JIT and the sorted-id index
  }
  return stats(samples);
}

function timeLocal(fn: () => void, n: number) {
  const samples: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    fn();
    if (i >= 5) samples.push(performance.now() - t0);
  }
  return stats(samples);
}

export async function run(opts: { quick?: boolean } = {}): Promise<FleetRow[]> {
  const n = opts.quick ? 50 : 200;
  const rows: FleetRow[] = [];
  const t0 = performance.now();
  const emu = new Emulator({ clock: { mode: 'frozen', start: Date.UTC(2025, 0, 1) }, seed: 'bench', fleet: fixture });
  rows.push({ name: `create an emulator with ${NODES.toLocaleString('en')} nodes from a templated fixture`, value: performance.now() - t0, unit: 'ms' });
  const server = createServer(emu);
  const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const page = await timeHttp(agent, port, 'DescribeInstanceInformation', { MaxResults: 50 }, n, (o) => {
      if (o.InstanceInformationList.length !== 50 || !o.NextToken) throw new Error('expected a full first page');
    });
    rows.push({ name: 'DescribeInstanceInformation, a page of 50 (HTTP), median', value: page.p50, unit: 'ms' });
    rows.push({ name: 'DescribeInstanceInformation, a page of 50 (HTTP), p99', value: page.p99, unit: 'ms' });

    const rare = await timeHttp(agent, port, 'DescribeInstanceInformation', { MaxResults: 50, Filters: [{ Key: 'tag:Role', Values: ['vault'] }] }, n, (o) => {
      if (o.InstanceInformationList.length !== 10) throw new Error('expected the 10 vault nodes');
    });
    rows.push({ name: 'DescribeInstanceInformation, tag filter matching 10 of 10,000 (HTTP), median', value: rare.p50, unit: 'ms' });
    rows.push({ name: 'DescribeInstanceInformation, tag filter matching 10 of 10,000 (HTTP), p99', value: rare.p99, unit: 'ms' });

    const common = await timeHttp(agent, port, 'DescribeInstanceInformation', { MaxResults: 50, Filters: [{ Key: 'tag:Env', Values: ['dev'] }] }, n, (o) => {
      if (o.InstanceInformationList.length !== 50) throw new Error('expected a full page of dev nodes');
    });
    rows.push({ name: 'DescribeInstanceInformation, tag filter matching 2,500 (HTTP), median', value: common.p50, unit: 'ms' });

    const ctx = emu.context('000000000000', 'us-east-1');
    let matched = 0;
    const tag = timeLocal(() => {
      matched = resolveTargets(ctx, { Targets: [{ Key: 'tag:Env', Values: ['prod'] }] }).ids.length;
    }, n);
    rows.push({ name: `resolve a tag target (Key=tag:Env,Values=prod: ${matched.toLocaleString('en')} nodes), median`, value: tag.p50, unit: 'ms' });
    rows.push({ name: 'resolve a tag target, p99', value: tag.p99, unit: 'ms' });

    // A tag change updates the derived tag index in place.
    const someNode = allInstances(ctx)[1234];
    let flip = false;
    const rebuild = timeLocal(() => {
      flip = !flip;
      updateNode(ctx, someNode, { Tags: { Env: 'prod', Role: 'web', Canary: flip ? 'yes' : 'no' } });
      resolveTargets(ctx, { Targets: [{ Key: 'tag:Env', Values: ['prod'] }] });
    }, opts.quick ? 20 : 50);
    rows.push({ name: 'change one node\'s tags, then resolve a tag target (index updated in place), median', value: rebuild.p50, unit: 'ms' });

    // Adding or removing a node shifts the index's positions in place.
    const build = timeLocal(() => {
      deleteNode(ctx, createNode(ctx, { Tags: { Env: 'prod' } }).InstanceId);
      resolveTargets(ctx, { Targets: [{ Key: 'tag:Env', Values: ['prod'] }] });
    }, opts.quick ? 10 : 30);
    rows.push({ name: 'add and remove a node, then resolve a tag target (index shifted in place), median', value: build.p50, unit: 'ms' });

    const rg = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ Name: 'web', ResourceQuery: { Type: 'TAG_FILTERS_1_0', Query: JSON.stringify({ ResourceTypeFilters: ['AWS::EC2::Instance'], TagFilters: [{ Key: 'Role', Values: ['web'] }] }) } });
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/groups', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
    if (rg !== 200) throw new Error(`CreateGroup answered ${rg}`);
    const group = timeLocal(() => {
      matched = resolveTargets(ctx, { Targets: [{ Key: 'resource-groups:Name', Values: ['web'] }] }).ids.length;
    }, n);
    rows.push({ name: `resolve a resource-group target (${matched.toLocaleString('en')} members), median`, value: group.p50, unit: 'ms' });
  } finally {
    await closeSuite(agent, emu, server);
  }
  return rows;
}

// Standalone: npx tsx scripts/bench/fleet.ts [--quick]
await runStandalone(import.meta.url, run);
