/**
 * What a patch baseline approves, at an instant, among a catalog's patches: the one evaluation that
 * DescribeEffectivePatchesForPatchBaseline, scans, installs and snapshots share.
 *
 * For each patch that exists at t (released, not superseded):
 *   - a RejectedPatches entry names it          EXPLICIT_REJECTED ("If a patch is listed as both approved
 *                                               and rejected in the same patch baseline, the patch is rejected")
 *   - it fails a global filter                  not in the baseline
 *   - an ApprovedPatches entry names it         EXPLICIT_APPROVED at its release, ApprovedPatchesComplianceLevel
 *   - an approval rule's filters all match it   APPROVED once its approval date has come, PENDING_APPROVAL
 *                                               before: ApproveAfterDays N approves a patch released on
 *                                               day D (UTC) from D+N 00:00Z ("Patch Manager evaluates patch
 *                                               release dates using UTC"); ApproveUntilDate approves what was
 *                                               released on or before that date. Debian and Ubuntu approve
 *                                               at once. When several rules match, the earliest approval wins.
 *   - otherwise                                 not in the baseline
 * Linux: a rule (and the approved list) reaches non-security patches (packages outside any update
 * notice; Ubuntu's -updates repository) only with EnableNonSecurity (ApprovedPatchesEnableNonSecurity).
 * Windows: a filter group without PATCH_SET is about OS patches only.
 * A filter matches when any of its values matches (a "*" matches every value, even a missing one);
 * a filter group matches when all its filters do.
 *
 * Evaluations are cached per catalog (a WeakMap) by baseline revision, UTC day and the number of
 * patches released by t, so a fleet of nodes on one baseline evaluates it once a day.
 */
import type { PatchComplianceLevel, PatchDeploymentStatus, PatchFilter } from '../../generated/ssm/types.js';
import { existsAt, releasedBy, type Catalog, type CatalogPatch } from './catalog.js';
import { compilePatchList, globMatch } from './matching.js';
import { OS_INFO } from './os.js';
import type { StoredBaseline } from './state.js';
import { LEVEL_CODES } from './state.js';

export const DAY_SECONDS = 86_400;

export const NONE = 0;
export const APPROVED = 1;
export const PENDING = 2;
export const EXPLICIT_APPROVED = 3;
export const EXPLICIT_REJECTED = 4;
export const DEPLOYMENT: Record<number, PatchDeploymentStatus> = { 1: 'APPROVED', 2: 'PENDING_APPROVAL', 3: 'EXPLICIT_APPROVED', 4: 'EXPLICIT_REJECTED' };

export interface Evaluation {
  readonly catalog: Catalog;
  /** Epoch seconds the evaluation is for. */
  readonly at: number;
  /** Patches released by `at` (a prefix of catalog.patches). */
  readonly released: number;
  /** Per patch (catalog order, first `released`): NONE, APPROVED, PENDING, EXPLICIT_APPROVED or EXPLICIT_REJECTED. */
  readonly status: Uint8Array;
  /** Per patch: approval date (epoch s), NaN when none. */
  readonly approvalDate: Float64Array;
  /** Per patch: compliance level code (state.ts LEVEL_CODES). */
  readonly level: Uint8Array;
  /** Indexes of the patches in the baseline (status != NONE) that exist at `at`, newest first. */
  readonly effective: readonly number[];
}

export const isApproved = (e: Evaluation, i: number) => e.status[i] === APPROVED || e.status[i] === EXPLICIT_APPROVED;

function field(p: CatalogPatch, key: PatchFilter['Key']): string | readonly string[] | undefined {
  const w = p.wire;
  switch (key) {
    case 'PRODUCT': return w.Product;
    case 'PRODUCT_FAMILY': return w.ProductFamily;
    case 'CLASSIFICATION': return p.classification || undefined;
    case 'MSRC_SEVERITY': return w.MsrcSeverity;
    case 'SEVERITY': return w.Severity;
    case 'PATCH_SET': return p.patchSet;
    case 'PRIORITY': return p.priority;
    case 'SECTION': return p.section;
    case 'NAME': return w.Name;
    case 'ARCH': return w.Arch;
    case 'EPOCH': return w.Epoch === undefined ? undefined : String(w.Epoch);
    case 'VERSION': return w.Version;
    case 'RELEASE': return w.Release;
    case 'REPOSITORY': return w.Repository;
    case 'ADVISORY_ID': return w.AdvisoryIds;
    case 'BUGZILLA_ID': return w.BugzillaIds;
    case 'CVE_ID': return w.CVEIds;
    case 'PATCH_ID': return w.KbNumber ?? p.kbId;
    case 'SECURITY': return p.security ? 'true' : 'false';
  }
}

