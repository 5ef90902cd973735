import { describe, expect, it } from 'vitest';
import { SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, addNodes, command, iid, invocation, invocationsOf, statusesById } from './testkit.js';

const t = useEmulator();

async function send(ids: string[], commands: string[], extra: Record<string, unknown> = {}, executionTimeout = '10') {
  const out = await t.ssm.send(
    new SendCommandCommand({ InstanceIds: ids, DocumentName: 'AWS-RunShellScript', Parameters: { commands, executionTimeout: [executionTimeout] }, TimeoutSeconds: 30, ...extra }),
  );
  return out.Command!;
}

describe('delivery timeout (total timeout = TimeoutSeconds + the execution timeout)', () => {
  it('an offline node stays Pending until the command expires, then TimedOut / DeliveryTimedOut', async () => {
    await addNode(t.http, { InstanceId: iid(1), PingStatus: 'ConnectionLost' });
    const cmd = await send([iid(1)], ['echo hi']);
    expect(cmd.ExpiresAfter!.getTime() - cmd.RequestedDateTime!.getTime()).toBe(40_000);
    await t.advance(39);
    expect(await invocation(t.ssm, cmd.CommandId!, iid(1))).toMatchObject({ Status: 'Pending', StatusDetails: 'Pending', ResponseCode: -1 });
    expect((await command(t.ssm, cmd.CommandId!)).Status).toBe('InProgress');
    await t.advance(1);
    expect(await invocation(t.ssm, cmd.CommandId!, iid(1))).toMatchObject({ Status: 'TimedOut', StatusDetails: 'DeliveryTimedOut', ResponseCode: -1, StandardOutputContent: '' });
    const [inv] = await invocationsOf(t.ssm, cmd.CommandId!, true);
    expect(inv.CommandPlugins![0]).toMatchObject({ Name: 'aws:runShellScript', Status: 'TimedOut', StatusDetails: 'DeliveryTimedOut', ResponseCode: -1 });
    expect(await command(t.ssm, cmd.CommandId!)).toMatchObject({ Status: 'TimedOut', StatusDetails: 'DeliveryTimedOut', DeliveryTimedOutCount: 1, ErrorCount: 0, CompletedCount: 1 });
  });

  it('delivery time-outs do not count as errors: with MaxErrors above them the command is Success / Incomplete', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await addNode(t.http, { InstanceId: iid(2), AgentRunning: false });
    const cmd = await send([iid(1), iid(2)], ['echo hi'], { MaxErrors: '1' });
    await t.advance(41);
    expect(await statusesById(t.ssm, cmd.CommandId!)).toEqual({ [iid(1)]: 'Success/Success', [iid(2)]: 'TimedOut/DeliveryTimedOut' });
    expect(await command(t.ssm, cmd.CommandId!)).toMatchObject({ Status: 'Success', StatusDetails: 'Incomplete', DeliveryTimedOutCount: 1, ErrorCount: 0 });
  });

  it('a node whose agent comes back before the command expires receives it then and runs it', async () => {
    await addNode(t.http, { InstanceId: iid(1), AgentRunning: false });
    const cmd = await send([iid(1)], ['date -u +%T']);
    await t.advance(20);
    expect((await invocation(t.ssm, cmd.CommandId!, iid(1))).Status).toBe('Pending');
    const res = await t.http.post(`/_emulator/fleet/instances/${iid(1)}/start-agent`).send({});
    expect(res.status).toBe(200);
    expect((await invocation(t.ssm, cmd.CommandId!, iid(1))).Status).toBe('InProgress');
    await t.advance(1);
    expect(await invocation(t.ssm, cmd.CommandId!, iid(1))).toMatchObject({ Status: 'Success', StandardOutputContent: '00:00:20\n', ExecutionStartDateTime: '2025-01-01T00:00:20Z' });
  });

  it('a result that cannot be reported (the agent stopped while the script ran) waits for the agent; without it the command expires', async () => {
    await addNodes(t, 2);
    const cmd = await send([iid(1), iid(2)], ['sleep 5', 'echo done']);
    await t.advance(2);
    for (const id of [iid(1), iid(2)]) await t.http.post(`/_emulator/fleet/instances/${id}/stop-agent`).send({});
    await t.advance(10); // both scripts ended at 6.02 s, but nothing was reported
    expect(await statusesById(t.ssm, cmd.CommandId!)).toEqual({ [iid(1)]: 'InProgress/InProgress', [iid(2)]: 'InProgress/InProgress' });
    await t.http.post(`/_emulator/fleet/instances/${iid(1)}/start-agent`).send({});
    expect(await invocation(t.ssm, cmd.CommandId!, iid(1))).toMatchObject({ Status: 'Success', StandardOutputContent: 'done\n', ExecutionEndDateTime: '2025-01-01T00:00:06.020Z' });
    await t.advance(30);
    expect(await statusesById(t.ssm, cmd.CommandId!)).toEqual({ [iid(1)]: 'Success/Success', [iid(2)]: 'TimedOut/DeliveryTimedOut' });
  });

  it('invocations still queued or running when the command expires end DeliveryTimedOut', async () => {
    await addNodes(t, 3, () => ({ Behaviors: [{ Match: 'work', DurationSeconds: 30 }] }));
    const cmd = await send([iid(1), iid(2), iid(3)], ['work'], { MaxConcurrency: '1' }, '40'); // expires at 70 s
    await t.advance(65);
    expect(await statusesById(t.ssm, cmd.CommandId!)).toEqual({ [iid(1)]: 'Success/Success', [iid(2)]: 'Success/Success', [iid(3)]: 'InProgress/InProgress' });
    await t.advance(5);
    expect(await statusesById(t.ssm, cmd.CommandId!)).toEqual({ [iid(1)]: 'Success/Success', [iid(2)]: 'Success/Success', [iid(3)]: 'TimedOut/DeliveryTimedOut' });
    expect(await command(t.ssm, cmd.CommandId!)).toMatchObject({ Status: 'TimedOut', StatusDetails: 'DeliveryTimedOut', DeliveryTimedOutCount: 1, CompletedCount: 3 });
  });

  it('a node removed before it received the command: Failed / Undeliverable, which does not keep the command from Success', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await addNode(t.http, { InstanceId: iid(2), AgentRunning: false });
    const cmd = await send([iid(1), iid(2)], ['true']);
    await t.advance(2);
    expect((await t.http.delete(`/_emulator/fleet/instances/${iid(2)}`)).status).toBeLessThan(300);
    expect(await statusesById(t.ssm, cmd.CommandId!)).toEqual({ [iid(1)]: 'Success/Success', [iid(2)]: 'Failed/Undeliverable' });
    expect(await command(t.ssm, cmd.CommandId!)).toMatchObject({ Status: 'Success', StatusDetails: 'Success', ErrorCount: 0, CompletedCount: 2 });
  });
});

