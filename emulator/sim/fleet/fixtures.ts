/**
 * Fleet fixtures: YAML or JSON files (fixtures/fleets/*.yaml) that describe managed nodes compactly.
 *
 *   account: "000000000000"        # optional, the default account
 *   region: us-east-1              # optional, the default region
 *   defaults: { AgentVersion: 3.3.1957.0 }   # optional, merged under every node below
 *   instances:                     # nodes one by one (any InstanceInformation field, PascalCase)
 *     - InstanceId: i-0123456789abcdef0
 *       Platform: windows-2022
 *       Tags: { Env: prod, Role: db }
 *   groups:                        # templated groups: Count nodes from one template
 *     - Count: 40
 *       Platform: amazon-linux-2023
 *       ComputerName: web-{nn}.prod.internal    # {n} = 1-based index, {nn}/{nnn} zero-padded
 *       Tags: { Env: prod, Role: web, Name: "web-{nn}" }
 *       ConnectionLost: 2          # the last 2 of the group are offline
 *       Stopped: 1                 # EC2 state stopped (not listed, not targeted)
 *   fleets:                        # optional: more fleets in other accounts/regions, same format
 *     - { account: "111111111111", region: eu-west-1, instances: [...] }
 *
 * A fixture is checked completely before any node is stored; an error names the entry it is in.
 * Ids that a fixture does not spell out come from the emulator's seeded generator, so a given seed
 * always yields the same fleet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { Runtime } from '../../core/runtime.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../../core/defaults.js';
import type { Ctx } from '../../core/context.js';
import { buildInstance, FleetSpecError, SPEC_FIELDS } from './build.js';
import { addInstance, allInstances, getInstance, removeInstance } from './state.js';
import type { FleetInstance } from './instance.js';
import { FIXTURES_DIR } from '../../core/paths.js';

/** fixtures/fleets/default.yaml, from emulator/sim/fleet/ in source and dist/sim/fleet/ when built. */
export const DEFAULT_FLEET_FILE = join(FIXTURES_DIR, 'fleets', 'default.yaml');

export class FixtureError extends Error {}

/** Largest group a fixture may template (the benchmark uses 10,000). */
export const MAX_GROUP_COUNT = 100_000;

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const GROUP_FIELDS = ['Count', 'ConnectionLost', 'Stopped'];

/** Reads a fixture file (YAML or JSON; YAML is a superset of JSON). */
export function readFixtureFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FixtureError(`Cannot read fleet fixture ${path}: ${(e as Error).message}`);
  }
  return parseFixtureText(text, path);
}

export function parseFixtureText(text: string, source = 'fixture'): unknown {
  try {
    return YAML.parse(text, { maxAliasCount: 1000 });
  } catch (e) {
    throw new FixtureError(`${source} is not valid YAML or JSON: ${(e as Error).message}`);
  }
}

/** {n} -> 1, {nn} -> 01, {nnn} -> 001, in every string of a template. */
function expand(value: unknown, n: number): unknown {
  if (typeof value === 'string') return value.replace(/\{(n+)\}/g, (_m, w: string) => String(n).padStart(w.length, '0'));
  if (Array.isArray(value)) return value.map((v) => expand(v, n));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, expand(v, n)]));
  }
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

interface PlannedFleet {
  account: string;
  region: string;
  nodes: FleetInstance[];
}

export interface LoadResult {
  fleets: { account: string; region: string; instanceIds: string[] }[];
  total: number;
}

/**
 * Checks and builds every node of a fixture, then stores them all (or nothing). `only` limits
 * loading to matching fleets (used after a reset of one account or region); `replace` first removes
 * the nodes already in each fleet's account and region.
 */
