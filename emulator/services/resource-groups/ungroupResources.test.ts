import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, DeleteGroupCommand, GroupResourcesCommand, UngroupResourcesCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient, tagQuery } from '../../testing/fleet.js';
import { CAPACITY_POOL, HOST_MANAGEMENT, createConfigured, host, memberArns, reservation } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());
const arns = (Group: string) => memberArns(rg, Group);

describe('UngroupResources', () => {
  it('removes members at once from a pool; a resource that is not a member fails', async () => {
    await createConfigured(rg, 'pool', CAPACITY_POOL);
    await rg.send(new GroupResourcesCommand({ Group: 'pool', ResourceArns: [reservation('cr-00000000000000001'), reservation('cr-00000000000000002')] }));
    const out = await rg.send(new UngroupResourcesCommand({ Group: 'pool', ResourceArns: [reservation('cr-00000000000000001'), reservation('cr-00000000000000009')] }));
    expect(out.Succeeded).toEqual([reservation('cr-00000000000000001')]);
    expect(out.Failed).toEqual([{ ResourceArn: reservation('cr-00000000000000009'), ErrorCode: 'ResourceNotFound', ErrorMessage: expect.stringMatching(/isn't a member/) }]);
    expect(await arns('pool')).toEqual([reservation('cr-00000000000000002')]);
  });

  it('removes hosts asynchronously; an emptied protected group can be deleted', async () => {
    await createConfigured(rg, 'hosts', HOST_MANAGEMENT);
    await rg.send(new GroupResourcesCommand({ Group: 'hosts', ResourceArns: [host('h-00000000000000001')] }));
    await t.advance(5);
    const out = await rg.send(new UngroupResourcesCommand({ Group: 'hosts', ResourceArns: [host('h-00000000000000001')] }));
    expect(out.Pending).toEqual([{ ResourceArn: host('h-00000000000000001') }]);
    expect(await arns('hosts')).toEqual([host('h-00000000000000001')]);
    await t.advance(5);
    expect(await arns('hosts')).toEqual([]);
    await rg.send(new DeleteGroupCommand({ Group: 'hosts' }));
  });

  it('refuses a query group (only static groups are ungrouped) with BadRequestException', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'q', ResourceQuery: tagQuery([{ Key: 'a' }]) }));
    await expectError(rg.send(new UngroupResourcesCommand({ Group: 'q', ResourceArns: [reservation('cr-00000000000000001')] })), 'BadRequestException');
    await expectError(rg.send(new UngroupResourcesCommand({ Group: 'nope', ResourceArns: [reservation('cr-00000000000000001')] })), 'NotFoundException', undefined, 404);
  });
});
