/**
 * Patch catalogs: what patches exist for an operating system and when each was released. Read-only
 * fixture data (not state): fixtures/patches/*.json.gz, written by scripts/patching/generate-catalogs.ts
 * (SYNTHETIC: real package names, KB and advisory formats and version schemes, made-up releases), plus
 * the catalogs a user adds with --patch-catalogs DIR (EmulatorOptions.patchCatalogs), which replace a
 * built-in catalog of the same name or add one.
 *
 * Loading is lazy and per emulator (a WeakMap on the Runtime, like the document catalog): the built-in
 * index (fixtures/patches/index.json) says which file serves which operating system, and a catalog's
 * file is read on the first request that needs that operating system. User catalogs are read on the
 * first patching request (their headers decide which OS they serve).
 *
 * Time: a patch exists from its ReleaseDate on. visibleAt(t) is the catalog as it stood at t: later
 * patches do not exist yet, and (Windows) a patch superseded by one released by t is gone, as Patch
 * Manager "removes updates that were replaced by later updates from its patch list". Setting the clock
 * back replays history.
 *
 * File format (JSON, optionally gzipped; see docs/patching.md "Patch catalogs"):
 *   {"format": 1, "name": "amazon-linux-2023", "operatingSystem": "AMAZON_LINUX_2023",
 *    "platforms": [{"PlatformName": "Amazon Linux", "PlatformVersion": "2023"}],   // which nodes ("9.*": prefix)
 *    "product": "AmazonLinux2023",               // the node's product; "{version}" = its PlatformVersion
 *    "optional": ["nginx", ...],                 // packages (Windows: application products) not on every node
 *    "patches": [{ DescribeAvailablePatches' members..., ReleaseDate: epoch seconds,
 *                  "PatchSet": "OS"|"APPLICATION", "Priority": "...", "Section": "...",   // Windows / apt only
 *                  "Supersedes": ["<Id>", ...] }]}                                        // Windows only
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { OperatingSystem, Patch } from '../../generated/ssm/types.js';
import type { Runtime } from '../../core/runtime.js';
import { FIXTURES_DIR } from '../../core/paths.js';
import { isOperatingSystem, OS_INFO, type Family } from './os.js';

export const CATALOG_DIR = join(FIXTURES_DIR, 'patches');

/** A catalog entry as the file holds it: the wire Patch plus a few members only the emulator reads. */
export interface CatalogPatchFile extends Patch {
  ReleaseDate: number;
  PatchSet?: 'OS' | 'APPLICATION';
  Priority?: string;
  Section?: string;
  Supersedes?: string[];
}

export interface CatalogPlatform {
  PlatformName: string;
  /** Exact, or a prefix ending in "*" ("9.*"). */
  PlatformVersion: string;
}

export interface CatalogFile {
  format: 1;
  name: string;
  description?: string;
  synthetic?: boolean;
  operatingSystem: OperatingSystem;
  platforms: CatalogPlatform[];
  product: string;
  optional?: string[];
  patches: CatalogPatchFile[];
}

/** One patch as the engines use it. */
export interface CatalogPatch {
  /** Unique in the catalog: the Windows update Id, or name.arch:epoch:version-release for packages. */
  readonly key: string;
  /** What DescribeAvailablePatches answers (frozen). */
  readonly wire: Readonly<Patch>;
  /** Epoch seconds. */
  readonly release: number;
  /** Epoch seconds at which a later patch superseded it (Windows), or Infinity. */
  readonly supersededAt: number;
  /** Position in the catalog's release order. */
  readonly order: number;
  /** DescribeInstancePatches' KBId: KB number (Windows) or name.arch (packages). */
  readonly kbId: string;
  /** DescribeInstancePatches' Title: the update title (Windows) or name.arch:epoch:version-release. */
  readonly title: string;
  /** name.arch for packages (the unit a node has one version of); the key for Windows. */
  readonly unit: string;
  readonly classification: string;
  /** MsrcSeverity (Windows) or Severity. */
  readonly severity: string;
  readonly patchSet: 'OS' | 'APPLICATION';
  readonly priority?: string;
  readonly section?: string;
  /** Patch Manager's notion of a security patch for the OS (see security()). */
  readonly security: boolean;
}

export interface Catalog {
  readonly name: string;
  readonly operatingSystem: OperatingSystem;
  readonly family: Family;
  readonly platforms: readonly CatalogPlatform[];
  readonly product: string;
  readonly optional: ReadonlySet<string>;
  /** Every patch, by release (then key). */
  readonly patches: readonly CatalogPatch[];
  readonly byKey: ReadonlyMap<string, CatalogPatch>;
  /** PRODUCT values the catalog's patches carry. */
  readonly products: readonly string[];
}

export class CatalogError extends Error {}

// ───────────────────────────────────────────── files ─────────────────────────────────────────────

