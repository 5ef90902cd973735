import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetGroupCommand, StartTagSyncTaskCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { PutParameterCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, rgClient, tagQuery } from '../../testing/fleet.js';
import { APPLICATION, ROLE, createConfigured, ec2, memberArns } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());
const members = (Group: string) => memberArns(rg, Group);

describe('StartTagSyncTask', () => {
  it('makes an application group follow a tag: tagged resources join, untagged ones leave', async () => {
    const { Group } = await createConfigured(rg, 'shop', APPLICATION);
    expect(Group!.GroupArn).toMatch(/^arn:aws:resource-groups:us-east-1:000000000000:group\/shop\/[a-z0-9]{26}$/);
    expect(Group!.ApplicationTag).toEqual({ awsApplication: Group!.GroupArn });
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Project: 'Blue' } });
    await addNode(t.http, { InstanceId: 'i-00000000000000002', Tags: { Project: 'Red' } });
    await t.ssm.send(new PutParameterCommand({ Name: '/blue/url', Value: 'x', Type: 'String', Tags: [{ Key: 'Project', Value: 'Blue' }] }));
    const out = await rg.send(new StartTagSyncTaskCommand({ Group: 'shop', TagKey: 'Project', TagValue: 'Blue', RoleArn: ROLE }));
    expect(out).toMatchObject({ GroupArn: Group!.GroupArn, GroupName: 'shop', TagKey: 'Project', TagValue: 'Blue', RoleArn: ROLE });
    expect(out.TaskArn).toMatch(new RegExp(`^${Group!.GroupArn}/tag-sync-task/[a-z0-9]{26}$`));
    expect(await members('shop')).toEqual([ec2('i-00000000000000001'), 'arn:aws:ssm:us-east-1:000000000000:parameter/blue/url']);
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000002').send({ Tags: { Project: 'Blue' } });
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ Tags: { Project: 'Green' } });
    expect(await members('shop')).toEqual([ec2('i-00000000000000002'), 'arn:aws:ssm:us-east-1:000000000000:parameter/blue/url']);
    // The application's members are targets of resource-groups:Name.
    const { Command } = await t.ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'resource-groups:Name', Values: ['shop'] }], Parameters: { commands: ['uptime'] } }));
    expect(Command!.TargetCount).toBe(1);
  });

  it('takes a tag query instead of a key and value, and the group by its ARN', async () => {
    const { Group } = await createConfigured(rg, 'shop', APPLICATION);
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Stage: 'Test' } });
    await rg.send(new StartTagSyncTaskCommand({ Group: Group!.GroupArn, ResourceQuery: tagQuery([{ Key: 'Stage', Values: ['Test'] }]), RoleArn: ROLE }));
    expect(await members('shop')).toEqual([ec2('i-00000000000000001')]);
    expect((await rg.send(new GetGroupCommand({ Group: `shop/${Group!.GroupArn!.split('/').pop()}` }))).Group!.Name).toBe('shop');
  });

  it.each([
    ['both a tag and a query', { TagKey: 'a', TagValue: 'b', ResourceQuery: tagQuery([{ Key: 'a' }]) }, /either TagKey and TagValue, or a ResourceQuery/],
    ['neither', {}, /either TagKey and TagValue/],
    ['a key without a value', { TagKey: 'a' }, /together/],
    ['a CloudFormation query', { ResourceQuery: { Type: 'CLOUDFORMATION_STACK_1_0' as const, Query: '{}' } }, /TAG_FILTERS_1_0/],
  ])('refuses %s (BadRequestException)', async (_what, extra, message) => {
    await createConfigured(rg, 'shop', APPLICATION);
    await expectError(rg.send(new StartTagSyncTaskCommand({ Group: 'shop', RoleArn: ROLE, ...extra })), 'BadRequestException', message);
  });

  it('refuses a group that is not an application group, and an unknown group', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'plain' }));
    await expectError(rg.send(new StartTagSyncTaskCommand({ Group: 'plain', TagKey: 'a', TagValue: 'b', RoleArn: ROLE })), 'BadRequestException', /isn't an application group/);
    await expectError(rg.send(new StartTagSyncTaskCommand({ Group: 'nope', TagKey: 'a', TagValue: 'b', RoleArn: ROLE })), 'NotFoundException', undefined, 404);
  });

  it('refuses a role that is not an IAM role ARN as the model does', async () => {
    await createConfigured(rg, 'shop', APPLICATION);
    await expectError(rg.send(new StartTagSyncTaskCommand({ Group: 'shop', TagKey: 'a', TagValue: 'b', RoleArn: 'not-a-role-arn-at-all' })), 'BadRequestException', /roleArn/);
  });
});
