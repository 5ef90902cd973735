import { describe, expect, it } from 'vitest';
import { DescribeInstancePropertiesCommand, SendCommandCommand, GetCommandInvocationCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode } from '../../testing/fleet.js';
import { AGENT_BOOT_MS, REBOOT_MS, START_MS, STOP_MS, createImage, getImage, IMAGE_MS, rebootInstance, startInstance, stopInstance, terminateInstance } from './ec2.js';
import { getInstance } from './state.js';

const t = useEmulator();
const ID = 'i-00000000000000001';

const ctx = () => t.emu.context('000000000000', 'us-east-1');
const node = () => getInstance(ctx(), ID)!;

async function props() {
  const out = await t.ssm.send(new DescribeInstancePropertiesCommand({ InstancePropertyFilterList: [{ key: 'InstanceIds', valueSet: [ID] }] }));
  const p = out.InstanceProperties![0];
  return { state: p.InstanceState, ping: p.PingStatus };
}

describe('EC2 instance lifecycle on the virtual clock', () => {
  it('stops: stopping with the agent off and ConnectionLost at once, stopped after STOP_MS', async () => {
    await addNode(t.http, { InstanceId: ID });
    stopInstance(ctx(), node());
    expect(await props()).toEqual({ state: 'stopping', ping: 'ConnectionLost' });
    expect(node().AgentRunning).toBe(false);
    await t.advance(STOP_MS / 1000);
    expect(await props()).toEqual({ state: 'stopped', ping: 'ConnectionLost' });
  });

  it('starts: pending, running after START_MS, the agent Online AGENT_BOOT_MS later', async () => {
    await addNode(t.http, { InstanceId: ID, InstanceState: 'stopped' });
    startInstance(ctx(), node());
    expect((await props()).state).toBe('pending');
    await t.advance(START_MS / 1000);
    expect(node().InstanceState).toBe('running');
    expect(node().AgentRunning).toBe(false);
    await t.advance(AGENT_BOOT_MS / 1000);
    expect(await props()).toEqual({ state: 'running', ping: 'Online' });
    expect(node().AgentRunning).toBe(true);
  });

  it('reboots: the agent blips off for REBOOT_MS and a command sent meanwhile runs when it is back', async () => {
    await addNode(t.http, { InstanceId: ID });
    rebootInstance(ctx(), node());
    expect(node().AgentRunning).toBe(false);
    expect(node().InstanceState).toBe('running');
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [ID], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['echo back'] } }));
    await t.advance(5);
    expect((await t.ssm.send(new GetCommandInvocationCommand({ CommandId: Command!.CommandId, InstanceId: ID }))).Status).toBe('Pending');
    await t.advance(REBOOT_MS / 1000);
    expect(node().AgentRunning).toBe(true);
    await t.advance(5);
    const inv = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: Command!.CommandId, InstanceId: ID }));
    expect(inv.Status).toBe('Success');
    expect(inv.StandardOutputContent).toBe('back\n');
  });

  it('a command to a stopped instance times out (DeliveryTimedOut)', async () => {
    await addNode(t.http, { InstanceId: ID });
    const { Command } = await t.ssm.send(new SendCommandCommand({ InstanceIds: [ID], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['echo x'] }, TimeoutSeconds: 30 }));
    stopInstance(ctx(), node());
    await t.advance(3700 + 30);
    const inv = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: Command!.CommandId, InstanceId: ID }));
    expect(inv.StatusDetails).toBe('DeliveryTimedOut');
  });

  it('terminates: shutting-down, then terminated; ignores a stop of an instance that is not running', async () => {
    await addNode(t.http, { InstanceId: ID });
    terminateInstance(ctx(), node());
    stopInstance(ctx(), node());
    expect(node().InstanceState).toBe('shutting-down');
    await t.advance(STOP_MS / 1000);
    expect(node().InstanceState).toBe('terminated');
  });

  it('creates an image: pending then available; without NoReboot the instance reboots', async () => {
    await addNode(t.http, { InstanceId: ID });
    const image = createImage(ctx(), node(), { name: 'golden' });
    expect(image.ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(image.State).toBe('pending');
    expect(node().AgentRunning).toBe(false);
    await t.advance(IMAGE_MS / 1000);
    expect(getImage(ctx(), image.ImageId)!.State).toBe('available');
    expect(node().AgentRunning).toBe(true);
    const quiet = createImage(ctx(), node(), { name: 'quiet', noReboot: true });
    expect(node().AgentRunning).toBe(true);
    expect(quiet.ImageId).not.toBe(image.ImageId);
  });
});
