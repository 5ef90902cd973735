import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetGroupQueryCommand, ListGroupResourcesCommand, UpdateGroupQueryCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, rgClient, tagQuery } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('UpdateGroupQuery', () => {
  it('replaces the query, and membership follows at once', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Env: 'prod' } });
    await addNode(t.http, { InstanceId: 'i-00000000000000002', Tags: { Env: 'dev' } });
    await rg.send(new CreateGroupCommand({ Name: 'g', ResourceQuery: tagQuery([{ Key: 'Env', Values: ['prod'] }]) }));
    const q = tagQuery([{ Key: 'Env', Values: ['dev'] }]);
    const out = await rg.send(new UpdateGroupQueryCommand({ Group: 'g', ResourceQuery: q }));
    expect(out.GroupQuery).toEqual({ GroupName: 'g', ResourceQuery: q });
    expect((await rg.send(new GetGroupQueryCommand({ Group: 'g' }))).GroupQuery!.ResourceQuery).toEqual(q);
    const members = await rg.send(new ListGroupResourcesCommand({ Group: 'g' }));
    expect(members.Resources!.map((r) => r.Identifier!.ResourceArn)).toEqual(['arn:aws:ec2:us-east-1:000000000000:instance/i-00000000000000002']);
  });

  it('refuses an invalid query and keeps the old one; unknown groups are NotFoundException', async () => {
    const q = tagQuery([{ Key: 'Env', Values: ['prod'] }]);
    await rg.send(new CreateGroupCommand({ Name: 'g', ResourceQuery: q }));
    await expectError(rg.send(new UpdateGroupQueryCommand({ Group: 'g', ResourceQuery: { Type: 'TAG_FILTERS_1_0', Query: '[]' } })), 'BadRequestException', /must be a JSON object/);
    expect((await rg.send(new GetGroupQueryCommand({ Group: 'g' }))).GroupQuery!.ResourceQuery).toEqual(q);
    await expectError(rg.send(new UpdateGroupQueryCommand({ Group: 'nope', ResourceQuery: q })), 'NotFoundException', undefined, 404);
    await expectError(
      rg.send(new UpdateGroupQueryCommand({ Group: 'g' } as never)),
      'BadRequestException',
      "1 validation error detected: Value null at 'resourceQuery' failed to satisfy constraint: Member must not be null",
    );
  });
});