export function loadFleet(
  emu: Runtime,
  fixture: unknown,
  opts: { replace?: boolean; only?: { account?: string; region?: string }; source?: string } = {},
): LoadResult {
  const source = opts.source ?? 'fixture';
  if (!isObject(fixture)) throw new FixtureError(`${source}: a fleet fixture must be a mapping (account, region, instances, groups, fleets).`);
  const plans: PlannedFleet[] = [];
  const plan = (f: Record<string, unknown>, where: string, inherit: { account: string; region: string }) => {
    for (const k of Object.keys(f)) {
      if (!['account', 'region', 'defaults', 'instances', 'groups', 'fleets', 'description'].includes(k)) {
        throw new FixtureError(`${where}: unknown key ${k} (expected account, region, defaults, instances, groups, fleets).`);
      }
    }
    const account = f.account === undefined ? inherit.account : String(f.account);
    const region = f.region === undefined ? inherit.region : String(f.region);
    if (!ACCOUNT.test(account)) throw new FixtureError(`${where}: account must be 12 digits (quote it in YAML), not ${account}.`);
    if (!REGION.test(region)) throw new FixtureError(`${where}: region ${region} is not a region name such as us-east-1.`);
    const skip = (opts.only?.account !== undefined && opts.only.account !== account) || (opts.only?.region !== undefined && opts.only.region !== region);
    if (f.defaults !== undefined && !isObject(f.defaults)) throw new FixtureError(`${where}.defaults must be a mapping of instance fields.`);
    const defaults = (f.defaults ?? {}) as Record<string, unknown>;
    for (const k of ['instances', 'groups', 'fleets']) {
      if (f[k] !== undefined && !Array.isArray(f[k])) throw new FixtureError(`${where}.${k} must be a list.`);
    }
    if (!skip) {
      const ctx: Ctx = emu.context(account, region);
      const nodes: FleetInstance[] = [];
      const build = (spec: Record<string, unknown>, at: string) => {
        try {
          nodes.push(buildInstance(ctx, { ...defaults, ...spec }));
        } catch (e) {
          if (e instanceof FleetSpecError) throw new FixtureError(`${at}: ${e.message}`);
          throw e;
        }
      };
      ((f.instances ?? []) as unknown[]).forEach((spec, i) => {
        if (!isObject(spec)) throw new FixtureError(`${where}.instances[${i}] must be a mapping of instance fields.`);
        build(spec, `${where}.instances[${i}]`);
      });
      ((f.groups ?? []) as unknown[]).forEach((g, i) => {
        const at = `${where}.groups[${i}]`;
        if (!isObject(g)) throw new FixtureError(`${at} must be a mapping with Count and instance fields.`);
        const count = g.Count;
        if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_GROUP_COUNT) {
          throw new FixtureError(`${at}.Count must be a whole number from 1 to ${MAX_GROUP_COUNT}.`);
        }
        const n = count as number;
        const lost = g.ConnectionLost ?? 0;
        const stopped = g.Stopped ?? 0;
        for (const [k, v] of [['ConnectionLost', lost], ['Stopped', stopped]] as const) {
          if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > n) throw new FixtureError(`${at}.${k} must be a whole number from 0 to Count (${n}).`);
        }
        if ((lost as number) + (stopped as number) > n) throw new FixtureError(`${at}: ConnectionLost + Stopped is more than Count (${n}).`);
        if (g.InstanceId !== undefined && n > 1) throw new FixtureError(`${at}: a group of ${n} cannot share one InstanceId; leave it out to generate ids.`);
        for (const k of Object.keys(g)) {
          if (!GROUP_FIELDS.includes(k) && !SPEC_FIELDS.includes(k)) throw new FixtureError(`${at}: unknown field ${k}.`);
        }
        const template = Object.fromEntries(Object.entries(g).filter(([k]) => !GROUP_FIELDS.includes(k)));
        for (let j = 1; j <= n; j++) {
          const spec = expand(template, j) as Record<string, unknown>;
          // The last nodes of the group are the stopped, then the offline ones.
          if (j > n - (stopped as number)) spec.InstanceState = 'stopped';
          else if (j > n - (stopped as number) - (lost as number)) spec.PingStatus = 'ConnectionLost';
          build(spec, `${at} (node ${j} of ${n})`);
        }
      });
      plans.push({ account, region, nodes });
    }
    ((f.fleets ?? []) as unknown[]).forEach((sub, i) => {
      if (!isObject(sub)) throw new FixtureError(`${where}.fleets[${i}] must be a mapping.`);
      if (sub.fleets !== undefined) throw new FixtureError(`${where}.fleets[${i}]: fleets do not nest.`);
      plan(sub, `${where}.fleets[${i}]`, { account, region });
    });
  };
  plan(fixture, source, { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION });

  // Duplicates within the fixture, or with nodes that stay, refuse the whole fixture.
  const seenByScope = new Map<string, Set<string>>();
  for (const p of plans) {
    const ctx = emu.context(p.account, p.region);
    const scopeKey = `${p.account}/${p.region}`;
    let seen = seenByScope.get(scopeKey);
    if (!seen) seenByScope.set(scopeKey, (seen = new Set<string>()));
    for (const node of p.nodes) {
      if (seen.has(node.InstanceId)) throw new FixtureError(`${source}: instance ${node.InstanceId} appears twice in ${p.account}/${p.region}.`);
      seen.add(node.InstanceId);
      if (!opts.replace && getInstance(ctx, node.InstanceId)) {
        throw new FixtureError(`${source}: instance ${node.InstanceId} already exists in ${p.account}/${p.region}.`);
      }
    }
  }
  const result: LoadResult = { fleets: [], total: 0 };
  for (const p of plans) {
    const ctx = emu.context(p.account, p.region);
    // A copy: removeInstance splices the list allInstances returns.
    if (opts.replace) for (const old of [...allInstances(ctx)]) removeInstance(ctx, old.InstanceId);
    for (const node of p.nodes) addInstance(ctx, node);
    const existing = result.fleets.find((f) => f.account === p.account && f.region === p.region);
    const ids = p.nodes.map((n) => n.InstanceId);
    if (existing) existing.instanceIds.push(...ids);
    else result.fleets.push({ account: p.account, region: p.region, instanceIds: ids });
    result.total += ids.length;
  }
  return result;
}

/** Loads the emulator's configured fleet (EmulatorOptions.fleet), if any. */
export function loadConfiguredFleet(emu: Runtime, only?: { account?: string; region?: string }): LoadResult | undefined {
  const f = emu.fleet;
  if (f === null || f === undefined) return undefined;
  const fixture = typeof f === 'string' ? readFixtureFile(f) : f;
  return loadFleet(emu, fixture, { only, source: typeof f === 'string' ? f : 'fleet option' });
}
