/**
 * AWS public parameters (/aws/service/...): read-only fixture data, the same in every account, served
 * per Region as AWS serves them (GetParameter, GetParameters, GetParametersByPath).
 *
 * Loaded lazily, so start-up stays fast: a Region's file (Amazon Linux, ECS, Windows and EKS AMIs) on
 * the first /aws/ read in that Region, the global-infrastructure tree (53,000 parameters, the same in
 * every Region) only when a read reaches /aws/service/global-infrastructure/. Caches hang off the
 * Runtime in a WeakMap (fixture data is not state: it is not snapshotted or reset).
 *
 * Files: fixtures/public-parameters/ (written by scripts/import-public-parameters.ts; formats there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Runtime } from '../../core/runtime.js';
import { SortedNames } from './sorted-names.js';
import { parentOf } from './names.js';
import { FIXTURES_DIR } from '../../core/paths.js';

export interface PublicParameter {
  Name: string;
  Type: 'String';
  Value: string;
  Version: number;
  /** Epoch seconds. */
  LastModifiedDate: number;
  DataType: string;
  ARN: string;
}

export const GLOBAL_PREFIX = '/aws/service/global-infrastructure/';
const FIXTURES = join(FIXTURES_DIR, 'public-parameters') + '/';

interface Table {
  byName: Map<string, PublicParameter>;
  all: SortedNames;
  children: Map<string, SortedNames>;
}

type Row = [name: string, value: string, version: number, lastModified: number];

function build(region: string, rows: Iterable<Row>): Table {
  const byName = new Map<string, PublicParameter>();
  const kids = new Map<string, string[]>();
  const names: string[] = [];
  for (const [name, value, version, lastModified] of rows) {
    byName.set(name, {
      Name: name,
      Type: 'String',
      Value: value,
      Version: version,
      LastModifiedDate: lastModified,
      DataType: 'text',
      // AWS's public parameters carry no account in their ARN.
      ARN: `arn:aws:ssm:${region}::parameter${name}`,
    });
    names.push(name);
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const n of names) {
    const p = parentOf(n);
    let list = kids.get(p);
    if (!list) kids.set(p, (list = []));
    list.push(n);
  }
  const children = new Map<string, SortedNames>();
  for (const [p, list] of kids) children.set(p, SortedNames.fromSorted(list));
  return { byName, all: SortedNames.fromSorted(names), children };
}

function readFixture<T>(file: string): T | undefined {
  const path = FIXTURES + file;
  if (!existsSync(path)) return undefined;
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as T;
}

interface GlobalFile {
  recordedAt: number;
  prefix: string;
  parameters: ([string] | [string, string])[];
}

/** One Region's view: its regional table, and the global table once something needed it. */
export class PublicParameters {
  private regional: Table | undefined;
  private global: Table | undefined;

  constructor(
    private readonly region: string,
    private readonly globalRows: () => GlobalFile | undefined,
  ) {}

  private regionalTable(): Table {
    if (!this.regional) {
      const file = readFixture<{ parameters: Row[] }>(`regional/${this.region}.json.gz`);
      this.regional = build(this.region, file?.parameters ?? []);
    }
    return this.regional;
  }

  private globalTable(): Table {
    if (!this.global) {
      const file = this.globalRows();
      const rows: Row[] = [];
      if (file) {
        for (const r of file.parameters) {
          const rel = r[0];
          rows.push([file.prefix + rel, r.length === 2 ? r[1] : rel.slice(rel.lastIndexOf('/') + 1), 1, file.recordedAt]);
        }
      }
      this.global = build(this.region, rows);
    }
    return this.global;
  }

  /** The tables a name or path can fall in (the global one only when the path reaches it). */
  private tablesFor(path: string): Table[] {
    const p = path.endsWith('/') ? path : `${path}/`;
    const inGlobal = p.startsWith(GLOBAL_PREFIX);
    const aboveGlobal = GLOBAL_PREFIX.startsWith(p);
    if (inGlobal) return [this.globalTable()];
    if (aboveGlobal) return [this.regionalTable(), this.globalTable()];
    return [this.regionalTable()];
  }

  get(name: string): PublicParameter | undefined {
    return name.startsWith(GLOBAL_PREFIX) ? this.globalTable().byName.get(name) : this.regionalTable().byName.get(name);
  }

  /**
   * Names under a path in order, after `after`: all descendants (recursive) or direct children. Two
   * tables are merged in order when the path is an ancestor of both.
   */
  *names(path: string, recursive: boolean, after?: string): Generator<string, void, undefined> {
    const iters = this.tablesFor(path).map((t) => {
      if (!recursive) {
        const kids = t.children.get(path);
        return kids ? kids.iterate(after === undefined ? {} : { after }) : [][Symbol.iterator]();
      }
      const prefix = path === '/' ? '/' : `${path}/`;
      return (function* () {
        for (const n of t.all.iterate(after !== undefined && after >= prefix ? { after } : { from: prefix })) {
          if (!n.startsWith(prefix)) return;
          yield n;
        }
      })();
    });
    if (iters.length === 1) {
      yield* iters[0];
      return;
    }
    const heads = iters.map((it) => it.next());
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        if (!heads[i].done && (best < 0 || (heads[i].value as string) < (heads[best].value as string))) best = i;
      }
      if (best < 0) return;
      yield heads[best].value as string;
      heads[best] = iters[best].next();
    }
  }
}

const caches = new WeakMap<Runtime, { regions: Map<string, PublicParameters>; global?: GlobalFile | null }>();

/** The public parameters of a Region (created on first use, files read on first need). */
export function publicParameters(emu: Runtime, region: string): PublicParameters {
  let c = caches.get(emu);
  if (!c) caches.set(emu, (c = { regions: new Map() }));
  let p = c.regions.get(region);
  if (!p) {
    const cache = c;
    p = new PublicParameters(region, () => {
      if (cache.global === undefined) cache.global = readFixture<GlobalFile>('global-infrastructure.json.gz') ?? null;
      return cache.global ?? undefined;
    });
    c.regions.set(region, p);
  }
  return p;
}
