import { describe, expect, it } from 'vitest';
import { CancelCommandCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, addNodes, command, expectError, iid, invocation, invocationsOf, statusesById } from './testkit.js';

const t = useEmulator();

async function send(ids: string[], commands: string[], extra: Record<string, unknown> = {}) {
  const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: ids, DocumentName: 'AWS-RunShellScript', Parameters: { commands }, ...extra }));
  return out.Command!.CommandId!;
}

describe('CancelCommand', () => {
  it('cancels running, sent and queued invocations: Cancelling, then Cancelled; the command ends Cancelled', async () => {
    await addNodes(t, 3);
    await addNode(t.http, { InstanceId: iid(4), AgentRunning: false });
    const id = await send([iid(1), iid(2), iid(3), iid(4)], ['echo started', 'sleep 100', 'echo never'], { MaxConcurrency: '3' });
    await t.advance(3); // 1..3 running; 4 queued
    await t.ssm.send(new CancelCommandCommand({ CommandId: id }));
    expect(await statusesById(t.ssm, id)).toEqual({
      [iid(1)]: 'Cancelling/Cancelling',
      [iid(2)]: 'Cancelling/Cancelling',
      [iid(3)]: 'Cancelling/Cancelling',
      [iid(4)]: 'Cancelling/Cancelling',
    });
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Cancelling', StatusDetails: 'Cancelling' });
    await t.advance(1);
    expect(await statusesById(t.ssm, id)).toEqual({
      [iid(1)]: 'Cancelled/Cancelled',
      [iid(2)]: 'Cancelled/Cancelled',
      [iid(3)]: 'Cancelled/Cancelled',
      [iid(4)]: 'Cancelled/Cancelled',
    });
    // The running script stopped where it was: its output until then, the agent's stopped exit code.
    expect(await invocation(t.ssm, id, iid(1))).toMatchObject({ Status: 'Cancelled', StatusDetails: 'Cancelled', StandardOutputContent: 'started\n', ResponseCode: 137 });
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Cancelled', StatusDetails: 'Cancelled', CompletedCount: 4, ErrorCount: 0 });
    // Nothing runs on: the cancelled command does not resume when time passes.
    await t.advance(200);
    expect((await invocation(t.ssm, id, iid(1))).StandardOutputContent).toBe('started\n');
  });

  it('cancels only the given nodes; the others carry on and the command ends by AWS rules', async () => {
    await addNodes(t, 2);
    const id = await send([iid(1), iid(2)], ['sleep 10']);
    await t.advance(2);
    await t.ssm.send(new CancelCommandCommand({ CommandId: id, InstanceIds: [iid(2)] }));
    await t.advance(1);
    expect(await statusesById(t.ssm, id)).toEqual({ [iid(1)]: 'InProgress/InProgress', [iid(2)]: 'Cancelled/Cancelled' });
    expect((await command(t.ssm, id)).Status).toBe('InProgress');
    await t.advance(10);
    expect(await statusesById(t.ssm, id)).toEqual({ [iid(1)]: 'Success/Success', [iid(2)]: 'Cancelled/Cancelled' });
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Success', StatusDetails: 'Incomplete', CompletedCount: 2 });
  });

  it('a pending invocation waiting for an offline agent is cancelled and does not run when the agent returns', async () => {
    await addNode(t.http, { InstanceId: iid(1), AgentRunning: false });
    const id = await send([iid(1)], ['echo hi']);
    await t.advance(5);
    await t.ssm.send(new CancelCommandCommand({ CommandId: id, InstanceIds: [iid(1)] }));
    await t.http.post(`/_emulator/fleet/instances/${iid(1)}/start-agent`).send({});
    await t.advance(5);
    expect(await invocation(t.ssm, id, iid(1))).toMatchObject({ Status: 'Cancelled', StandardOutputContent: '' });
    const [inv] = await invocationsOf(t.ssm, id, true);
    expect(inv.CommandPlugins![0]).toMatchObject({ Status: 'Cancelled', StatusDetails: 'Cancelled' });
  });

  it('a finished command is left as it is (the call succeeds)', async () => {
    await addNodes(t, 1);
    const id = await send([iid(1)], ['true']);
    await t.advance(2);
    await t.ssm.send(new CancelCommandCommand({ CommandId: id }));
    await t.advance(2);
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Success', StatusDetails: 'Success' });
  });

  it('answers InvalidCommandId, InvalidInstanceId and DuplicateInstanceId', async () => {
    await addNodes(t, 2);
    const id = await send([iid(1)], ['sleep 10']);
    await expectError(t.ssm.send(new CancelCommandCommand({ CommandId: '00000000-0000-0000-0000-000000000000' })), 'InvalidCommandId');
    await expectError(t.ssm.send(new CancelCommandCommand({ CommandId: id, InstanceIds: [iid(2)] })), 'InvalidInstanceId', /are not targets of command/);
    await expectError(t.ssm.send(new CancelCommandCommand({ CommandId: id, InstanceIds: [iid(1), iid(1)] })), 'DuplicateInstanceId');
    await expectError(t.client({ region: 'eu-west-1' }).send(new CancelCommandCommand({ CommandId: id })), 'InvalidCommandId');
    // Nothing was cancelled by the failed calls.
    await t.advance(1);
    expect((await invocation(t.ssm, id, iid(1))).Status).toBe('InProgress');
  });
});
