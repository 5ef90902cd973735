import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddTagsToResourceCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { CreateGroupCommand, ListGroupResourcesCommand, paginateListGroupResources, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, rgClient, tagQuery } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

const ec2 = (id: string) => `arn:aws:ec2:us-east-1:000000000000:instance/${id}`;
const members = async (Group: string, extra: Record<string, unknown> = {}) =>
  (await rg.send(new ListGroupResourcesCommand({ Group, ...extra }))).Resources!.map((r) => r.Identifier!.ResourceArn);

describe('ListGroupResources', () => {
  it('lists the members of a tag-query group with their types', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Env: 'prod' } });
    await addNode(t.http, { InstanceId: 'i-00000000000000002', Tags: { Env: 'dev' } });
    await addNode(t.http, { InstanceId: 'mi-00000000000000003', Tags: { Env: 'prod' } });
    await rg.send(new CreateGroupCommand({ Name: 'prod', ResourceQuery: tagQuery([{ Key: 'Env', Values: ['prod'] }]) }));
    const out = await rg.send(new ListGroupResourcesCommand({ Group: 'prod' }));
    expect(out.Resources).toEqual([
      { Identifier: { ResourceArn: ec2('i-00000000000000001'), ResourceType: 'AWS::EC2::Instance' } },
      { Identifier: { ResourceArn: 'arn:aws:ssm:us-east-1:000000000000:managed-instance/mi-00000000000000003', ResourceType: 'AWS::SSM::ManagedInstance' } },
    ]);
    expect(out.ResourceIdentifiers).toEqual(out.Resources!.map((r) => r.Identifier));
    expect(out.QueryErrors).toEqual([]);
  });

  it('is dynamic: a node that gains a matching tag is a member, a removed node is gone', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Env: 'prod' } });
    await addNode(t.http, { InstanceId: 'i-00000000000000002', Tags: { Env: 'dev' } });
    await addNode(t.http, { InstanceId: 'mi-00000000000000003' });
    await rg.send(new CreateGroupCommand({ Name: 'prod', ResourceQuery: tagQuery([{ Key: 'Env', Values: ['prod'] }]) }));
    expect(await members('prod')).toEqual([ec2('i-00000000000000001')]);
    // EC2 tags change through the control API (EC2 CreateTags), hybrid tags through SSM's AddTagsToResource.
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000002').send({ Tags: { Env: 'prod' } });
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'ManagedInstance', ResourceId: 'mi-00000000000000003', Tags: [{ Key: 'Env', Value: 'prod' }] }));
    expect(await members('prod')).toEqual([ec2('i-00000000000000001'), ec2('i-00000000000000002'), 'arn:aws:ssm:us-east-1:000000000000:managed-instance/mi-00000000000000003']);
    await t.http.delete('/_emulator/fleet/instances/i-00000000000000001');
    expect(await members('prod')).toEqual([ec2('i-00000000000000002'), 'arn:aws:ssm:us-east-1:000000000000:managed-instance/mi-00000000000000003']);
  });

  it('includes SSM resources that carry tags, and filters by resource type', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { App: 'shop' } });
    await t.ssm.send(new PutParameterCommand({ Name: '/shop/db-url', Value: 'x', Type: 'String', Tags: [{ Key: 'App', Value: 'shop' }] }));
    await t.ssm.send(new PutParameterCommand({ Name: '/other', Value: 'x', Type: 'String', Tags: [{ Key: 'App', Value: 'blog' }] }));
    await rg.send(new CreateGroupCommand({ Name: 'shop', ResourceQuery: tagQuery([{ Key: 'App', Values: ['shop'] }]) }));
    const all = await rg.send(new ListGroupResourcesCommand({ Group: 'shop' }));
    expect(all.Resources!.map((r) => [r.Identifier!.ResourceType, r.Identifier!.ResourceArn])).toEqual([
      ['AWS::EC2::Instance', ec2('i-00000000000000001')],
      ['AWS::SSM::Parameter', 'arn:aws:ssm:us-east-1:000000000000:parameter/shop/db-url'],
    ]);
    expect(await members('shop', { Filters: [{ Name: 'resource-type', Values: ['AWS::SSM::Parameter'] }] })).toEqual(['arn:aws:ssm:us-east-1:000000000000:parameter/shop/db-url']);
  });

  it('limits members to the query\'s resource types and reports a filter type outside them', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Env: 'prod' } });
    await addNode(t.http, { InstanceId: 'mi-00000000000000002', Tags: { Env: 'prod' } });
    await rg.send(new CreateGroupCommand({ Name: 'hybrid', ResourceQuery: tagQuery([{ Key: 'Env' }], ['AWS::SSM::ManagedInstance']) }));
    expect(await members('hybrid')).toEqual(['arn:aws:ssm:us-east-1:000000000000:managed-instance/mi-00000000000000002']);
    const out = await rg.send(new ListGroupResourcesCommand({ Group: 'hybrid', Filters: [{ Name: 'resource-type', Values: ['AWS::EC2::Instance'] }] }));
    expect(out.Resources).toEqual([]);
    expect(out.QueryErrors).toEqual([{ ErrorCode: 'RESOURCE_TYPE_NOT_SUPPORTED', Message: "Resource type AWS::EC2::Instance is not in the group's query." }]);
  });

  it('finds a CloudFormation stack\'s resources by their aws:cloudformation:stack-id tag, or reports the stack missing', async () => {
    const stack = 'arn:aws:cloudformation:us-east-1:000000000000:stack/web/1a2b3c4d-0000-1111-2222-333344445555';
    const q = { Type: 'CLOUDFORMATION_STACK_1_0' as const, Query: JSON.stringify({ ResourceTypeFilters: ['AWS::AllSupported'], StackIdentifier: stack }) };
    await rg.send(new CreateGroupCommand({ Name: 'stack', ResourceQuery: q }));
    const missing = await rg.send(new ListGroupResourcesCommand({ Group: 'stack' }));
    expect(missing.Resources).toEqual([]);
    expect(missing.QueryErrors).toEqual([{ ErrorCode: 'CLOUDFORMATION_STACK_NOT_EXISTING', Message: `Stack ${stack} does not exist.` }]);
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { 'aws:cloudformation:stack-id': stack, 'aws:cloudformation:logical-id': 'WebServer' } });
    const found = await rg.send(new ListGroupResourcesCommand({ Group: 'stack' }));
    expect(found.Resources!.map((r) => r.Identifier!.ResourceArn)).toEqual([ec2('i-00000000000000001')]);
    expect(found.QueryErrors).toEqual([]);
  });

  it('pages by MaxResults and NextToken', async () => {
    await t.http.post('/_emulator/fleet/load').send({ groups: [{ Count: 7, Tags: { Env: 'prod' } }] });
    await rg.send(new CreateGroupCommand({ Name: 'prod', ResourceQuery: tagQuery([{ Key: 'Env' }]) }));
    const arns: string[] = [];
    for await (const page of paginateListGroupResources({ client: rg, pageSize: 3 }, { Group: 'prod' })) {
      expect(page.Resources!.length).toBeLessThanOrEqual(3);
      arns.push(...page.Resources!.map((r) => r.Identifier!.ResourceArn!));
    }
    expect(arns).toHaveLength(7);
    expect([...arns].sort()).toEqual(arns);
  });

  it('answers NotFoundException for an unknown group and BadRequestException for a bad token', async () => {
    await expectError(rg.send(new ListGroupResourcesCommand({ Group: 'nope' })), 'NotFoundException', 'Cannot find group nope.', 404);
    await rg.send(new CreateGroupCommand({ Name: 'g', ResourceQuery: tagQuery([{ Key: 'Env' }]) }));
    await expectError(rg.send(new ListGroupResourcesCommand({ Group: 'g', NextToken: 'AAAA' })), 'BadRequestException', 'The NextToken is not valid.');
  });
});
