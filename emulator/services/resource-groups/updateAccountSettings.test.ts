import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateGroupCommand,
  DeleteGroupCommand,
  GetAccountSettingsCommand,
  GroupResourcesCommand,
  UpdateAccountSettingsCommand,
  UpdateGroupCommand,
  type ResourceGroupsClient,
} from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, rgClient, tagQuery } from '../../testing/fleet.js';
import { CAPACITY_POOL, ec2, reservation } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());
const events = async () => (await t.http.get('/_emulator/events?source=aws.resource-groups')).body.events as { 'detail-type': string; resources: string[]; detail: any }[];
const turnOn = async () => {
  await rg.send(new UpdateAccountSettingsCommand({ GroupLifecycleEventsDesiredStatus: 'ACTIVE' }));
  await t.advance(30);
};

describe('UpdateAccountSettings (group lifecycle events)', () => {
  it('turns lifecycle events on: IN_PROGRESS for 30 seconds, then ACTIVE; and off again', async () => {
    const out = await rg.send(new UpdateAccountSettingsCommand({ GroupLifecycleEventsDesiredStatus: 'ACTIVE' }));
    expect(out.AccountSettings).toEqual({ GroupLifecycleEventsDesiredStatus: 'ACTIVE', GroupLifecycleEventsStatus: 'IN_PROGRESS' });
    await expectError(rg.send(new UpdateAccountSettingsCommand({ GroupLifecycleEventsDesiredStatus: 'INACTIVE' })), 'BadRequestException', /still in progress/);
    await t.advance(29);
    expect((await rg.send(new GetAccountSettingsCommand({}))).AccountSettings!.GroupLifecycleEventsStatus).toBe('IN_PROGRESS');
    await t.advance(1);
    expect((await rg.send(new GetAccountSettingsCommand({}))).AccountSettings).toEqual({ GroupLifecycleEventsDesiredStatus: 'ACTIVE', GroupLifecycleEventsStatus: 'ACTIVE' });
    // Asking for what is already in effect changes nothing.
    expect((await rg.send(new UpdateAccountSettingsCommand({ GroupLifecycleEventsDesiredStatus: 'ACTIVE' }))).AccountSettings!.GroupLifecycleEventsStatus).toBe('ACTIVE');
    await rg.send(new UpdateAccountSettingsCommand({ GroupLifecycleEventsDesiredStatus: 'INACTIVE' }));
    await t.advance(30);
    expect((await rg.send(new GetAccountSettingsCommand({}))).AccountSettings!.GroupLifecycleEventsStatus).toBe('INACTIVE');
  });

  it('sends no events while off', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'g' }));
    expect(await events()).toEqual([]);
  });

  it("while on, sends state changes (create, update, delete) in the user guide's format", async () => {
    await turnOn();
    await rg.send(new CreateGroupCommand({ Name: 'svc', ResourceQuery: tagQuery([{ Key: 'project', Values: ['svc'] }], ['AWS::EC2::Instance']) }));
    await rg.send(new UpdateGroupCommand({ Group: 'svc', Description: 'the service' }));
    await rg.send(new DeleteGroupCommand({ Group: 'svc' }));
    const list = await events();
    expect(list.map((e) => [e['detail-type'], e.detail['state-change'], e.detail['event-sequence']])).toEqual([
      ['ResourceGroups Group State Change', 'create', 1],
      ['ResourceGroups Group State Change', 'update', 2],
      ['ResourceGroups Group State Change', 'delete', 3],
    ]);
    const [create, update] = list;
    expect(create.resources).toEqual(['arn:aws:resource-groups:us-east-1:000000000000:group/svc']);
    expect(create.detail.group).toMatchObject({ arn: 'arn:aws:resource-groups:us-east-1:000000000000:group/svc', name: 'svc', 'unique-id': expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(create.detail['new-state']['resource-query']).toEqual({ type: 'TAG_FILTERS_1_0', query: tagQuery([{ Key: 'project', Values: ['svc'] }], ['AWS::EC2::Instance']).Query });
    expect(update.detail).toMatchObject({ 'new-state': { description: 'the service' }, 'old-state': {} });
  });

  it('while on, sends membership changes: first members, grouped resources, nodes that gain or lose the tags', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { project: 'svc' } });
    await addNode(t.http, { InstanceId: 'i-00000000000000002' });
    await turnOn();
    await rg.send(new CreateGroupCommand({ Name: 'svc', ResourceQuery: tagQuery([{ Key: 'project', Values: ['svc'] }]) }));
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000002').send({ Tags: { project: 'svc' } });
    await t.http.delete('/_emulator/fleet/instances/i-00000000000000001');
    await rg.send(new CreateGroupCommand({ Name: 'pool', Configuration: CAPACITY_POOL }));
    await rg.send(new GroupResourcesCommand({ Group: 'pool', ResourceArns: [reservation('cr-00000000000000001')] }));
    const membership = (await events()).filter((e) => e['detail-type'] === 'ResourceGroups Group Membership Change');
    expect(membership.map((e) => [e.detail.group.name, e.detail.resources.map((r: any) => `${r['membership-change']} ${r.arn}`)])).toEqual([
      ['svc', [`add ${ec2('i-00000000000000001')}`]],
      ['svc', [`add ${ec2('i-00000000000000002')}`]],
      ['svc', [`remove ${ec2('i-00000000000000001')}`]],
      ['pool', [`add ${reservation('cr-00000000000000001')}`]],
    ]);
    expect(membership[3].resources).toEqual(['arn:aws:resource-groups:us-east-1:000000000000:group/pool', reservation('cr-00000000000000001')]);
    expect(membership[3].detail.resources[0]['resource-type']).toBe('AWS::EC2::CapacityReservation');
  });

  it('refuses a value outside the enum as the model does', async () => {
    await expectError(rg.send(new UpdateAccountSettingsCommand({ GroupLifecycleEventsDesiredStatus: 'ON' as 'ACTIVE' })), 'BadRequestException');
  });
});
