import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelTagSyncTaskCommand, DeleteGroupCommand, GetTagSyncTaskCommand, ListTagSyncTasksCommand, StartTagSyncTaskCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, rgClient } from '../../testing/fleet.js';
import { APPLICATION, ROLE, createConfigured, ec2, memberArns } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());
const members = (Group: string) => memberArns(rg, Group);

describe('CancelTagSyncTask', () => {
  it('stops the task; what it onboarded stays in the application, new tags no longer join', async () => {
    await createConfigured(rg, 'shop', APPLICATION);
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Project: 'Blue' } });
    await addNode(t.http, { InstanceId: 'i-00000000000000002' });
    const { TaskArn } = await rg.send(new StartTagSyncTaskCommand({ Group: 'shop', TagKey: 'Project', TagValue: 'Blue', RoleArn: ROLE }));
    await rg.send(new CancelTagSyncTaskCommand({ TaskArn }));
    await expectError(rg.send(new GetTagSyncTaskCommand({ TaskArn })), 'NotFoundException', undefined, 404);
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000002').send({ Tags: { Project: 'Blue' } });
    expect(await members('shop')).toEqual([ec2('i-00000000000000001')]);
  });

  it("goes with its group: deleting the application deletes its tasks", async () => {
    await createConfigured(rg, 'shop', APPLICATION);
    const { TaskArn } = await rg.send(new StartTagSyncTaskCommand({ Group: 'shop', TagKey: 'k', TagValue: 'v', RoleArn: ROLE }));
    await rg.send(new DeleteGroupCommand({ Group: 'shop' }));
    expect((await rg.send(new ListTagSyncTasksCommand({}))).TagSyncTasks).toEqual([]);
    await expectError(rg.send(new CancelTagSyncTaskCommand({ TaskArn })), 'NotFoundException', undefined, 404);
  });
});
