import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetGroupConfigurationCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient, tagQuery } from '../../testing/fleet.js';
import { CAPACITY_POOL, createConfigured } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('GetGroupConfiguration', () => {
  it("answers a group's configuration, by name or ARN, with Status UPDATE_COMPLETE", async () => {
    const { Group } = await createConfigured(rg, 'pool', CAPACITY_POOL);
    for (const ref of ['pool', Group!.GroupArn!]) {
      expect((await rg.send(new GetGroupConfigurationCommand({ Group: ref }))).GroupConfiguration).toEqual({ Configuration: CAPACITY_POOL, Status: 'UPDATE_COMPLETE' });
    }
  });

  it('answers BadRequestException for a group without a configuration (what Terraform expects of query groups)', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'q', ResourceQuery: tagQuery([{ Key: 'a' }]) }));
    await expectError(rg.send(new GetGroupConfigurationCommand({ Group: 'q' })), 'BadRequestException', 'Group q has no service configuration.');
  });

  it('answers NotFoundException for an unknown group', async () => {
    await expectError(rg.send(new GetGroupConfigurationCommand({ Group: 'nope' })), 'NotFoundException', undefined, 404);
  });
});
