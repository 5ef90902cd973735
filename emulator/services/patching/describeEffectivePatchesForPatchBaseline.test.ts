import { describe, expect, it } from 'vitest';
import { DescribeEffectivePatchesForPatchBaselineCommand, type EffectivePatch } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { allPages, createBaseline, expectError } from './testkit.js';

const DEFAULT_WINDOWS = 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-09ca3fb51f0412ec3';

describe('DescribeEffectivePatchesForPatchBaseline', () => {
  const t = useEmulator({ clock: { start: Date.UTC(2025, 0, 16) } });
  const effective = (BaselineId: string): Promise<EffectivePatch[]> =>
    allPages((NextToken) => t.ssm.send(new DescribeEffectivePatchesForPatchBaselineCommand({ BaselineId, NextToken, MaxResults: 100 })), (p) => p.EffectivePatches);
  const titled = (list: EffectivePatch[], prefix: string) => list.filter((e) => e.Patch!.Title!.startsWith(prefix));

  it("AWS-DefaultPatchBaseline: this month's cumulative update is pending until 7 days after its release day", async () => {
    const list = await effective(DEFAULT_WINDOWS);
    const [jan] = titled(list, '2025-01 Cumulative Update for Microsoft server operating system');
    expect(jan.PatchStatus).toEqual({ DeploymentStatus: 'PENDING_APPROVAL', ComplianceLevel: 'UNSPECIFIED', ApprovalDate: new Date(Date.UTC(2025, 0, 21)) });
    // December's is superseded by January's: gone.
    expect(titled(list, '2024-12 Cumulative Update for Microsoft server operating system')).toEqual([]);
    // Updates that are not security or critical updates are not in the baseline.
    expect(list.every((e) => ['SecurityUpdates', 'CriticalUpdates'].includes(e.Patch!.Classification!))).toBe(true);
    await t.advance(5 * 86_400);
    const later = await effective(DEFAULT_WINDOWS);
    expect(titled(later, '2025-01 Cumulative Update for Microsoft server operating system')[0].PatchStatus!.DeploymentStatus).toBe('APPROVED');
  });

  it('explicit approvals and rejections, and rule compliance levels', async () => {
    const list = await effective(DEFAULT_WINDOWS);
    const [cu] = titled(list, '2025-01 Cumulative Update for Microsoft server');
    const net = list.find((e) => e !== cu)!;
    const id = await createBaseline(t.ssm, {
      OperatingSystem: 'WINDOWS',
      ApprovalRules: { PatchRules: [{ PatchFilterGroup: { PatchFilters: [{ Key: 'CLASSIFICATION', Values: ['SecurityUpdates'] }] }, ApproveAfterDays: 0, ComplianceLevel: 'HIGH' }] },
      ApprovedPatches: [net.Patch!.KbNumber!],
      ApprovedPatchesComplianceLevel: 'CRITICAL',
      RejectedPatches: [cu.Patch!.KbNumber!],
    });
    const mine = await effective(id);
    expect(mine.find((e) => e.Patch!.Id === net.Patch!.Id)!.PatchStatus).toMatchObject({ DeploymentStatus: 'EXPLICIT_APPROVED', ComplianceLevel: 'CRITICAL' });
    expect(titled(mine, '2025-01 Cumulative Update for Microsoft server')[0].PatchStatus!.DeploymentStatus).toBe('EXPLICIT_REJECTED');
    const rest = mine.filter((e) => e.PatchStatus!.DeploymentStatus === 'APPROVED');
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((e) => e.PatchStatus!.ComplianceLevel === 'HIGH' && e.PatchStatus!.ApprovalDate!.getTime() <= Date.UTC(2025, 0, 16))).toBe(true);
  });

  it('pages in a stable order', async () => {
    const all = await effective(DEFAULT_WINDOWS);
    const first = await t.ssm.send(new DescribeEffectivePatchesForPatchBaselineCommand({ BaselineId: DEFAULT_WINDOWS, MaxResults: 1 }));
    const second = await t.ssm.send(new DescribeEffectivePatchesForPatchBaselineCommand({ BaselineId: DEFAULT_WINDOWS, MaxResults: 1, NextToken: first.NextToken }));
    expect([first.EffectivePatches![0].Patch!.Id, second.EffectivePatches![0].Patch!.Id]).toEqual(all.slice(0, 2).map((e) => e.Patch!.Id));
  });

  it('applies to Windows baselines only; unknown and malformed ids are refused', async () => {
    await expectError(
      t.ssm.send(new DescribeEffectivePatchesForPatchBaselineCommand({ BaselineId: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0' })),
      'UnsupportedOperatingSystem',
      /Windows patch baselines only/,
    );
    await expectError(t.ssm.send(new DescribeEffectivePatchesForPatchBaselineCommand({ BaselineId: 'pb-0123456789abcdef0' })), 'DoesNotExistException');
    await expectError(t.ssm.send(new DescribeEffectivePatchesForPatchBaselineCommand({ BaselineId: 'not-a-patch-baseline-id' })), 'InvalidResourceId');
  });
});