describe('execution timeout', () => {
  it('a script that runs past executionTimeout is stopped: TimedOut / ExecutionTimedOut, exit 137, the output written until then', async () => {
    await addNodes(t, 1);
    const cmd = await send([iid(1)], ['echo before', 'sleep 60', 'echo after'], {}, '10');
    await t.advance(10);
    expect((await invocation(t.ssm, cmd.CommandId!, iid(1))).Status).toBe('InProgress');
    await t.advance(1);
    expect(await invocation(t.ssm, cmd.CommandId!, iid(1))).toMatchObject({
      Status: 'TimedOut',
      StatusDetails: 'ExecutionTimedOut',
      ResponseCode: 137,
      StandardOutputContent: 'before\n',
      StandardErrorContent: '',
      ExecutionElapsedTime: 'PT10S',
    });
    expect(await command(t.ssm, cmd.CommandId!)).toMatchObject({ Status: 'TimedOut', StatusDetails: 'ExecutionTimedOut', ErrorCount: 1 });
  });

  it('on Windows the stopped process reports -1', async () => {
    await addNode(t.http, { InstanceId: iid(1), Platform: 'windows-2022' });
    const out = await t.ssm.send(
      new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-RunPowerShellScript', Parameters: { commands: ['Start-Sleep -Seconds 600'], executionTimeout: ['30'] } }),
    );
    await t.advance(32);
    expect(await invocation(t.ssm, out.Command!.CommandId!, iid(1))).toMatchObject({ Status: 'TimedOut', StatusDetails: 'ExecutionTimedOut', ResponseCode: -1 });
  });

  it('the agent falls back to 3600 s for an execution timeout outside 5..172800 s', async () => {
    await addNodes(t, 1);
    const cmd = await send([iid(1)], ['sleep 3000'], {}, '3');
    expect(cmd.ExpiresAfter!.getTime() / 1000 - cmd.RequestedDateTime!.getTime() / 1000).toBe(30 + 3600);
    await t.advance(3002);
    expect((await invocation(t.ssm, cmd.CommandId!, iid(1))).Status).toBe('Success');
  });
});
