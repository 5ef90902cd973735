/**
 * A node's patch states against a baseline evaluation: what a Scan reports, what an Install installs,
 * and the counts of DescribeInstancePatchStates ("Understanding patch compliance state values").
 *
 * What a node has installed (its fixture's Patches, docs/fleet.md):
 *   - every patch released before its ImageDate (default: 90 days before the node was created);
 *   - every patch its fixture's Installed list names (the OS's patch-list formats);
 *   - what Patch Manager installed on it since (state.ts NodePatchRecord.Installed).
 * Linux packages are versions of one package (name.arch): a node has one version of each, the newest it
 * installed, and Patch Manager compares it with the newest approved version. A package a catalog marks
 * optional (nginx, httpd, ...) is only on a node whose Applications list it or whose fixture installed
 * it; Windows application patches (SQL Server, ...) only apply where the node has that product.
 *
 * States (one entry per package on Linux, per update on Windows):
 *   Installed / InstalledPendingReboot   an approved version (or a newer one) is installed; pending
 *                                        reboot when Patch Manager installed it with NoReboot
 *   InstalledOther                       installed, not approved (or rejected, with ALLOW_AS_DEPENDENCY)
 *   InstalledRejected                    installed and rejected, with RejectedPatchesAction BLOCK
 *   Missing / Failed                     approved and applicable but not installed (Failed: the install
 *                                        this report comes from tried and failed)
 *   NotApplicable                        approved, but the package or product is not on the node
 *   AvailableSecurityUpdate              Windows: a security update that exists but is not approved
 * Non-compliant: Missing, Failed, InstalledRejected, InstalledPendingReboot, and AvailableSecurityUpdate
 * when the baseline's AvailableSecurityUpdatesComplianceStatus is NON_COMPLIANT.
 */
import type { InstancePatchState, PatchComplianceStatus } from '../../generated/ssm/types.js';
import type { FleetInstance } from '../fleet/instance.js';
import { DEFAULT_IMAGE_AGE_SECONDS } from '../fleet/build.js';
import { existsAt, type Catalog, type CatalogPatch } from './catalog.js';
import { EXPLICIT_REJECTED, isApproved, type Evaluation } from './approval.js';
import { compilePatchList, type PatchList } from './matching.js';
import { WINDOWS_SECURITY_CLASSIFICATIONS } from './os.js';
import { LEVEL_CODES, STATE_CODES, type NodePatchRecord, type PatchState, type ReportEntry, type StoredBaseline } from './state.js';

const S = Object.fromEntries(STATE_CODES.map((s, i) => [s, i])) as Record<PatchState, number>;
const CRITICAL = LEVEL_CODES.indexOf('CRITICAL');
const NON_COMPLIANT: ReadonlySet<number> = new Set([S.Missing, S.Failed, S.InstalledRejected, S.InstalledPendingReboot]);

/** What a node has, compiled once per operation. */
export interface NodeFacts {
  readonly imageDate: number;
  readonly installed: PatchList;
  readonly failing: PatchList;
  readonly pm: NodePatchRecord['Installed'];
  readonly apps: readonly string[];
  /** Whether anything was added besides the image (most nodes: no, and their scans are quicker). */
  readonly anyAdded: boolean;
}

export function nodeFacts(catalog: Catalog, node: FleetInstance, record: NodePatchRecord | undefined): NodeFacts {
  const spec = node.Patches;
  const installed = compilePatchList(catalog.family, spec.Installed);
  const pm = record?.Installed ?? {};
  return {
    imageDate: spec.ImageDate ?? node.CreatedAt - DEFAULT_IMAGE_AGE_SECONDS,
    installed,
    failing: compilePatchList(catalog.family, spec.Failing),
    pm,
    apps: node.Applications.map((a) => a.Name.toLowerCase()),
    anyAdded: !installed.empty || Object.keys(pm).length > 0,
  };
}

/** Installed on purpose: by Patch Manager or named by the fixture. */
const addedPatch = (f: NodeFacts, p: CatalogPatch) => Object.hasOwn(f.pm, p.key) || (!f.installed.empty && f.installed.test(p));
/** Installed, when the package or product is on the node at all: its image brought it, or it was added. */
const hasPatch = (f: NodeFacts, p: CatalogPatch) => p.release <= f.imageDate || addedPatch(f, p);
const pendingReboot = (f: NodeFacts, p: CatalogPatch) => Object.hasOwn(f.pm, p.key) && f.pm[p.key][1] === 1;
const installedTime = (f: NodeFacts, p: CatalogPatch) => (Object.hasOwn(f.pm, p.key) ? f.pm[p.key][0] : Math.min(p.release, f.imageDate));

/**
 * Whether the package (Linux) or product (Windows application patches) a patch is for is on the node:
 * always for what every image has; for a catalog's optional packages and for applications, when the
 * node's Applications list it or a patch of it was added (fixture Installed, Patch Manager).
 */
