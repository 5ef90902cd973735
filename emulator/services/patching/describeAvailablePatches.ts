/**
 * DescribeAvailablePatches: the patches that exist now, from every catalog whose products the PRODUCT
 * filter names (without one: Windows Server's, as AWS answers), filtered by the documented keys:
 * Windows PATCH_SET (default OS), PRODUCT, PRODUCT_FAMILY, MSRC_SEVERITY, CLASSIFICATION, PATCH_ID;
 * Linux PRODUCT, NAME, SEVERITY, EPOCH, VERSION, RELEASE, ARCH, REPOSITORY, ADVISORY_ID, CVE_ID,
 * BUGZILLA_ID, CLASSIFICATION (Ubuntu also PRIORITY and SECTION). "When specifying filters for Linux
 * patches, you must specify a key-pair for PRODUCT." A patch released after the virtual now does not
 * exist yet. MaxResults 1-100; default 50 [unverified].
 *
 * Difference from AWS: AWS documents this operation for Amazon Linux 1, Amazon Linux 2 and Windows
 * Server only; the emulator answers for every operating system it has a catalog of.
 */
import { defineOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { pageSorted } from '../../core/pagination.js';
import type { PatchFilterKey } from '../../generated/ssm/types.js';
import { filterMatches } from '../../sim/patching/approval.js';
import { catalogsWhere, existsAt, type Catalog, type CatalogPatch } from '../../sim/patching/catalog.js';
import * as m from '../../sim/patching/messages.js';
import { badToken, invalid, orchestratorFilters, seqKey } from './common.js';
import { DEFAULT_PAGE } from './describePatchBaselines.js';

const WINDOWS_KEYS = ['PATCH_SET', 'PRODUCT', 'PRODUCT_FAMILY', 'MSRC_SEVERITY', 'CLASSIFICATION', 'PATCH_ID'];
const LINUX_KEYS = ['PRODUCT', 'NAME', 'SEVERITY', 'EPOCH', 'VERSION', 'RELEASE', 'ARCH', 'REPOSITORY', 'ADVISORY_ID', 'CVE_ID', 'BUGZILLA_ID', 'CLASSIFICATION', 'PRIORITY', 'SECTION'];
const LINUX_ONLY = new Set(LINUX_KEYS.filter((k) => !WINDOWS_KEYS.includes(k)));

interface Row {
  catalog: Catalog;
  patch: CatalogPatch;
}
const rowKey = (r: Row) => `${r.catalog.name}\u0000${seqKey(r.patch.order)}`;

export default defineOperation('DescribeAvailablePatches', (input, ctx) => {
  const f = orchestratorFilters(input.Filters, [...new Set([...WINDOWS_KEYS, ...LINUX_KEYS])]);
  const products = f.get('PRODUCT');
  if (!products && [...f.keys()].some((k) => LINUX_ONLY.has(k))) throw invalid(m.productFilterRequired());
  const catalogs = catalogsWhere(ctx.emu, (h) => (products ? products.includes('*') || h.products.some((p) => products.includes(p)) : h.operatingSystem === 'WINDOWS'));
  const filters = [...f].map(([Key, Values]) => ({ Key: Key as PatchFilterKey, Values }));
  const now = toEpochSeconds(ctx.now);
  const rows: Row[] = [];
  for (const catalog of catalogs) {
    const windows = catalog.family === 'windows';
    for (const patch of catalog.patches) {
      if (patch.release > now) break;
      if (!existsAt(patch, now)) continue;
      if (windows && !f.has('PATCH_SET') && patch.patchSet !== 'OS') continue;
      if (filters.every((x) => filterMatches(x, patch))) rows.push({ catalog, patch });
    }
  }
  const { page, nextToken } = pageSorted(rows, rowKey, input.MaxResults ?? DEFAULT_PAGE, input.NextToken, badToken);
  return { Patches: page.map((r) => ({ ...r.patch.wire })), ...(nextToken && { NextToken: nextToken }) };
});
