import { describe, expect, it } from 'vitest';
import { ListComplianceSummariesCommand, PutComplianceItemsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, iid, item, request, smallFleet, zero } from './testkit.js';

const t = useEmulator();

/** The AWS CLI example: two nodes compliant for Association; Patch one compliant, one non-compliant (critical). */
async function compliance() {
  await smallFleet(t.http);
  const put = (...a: Parameters<typeof request>) => t.ssm.send(new PutComplianceItemsCommand(request(...a)));
  await put(iid(1), 'Association', [item('a1', 'COMPLIANT'), item('a2', 'COMPLIANT')]);
  await put(iid(2), 'Association', [item('a1', 'COMPLIANT')]);
  await put(iid(1), 'Patch', Array.from({ length: 5 }, (_, i) => item(`KB${i}`, 'COMPLIANT')));
  await put(iid(3), 'Patch', [item('KB1', 'NON_COMPLIANT', 'CRITICAL', { PatchGroup: 'db' }), item('KB2', 'NON_COMPLIANT', 'LOW', { PatchGroup: 'db' }), item('KB3', 'COMPLIANT', 'HIGH', { PatchGroup: 'db' })]);
}

describe('ListComplianceSummaries', () => {
  it('counts resources per compliance type, under their overall severity', async () => {
    await compliance();
    const out = await t.ssm.send(new ListComplianceSummariesCommand({}));
    expect(out.ComplianceSummaryItems).toEqual([
      {
        ComplianceType: 'Association',
        CompliantSummary: { CompliantCount: 2, SeveritySummary: { ...zero, UnspecifiedCount: 2 } },
        NonCompliantSummary: { NonCompliantCount: 0, SeveritySummary: zero },
      },
      {
        ComplianceType: 'Patch',
        CompliantSummary: { CompliantCount: 1, SeveritySummary: { ...zero, UnspecifiedCount: 1 } },
        NonCompliantSummary: { NonCompliantCount: 1, SeveritySummary: { ...zero, CriticalCount: 1 } },
      },
    ]);
  });

  it('filters (ComplianceType, instance information, item details) and pages by type', async () => {
    await compliance();
    const types = async (Filters: any[]) => (await t.ssm.send(new ListComplianceSummariesCommand({ Filters }))).ComplianceSummaryItems!.map((s) => s.ComplianceType);
    expect(await types([{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }])).toEqual(['Patch']);
    expect(await types([{ Key: 'AWS:InstanceInformation.PlatformType', Values: ['Windows'] }])).toEqual(['Patch']);
    const db = (await t.ssm.send(new ListComplianceSummariesCommand({ Filters: [{ Key: 'PatchGroup', Values: ['db'] }] }))).ComplianceSummaryItems!;
    expect(db).toEqual([expect.objectContaining({ ComplianceType: 'Patch', CompliantSummary: expect.objectContaining({ CompliantCount: 0 }) })]);
    const first = await t.ssm.send(new ListComplianceSummariesCommand({ MaxResults: 1 }));
    const second = await t.ssm.send(new ListComplianceSummariesCommand({ MaxResults: 1, NextToken: first.NextToken }));
    expect([first, second].map((p) => p.ComplianceSummaryItems![0].ComplianceType)).toEqual(['Association', 'Patch']);
  });

  it('errors: a filter without values, a foreign token', async () => {
    await expectError(t.ssm.send(new ListComplianceSummariesCommand({ Filters: [{ Key: 'ComplianceType' }] })), 'InvalidFilter');
    await expectError(t.ssm.send(new ListComplianceSummariesCommand({ NextToken: 'x' })), 'InvalidNextToken');
  });
});
