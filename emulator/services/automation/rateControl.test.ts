import { describe, expect, it } from 'vitest';
import { DescribeAutomationExecutionsCommand, StartAutomationExecutionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { allowedInFlight } from '../../sim/automation/rate.js';
import { addNode, execution, expectError, iid, runbook, start } from './testkit.js';

const t = useEmulator();

const nap = { parameters: { Id: { type: 'String' }, Fail: { type: 'String', default: 'no' } }, mainSteps: [
  { name: 'check', action: 'aws:branch', inputs: { Choices: [{ NextStep: 'bad', Variable: '{{ Fail }}', StringEquals: 'yes' }] } },
  { name: 'nap', action: 'aws:sleep', isEnd: true, inputs: { Duration: 'PT10S' } },
  { name: 'bad', action: 'aws:executeAwsApi', inputs: { Service: 'ssm', Api: 'GetParameter', Name: '/missing-{{ Id }}' } },
] };

describe('rate control: targets, concurrency, errors', () => {
  it('doubles the number in flight from one up to MaxConcurrency', () => {
    expect([0, 1, 2, 3, 4, 7, 20].map((done) => allowedInFlight(5, done))).toEqual([1, 2, 2, 4, 4, 5, 5]);
  });

  it('tag targets: a parent with one aws:executeAutomation step per instance (stopped ones included), children with Target', async () => {
    for (let k = 1; k <= 3; k++) await addNode(t.http, { InstanceId: iid(k), Tags: { Env: 'prod' }, ...(k === 3 && { InstanceState: 'stopped' }) });
    await runbook(t, 'Nap', nap);
    const id = await start(t, { DocumentName: 'Nap', TargetParameterName: 'Id', Targets: [{ Key: 'tag:Env', Values: ['prod'] }], MaxConcurrency: '2' });
    let parent = await execution(t, id);
    expect(parent).toMatchObject({ TargetParameterName: 'Id', MaxConcurrency: '2', MaxErrors: '0', ResolvedTargets: { ParameterValues: [iid(1), iid(2), iid(3)], Truncated: false } });
    expect(parent.StepExecutions!.map((s) => [s.StepName, s.Action, s.StepStatus])).toEqual([
      [iid(1), 'aws:executeAutomation', 'InProgress'],
      [iid(2), 'aws:executeAutomation', 'Pending'],
      [iid(3), 'aws:executeAutomation', 'Pending'],
    ]);
    expect(parent.StepExecutions![0].Inputs).toEqual({ Id: iid(1) });
    await t.advance(10);
    parent = await execution(t, id);
    expect(parent.StepExecutions!.map((s) => s.StepStatus)).toEqual(['Success', 'InProgress', 'InProgress']);
    await t.advance(10);
    parent = await execution(t, id);
    expect(parent.AutomationExecutionStatus).toBe('Success');
    const children = (await t.ssm.send(new DescribeAutomationExecutionsCommand({ Filters: [{ Key: 'ParentExecutionId', Values: [id] }] }))).AutomationExecutionMetadataList!;
    expect(children.map((c) => c.Target).sort()).toEqual([iid(1), iid(2), iid(3)]);
  });

  it('MaxErrors: after too many failures no new child starts and the parent fails', async () => {
    await runbook(t, 'Nap', nap);
    const id = await start(t, {
      DocumentName: 'Nap',
      TargetParameterName: 'Id',
      Targets: [{ Key: 'ParameterValues', Values: ['a', 'b', 'c', 'd'] }],
      Parameters: { Fail: ['yes'] },
      MaxConcurrency: '1',
      MaxErrors: '1',
    });
    await t.advance(1);
    const parent = await execution(t, id);
    expect(parent.AutomationExecutionStatus).toBe('Failed');
    expect(parent.StepExecutions!.map((s) => s.StepStatus)).toEqual(['Failed', 'Failed', 'Pending', 'Pending']);
    expect(parent.FailureMessage).toMatch(/ParameterNotFound/);
  });

  it('TargetMaps: one child per map', async () => {
    await runbook(t, 'Nap', nap);
    const id = await start(t, { DocumentName: 'Nap', TargetMaps: [{ Id: ['x'] }, { Id: ['y'], Fail: ['no'] }], TargetParameterName: 'Id' });
    await t.advance(20);
    const parent = await execution(t, id);
    expect(parent.StepExecutions!.map((s) => s.StepName)).toEqual(['x', 'y']);
    expect(parent.AutomationExecutionStatus).toBe('Success');
  });

  it('TargetLocations: a CrossAccount parent whose children run in the other accounts and Regions', async () => {
    const id = await start(t, {
      DocumentName: 'AWS-StopEC2Instance',
      TargetParameterName: 'InstanceId',
      Targets: [{ Key: 'ParameterValues', Values: [iid(9)] }],
      TargetLocations: [{ Accounts: ['111111111111'], Regions: ['eu-west-1'] }],
    });
    await t.advance(1);
    const parent = await execution(t, id);
    expect(parent.ProgressCounters).toEqual({ TotalSteps: 1, SuccessSteps: 0, FailedSteps: 1, CancelledSteps: 0, TimedOutSteps: 0 });
    expect(parent.StepExecutions![0]).toMatchObject({ StepName: '111111111111:eu-west-1', TargetLocation: { Accounts: ['111111111111'], Regions: ['eu-west-1'] } });
    const meta = (await t.ssm.send(new DescribeAutomationExecutionsCommand({ Filters: [{ Key: 'ExecutionId', Values: [id] }] }))).AutomationExecutionMetadataList![0];
    expect(meta.AutomationType).toBe('CrossAccount');
    const remote = t.client({ account: '111111111111', region: 'eu-west-1' });
    const there = (await remote.send(new DescribeAutomationExecutionsCommand({}))).AutomationExecutionMetadataList!;
    expect(there.map((e) => e.DocumentName)).toContain('AWS-StopEC2Instance');
    // The instance is not in that account: the child fails there, and so does the parent's step.
    expect(parent.AutomationExecutionStatus).toBe('Failed');
  });

  it('refuses Targets without TargetParameterName, Targets with TargetMaps, and an undeclared target parameter', async () => {
    await runbook(t, 'Nap', nap);
    const send = (input: Record<string, unknown>) => t.ssm.send(new StartAutomationExecutionCommand({ DocumentName: 'Nap', ...input }));
    await expectError(send({ Targets: [{ Key: 'ParameterValues', Values: ['a'] }] }), 'InvalidAutomationExecutionParametersException');
    await expectError(send({ TargetParameterName: 'Nope', Targets: [{ Key: 'ParameterValues', Values: ['a'] }] }), 'InvalidAutomationExecutionParametersException');
    await expectError(send({ TargetParameterName: 'Id', Targets: [{ Key: 'ParameterValues', Values: ['a'] }], TargetMaps: [{ Id: ['b'] }] }), 'InvalidAutomationExecutionParametersException');
    await expectError(send({ TargetParameterName: 'Id', Targets: [{ Key: 'resource-groups:Name', Values: ['g'] }] }), 'InvalidTarget');
  });
});
