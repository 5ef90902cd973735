import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetGroupCommand, ListGroupsCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient, tagQuery } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

const stackQuery = (types = ['AWS::AllSupported']) => ({
  Type: 'CLOUDFORMATION_STACK_1_0' as const,
  Query: JSON.stringify({ ResourceTypeFilters: types, StackIdentifier: 'arn:aws:cloudformation:us-east-1:000000000000:stack/web/1a2b3c4d-0000-1111-2222-333344445555' }),
});

describe('CreateGroup', () => {
  it('creates a tag-query group and answers the group, its query and its tags', async () => {
    const q = tagQuery([{ Key: 'Env', Values: ['prod'] }], ['AWS::EC2::Instance']);
    const out = await rg.send(new CreateGroupCommand({ Name: 'prod-web', Description: 'prod web servers', ResourceQuery: q, Tags: { Team: 'ops' }, Criticality: 2, Owner: 'ops@example.com', DisplayName: 'Prod web' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.Group).toEqual({
      GroupArn: 'arn:aws:resource-groups:us-east-1:000000000000:group/prod-web',
      Name: 'prod-web',
      Description: 'prod web servers',
      Criticality: 2,
      Owner: 'ops@example.com',
      DisplayName: 'Prod web',
    });
    expect(out.ResourceQuery).toEqual(q);
    expect(out.Tags).toEqual({ Team: 'ops' });
    expect((await rg.send(new GetGroupCommand({ Group: 'prod-web' }))).Group!.Name).toBe('prod-web');
  });

  it('creates a CloudFormation stack group and a group without a query', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'stack', ResourceQuery: stackQuery() }));
    const bare = await rg.send(new CreateGroupCommand({ Name: 'bare' }));
    expect(bare.ResourceQuery).toBeUndefined();
    expect((await rg.send(new ListGroupsCommand({}))).GroupIdentifiers!.map((g) => g.GroupName)).toEqual(['bare', 'stack']);
  });

  it('a group may be named like a built-in object key (__proto__, constructor) and is kept as a group', async () => {
    for (const Name of ['__proto__', 'constructor']) {
      await rg.send(new CreateGroupCommand({ Name, ResourceQuery: tagQuery([{ Key: 'Env', Values: ['prod'] }]) }));
      expect((await rg.send(new GetGroupCommand({ Group: Name }))).Group?.Name).toBe(Name);
    }
    const names = (await rg.send(new ListGroupsCommand({}))).GroupIdentifiers?.map((g) => g.GroupName);
    expect(names).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });

  it('keeps groups per account and region', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'g' }));
    const eu = rgClient(t.endpoint, { region: 'eu-west-1' });
    try {
      expect((await eu.send(new ListGroupsCommand({}))).GroupIdentifiers).toEqual([]);
      const out = await eu.send(new CreateGroupCommand({ Name: 'g' }));
      expect(out.Group!.GroupArn).toBe('arn:aws:resource-groups:eu-west-1:000000000000:group/g');
    } finally {
      eu.destroy();
    }
  });

  it('refuses a name that exists, or that starts with AWS', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'g' }));
    await expectError(rg.send(new CreateGroupCommand({ Name: 'g' })), 'BadRequestException', 'Cannot create group: group g already exists.');
    await expectError(rg.send(new CreateGroupCommand({ Name: 'aws-things' })), 'BadRequestException', /cannot start with AWS/);
    await expectError(rg.send(new CreateGroupCommand({ Name: 'AWSThings' })), 'BadRequestException');
  });

  it.each([
    ['not JSON', { Type: 'TAG_FILTERS_1_0' as const, Query: '{' }, /the Query string is not JSON/],
    ['no tag filters', { Type: 'TAG_FILTERS_1_0' as const, Query: JSON.stringify({ ResourceTypeFilters: ['AWS::AllSupported'] }) }, /TagFilters must be a non-empty list/],
    ['an unknown member', { Type: 'TAG_FILTERS_1_0' as const, Query: JSON.stringify({ TagFilters: [{ Key: 'a' }], Color: 1 }) }, /Color is not a member/],
    ['AllSupported with other types', tagQuery([{ Key: 'a' }], ['AWS::AllSupported', 'AWS::EC2::Instance']), /cannot be combined/],
    ['a malformed type', tagQuery([{ Key: 'a' }], ['EC2 instances']), /is not a resource type/],
    ['an empty tag key', tagQuery([{ Key: '' }]), /Key must be a tag key/],
    ['a stack that is not an ARN', { Type: 'CLOUDFORMATION_STACK_1_0' as const, Query: JSON.stringify({ StackIdentifier: 'web' }) }, /StackIdentifier must be the ARN/],
  ])('refuses a query with %s (BadRequestException) and creates nothing', async (_what, ResourceQuery, message) => {
    await expectError(rg.send(new CreateGroupCommand({ Name: 'g', ResourceQuery })), 'BadRequestException', message);
    expect((await rg.send(new ListGroupsCommand({}))).GroupIdentifiers).toEqual([]);
  });

  it('refuses a query together with a configuration (except a Network Firewall rule group, which needs both)', async () => {
    const Configuration = [{ Type: 'AWS::EC2::HostManagement', Parameters: [] }];
    await expectError(rg.send(new CreateGroupCommand({ Name: 'g', ResourceQuery: tagQuery([{ Key: 'a' }]), Configuration })), 'BadRequestException', /either a ResourceQuery or a Configuration/);
    const firewall = await rg.send(
      new CreateGroupCommand({ Name: 'fw', ResourceQuery: tagQuery([{ Key: 'env', Values: ['production'] }], ['AWS::EC2::Instance']), Configuration: [{ Type: 'AWS::NetworkFirewall::RuleGroup', Parameters: [] }] }),
    );
    expect(firewall.GroupConfiguration).toEqual({ Configuration: [{ Type: 'AWS::NetworkFirewall::RuleGroup', Parameters: [] }], Status: 'UPDATE_COMPLETE' });
    await expectError(rg.send(new CreateGroupCommand({ Name: 'fw2', Configuration: [{ Type: 'AWS::NetworkFirewall::RuleGroup' }] })), 'BadRequestException', /tag-based resource query/);
  });

  it('creates a service-linked group with a configuration, checked against the documented types and parameters', async () => {
    const Configuration = [
      { Type: 'AWS::EC2::CapacityReservationPool' },
      { Type: 'AWS::ResourceGroups::Generic', Parameters: [{ Name: 'allowed-resource-types', Values: ['AWS::EC2::CapacityReservation'] }] },
    ];
    const out = await rg.send(new CreateGroupCommand({ Name: 'pool', Configuration }));
    expect(out.GroupConfiguration).toEqual({ Configuration, Status: 'UPDATE_COMPLETE' });
    expect(out.ResourceQuery).toBeUndefined();
    await expectError(rg.send(new CreateGroupCommand({ Name: 'p2', Configuration: [{ Type: 'AWS::EC2::CapacityReservationPool' }] })), 'BadRequestException', /also needs an AWS::ResourceGroups::Generic item/);
    await expectError(rg.send(new CreateGroupCommand({ Name: 'p3', Configuration: [{ Type: 'AWS::AppRegistry::Application' }] })), 'BadRequestException', /managed by AWS Service Catalog AppRegistry/);
  });

  it('refuses reserved or too many tags', async () => {
    await expectError(rg.send(new CreateGroupCommand({ Name: 'g', Tags: { 'aws:x': 'y' } })), 'BadRequestException', /reserved/);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await expectError(rg.send(new CreateGroupCommand({ Name: 'g', Tags: many })), 'BadRequestException', 'A resource group can have at most 50 tags.');
  });

  it('refuses what the model forbids with BadRequestException in validation wording', async () => {
    await expectError(
      rg.send(new CreateGroupCommand({ Name: 'has space' })),
      'BadRequestException',
      "1 validation error detected: Value 'has space' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_\\.-]+",
    );
    await expectError(rg.send(new CreateGroupCommand({ Name: 'g', Criticality: 11 })), 'BadRequestException', /criticality/);
  });
});
