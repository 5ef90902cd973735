import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetGroupQueryCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient, tagQuery } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('GetGroupQuery', () => {
  it('answers the group\'s resource query as given', async () => {
    const q = tagQuery([{ Key: 'Env', Values: ['prod', 'staging'] }]);
    await rg.send(new CreateGroupCommand({ Name: 'g', ResourceQuery: q }));
    expect((await rg.send(new GetGroupQueryCommand({ Group: 'g' }))).GroupQuery).toEqual({ GroupName: 'g', ResourceQuery: q });
  });

  it('answers NotFoundException for an unknown group or a group without a query', async () => {
    await expectError(rg.send(new GetGroupQueryCommand({ Group: 'nope' })), 'NotFoundException', undefined, 404);
    await rg.send(new CreateGroupCommand({ Name: 'bare' }));
    await expectError(rg.send(new GetGroupQueryCommand({ Group: 'bare' })), 'NotFoundException', 'Group bare has no resource query.', 404);
  });
});
