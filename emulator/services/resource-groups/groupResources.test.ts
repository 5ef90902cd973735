import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, DeleteGroupCommand, GroupResourcesCommand, ListGroupResourcesCommand, ListGroupingStatusesCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, rgClient, tagQuery } from '../../testing/fleet.js';
import { APPLICATION, CAPACITY_POOL, createConfigured, ec2, host, HOST_MANAGEMENT, reservation } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());
const group = (Group: string, ResourceArns: string[]) => rg.send(new GroupResourcesCommand({ Group, ResourceArns }));
const members = async (Group: string) => (await rg.send(new ListGroupResourcesCommand({ Group }))).Resources!;

describe('GroupResources', () => {
  it('adds capacity reservations to a capacity-reservation pool at once; other types fail', async () => {
    await createConfigured(rg, 'pool', CAPACITY_POOL);
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    const out = await group('pool', [reservation('cr-0123456789abcdef0'), ec2('i-00000000000000001'), reservation('cr-0123456789abcdef0'.replace('0123', '9999'))]);
    expect(out.Succeeded).toEqual([reservation('cr-0123456789abcdef0'), reservation('cr-9999456789abcdef0')]);
    expect(out.Failed).toEqual([
      { ResourceArn: ec2('i-00000000000000001'), ErrorCode: 'UnsupportedResourceType', ErrorMessage: expect.stringMatching(/takes only AWS::EC2::CapacityReservation/) },
    ]);
    expect(out.Pending).toEqual([]);
    expect((await members('pool')).map((r) => r.Identifier)).toEqual([
      { ResourceArn: reservation('cr-0123456789abcdef0'), ResourceType: 'AWS::EC2::CapacityReservation' },
      { ResourceArn: reservation('cr-9999456789abcdef0'), ResourceType: 'AWS::EC2::CapacityReservation' },
    ]);
  });

  it('adds hosts to a host-management group asynchronously: Pending, then members after a few seconds', async () => {
    await createConfigured(rg, 'hosts', HOST_MANAGEMENT);
    const out = await group('hosts', [host('h-0123456789abcdef0')]);
    expect(out).toMatchObject({ Succeeded: [], Failed: [], Pending: [{ ResourceArn: host('h-0123456789abcdef0') }] });
    expect(await members('hosts')).toEqual([{ Identifier: { ResourceArn: host('h-0123456789abcdef0'), ResourceType: 'AWS::EC2::Host' }, Status: { Name: 'PENDING' } }]);
    expect((await rg.send(new ListGroupingStatusesCommand({ Group: 'hosts' }))).GroupingStatuses![0]).toMatchObject({ Action: 'GROUP', Status: 'IN_PROGRESS' });
    await t.advance(5);
    expect(await members('hosts')).toEqual([{ Identifier: { ResourceArn: host('h-0123456789abcdef0'), ResourceType: 'AWS::EC2::Host' } }]);
    expect((await rg.send(new ListGroupingStatusesCommand({ Group: 'hosts' }))).GroupingStatuses![0]).toMatchObject({ Action: 'GROUP', Status: 'SUCCESS' });
    // Adding a member again succeeds at once; deletion protection keeps the group until it is empty.
    expect((await group('hosts', [host('h-0123456789abcdef0')])).Succeeded).toEqual([host('h-0123456789abcdef0')]);
    await expectError(rg.send(new DeleteGroupCommand({ Group: 'hosts' })), 'BadRequestException', /deletion protection/);
  });

  it('adds any known resource of the account to an application group; unknown ones fail', async () => {
    await createConfigured(rg, 'shop', APPLICATION);
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    const out = await group('shop', [ec2('i-00000000000000001'), ec2('i-0000000000000000f'), host('h-0123456789abcdef0', 'eu-west-1')]);
    expect(out.Succeeded).toEqual([ec2('i-00000000000000001')]);
    expect(out.Failed!.map((f) => [f.ResourceArn, f.ErrorCode])).toEqual([
      [ec2('i-0000000000000000f'), 'ResourceNotFound'],
      [host('h-0123456789abcdef0', 'eu-west-1'), 'ResourceNotFound'],
    ]);
  });

  it("makes grouped nodes targets of resource-groups:Name, as the group's members", async () => {
    await createConfigured(rg, 'shop', APPLICATION);
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    await addNode(t.http, { InstanceId: 'i-00000000000000002' });
    await group('shop', [ec2('i-00000000000000002')]);
    const { Command } = await t.ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'resource-groups:Name', Values: ['shop'] }], Parameters: { commands: ['uptime'] } }));
    expect(Command!.TargetCount).toBe(1);
  });

  it('refuses a query group or a group without a groupable configuration (BadRequestException), and an unknown group', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'q', ResourceQuery: tagQuery([{ Key: 'a' }]) }));
    await expectError(group('q', [ec2('i-00000000000000001')]), 'BadRequestException', /GroupResources and UngroupResources work with/);
    await expectError(group('nope', [ec2('i-00000000000000001')]), 'NotFoundException', undefined, 404);
  });

  it('refuses more than 10 ARNs as the model does', async () => {
    await createConfigured(rg, 'pool', CAPACITY_POOL);
    const arns = Array.from({ length: 11 }, (_, i) => reservation(`cr-${String(i).padStart(17, '0')}`));
    await expectError(group('pool', arns), 'BadRequestException', /resourceArns/);
  });
});
