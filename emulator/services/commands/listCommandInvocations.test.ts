import { describe, expect, it } from 'vitest';
import { ListCommandInvocationsCommand, ListCommandsCommand, SendCommandCommand, paginateListCommandInvocations, type CommandInvocation } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, expectError, iid } from './testkit.js';

const t = useEmulator();

async function send(ids: string[], commands: string[], extra: Record<string, unknown> = {}) {
  const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: ids, DocumentName: 'AWS-RunShellScript', Parameters: { commands }, ...extra }));
  return out.Command!.CommandId!;
}
const list = async (input: ConstructorParameters<typeof ListCommandInvocationsCommand>[0] = {}) => (await t.ssm.send(new ListCommandInvocationsCommand(input))).CommandInvocations!;
const keys = (l: CommandInvocation[]) => l.map((i) => `${i.CommandId!.slice(0, 4)}:${i.InstanceId!.slice(-1)}`);

describe('ListCommandInvocations', () => {
  it('lists invocations newest command first, each command\'s in target order; Details adds the plugins', async () => {
    await addNodes(t, 3, (k) => ({ ComputerName: `web-${k}.internal` }));
    const a = await send([iid(1)], ['echo a']);
    const b = await send([iid(3), iid(2)], ['echo b']);
    await t.advance(2);
    const plain = await list();
    expect(keys(plain)).toEqual([`${b.slice(0, 4)}:2`, `${b.slice(0, 4)}:3`, `${a.slice(0, 4)}:1`]);
    expect(plain[0]).toMatchObject({
      CommandId: b,
      InstanceId: iid(2),
      InstanceName: 'web-2.internal',
      DocumentName: 'AWS-RunShellScript',
      Status: 'Success',
      StatusDetails: 'Success',
      TraceOutput: '',
      StandardOutputUrl: '',
      StandardErrorUrl: '',
      CommandPlugins: [],
    });
    const detailed = await list({ CommandId: a, Details: true });
    expect(detailed[0].CommandPlugins).toEqual([
      {
        Name: 'aws:runShellScript',
        Status: 'Success',
        StatusDetails: 'Success',
        ResponseCode: 0,
        ResponseStartDateTime: new Date('2025-01-01T00:00:01Z'),
        ResponseFinishDateTime: new Date('2025-01-01T00:00:01.010Z'),
        Output: 'a\n',
        StandardOutputUrl: '',
        StandardErrorUrl: '',
        OutputS3Region: 'us-east-1',
        OutputS3BucketName: '',
        OutputS3KeyPrefix: '',
      },
    ]);
  });

  it('shows queued invocations with Pending plugins', async () => {
    await addNodes(t, 2);
    const id = await send([iid(1), iid(2)], ['sleep 10'], { MaxConcurrency: '1' });
    await t.advance(1);
    const [running, queued] = await list({ CommandId: id, Details: true });
    expect(running.CommandPlugins![0]).toMatchObject({ Status: 'InProgress', ResponseCode: -1, Output: '' });
    expect(queued.CommandPlugins![0]).toMatchObject({ Name: 'aws:runShellScript', Status: 'Pending', StatusDetails: 'Pending', ResponseCode: -1 });
    expect(queued.CommandPlugins![0].ResponseStartDateTime).toBeUndefined();
  });

  it('narrows by CommandId and InstanceId; an unknown command lists nothing', async () => {
    await addNodes(t, 2);
    const a = await send([iid(1), iid(2)], ['true']);
    const b = await send([iid(2)], ['true']);
    expect(keys(await list({ InstanceId: iid(2) }))).toEqual([`${b.slice(0, 4)}:2`, `${a.slice(0, 4)}:2`]);
    expect(keys(await list({ InstanceId: iid(1), CommandId: a }))).toEqual([`${a.slice(0, 4)}:1`]);
    expect(await list({ InstanceId: iid(1), CommandId: b })).toEqual([]);
    expect(await list({ CommandId: '00000000-0000-0000-0000-000000000000' })).toEqual([]);
  });

  it('filters by Status (invocation values), DocumentName and time; ExecutionStage is for ListCommands only', async () => {
    await addNodes(t, 3, (k) => (k === 3 ? { AgentRunning: false } : k === 2 ? { Behaviors: [{ Match: '.*', ExitCode: 2 }] } : {}));
    const id = await send([iid(1), iid(2), iid(3)], ['true'], { TimeoutSeconds: 30, Parameters: { commands: ['true'], executionTimeout: ['10'] }, MaxErrors: '5' });
    await t.advance(41);
    expect(keys(await list({ Filters: [{ key: 'Status', value: 'Success' }] }))).toEqual([`${id.slice(0, 4)}:1`]);
    expect(keys(await list({ Filters: [{ key: 'Status', value: 'Failed' }] }))).toEqual([`${id.slice(0, 4)}:2`]);
    expect(keys(await list({ Filters: [{ key: 'Status', value: 'TimedOut' }] }))).toEqual([`${id.slice(0, 4)}:3`]);
    expect(keys(await list({ Filters: [{ key: 'Status', value: 'DeliveryTimedOut' }] }))).toEqual([`${id.slice(0, 4)}:3`]);
    expect(await list({ Filters: [{ key: 'Status', value: 'ExecutionTimedOut' }] })).toEqual([]);
    expect(await list({ Filters: [{ key: 'DocumentName', value: 'AWS-RunPowerShellScript' }] })).toEqual([]);
    expect(await list({ Filters: [{ key: 'InvokedBefore', value: '2024-12-31T23:59:59Z' }] })).toEqual([]);
    expect(await list({ Filters: [{ key: 'InvokedAfter', value: '2024-12-31T23:59:59Z' }] })).toHaveLength(3);
    await expectError(t.ssm.send(new ListCommandInvocationsCommand({ Filters: [{ key: 'ExecutionStage', value: 'Complete' }] })), 'InvalidFilterKey', /only be used with ListCommands/);
    await expectError(t.ssm.send(new ListCommandInvocationsCommand({ Filters: [{ key: 'Status', value: 'Incomplete' }] })), 'InvalidFilterKey');
    await expectError(t.ssm.send(new ListCommandInvocationsCommand({ Filters: [{ key: 'InvokedBefore', value: '01/02/2025' }] })), 'InvalidFilterKey');
  });

  it('pages across commands with MaxResults and NextToken (also with the SDK paginator)', async () => {
    await addNodes(t, 5);
    const a = await send([iid(1), iid(2), iid(3)], ['true']);
    const b = await send([iid(4), iid(5)], ['true']);
    const p1 = await t.ssm.send(new ListCommandInvocationsCommand({ MaxResults: 3 }));
    expect(keys(p1.CommandInvocations!)).toEqual([`${b.slice(0, 4)}:4`, `${b.slice(0, 4)}:5`, `${a.slice(0, 4)}:1`]);
    const p2 = await t.ssm.send(new ListCommandInvocationsCommand({ MaxResults: 3, NextToken: p1.NextToken }));
    expect(keys(p2.CommandInvocations!)).toEqual([`${a.slice(0, 4)}:2`, `${a.slice(0, 4)}:3`]);
    expect(p2.NextToken).toBeUndefined();
    const seen: CommandInvocation[] = [];
    for await (const page of paginateListCommandInvocations({ client: t.ssm, pageSize: 1 }, { CommandId: a })) seen.push(...(page.CommandInvocations ?? []));
    expect(seen.map((i) => i.InstanceId)).toEqual([iid(1), iid(2), iid(3)]);
    // A ListCommands token is not a ListCommandInvocations token.
    const cmds = await t.ssm.send(new ListCommandsCommand({ MaxResults: 1 }));
    await expectError(t.ssm.send(new ListCommandInvocationsCommand({ NextToken: cmds.NextToken })), 'InvalidNextToken');
    await expectError(t.ssm.send(new ListCommandInvocationsCommand({ NextToken: 'x.y' })), 'InvalidNextToken');
  });
});
