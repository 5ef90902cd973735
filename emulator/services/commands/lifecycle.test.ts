/**
 * What happens around a command's run: EventBridge status-change events, 30 days of history, the SDK
 * waiter, regions and accounts, snapshots.
 */
import { describe, expect, it } from 'vitest';
import {
  GetCommandInvocationCommand,
  ListCommandInvocationsCommand,
  ListCommandsCommand,
  SendCommandCommand,
  waitUntilCommandExecuted,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, addNodes, expectError, iid, invocation } from './testkit.js';

const t = useEmulator();

async function send(ids: string[], commands: string[], extra: Record<string, unknown> = {}) {
  const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: ids, DocumentName: 'AWS-RunShellScript', Parameters: { commands }, ...extra }));
  return out.Command!.CommandId!;
}

describe('EventBridge events', () => {
  it('emits command and invocation status changes with AWS\'s detail shape', async () => {
    await addNodes(t, 2);
    const id = await send([iid(1), iid(2)], ['echo hi']);
    await t.advance(2);
    const events = (await t.http.get('/_emulator/events?source=aws.ssm')).body.events as any[];
    const summary = events.map((e) => `${e['detail-type'] === 'EC2 Command Status-change Notification' ? 'command' : `invocation ${e.detail['instance-id'].slice(-1)}`} ${e.detail.status} @${e.time.slice(11, 19)}`);
    expect(summary).toEqual([
      'command InProgress @00:00:00',
      'invocation 1 InProgress @00:00:01',
      'invocation 2 InProgress @00:00:01',
      'invocation 1 Success @00:00:01',
      'invocation 2 Success @00:00:01',
      'command Success @00:00:01',
    ]);
    const command = events[events.length - 1];
    expect(command).toMatchObject({
      version: '0',
      source: 'aws.ssm',
      'detail-type': 'EC2 Command Status-change Notification',
      account: '000000000000',
      region: 'us-east-1',
      resources: [`arn:aws:ec2:us-east-1:000000000000:instance/${iid(1)}`, `arn:aws:ec2:us-east-1:000000000000:instance/${iid(2)}`],
      detail: {
        'command-id': id,
        'document-name': 'AWS-RunShellScript',
        'expire-after': '2025-01-01T02:00:00.000Z',
        parameters: { commands: ['echo hi'] },
        'requested-date-time': '2025-01-01T00:00:00.000Z',
        status: 'Success',
      },
    });
    expect(events[1]).toMatchObject({
      'detail-type': 'EC2 Command Invocation Status-change Notification',
      resources: [`arn:aws:ec2:us-east-1:000000000000:instance/${iid(1)}`],
      detail: { 'command-id': id, 'document-name': 'AWS-RunShellScript', 'instance-id': iid(1), 'requested-date-time': '2025-01-01T00:00:00.000Z', status: 'InProgress' },
    });
  });

  it('hybrid nodes are named by their managed-instance ARN; cancels and time-outs are events too', async () => {
    await addNode(t.http, { InstanceId: 'mi-00000000000000001', AgentRunning: false });
    const id = await send(['mi-00000000000000001'], ['true']);
    await t.ssm.send(new (await import('@aws-sdk/client-ssm')).CancelCommandCommand({ CommandId: id }));
    await t.advance(2);
    const events = (await t.http.get('/_emulator/events')).body.events as any[];
    expect(events.map((e) => `${e['detail-type'].split(' ')[2]} ${e.detail.status}`)).toEqual([
      'Status-change InProgress',
      'Status-change Cancelling',
      'Invocation Cancelling',
      'Invocation Cancelled',
      'Status-change Cancelled',
    ]);
    expect(events[2].resources).toEqual(['arn:aws:ssm:us-east-1:000000000000:managed-instance/mi-00000000000000001']);
  });
});