function readJson(path: string): unknown {
  const buf = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8'));
}

const fail = (where: string, msg: string): never => {
  throw new CatalogError(`${where}: ${msg}`);
};

/**
 * Patch Manager's "security" notion: Linux packages from an update notice (any advisory) on yum and
 * zypper systems; from the <codename>-security repository on apt systems; Windows security and critical
 * updates; macOS "Security" classification.
 */
function security(family: Family, p: CatalogPatchFile): boolean {
  switch (family) {
    case 'yum':
    case 'zypper':
      return (p.AdvisoryIds?.length ?? 0) > 0;
    case 'apt':
      return (p.Repository ?? '').endsWith('-security');
    case 'windows':
      return p.Classification === 'SecurityUpdates' || p.Classification === 'CriticalUpdates';
    case 'macos':
      return p.Classification === 'Security';
  }
}

const INTERNAL = new Set(['PatchSet', 'Priority', 'Section', 'Supersedes']);

/** Checks and indexes a parsed catalog file. */
export function buildCatalog(raw: unknown, where: string): Catalog {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(where, 'a catalog must be a JSON object');
  const f = raw as CatalogFile;
  if (f.format !== 1) fail(where, 'format must be 1');
  if (typeof f.name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(f.name)) fail(where, 'name must be lower-case letters, digits, ".", "_" or "-"');
  if (typeof f.operatingSystem !== 'string' || !isOperatingSystem(f.operatingSystem)) fail(where, `operatingSystem ${String(f.operatingSystem)} is not an OperatingSystem value`);
  if (!Array.isArray(f.platforms) || !f.platforms.every((p) => p && typeof p.PlatformName === 'string' && typeof p.PlatformVersion === 'string')) {
    fail(where, 'platforms must be a list of {PlatformName, PlatformVersion}');
  }
  if (typeof f.product !== 'string' || !f.product) fail(where, 'product must be a non-empty string');
  if (!Array.isArray(f.patches)) fail(where, 'patches must be a list');
  const family = OS_INFO[f.operatingSystem].family;
  const packages = family !== 'windows';
  const entries = f.patches.map((p, i) => {
    const at = `${where} patches[${i}]`;
    if (!p || typeof p !== 'object') fail(at, 'must be an object');
    if (typeof p.ReleaseDate !== 'number' || !Number.isFinite(p.ReleaseDate)) fail(at, 'ReleaseDate must be epoch seconds');
    if (packages && (typeof p.Name !== 'string' || typeof p.Version !== 'string')) fail(at, 'a package needs Name and Version');
    if (!packages && (typeof p.Id !== 'string' || typeof p.KbNumber !== 'string')) fail(at, 'a Windows update needs Id and KbNumber');
    const arch = p.Arch ?? '';
    const name = p.Name ?? '';
    const epoch = p.Epoch ?? 0;
    const evr = `${epoch}:${p.Version}${p.Release ? `-${p.Release}` : ''}`;
    // apt names a package without its architecture ("For Debian Server ... lists, don't include elements such as architecture").
    const unit = packages ? (arch && family !== 'apt' ? `${name}.${arch}` : name) : p.Id!;
    const key = packages ? `${unit}:${evr}` : p.Id!;
    const wire: Patch = {};
    for (const [k, v] of Object.entries(p)) if (!INTERNAL.has(k) && v !== undefined) (wire as Record<string, unknown>)[k] = v;
    return {
      file: p,
      key,
      wire: Object.freeze(wire),
      release: p.ReleaseDate,
      kbId: packages ? unit : p.KbNumber!,
      title: packages ? `${unit}:${evr}` : (p.Title ?? p.KbNumber!),
      unit,
      classification: p.Classification ?? '',
      severity: (family === 'windows' ? p.MsrcSeverity : p.Severity) ?? '',
      patchSet: p.PatchSet ?? 'OS',
      ...(p.Priority !== undefined && { priority: p.Priority }),
      ...(p.Section !== undefined && { section: p.Section }),
      security: security(family, p),
    };
  });
  entries.sort((a, b) => a.release - b.release || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byKey = new Map<string, CatalogPatch>();
  const supersededAt = new Map<string, number>();
  for (const e of entries) for (const s of e.file.Supersedes ?? []) if (!supersededAt.has(s)) supersededAt.set(s, e.release);
  const patches: CatalogPatch[] = entries.map((e, order) => {
    const { file: _file, ...rest } = e;
    return Object.freeze({ ...rest, order, supersededAt: supersededAt.get(e.key) ?? Infinity });
  });
  for (const p of patches) {
    if (byKey.has(p.key)) fail(where, `patch ${p.key} appears twice`);
    byKey.set(p.key, p);
  }
  const products = [...new Set(patches.map((p) => p.wire.Product).filter((x): x is string => !!x))].sort();
  return {
    name: f.name,
    operatingSystem: f.operatingSystem,
    family,
    platforms: f.platforms.map((p) => ({ ...p })),
    product: f.product,
    optional: new Set(f.optional ?? []),
    patches,
    byKey,
    products,
  };
}

// ─────────────────────────────────────────── registry ───────────────────────────────────────────

interface IndexEntry {
  name: string;
  file: string;
  operatingSystem: OperatingSystem;
  platforms: CatalogPlatform[];
  product: string;
  products: string[];
}

interface Registry {
  /** Catalogs by name: loaded, or how to load them. */
  entries: Map<string, { header: IndexEntry; catalog?: Catalog; load: () => Catalog }>;
}

const registries = new WeakMap<Runtime, Registry>();

function registryOf(emu: Runtime): Registry {
  let r = registries.get(emu);
  if (r) return r;
  r = { entries: new Map() };
  const index = readJson(join(CATALOG_DIR, 'index.json')) as { catalogs: IndexEntry[] };
  for (const h of index.catalogs) {
    const path = join(CATALOG_DIR, h.file);
    r.entries.set(h.name, { header: h, load: () => buildCatalog(readJson(path), `fixtures/patches/${h.file}`) });
  }
  const dir = emu.patchCatalogs;
  if (dir) {
    if (!existsSync(dir)) throw new CatalogError(`patch catalogs directory ${dir} does not exist`);
    for (const file of readdirSync(dir).filter((n) => n.endsWith('.json') || n.endsWith('.json.gz')).sort()) {
      const catalog = buildCatalog(readJson(join(dir, file)), join(dir, file));
      const header: IndexEntry = {
        name: catalog.name,
        file,
        operatingSystem: catalog.operatingSystem,
        platforms: [...catalog.platforms],
        product: catalog.product,
        products: [...catalog.products],
      };
      r.entries.set(catalog.name, { header, catalog, load: () => catalog });
    }
  }
  registries.set(emu, r);
  return r;
}

function load(e: { catalog?: Catalog; load: () => Catalog }): Catalog {
  return (e.catalog ??= e.load());
}

/** Every catalog of an operating system (loaded on first use), in name order. */
export const catalogsFor = (emu: Runtime, os: OperatingSystem): Catalog[] => catalogsWhere(emu, (h) => h.operatingSystem === os);

/** The catalogs an emulator has loaded so far. */
export function loadedCatalogs(emu: Runtime): Catalog[] {
  const r = registries.get(emu);
  return r ? [...r.entries.values()].flatMap((e) => (e.catalog ? [e.catalog] : [])) : [];
}

/** Every catalog whose index header passes `keep` (loaded on first use), in name order. */
export function catalogsWhere(emu: Runtime, keep: (h: { operatingSystem: OperatingSystem; products: readonly string[] }) => boolean): Catalog[] {
  return [...registryOf(emu).entries.values()]
    .filter((e) => keep(e.header))
    .sort((a, b) => (a.header.name < b.header.name ? -1 : 1))
    .map(load);
}

/** PRODUCT values the catalogs of an OS carry, without loading them (the index lists them). */
export function catalogProducts(emu: Runtime, os: OperatingSystem): string[] {
  const out = new Set<string>();
  for (const e of registryOf(emu).entries.values()) if (e.header.operatingSystem === os) for (const p of e.header.products) out.add(p);
  return [...out];
}

export function catalogByName(emu: Runtime, name: string): Catalog | undefined {
  const e = registryOf(emu).entries.get(name);
  return e && load(e);
}

const platformMatches = (p: CatalogPlatform, name: string, version: string) =>
  p.PlatformName === name && (p.PlatformVersion.endsWith('*') ? version.startsWith(p.PlatformVersion.slice(0, -1)) : version === p.PlatformVersion);

/** The catalog that serves a node (by its PlatformName and PlatformVersion), or undefined. */
export function catalogForNode(emu: Runtime, node: { PlatformName: string; PlatformVersion: string }): Catalog | undefined {
  for (const e of registryOf(emu).entries.values()) {
    if (e.header.platforms.some((p) => platformMatches(p, node.PlatformName, node.PlatformVersion))) return load(e);
  }
  return undefined;
}

/** The node's product: the catalog's, with {version} replaced by the node's PlatformVersion. */
export const productOf = (catalog: Catalog, node: { PlatformVersion: string }) => catalog.product.replace('{version}', node.PlatformVersion);

/** Whether a patch exists at epoch second t (released, and not superseded yet). */
export const existsAt = (p: CatalogPatch, t: number) => p.release <= t && p.supersededAt > t;

/** The number of patches released by t (they are the first ones: the list is in release order). */
export function releasedBy(catalog: Catalog, t: number): number {
  const list = catalog.patches;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].release <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