/** Whether a patch filter (or a DescribeAvailablePatches filter of the same key) matches a patch. */
export function filterMatches(f: { Key: PatchFilter['Key']; Values: readonly string[] }, p: CatalogPatch): boolean {
  if (f.Values.includes('*')) return true;
  const v = field(p, f.Key);
  if (v === undefined) return false;
  const vs = typeof v === 'string' ? [v] : v;
  return f.Values.some((pattern) => vs.some((x) => globMatch(pattern, x)));
}

const groupMatches = (filters: readonly PatchFilter[], p: CatalogPatch) => filters.every((f) => filterMatches(f, p));

const startOfDay = (t: number) => Math.floor(t / DAY_SECONDS) * DAY_SECONDS;
const UNSPECIFIED = LEVEL_CODES.indexOf('UNSPECIFIED');
const levelCode = (l: PatchComplianceLevel | undefined) => (l ? LEVEL_CODES.indexOf(l) : UNSPECIFIED);

/** Evaluates a baseline over a catalog at epoch second t (uncached: see evaluate()). */
export function evaluateUncached(b: StoredBaseline, catalog: Catalog, t: number): Evaluation {
  const info = OS_INFO[b.OperatingSystem];
  const windows = info.family === 'windows';
  const released = releasedBy(catalog, t);
  const status = new Uint8Array(released);
  const approvalDate = new Float64Array(released).fill(NaN);
  const level = new Uint8Array(released).fill(UNSPECIFIED);
  const rejected = compilePatchList(info.family, b.RejectedPatches);
  const approvedList = compilePatchList(info.family, b.ApprovedPatches);
  const global = b.GlobalFilters.PatchFilters;
  const globalSets = global.find((f) => f.Key === 'PATCH_SET')?.Values;
  const rules = b.ApprovalRules.PatchRules.map((r) => {
    const filters = r.PatchFilterGroup.PatchFilters;
    const sets = filters.find((f) => f.Key === 'PATCH_SET')?.Values ?? globalSets ?? ['OS'];
    const until = r.ApproveUntilDate ? Date.parse(`${r.ApproveUntilDate}T23:59:59Z`) / 1000 : undefined;
    return { r, filters, sets, until, level: levelCode(r.ComplianceLevel) };
  });
  const approvedLevel = levelCode(b.ApprovedPatchesComplianceLevel);
  const effective: number[] = [];
  const patches = catalog.patches;
  for (let i = 0; i < released; i++) {
    const p = patches[i];
    if (!rejected.empty && rejected.test(p)) {
      status[i] = EXPLICIT_REJECTED;
    } else if (groupMatches(global, p)) {
      if (!approvedList.empty && (p.security || b.ApprovedPatchesEnableNonSecurity || windows) && approvedList.test(p)) {
        status[i] = EXPLICIT_APPROVED;
        approvalDate[i] = p.release;
        level[i] = approvedLevel;
      } else {
        let best = Infinity;
        let bestLevel = UNSPECIFIED;
        for (const rule of rules) {
          if (windows ? !rule.sets.includes('*') && !rule.sets.includes(p.patchSet) : !(p.security || rule.r.EnableNonSecurity)) continue;
          if (!groupMatches(rule.filters, p)) continue;
          let when: number;
          if (!info.approvalDelays) when = p.release;
          else if (rule.until !== undefined) when = p.release <= rule.until ? p.release : Infinity;
          else when = startOfDay(p.release) + (rule.r.ApproveAfterDays ?? 0) * DAY_SECONDS;
          if (when < best) {
            best = when;
            bestLevel = rule.level;
          }
        }
        if (best < Infinity) {
          status[i] = best <= t ? APPROVED : PENDING;
          approvalDate[i] = Math.max(best, p.release);
          level[i] = bestLevel;
        }
      }
    }
    if (status[i] !== NONE && existsAt(p, t)) effective.push(i);
  }
  effective.reverse();
  return { catalog, at: t, released, status, approvalDate, level, effective };
}

const caches = new WeakMap<Catalog, Map<string, Evaluation>>();
const CACHE_SIZE = 64;

/** Forgets a catalog's evaluations (the emulator was reset or restored: ids may now name other content). */
export function clearEvaluations(catalog: Catalog): void {
  caches.delete(catalog);
}

/**
 * The evaluation of a baseline over a catalog at t, cached. `identity` names the baseline's content
 * (its id and revision; a BaselineOverride or snapshot passes its own).
 */
export function evaluate(b: StoredBaseline, catalog: Catalog, t: number, identity = `${b.BaselineId}#${b.Revision}`): Evaluation {
  let cache = caches.get(catalog);
  if (!cache) caches.set(catalog, (cache = new Map()));
  // Approval dates are whole days, and the catalog changes only when a patch is released.
  const key = `${identity}|${Math.floor(t / DAY_SECONDS)}|${releasedBy(catalog, t)}`;
  let e = cache.get(key);
  if (e) {
    cache.delete(key);
    cache.set(key, e);
    return e;
  }
  e = evaluateUncached(b, catalog, t);
  cache.set(key, e);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return e;
}
