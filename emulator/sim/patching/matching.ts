/**
 * Which patches an entry of a patch list names: ApprovedPatches and RejectedPatches of a baseline, a
 * node fixture's Installed and Failing lists, the ids of an InstallOverrideList. The formats are the
 * user guide's ("Package name formats for approved and rejected patch lists"), per package manager:
 *
 *   Windows   KB numbers (KB2032276) and security bulletin ids (MS10-048)
 *   yum/dnf   Bugzilla ids (digits only), CVE ids, advisory ids (ALAS2023-2025-123, RHSA-2024:1234), and
 *             package names built from name, arch, epoch, version and release in any of the
 *             documented constructions, with at most one "*" wildcard:
 *               name  name.arch  name-version  name-version-release  name-version-release.arch
 *               version  version-release  epoch:version-release  name-epoch:version-release
 *               name-epoch:version-release.arch  epoch:name-version-release.arch  name.arch:epoch:version-release
 *   apt       package names only (no arch or version); a wildcard is accepted [unverified]
 *   zypper    patch (advisory) names and full package file names (name-version-release.arch.rpm), one "*"
 *   macOS     full package names, no wildcards
 *
 * Wildcards are matched by a small glob matcher, never a RegExp built from user text.
 */
import type { Family } from './os.js';
import type { CatalogPatch } from './catalog.js';

/** Glob with "*" (any run of characters), case-insensitive; linear, no backtracking blow-up. */
export function globMatch(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && p[pi] === t[ti]) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

const BUGZILLA = /^\d+$/;
const CVE = /^CVE-\d{4}-\d+$/i;
const ADVISORY = /^[A-Z][A-Z0-9]*-\d{4}[-:]\d+$/i;

/** The names a package can be given by (yum constructions). */
function packageForms(p: CatalogPatch): string[] {
  const w = p.wire;
  const name = w.Name ?? '';
  const arch = w.Arch ?? '';
  const epoch = String(w.Epoch ?? 0);
  const version = w.Version ?? '';
  const vr = w.Release ? `${version}-${w.Release}` : version;
  return [
    name,
    `${name}.${arch}`,
    `${name}-${version}`,
    `${name}-${vr}`,
    `${name}-${vr}.${arch}`,
    version,
    vr,
    `${epoch}:${vr}`,
    `${name}-${epoch}:${vr}`,
    `${name}-${epoch}:${vr}.${arch}`,
    `${epoch}:${name}-${vr}.${arch}`,
    `${name}.${arch}:${epoch}:${vr}`,
  ];
}

/** A compiled patch list: test(patch) says whether any entry names the patch. */
export interface PatchList {
  readonly empty: boolean;
  test(p: CatalogPatch): boolean;
}

export function compilePatchList(family: Family, entries: readonly string[]): PatchList {
  const list = entries.map((e) => e.trim()).filter((e) => e.length > 0);
  if (!list.length) return { empty: true, test: () => false };
  const test = (p: CatalogPatch): boolean => {
    const w = p.wire;
    for (const e of list) {
      switch (family) {
        case 'windows':
          if (globMatch(e, w.KbNumber ?? '') || (!!w.MsrcNumber && globMatch(e, w.MsrcNumber)) || e === w.Id) return true;
          break;
        case 'yum':
          if (BUGZILLA.test(e)) {
            if (w.BugzillaIds?.includes(e)) return true;
          } else if (CVE.test(e)) {
            if (w.CVEIds?.some((c) => c.toLowerCase() === e.toLowerCase())) return true;
          } else if (ADVISORY.test(e) && w.AdvisoryIds?.some((a) => a.toLowerCase() === e.toLowerCase())) {
            return true;
          } else if (packageForms(p).some((f) => globMatch(e, f))) return true;
          break;
        case 'apt':
          if (globMatch(e, w.Name ?? '')) return true;
          break;
        case 'zypper':
          if (w.AdvisoryIds?.some((a) => globMatch(e, a))) return true;
          if (globMatch(e, `${w.Name}-${w.Version}${w.Release ? `-${w.Release}` : ''}.${w.Arch}.rpm`) || globMatch(e, w.Name ?? '')) return true;
          break;
        case 'macos':
          if (e === w.Name) return true;
          break;
      }
    }
    return false;
  };
  return { empty: false, test };
}

/**
 * Why an entry is not a valid list entry for the family, or undefined when it is. AWS checks the
 * shape of the ids it can recognise; the wording of its refusal is [unverified].
 */
export function invalidListEntry(family: Family, entry: string): string | undefined {
  const stars = entry.split('*').length - 1;
  switch (family) {
    case 'windows':
      return /^(KB\d{1,10}|MS\d{2}-\d{3})$/i.test(entry) ? undefined : 'not a KB or MS bulletin id';
    case 'macos':
      return stars ? 'wildcards are not supported for macOS' : undefined;
    case 'apt':
      return /^[A-Za-z0-9][A-Za-z0-9.+*-]*$/.test(entry) && stars <= 1 ? undefined : 'not a package name';
    default:
      return stars > 1 ? 'at most one wildcard is allowed' : /\s/.test(entry) ? 'not a package name' : undefined;
  }
}