function onNode(catalog: Catalog, f: NodeFacts, p: CatalogPatch, added: boolean): boolean {
  if (catalog.family === 'windows') {
    if (p.patchSet !== 'APPLICATION') return true;
    const product = (p.wire.Product ?? '').toLowerCase();
    return added || f.apps.some((a) => a.startsWith(product));
  }
  if (!catalog.optional.has(p.wire.Name ?? '')) return true;
  return added || f.apps.includes((p.wire.Name ?? '').toLowerCase());
}

/**
 * What a node has installed by t, one entry per patch (an update on Windows, a package version on
 * Linux), with when it was installed (inventory's AWS:WindowsUpdate lists them).
 */
export function installedPatches(catalog: Catalog, f: NodeFacts, t: number): { patch: CatalogPatch; installedTime: number }[] {
  const out: { patch: CatalogPatch; installedTime: number }[] = [];
  for (const p of catalog.patches) {
    if (p.release > t || !hasPatch(f, p) || !onNode(catalog, f, p, addedPatch(f, p))) continue;
    out.push({ patch: p, installedTime: installedTime(f, p) });
  }
  return out;
}

/** Patch units (name.arch) of a catalog, each with its patches' indexes in release order. */
const unitsCache = new WeakMap<Catalog, number[][]>();
function unitsOf(catalog: Catalog): number[][] {
  let u = unitsCache.get(catalog);
  if (!u) {
    const byUnit = new Map<string, number[]>();
    catalog.patches.forEach((p, i) => {
      let list = byUnit.get(p.unit);
      if (!list) byUnit.set(p.unit, (list = []));
      list.push(i);
    });
    unitsCache.set(catalog, (u = [...byUnit.values()]));
  }
  return u;
}

/** A package as an evaluation sees it: its versions released by then, and the newest approved one. */
interface UnitView {
  readonly list: readonly number[];
  readonly candidate: number;
}
const viewsCache = new WeakMap<Evaluation, UnitView[]>();
function unitViews(e: Evaluation): UnitView[] {
  let views = viewsCache.get(e);
  if (!views) {
    views = [];
    for (const all of unitsOf(e.catalog)) {
      let n = 0;
      while (n < all.length && all[n] < e.released) n++;
      if (!n) continue;
      const list = n === all.length ? all : all.slice(0, n);
      let candidate = -1;
      for (const i of list) if (isApproved(e, i)) candidate = i;
      views.push({ list, candidate });
    }
    viewsCache.set(e, views);
  }
  return views;
}

