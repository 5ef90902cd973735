import { describe, expect, it } from 'vitest';
import { GetExecutionPreviewCommand, StartExecutionPreviewCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, iid, runbook } from './testkit.js';

const t = useEmulator();
const preview = (id: string) => t.ssm.send(new GetExecutionPreviewCommand({ ExecutionPreviewId: id }));

describe('StartExecutionPreview', () => {
  it('counts each step per target by impact, and the targets by type; InProgress, then Success', async () => {
    for (let k = 1; k <= 3; k++) await addNode(t.http, { InstanceId: iid(k), Tags: { Env: 'prod' } });
    const { ExecutionPreviewId: id } = await t.ssm.send(
      new StartExecutionPreviewCommand({
        DocumentName: 'AWS-RestartEC2Instance',
        ExecutionInputs: { Automation: { TargetParameterName: 'InstanceId', Targets: [{ Key: 'tag:Env', Values: ['prod'] }] } },
      }),
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await preview(id!)).Status).toBe('InProgress');
    await t.advance(1);
    const out = await preview(id!);
    expect(out.Status).toBe('Success');
    expect(out.ExecutionPreview!.Automation).toEqual({
      StepPreviews: { Mutating: 6 },
      Regions: ['us-east-1'],
      TargetPreviews: [{ Count: 3, TargetType: 'AWS::EC2::Instance' }],
      TotalAccounts: 1,
    });
  });

  it('reads steps: Describe/Get APIs are Non_Mutating, Run Command Undetermined', async () => {
    await runbook(t, 'Mixed', {
      mainSteps: [
        { name: 'read', action: 'aws:executeAwsApi', inputs: { Service: 'ec2', Api: 'DescribeInstances' } },
        { name: 'run', action: 'aws:runCommand', inputs: { DocumentName: 'AWS-RunShellScript', InstanceIds: [iid(1)], Parameters: { commands: ['uptime'] } } },
        { name: 'nap', action: 'aws:sleep', inputs: { Duration: 'PT1S' } },
      ],
    });
    const { ExecutionPreviewId: id } = await t.ssm.send(new StartExecutionPreviewCommand({ DocumentName: 'Mixed' }));
    await t.advance(1);
    expect((await preview(id!)).ExecutionPreview!.Automation!.StepPreviews).toEqual({ Non_Mutating: 2, Undetermined: 1 });
  });
});