describe('history', () => {
  it('commands and invocations are kept 30 days of virtual time, then disappear', async () => {
    await addNodes(t, 1);
    const old = await send([iid(1)], ['echo old']);
    await t.advance(24 * 3600);
    const newer = await send([iid(1)], ['echo newer']);
    await t.advance(29 * 24 * 3600 - 1);
    expect((await t.ssm.send(new ListCommandsCommand({}))).Commands!.map((c) => c.CommandId)).toEqual([newer, old]);
    expect((await invocation(t.ssm, old, iid(1))).StandardOutputContent).toBe('old\n');
    await t.advance(1);
    expect((await t.ssm.send(new ListCommandsCommand({}))).Commands!.map((c) => c.CommandId)).toEqual([newer]);
    await expectError(t.ssm.send(new GetCommandInvocationCommand({ CommandId: old, InstanceId: iid(1) })), 'InvocationDoesNotExist');
    await expectError(t.ssm.send(new ListCommandsCommand({ CommandId: old })), 'InvalidCommandId');
    expect((await t.ssm.send(new ListCommandInvocationsCommand({}))).CommandInvocations!.map((i) => i.CommandId)).toEqual([newer]);
    await t.advance(24 * 3600);
    expect((await t.ssm.send(new ListCommandsCommand({}))).Commands).toEqual([]);
    expect(t.emu.scheduler.list().filter((x) => x.kind.startsWith('commands.'))).toEqual([]);
  });

  it('commands are regional and per account', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await addNode(t.http, { InstanceId: iid(1), region: 'eu-west-1' });
    await send([iid(1)], ['true']);
    const eu = t.client({ region: 'eu-west-1' });
    expect((await eu.send(new ListCommandsCommand({}))).Commands).toEqual([]);
    expect((await t.client({ account: '111122223333' }).send(new ListCommandsCommand({}))).Commands).toEqual([]);
    await eu.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['true'] } }));
    expect((await eu.send(new ListCommandsCommand({}))).Commands).toHaveLength(1);
  });

  it('a snapshot taken mid-run restores the run, which carries on', async () => {
    await addNodes(t, 1);
    const id = await send([iid(1)], ['sleep 10', 'echo done']);
    await t.advance(3);
    const snap = (await t.http.get('/_emulator/state')).body;
    await t.advance(20);
    expect((await invocation(t.ssm, id, iid(1))).Status).toBe('Success');
    expect((await t.http.post('/_emulator/state').send(snap)).status).toBe(200);
    expect((await invocation(t.ssm, id, iid(1))).Status).toBe('InProgress');
    await t.advance(9);
    expect(await invocation(t.ssm, id, iid(1))).toMatchObject({ Status: 'Success', StandardOutputContent: 'done\n' });
  });
});

describe('waitUntilCommandExecuted', () => {
  it('with a frozen clock, succeeds while a parallel loop advances virtual time', async () => {
    await addNodes(t, 1);
    const id = await send([iid(1)], ['sleep 30', 'echo waited']);
    let done = false;
    const ticker = (async () => {
      while (!done) {
        await t.advance(5);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const result = await waitUntilCommandExecuted({ client: t.ssm, maxWaitTime: 20, minDelay: 0.05, maxDelay: 0.1 }, { CommandId: id, InstanceId: iid(1) });
    done = true;
    await ticker;
    expect(result.state).toBe('SUCCESS');
    expect((result.reason as any).StandardOutputContent).toBe('waited\n');
  });

  it('reports a failed command as a failure of the waiter', async () => {
    await addNodes(t, 1);
    const id = await send([iid(1)], ['exit 1']);
    await t.advance(2);
    await expect(waitUntilCommandExecuted({ client: t.ssm, maxWaitTime: 5, minDelay: 0.05, maxDelay: 0.1 }, { CommandId: id, InstanceId: iid(1) })).rejects.toThrow(/FAILURE/);
  });

  it('in real (or scaled) clock mode, succeeds without any clock call', async () => {
    await addNodes(t, 1);
    t.emu.clock.set({ mode: 'scaled', rate: 20 });
    const id = await send([iid(1)], ['sleep 4', 'echo real']);
    const result = await waitUntilCommandExecuted({ client: t.ssm, maxWaitTime: 20, minDelay: 0.1, maxDelay: 0.2 }, { CommandId: id, InstanceId: iid(1) });
    expect(result.state).toBe('SUCCESS');
    t.emu.clock.set({ mode: 'frozen' });
  });
});