/** The position in `list` (indexes in release order) of the last patch released by t, or -1. */
function lastReleasedBy(patches: readonly CatalogPatch[], list: readonly number[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (patches[list[mid]].release <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export interface Report {
  entries: ReportEntry[];
  /** Indexes (catalog order) of the patches an Install would install: approved, applicable, missing. */
  missing: number[];
}

/**
 * The node's report against an evaluation. `failed` are patch keys an Install just failed to install
 * (reported Failed instead of Missing).
 */
export function computeReport(e: Evaluation, b: StoredBaseline, f: NodeFacts, failed: ReadonlySet<string> = new Set()): Report {
  const catalog = e.catalog;
  const patches = catalog.patches;
  const block = b.RejectedPatchesAction === 'BLOCK';
  const entries: ReportEntry[] = [];
  const missing: number[] = [];
  const add = (p: CatalogPatch, i: number, state: number, installed: boolean) =>
    entries.push([p.key, state, installed ? installedTime(f, p) : 0, e.level[i] ?? LEVEL_CODES.length - 1]);

  if (catalog.family === 'windows') {
    for (let i = 0; i < e.released; i++) {
      const p = patches[i];
      if (!existsAt(p, e.at)) continue;
      const added = addedPatch(f, p);
      const applicable = onNode(catalog, f, p, added);
      const has = applicable && hasPatch(f, p);
      const s = e.status[i];
      if (s === EXPLICIT_REJECTED) {
        if (has) add(p, i, block ? S.InstalledRejected : S.InstalledOther, true);
      } else if (isApproved(e, i)) {
        if (!applicable) add(p, i, S.NotApplicable, false);
        else if (has) add(p, i, pendingReboot(f, p) ? S.InstalledPendingReboot : S.Installed, true);
        else if (failed.has(p.key)) add(p, i, S.Failed, false);
        else {
          add(p, i, S.Missing, false);
          missing.push(i);
        }
      } else if (has) add(p, i, pendingReboot(f, p) ? S.InstalledPendingReboot : S.InstalledOther, true);
      else if (WINDOWS_SECURITY_CLASSIFICATIONS.has(p.classification) && applicable) add(p, i, S.AvailableSecurityUpdate, false);
    }
    return { entries, missing };
  }

  for (const { list, candidate } of unitViews(e)) {
    // Is the package on the node at all (an optional one only if listed or added)?
    let added = false;
    if (f.anyAdded) for (const i of list) if (addedPatch(f, patches[i])) {
      added = true;
      break;
    }
    if (!onNode(catalog, f, patches[list[0]], added)) {
      if (candidate >= 0) add(patches[candidate], candidate, S.NotApplicable, false);
      continue;
    }
    // The node's version: the newest its image has, or a newer one that was added.
    const imagePos = lastReleasedBy(patches, list, f.imageDate);
    let installedIdx = imagePos >= 0 ? list[imagePos] : -1;
    if (added) {
      for (let k = list.length - 1; k > imagePos; k--) {
        if (addedPatch(f, patches[list[k]])) {
          installedIdx = list[k];
          break;
        }
      }
    }
    const inst = installedIdx >= 0 ? patches[installedIdx] : undefined;
    const rejectedInstalled = inst !== undefined && e.status[installedIdx] === EXPLICIT_REJECTED;
    if (inst && rejectedInstalled) {
      add(inst, installedIdx, block ? S.InstalledRejected : S.InstalledOther, true);
    } else if (candidate >= 0) {
      const c = patches[candidate];
      if (inst && installedIdx >= candidate) add(inst, installedIdx, pendingReboot(f, inst) ? S.InstalledPendingReboot : S.Installed, true);
      else if (failed.has(c.key)) add(c, candidate, S.Failed, false);
      else {
        add(c, candidate, S.Missing, false);
        missing.push(candidate);
      }
    } else if (inst) {
      add(inst, installedIdx, pendingReboot(f, inst) ? S.InstalledPendingReboot : S.InstalledOther, true);
    }
  }
  return { entries, missing };
}

/** Whether a patch counts as "specified as Security in a patch advisory" (SecurityNonCompliantCount). */
function securityClassified(catalog: Catalog, p: CatalogPatch | undefined): boolean {
  if (!p) return false;
  if (catalog.family === 'windows') return WINDOWS_SECURITY_CLASSIFICATIONS.has(p.classification);
  if (catalog.family === 'apt') return p.security;
  return p.classification === 'Security';
}

export interface Summary {
  counts: Pick<
    InstancePatchState,
    | 'InstalledCount'
    | 'InstalledOtherCount'
    | 'InstalledPendingRebootCount'
    | 'InstalledRejectedCount'
    | 'MissingCount'
    | 'FailedCount'
    | 'UnreportedNotApplicableCount'
    | 'NotApplicableCount'
    | 'AvailableSecurityUpdateCount'
    | 'CriticalNonCompliantCount'
    | 'SecurityNonCompliantCount'
    | 'OtherNonCompliantCount'
  >;
  compliance: PatchComplianceStatus;
  /** The highest compliance level among non-compliant patches (UNSPECIFIED when none). */
  severity: string;
}

export const isNonCompliant = (b: StoredBaseline, state: number) =>
  NON_COMPLIANT.has(state) || (state === S.AvailableSecurityUpdate && b.AvailableSecurityUpdatesComplianceStatus === 'NON_COMPLIANT');

export function summarize(catalog: Catalog, b: StoredBaseline, entries: readonly ReportEntry[]): Summary {
  const n = new Array<number>(STATE_CODES.length).fill(0);
  let critical = 0;
  let security = 0;
  let other = 0;
  let worst = LEVEL_CODES.length - 1;
  for (const [key, state, , level] of entries) {
    n[state]++;
    if (!isNonCompliant(b, state)) continue;
    worst = Math.min(worst, level);
    if (level === CRITICAL) critical++;
    else if (securityClassified(catalog, catalog.byKey.get(key)) || state === S.AvailableSecurityUpdate) security++;
    else other++;
  }
  const counts: Summary['counts'] = {
    InstalledCount: n[S.Installed],
    InstalledOtherCount: n[S.InstalledOther],
    InstalledPendingRebootCount: n[S.InstalledPendingReboot],
    InstalledRejectedCount: n[S.InstalledRejected],
    MissingCount: n[S.Missing],
    FailedCount: n[S.Failed],
    UnreportedNotApplicableCount: 0,
    NotApplicableCount: n[S.NotApplicable],
    ...(catalog.family === 'windows' && { AvailableSecurityUpdateCount: n[S.AvailableSecurityUpdate] }),
    CriticalNonCompliantCount: critical,
    SecurityNonCompliantCount: security,
    OtherNonCompliantCount: other,
  };
  return { counts, compliance: critical + security + other > 0 ? 'NON_COMPLIANT' : 'COMPLIANT', severity: LEVEL_CODES[worst] };
}

export const STATE = S;
