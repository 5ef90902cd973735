import { describe, expect, it } from 'vitest';
import { ListCommandsCommand, SendCommandCommand, paginateListCommands, type Command } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, expectError, iid } from './testkit.js';

const t = useEmulator();

async function send(ids: string[], commands: string[], extra: Record<string, unknown> = {}) {
  const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: ids, DocumentName: 'AWS-RunShellScript', Parameters: { commands }, ...extra }));
  return out.Command!.CommandId!;
}
const list = async (input: ConstructorParameters<typeof ListCommandsCommand>[0] = {}) => (await t.ssm.send(new ListCommandsCommand(input))).Commands!;
const ids = (cs: Command[]) => cs.map((c) => c.CommandId);

describe('ListCommands', () => {
  it('lists the region\'s commands newest first, with their current status and counts', async () => {
    await addNodes(t, 2);
    const a = await send([iid(1)], ['true']);
    await t.advance(1);
    const b = await send([iid(1), iid(2)], ['sleep 30']);
    await t.advance(2);
    const out = await list();
    expect(ids(out)).toEqual([b, a]);
    expect(out[0]).toMatchObject({ Status: 'InProgress', TargetCount: 2, CompletedCount: 0 });
    expect(out[1]).toMatchObject({ Status: 'Success', TargetCount: 1, CompletedCount: 1 });
    expect(await list({ CommandId: a })).toHaveLength(1);
    expect(await t.client({ region: 'eu-west-1' }).send(new ListCommandsCommand({}))).toMatchObject({ Commands: [] });
  });

  it('InstanceId lists the commands that target the node', async () => {
    await addNodes(t, 2);
    const a = await send([iid(1)], ['true']);
    const b = await send([iid(2)], ['true']);
    const c = await send([iid(1), iid(2)], ['true']);
    expect(ids(await list({ InstanceId: iid(1) }))).toEqual([c, a]);
    expect(ids(await list({ InstanceId: iid(2), CommandId: b }))).toEqual([b]);
    expect(ids(await list({ InstanceId: iid(2), CommandId: a }))).toEqual([]);
  });

  it('filters by Status (Status or StatusDetails values), ExecutionStage, DocumentName, InvokedAfter and InvokedBefore', async () => {
    await addNodes(t, 2, (k) => (k === 2 ? { Behaviors: [{ Match: 'fail', ExitCode: 1 }] } : {}));
    const ok = await send([iid(1)], ['true']);
    const failed = await send([iid(2)], ['fail']);
    await t.advance(10);
    const running = await send([iid(1)], ['sleep 100']);
    const ps = await t.ssm.send(new SendCommandCommand({ InstanceIds: [iid(1)], DocumentName: 'AWS-RunPowerShellScript', Parameters: { commands: ['echo'] } }));
    await t.advance(2);
    expect(ids(await list({ Filters: [{ key: 'Status', value: 'Success' }] }))).toEqual([ps.Command!.CommandId, ok]);
    expect(ids(await list({ Filters: [{ key: 'Status', value: 'Failed' }] }))).toEqual([failed]);
    expect(ids(await list({ Filters: [{ key: 'Status', value: 'InProgress' }] }))).toEqual([running]);
    expect(ids(await list({ Filters: [{ key: 'Status', value: 'Incomplete' }] }))).toEqual([]);
    expect(ids(await list({ Filters: [{ key: 'ExecutionStage', value: 'Executing' }] }))).toEqual([running]);
    expect(ids(await list({ Filters: [{ key: 'ExecutionStage', value: 'Complete' }] }))).toEqual([ps.Command!.CommandId, failed, ok]);
    expect(ids(await list({ Filters: [{ key: 'DocumentName', value: 'AWS-RunPowerShellScript' }] }))).toEqual([ps.Command!.CommandId]);
    expect(ids(await list({ Filters: [{ key: 'InvokedAfter', value: '2025-01-01T00:00:05Z' }] }))).toEqual([ps.Command!.CommandId, running]);
    expect(ids(await list({ Filters: [{ key: 'InvokedBefore', value: '2025-01-01T00:00:05Z' }] }))).toEqual([failed, ok]);
    expect(
      ids(await list({ Filters: [{ key: 'InvokedAfter', value: '2025-01-01' }, { key: 'Status', value: 'Success' }, { key: 'DocumentName', value: 'AWS-RunShellScript' }] })),
    ).toEqual([ok]);
  });

  it('refuses filter values the API does not accept', async () => {
    await expectError(t.ssm.send(new ListCommandsCommand({ Filters: [{ key: 'Status', value: 'Done' }] })), 'InvalidFilterKey', /Invalid value Done for filter Status/);
    // Invocation-only statuses are not command statuses.
    await expectError(t.ssm.send(new ListCommandsCommand({ Filters: [{ key: 'Status', value: 'Undeliverable' }] })), 'InvalidFilterKey');
    await expectError(t.ssm.send(new ListCommandsCommand({ Filters: [{ key: 'ExecutionStage', value: 'Running' }] })), 'InvalidFilterKey', /Executing, Complete/);
    await expectError(t.ssm.send(new ListCommandsCommand({ Filters: [{ key: 'InvokedAfter', value: 'yesterday' }] })), 'InvalidFilterKey', /timestamp/);
    await expectError(t.ssm.send(new ListCommandsCommand({ Filters: [{ key: 'Nope' as never, value: 'x' }] })), 'ValidationException', /enum value set/);
    await expectError(t.ssm.send(new ListCommandsCommand({ Filters: [{ key: 'Status', value: '' }] })), 'ValidationException');
  });

  it('answers InvalidCommandId for a command that does not exist (or no longer does)', async () => {
    await expectError(t.ssm.send(new ListCommandsCommand({ CommandId: '00000000-0000-0000-0000-000000000000' })), 'InvalidCommandId');
  });

  it('pages with MaxResults and NextToken, and the token stays valid while commands are added', async () => {
    await addNodes(t, 1);
    const sent: string[] = [];
    for (let k = 0; k < 7; k++) sent.push(await send([iid(1)], [`echo ${k}`]));
    const first = await t.ssm.send(new ListCommandsCommand({ MaxResults: 3 }));
    expect(ids(first.Commands!)).toEqual(sent.slice(4).reverse());
    expect(first.NextToken).toBeDefined();
    await send([iid(1)], ['echo late']); // newer than the token: not in the following pages
    const second = await t.ssm.send(new ListCommandsCommand({ MaxResults: 3, NextToken: first.NextToken }));
    expect(ids(second.Commands!)).toEqual(sent.slice(1, 4).reverse());
    const third = await t.ssm.send(new ListCommandsCommand({ MaxResults: 3, NextToken: second.NextToken }));
    expect(ids(third.Commands!)).toEqual([sent[0]]);
    expect(third.NextToken).toBeUndefined();
    const all: Command[] = [];
    for await (const page of paginateListCommands({ client: t.ssm, pageSize: 2 }, {})) all.push(...(page.Commands ?? []));
    expect(all).toHaveLength(8);
  });

  it('refuses a token it did not issue', async () => {
    await expectError(t.ssm.send(new ListCommandsCommand({ NextToken: 'garbage' })), 'InvalidNextToken', "The specified token isn't valid.");
    await expectError(t.ssm.send(new ListCommandsCommand({ MaxResults: 51 })), 'ValidationException', /maxResults/);
  });
});
