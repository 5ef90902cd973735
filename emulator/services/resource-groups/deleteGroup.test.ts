import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { CreateGroupCommand, DeleteGroupCommand, ListGroupsCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, rgClient, tagQuery } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('DeleteGroup', () => {
  it('deletes the group and answers it; its resources stay', async () => {
    await addNode(t.http, { Tags: { Env: 'prod' } });
    const created = await rg.send(new CreateGroupCommand({ Name: 'g', Description: 'd', ResourceQuery: tagQuery([{ Key: 'Env' }]) }));
    const out = await rg.send(new DeleteGroupCommand({ Group: created.Group!.GroupArn }));
    expect(out.Group).toEqual(created.Group);
    expect((await rg.send(new ListGroupsCommand({}))).GroupIdentifiers).toEqual([]);
    expect((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toHaveLength(1);
  });

  it('answers NotFoundException for a group that does not exist (or no longer does)', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'g' }));
    await rg.send(new DeleteGroupCommand({ GroupName: 'g' }));
    await expectError(rg.send(new DeleteGroupCommand({ Group: 'g' })), 'NotFoundException', 'Cannot find group g.', 404);
  });
});
