import { describe, expect, it } from 'vitest';
import { ListResourceComplianceSummariesCommand, PutComplianceItemsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { AT, expectError, iid, item, request, smallFleet, zero } from './testkit.js';

const t = useEmulator();

async function compliance() {
  await smallFleet(t.http);
  const put = (...a: Parameters<typeof request>) => t.ssm.send(new PutComplianceItemsCommand(request(...a)));
  await put(iid(1), 'Association', [item('a1', 'COMPLIANT'), item('a2', 'COMPLIANT')]);
  await put(iid(3), 'Patch', [item('KB1', 'NON_COMPLIANT', 'CRITICAL'), item('KB2', 'NON_COMPLIANT', 'LOW'), item('KB3', 'COMPLIANT', 'HIGH')], { ExecutionSummary: { ExecutionTime: AT, ExecutionId: 'cmd-1', ExecutionType: 'Command' } });
  await put(iid(2), 'Custom:AppX', [item('x', 'COMPLIANT', 'MEDIUM'), item('y', 'COMPLIANT', 'LOW')]);
}

describe('ListResourceComplianceSummaries', () => {
  it('one row per resource and type: status, overall severity and item counts by severity', async () => {
    await compliance();
    const rows = (await t.ssm.send(new ListResourceComplianceSummariesCommand({}))).ResourceComplianceSummaryItems!;
    expect(rows.map((r) => [r.ResourceId, r.ComplianceType])).toEqual([
      [iid(1), 'Association'],
      [iid(2), 'Custom:AppX'],
      [iid(3), 'Patch'],
    ]);
    expect(rows[0]).toEqual({
      ComplianceType: 'Association',
      ResourceType: 'ManagedInstance',
      ResourceId: iid(1),
      Status: 'COMPLIANT',
      OverallSeverity: 'UNSPECIFIED',
      ExecutionSummary: { ExecutionTime: AT },
      CompliantSummary: { CompliantCount: 2, SeveritySummary: { ...zero, UnspecifiedCount: 2 } },
      NonCompliantSummary: { NonCompliantCount: 0, SeveritySummary: zero },
    });
    expect(rows[1]).toMatchObject({ Status: 'COMPLIANT', OverallSeverity: 'MEDIUM' });
    expect(rows[2]).toMatchObject({
      Status: 'NON_COMPLIANT',
      OverallSeverity: 'CRITICAL',
      ExecutionSummary: { ExecutionId: 'cmd-1', ExecutionType: 'Command' },
      CompliantSummary: { CompliantCount: 1, SeveritySummary: { ...zero, HighCount: 1 } },
      NonCompliantSummary: { NonCompliantCount: 2, SeveritySummary: { ...zero, CriticalCount: 1, LowCount: 1 } },
    });
  });

  it('filters (the walkthrough\'s OverallSeverity, ComplianceType, InstanceId, ExecutionType) and pages', async () => {
    await compliance();
    const ids = async (Filters: any[]) => (await t.ssm.send(new ListResourceComplianceSummariesCommand({ Filters }))).ResourceComplianceSummaryItems!.map((r) => r.ResourceId);
    expect(await ids([{ Key: 'OverallSeverity', Values: ['UNSPECIFIED'] }])).toEqual([iid(1)]);
    expect(await ids([{ Key: 'OverallSeverity', Values: ['UNSPECIFIED'] }, { Key: 'ComplianceType', Values: ['Association'] }, { Key: 'InstanceId', Values: [iid(1)] }])).toEqual([iid(1)]);
    expect(await ids([{ Key: 'ExecutionType', Values: ['Command'] }])).toEqual([iid(3)]);
    expect(await ids([{ Key: 'Status', Values: ['COMPLIANT'] }])).toEqual([iid(1), iid(2)]);
    const first = await t.ssm.send(new ListResourceComplianceSummariesCommand({ MaxResults: 2 }));
    const second = await t.ssm.send(new ListResourceComplianceSummariesCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.ResourceComplianceSummaryItems!.map((r) => r.ResourceId)).toEqual([iid(3)]);
  });

  it('errors: a bad severity value, a foreign token', async () => {
    await expectError(t.ssm.send(new ListResourceComplianceSummariesCommand({ Filters: [{ Key: 'OverallSeverity', Values: ['SEVERE'] }] })), 'InvalidFilter');
    await expectError(t.ssm.send(new ListResourceComplianceSummariesCommand({ NextToken: 'x' })), 'InvalidNextToken');
  });
});
