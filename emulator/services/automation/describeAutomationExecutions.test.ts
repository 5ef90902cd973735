import { describe, expect, it } from 'vitest';
import { DescribeAutomationExecutionsCommand, GetAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { expectError, runbook, start } from './testkit.js';

const t = useEmulator();
const list = async (input: ConstructorParameters<typeof DescribeAutomationExecutionsCommand>[0] = {}) => t.ssm.send(new DescribeAutomationExecutionsCommand(input));

describe('DescribeAutomationExecutions and GetAutomationExecution', () => {
  it('lists newest first with AWS\'s metadata, filters by every key, and pages', async () => {
    await runbook(t, 'Alpha', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT10S' } }] });
    await runbook(t, 'Beta', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const a = await start(t, { DocumentName: 'Alpha', Tags: [{ Key: 'team', Value: 'ops' }] });
    await t.advance(5);
    const b = await start(t, { DocumentName: 'Beta' });
    await t.advance(1);
    const all = (await list()).AutomationExecutionMetadataList!;
    expect(all.map((e) => e.AutomationExecutionId)).toEqual([b, a]);
    expect(all[0]).toMatchObject({ DocumentName: 'Beta', AutomationExecutionStatus: 'Success', Mode: 'Auto', LogFile: '', AutomationType: 'Local', Targets: [], ResolvedTargets: { ParameterValues: [], Truncated: false } });
    const ids = async (Filters: { Key: any; Values: string[] }[]) => ((await list({ Filters })).AutomationExecutionMetadataList ?? []).map((e) => e.AutomationExecutionId);
    expect(await ids([{ Key: 'DocumentNamePrefix', Values: ['Al'] }])).toEqual([a]);
    expect(await ids([{ Key: 'ExecutionStatus', Values: ['InProgress'] }])).toEqual([a]);
    expect(await ids([{ Key: 'ExecutionId', Values: [b] }])).toEqual([b]);
    expect(await ids([{ Key: 'CurrentAction', Values: ['aws:sleep'] }])).toEqual([a]);
    expect(await ids([{ Key: 'TagKey', Values: ['team'] }])).toEqual([a]);
    expect(await ids([{ Key: 'AutomationType', Values: ['Local'] }])).toEqual([b, a]);
    const mid = new Date(TEST_START + 4000).toISOString();
    expect(await ids([{ Key: 'StartTimeAfter', Values: [mid] }])).toEqual([b]);
    expect(await ids([{ Key: 'StartTimeBefore', Values: [mid] }])).toEqual([a]);
    const p1 = await list({ MaxResults: 1 });
    expect(p1.AutomationExecutionMetadataList!.map((e) => e.AutomationExecutionId)).toEqual([b]);
    const p2 = await list({ MaxResults: 1, NextToken: p1.NextToken });
    expect(p2.AutomationExecutionMetadataList!.map((e) => e.AutomationExecutionId)).toEqual([a]);
    expect(p2.NextToken).toBeUndefined();
  });

  it('refuses bad filter values and tokens, and an unknown execution', async () => {
    await expectError(list({ Filters: [{ Key: 'ExecutionStatus', Values: ['Sleeping'] }] }), 'InvalidFilterValue');
    await expectError(list({ Filters: [{ Key: 'StartTimeBefore', Values: ['yesterday'] }] }), 'InvalidFilterValue');
    await expectError(list({ NextToken: 'garbage' }), 'InvalidNextToken');
    await expectError(t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: '00000000-0000-0000-0000-000000000000' })), 'AutomationExecutionNotFoundException');
  });
});
