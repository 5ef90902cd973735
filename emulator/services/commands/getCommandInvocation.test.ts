import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, GetCommandInvocationCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, addNodes, commandDocument, expectError, iid, sendListCommandInvocationsCommand } from './testkit.js';

const t = useEmulator();

async function sendSendCommandCommand(commands: string[], extra: Record<string, unknown> = {}, instance = iid(1)) {
  const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: [instance], DocumentName: 'AWS-RunShellScript', Parameters: { commands }, ...extra }));
  return out.Command!.CommandId!;
}
const sendGetCommandInvocationCommand = (CommandId: string, InstanceId = iid(1), PluginName?: string) => t.ssm.send(new GetCommandInvocationCommand({ CommandId, InstanceId, PluginName }));

describe('GetCommandInvocation', () => {
  it('moves Pending -> InProgress -> Success on the virtual clock, observable between advances', async () => {
    await addNodes(t, 1);
    const id = await sendSendCommandCommand(['echo start', 'sleep 5', 'echo done']);
    const pending = await sendGetCommandInvocationCommand(id);
    expect(pending).toMatchObject({
      Status: 'Pending',
      StatusDetails: 'Pending',
      ResponseCode: -1,
      ExecutionStartDateTime: '',
      ExecutionElapsedTime: '',
      ExecutionEndDateTime: '',
      StandardOutputContent: '',
      PluginName: 'aws:runShellScript',
    });
    await t.advance(1); // delivered: the agent has it and the script runs
    expect(await sendGetCommandInvocationCommand(id)).toMatchObject({ Status: 'InProgress', StatusDetails: 'InProgress', ResponseCode: -1, ExecutionStartDateTime: '2025-01-01T00:00:01Z', ExecutionEndDateTime: '' });
    await t.advance(5); // t=6: the script ends at 6.03 s
    expect((await sendGetCommandInvocationCommand(id)).Status).toBe('InProgress');
    await t.advance(1);
    const done = await sendGetCommandInvocationCommand(id);
    expect(done).toMatchObject({
      CommandId: id,
      InstanceId: iid(1),
      Comment: '',
      DocumentName: 'AWS-RunShellScript',
      DocumentVersion: '$DEFAULT',
      PluginName: 'aws:runShellScript',
      ResponseCode: 0,
      Status: 'Success',
      StatusDetails: 'Success',
      StandardOutputContent: 'start\ndone\n',
      StandardOutputUrl: '',
      StandardErrorContent: '',
      StandardErrorUrl: '',
      CloudWatchOutputConfig: { CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false },
      ExecutionStartDateTime: '2025-01-01T00:00:01Z',
      // three commands at 10 ms of virtual time each, plus the 5 s sleep
      ExecutionElapsedTime: 'PT5.03S',
      ExecutionEndDateTime: '2025-01-01T00:00:06.030Z',
    });
  });

  it('a failing script: Failed, its exit code as ResponseCode, the agent line "failed to run commands: exit status N" in stderr', async () => {
    await addNodes(t, 1);
    const id = await sendSendCommandCommand(['echo partial', 'echo oops >&2', 'exit 42']);
    await t.advance(2);
    expect(await sendGetCommandInvocationCommand(id)).toMatchObject({
      Status: 'Failed',
      StatusDetails: 'Failed',
      ResponseCode: 42,
      StandardOutputContent: 'partial\n',
      StandardErrorContent: 'oops\nfailed to run commands: exit status 42',
    });
    const unknown = await sendSendCommandCommand(['terraform apply']);
    await t.advance(2);
    const r = await sendGetCommandInvocationCommand(unknown);
    expect(r.ResponseCode).toBe(127);
    expect(r.StandardErrorContent).toMatch(/terraform: command not found\nfailed to run commands: exit status 127$/);
  });

  it('truncates StandardOutputContent to 24,000 and StandardErrorContent to 8,000 characters; Output in Details to 2,500 with the agent markers', async () => {
    await addNodes(t, 1);
    const id = await sendSendCommandCommand(['printf "%030000d" 0', 'printf "%09000d" 1 >&2']);
    await t.advance(2);
    const r = await sendGetCommandInvocationCommand(id);
    expect(r.StandardOutputContent).toHaveLength(24_000);
    expect(r.StandardErrorContent).toHaveLength(8000);
    const [inv] = await sendListCommandInvocationsCommand(t.ssm, id, true);
    const output = inv.CommandPlugins![0].Output!;
    expect(output).toHaveLength(2500);
    expect(output).toContain('\n---Output truncated---\n----------ERROR-------\n');
    expect(output.endsWith('\n---Error truncated----')).toBe(true);
  });

  it('reports S3 output URLs when the command has an output bucket', async () => {
    await addNodes(t, 1);
    const id = await sendSendCommandCommand(['echo hi'], { OutputS3BucketName: 'ssm-output', OutputS3KeyPrefix: 'runs/' });
    await t.advance(2);
    const r = await sendGetCommandInvocationCommand(id);
    expect(r.StandardOutputUrl).toBe(`https://s3.us-east-1.amazonaws.com/ssm-output/runs/${id}/${iid(1)}/awsrunShellScript/0.awsrunShellScript/stdout`);
    expect(r.StandardErrorUrl).toBe(`https://s3.us-east-1.amazonaws.com/ssm-output/runs/${id}/${iid(1)}/awsrunShellScript/0.awsrunShellScript/stderr`);
    const [inv] = await sendListCommandInvocationsCommand(t.ssm, id, true);
    expect(inv.StandardOutputUrl).toBe(r.StandardOutputUrl);
    expect(inv.CommandPlugins![0]).toMatchObject({ OutputS3BucketName: 'ssm-output', OutputS3KeyPrefix: 'runs/', OutputS3Region: 'us-east-1', StandardOutputUrl: r.StandardOutputUrl });
  });

  it('runs the steps of a document in order; PluginName selects a step; without it a multi-step document reports the invocation', async () => {
    await addNodes(t, 1);
    await t.ssm.send(
      new CreateDocumentCommand({
        Name: 'TwoSteps',
        DocumentType: 'Command',
        Content: commandDocument([
          { action: 'aws:runShellScript', name: 'first', inputs: { runCommand: ['echo one', 'sleep 2'] } },
          { action: 'aws:runShellScript', name: 'second', inputs: { runCommand: ['echo two', 'date -u +%H:%M:%S'] } },
        ]),
      }),
    );
    await t.advance(1); // the document is Active; the command is sent at t=1
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'TwoSteps' }));
    const id = Command!.CommandId!;
    await t.advance(2); // t=3: the first step is running (delivered at 2 s, lasts 2.02 s)
    expect((await sendGetCommandInvocationCommand(id, iid(1), 'first')).Status).toBe('InProgress');
    expect((await sendGetCommandInvocationCommand(id, iid(1), 'second')).Status).toBe('Pending');
    await t.advance(2);
    const first = await sendGetCommandInvocationCommand(id, iid(1), 'first');
    const second = await sendGetCommandInvocationCommand(id, iid(1), 'second');
    expect(first).toMatchObject({ PluginName: 'first', Status: 'Success', StandardOutputContent: 'one\n' });
    // The second step starts when the first ends (its `date` sees that virtual time).
    expect(second).toMatchObject({ PluginName: 'second', Status: 'Success', StandardOutputContent: 'two\n00:00:04\n', ExecutionStartDateTime: '2025-01-01T00:00:04.020Z' });
    const whole = await sendGetCommandInvocationCommand(id);
    expect(whole).toMatchObject({ Status: 'Success', StatusDetails: 'Success', StandardOutputContent: '', ExecutionStartDateTime: '2025-01-01T00:00:02Z' });
    expect(whole.PluginName).toBeUndefined();
    await expectError(sendGetCommandInvocationCommand(id, iid(1), 'third'), 'InvalidPluginName');
    await expectError(sendGetCommandInvocationCommand(id, iid(1), 'aws:runShellScript'), 'InvalidPluginName');
  });

  it('answers InvocationDoesNotExist for a command or node that has no such invocation', async () => {
    await addNodes(t, 2);
    const id = await sendSendCommandCommand(['true']);
    // AWS sends these errors without a message (the SDK then says "UnknownError").
    await expectError(sendGetCommandInvocationCommand(id, iid(2)), 'InvocationDoesNotExist');
    await expectError(sendGetCommandInvocationCommand('00000000-0000-0000-0000-000000000000'), 'InvocationDoesNotExist');
    const raw = await t.rpc('GetCommandInvocation', { CommandId: id, InstanceId: iid(2) });
    expect(raw.status).toBe(400);
    expect(raw.body.__type).toBe('InvocationDoesNotExist');
    await expectError(t.client({ region: 'eu-west-1' }).send(new GetCommandInvocationCommand({ CommandId: id, InstanceId: iid(1) })), 'InvocationDoesNotExist');
  });

  it('checks the model constraints (CommandId length, InstanceId pattern)', async () => {
    await expectError(sendGetCommandInvocationCommand('short'), 'ValidationException', /commandId/);
    await expectError(sendGetCommandInvocationCommand('00000000-0000-0000-0000-000000000000', 'host-1'), 'ValidationException', /instanceId/);
  });

  it('runs PowerShell on Windows nodes, with CRLF output and the node facts', async () => {
    await addNode(t.http, { InstanceId: iid(1), Platform: 'windows-2022', ComputerName: 'EC2AMAZ-WEB01' });
    const { Command } = await t.ssm.send(
      new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-RunPowerShellScript', Parameters: { commands: ['Write-Output "$env:COMPUTERNAME"', 'exit 3'] } }),
    );
    await t.advance(2);
    expect(await sendGetCommandInvocationCommand(Command!.CommandId!)).toMatchObject({
      PluginName: 'aws:runPowerShellScript',
      Status: 'Failed',
      ResponseCode: 3,
      StandardOutputContent: 'EC2AMAZ-WEB01\r\n',
      StandardErrorContent: 'failed to run commands: exit status 3',
    });
  });
});
