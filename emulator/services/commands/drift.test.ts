import { describe, expect, it } from 'vitest';
import { SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, iid, sendGetCommandInvocationCommand } from './testkit.js';

const t = useEmulator();

async function shell(instanceId: string, commands: string[], document = 'AWS-RunShellScript'): Promise<string> {
  const out = await t.ssm.send(new SendCommandCommand({ DocumentName: document, InstanceIds: [instanceId], Parameters: { commands } }));
  return out.Command!.CommandId!;
}

async function node(id: string): Promise<any> {
  const res = await t.http.get('/_emulator/fleet/instances');
  return res.body.instances.find((i: any) => i.InstanceId === id);
}

describe('scripts change their node (drift)', () => {
  it('a stopped service is recorded on the node when the step completes, and the next command sees it', async () => {
    await addNode(t.http, {
      InstanceId: iid(1),
      Services: [{ Name: 'amazon-cloudwatch-agent', DisplayName: 'Amazon CloudWatch Agent', Status: 'Running', StartType: 'Automatic' }],
    });
    const stop = await shell(iid(1), ['systemctl stop amazon-cloudwatch-agent', 'sleep 30']);
    await t.advance(10);
    // Still running: nothing changes until the step has completed.
    expect((await node(iid(1))).Services).toContainEqual(expect.objectContaining({ Name: 'amazon-cloudwatch-agent', Status: 'Running' }));
    await t.advance(30);
    expect((await sendGetCommandInvocationCommand(t.ssm, stop, iid(1))).Status).toBe('Success');
    expect((await node(iid(1))).Services).toContainEqual(expect.objectContaining({ Name: 'amazon-cloudwatch-agent', Status: 'Stopped' }));

    const check = await shell(iid(1), ['systemctl is-active amazon-cloudwatch-agent']);
    await t.advance(2);
    expect(await sendGetCommandInvocationCommand(t.ssm, check, iid(1))).toMatchObject({ StandardOutputContent: 'inactive\n', ResponseCode: 3 });
  });

  it('packages installed by yum become applications of the node', async () => {
    await addNode(t.http, { InstanceId: iid(2), Platform: 'amazon-linux-2023' });
    const id = await shell(iid(2), ['yum install -y amazon-cloudwatch-agent', 'systemctl enable --now amazon-cloudwatch-agent']);
    await t.advance(10);
    expect((await sendGetCommandInvocationCommand(t.ssm, id, iid(2))).Status).toBe('Success');
    const n = await node(iid(2));
    expect(n.Applications).toContainEqual(expect.objectContaining({ Name: 'amazon-cloudwatch-agent', Version: '1.300051.0', Release: '1.amzn2023' }));
    expect(n.Services).toContainEqual(expect.objectContaining({ Name: 'amazon-cloudwatch-agent', Status: 'Running', StartType: 'Automatic' }));
  });

  it('Windows services change through PowerShell', async () => {
    await addNode(t.http, { InstanceId: iid(3), Platform: 'windows-2022' });
    const id = await shell(iid(3), ['Stop-Service W32Time'], 'AWS-RunPowerShellScript');
    await t.advance(2);
    expect((await sendGetCommandInvocationCommand(t.ssm, id, iid(3))).Status).toBe('Success');
    expect((await node(iid(3))).Services).toContainEqual(expect.objectContaining({ Name: 'W32Time', Status: 'Stopped' }));
  });
});
