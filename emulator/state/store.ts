/**
 * All emulator state, as plain JSON, scoped by account and region (SSM is regional: a parameter put in
 * us-east-1 does not exist in eu-west-1). Each capability area declares its slice of a region's state
 * with defineSlice(); slices are created lazily on first use.
 *
 * Indexes (sorted name lists, tag maps, ...) are not stored here: areas derive them from their slice
 * and cache them in a WeakMap keyed by the slice object, so a restored snapshot rebuilds them.
 */
import type { Task } from '../time/scheduler.js';
import type { EmulatorEvent } from '../core/events.js';
import type { JsonSchema } from './schema.js';

/** Bumped whenever the shape of persisted state changes; snapshots of another version are refused. */
export const STATE_FORMAT_VERSION = 1;

export type RegionData = Record<string, unknown>;

export interface StoreData {
  /** "account/region" -> that region's slices */
  regions: Record<string, RegionData>;
  scheduler: { seq: number; tasks: Task[] };
  rng: [number, number, number, number];
  /**
   * The seed ids started from; a reset goes back to it. Kept in the state (not the process) so that a
   * restarted emulator replaying a journaled reset makes the same ids as the first run did.
   */
  seed?: [number, number, number, number];
  events: EmulatorEvent[];
  eventSeq: number;
}

export interface Scope {
  readonly account: string;
  readonly region: string;
  readonly data: RegionData;
}

export const scopeKey = (account: string, region: string) => `${account}/${region}`;

export class Store {
  data: StoreData;
  private scopes = new Map<string, Scope>();

  constructor(seedRng: [number, number, number, number]) {
    this.data = { regions: {}, scheduler: { seq: 0, tasks: [] }, rng: [...seedRng], seed: [...seedRng], events: [], eventSeq: 0 };
  }

  /** The state of one account and region, created on first use. */
  scope(account: string, region: string): Scope {
    const key = scopeKey(account, region);
    let s = this.scopes.get(key);
    if (!s) {
      const data = (this.data.regions[key] ??= {});
      s = { account, region, data };
      this.scopes.set(key, s);
    }
    return s;
  }

  /**
   * The state of one account and region if it has any; never creates it. For reads that cross
   * accounts (a shared document or parameter): looking must not create an empty region.
   */
  peek(account: string, region: string): Scope | undefined {
    return Object.hasOwn(this.data.regions, scopeKey(account, region)) ? this.scope(account, region) : undefined;
  }

  /** Every scope that has state (optionally of one account and/or region), for sweeps across scopes. */
  scopesIn(filter: { account?: string; region?: string } = {}): Scope[] {
    const out: Scope[] = [];
    for (const key of Object.keys(this.data.regions)) {
      const i = key.indexOf('/');
      const account = key.slice(0, i);
      const region = key.slice(i + 1);
      if ((filter.account === undefined || filter.account === account) && (filter.region === undefined || filter.region === region)) {
        out.push(this.scope(account, region));
      }
    }
    return out;
  }

  /** Forgets one scope entirely (a request that failed in a scope it created). */
  drop(account: string, region: string): void {
    delete this.data.regions[scopeKey(account, region)];
    this.scopes.delete(scopeKey(account, region));
  }

  /** Drops one region's state (or all regions' when no scope is given). */
  resetRegions(account?: string, region?: string): void {
    if (account === undefined && region === undefined) {
      this.data.regions = {};
    } else {
      for (const key of Object.keys(this.data.regions)) {
        const [a, r] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
        if ((account === undefined || a === account) && (region === undefined || r === region)) delete this.data.regions[key];
      }
    }
    this.scopes.clear();
  }

  /** Replaces everything (snapshot restore, persistence load). */
  replace(data: StoreData): void {
    this.data = data;
    this.scopes.clear();
  }
}

export interface Slice<T> {
  readonly name: string;
  /** The slice in this scope, created with its initial value on first use. */
  of(scope: Scope): T;
  /** The slice in this scope if it was ever created; never creates it. */
  peek(scope: Scope): T | undefined;
}

/** Declared slices: name -> the JSON Schema of its data. */
const slices = new Map<string, JsonSchema>();

/**
 * Declares an area's slice of region state. `init` must return plain JSON data; `schema` (built with
 * state/schema.ts) is what a restored snapshot's slice must satisfy. Every slice declares one: a
 * snapshot is checked completely before it replaces anything (only a slice this build does not know,
 * from a newer emulator, gets the loose FALLBACK_SLICE_SCHEMA).
 */
export function defineSlice<T>(name: string, init: () => T, schema: JsonSchema): Slice<T> {
  if (slices.has(name)) throw new Error(`slice ${name} is declared twice`);
  slices.set(name, schema);
  return {
    name,
    of(scope: Scope): T {
      const d = scope.data;
      let v = d[name] as T | undefined;
      if (v === undefined) d[name] = v = init();
      return v;
    },
    peek(scope: Scope): T | undefined {
      return scope.data[name] as T | undefined;
    },
  };
}

/** Every declared slice and its schema (state/snapshot.ts composes the snapshot's schema from them). */
export function declaredSlices(): ReadonlyMap<string, JsonSchema> {
  return slices;
}
