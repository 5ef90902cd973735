/** What a baseline approves when, over a small catalog (unit tests of approval.ts). */
import { describe, expect, it } from 'vitest';
import type { PatchRule } from '../../generated/ssm/types.js';
import { buildCatalog, type CatalogPatchFile } from './catalog.js';
import { APPROVED, EXPLICIT_APPROVED, EXPLICIT_REJECTED, NONE, PENDING, evaluateUncached } from './approval.js';
import type { StoredBaseline } from './state.js';

const at = (iso: string) => Date.parse(iso) / 1000;
const pkg = (name: string, release: string, extra: Partial<CatalogPatchFile> = {}): CatalogPatchFile => ({
  ReleaseDate: at(release),
  Name: name,
  Version: '1.0',
  Release: '1.amzn2023',
  Arch: 'x86_64',
  Epoch: 0,
  Product: 'AmazonLinux2023',
  Classification: 'Security',
  Severity: 'Important',
  AdvisoryIds: [`ALAS2023-2025-${name.length}`],
  ...extra,
});
const catalog = buildCatalog(
  {
    format: 1,
    name: 'unit',
    operatingSystem: 'AMAZON_LINUX_2023',
    platforms: [],
    product: 'AmazonLinux2023',
    patches: [
      pkg('early', '2025-01-10T00:00:01Z'),
      pkg('late', '2025-01-10T23:59:59Z'),
      pkg('bugfix', '2025-01-10T12:00:00Z', { Classification: 'Bugfix', Severity: undefined }),
      pkg('plain', '2025-01-10T12:00:00Z', { Classification: undefined, Severity: undefined, AdvisoryIds: undefined }),
      pkg('future', '2025-03-01T00:00:00Z'),
    ],
  },
  'unit',
);
const baseline = (rules: PatchRule[], more: Partial<StoredBaseline> = {}): StoredBaseline => ({
  BaselineId: 'pb-00000000000000001',
  Name: 'unit',
  OperatingSystem: 'AMAZON_LINUX_2023',
  GlobalFilters: { PatchFilters: [] },
  ApprovalRules: { PatchRules: rules },
  ApprovedPatches: [],
  ApprovedPatchesComplianceLevel: 'UNSPECIFIED',
  ApprovedPatchesEnableNonSecurity: false,
  RejectedPatches: [],
  RejectedPatchesAction: 'ALLOW_AS_DEPENDENCY',
  CreatedDate: 0,
  ModifiedDate: 0,
  Sources: [],
  Tags: [],
  Seq: 1,
  Revision: 0,
  owner: 'Self',
  ...more,
});
const statusOf = (b: StoredBaseline, when: string) => {
  const e = evaluateUncached(b, catalog, at(when));
  return Object.fromEntries(catalog.patches.slice(0, e.released).map((p, i) => [p.wire.Name, e.status[i]]));
};
const all = (extra: Partial<PatchRule> = {}): PatchRule => ({ PatchFilterGroup: { PatchFilters: [{ Key: 'PRODUCT', Values: ['*'] }] }, ...extra });

describe('approval', () => {
  it('ApproveAfterDays counts whole UTC days from the release day', () => {
    const b = baseline([all({ ApproveAfterDays: 7 })]);
    expect(statusOf(b, '2025-01-16T23:59:59Z')).toMatchObject({ early: PENDING, late: PENDING });
    // Both were released on 2025-01-10: both are approved from 2025-01-17 00:00:00Z.
    expect(statusOf(b, '2025-01-17T00:00:00Z')).toMatchObject({ early: APPROVED, late: APPROVED });
    expect(evaluateUncached(b, catalog, at('2025-01-11T00:00:00Z')).approvalDate[0]).toBe(at('2025-01-17T00:00:00Z'));
  });

  it('a patch released later does not exist yet', () => {
    expect(statusOf(baseline([all({ ApproveAfterDays: 0 })]), '2025-02-01T00:00:00Z').future).toBeUndefined();
    expect(statusOf(baseline([all({ ApproveAfterDays: 0 })]), '2025-03-01T00:00:00Z').future).toBe(APPROVED);
  });

  it('ApproveUntilDate approves what was released on or before that day (UTC)', () => {
    const s = statusOf(baseline([all({ ApproveUntilDate: '2025-01-10' })]), '2025-06-01T00:00:00Z');
    expect(s).toMatchObject({ early: APPROVED, late: APPROVED, future: NONE });
  });

  it('non-security packages (outside any update notice) only with EnableNonSecurity', () => {
    expect(statusOf(baseline([all({ ApproveAfterDays: 0 })]), '2025-02-01T00:00:00Z')).toMatchObject({ bugfix: APPROVED, plain: NONE });
    expect(statusOf(baseline([all({ ApproveAfterDays: 0, EnableNonSecurity: true })]), '2025-02-01T00:00:00Z')).toMatchObject({ plain: APPROVED });
  });

  it('filters: every filter of a group must match; "*" matches a missing value; the earliest rule wins', () => {
    const b = baseline([
      { PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['Security'] }, { Key: 'NAME', Values: ['e*'] }] }, ApproveAfterDays: 30, ComplianceLevel: 'LOW' },
      { PatchFilterGroup: { PatchFilters: [{ Key: 'SEVERITY', Values: ['*'] }] }, ApproveAfterDays: 1, ComplianceLevel: 'HIGH', EnableNonSecurity: true },
    ]);
    const e = evaluateUncached(b, catalog, at('2025-02-01T00:00:00Z'));
    const i = catalog.patches.findIndex((p) => p.wire.Name === 'early');
    expect(e.status[i]).toBe(APPROVED);
    expect(e.approvalDate[i]).toBe(at('2025-01-11T00:00:00Z'));
    expect(statusOf(b, '2025-02-01T00:00:00Z').plain).toBe(APPROVED);
  });

  it('explicit lists: rejected wins over approved; global filters gate rules and the approved list', () => {
    const b = baseline([all({ ApproveAfterDays: 0 })], { ApprovedPatches: ['late', 'bugfix'], RejectedPatches: ['bugfix'], GlobalFilters: { PatchFilters: [{ Key: 'NAME', Values: ['early', 'late', 'bugfix'] }] } });
    expect(statusOf(b, '2025-02-01T00:00:00Z')).toMatchObject({ early: APPROVED, late: EXPLICIT_APPROVED, bugfix: EXPLICIT_REJECTED, plain: NONE });
  });
});
