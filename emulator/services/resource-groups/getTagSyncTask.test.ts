import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetTagSyncTaskCommand, StartTagSyncTaskCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError, rgClient } from '../../testing/fleet.js';
import { APPLICATION, ROLE, createConfigured } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('GetTagSyncTask', () => {
  it('answers the task: its group, tag, role, status ACTIVE and creation time', async () => {
    const { Group } = await createConfigured(rg, 'shop', APPLICATION);
    const { TaskArn } = await rg.send(new StartTagSyncTaskCommand({ Group: 'shop', TagKey: 'Project', TagValue: 'Blue', RoleArn: ROLE }));
    expect(await rg.send(new GetTagSyncTaskCommand({ TaskArn }))).toMatchObject({
      GroupArn: Group!.GroupArn,
      GroupName: 'shop',
      TaskArn,
      TagKey: 'Project',
      TagValue: 'Blue',
      RoleArn: ROLE,
      Status: 'ACTIVE',
      CreatedAt: new Date(TEST_START_SECONDS * 1000),
    });
  });

  it('answers NotFoundException for an unknown task', async () => {
    const { Group } = await createConfigured(rg, 'shop', APPLICATION);
    await expectError(rg.send(new GetTagSyncTaskCommand({ TaskArn: `${Group!.GroupArn}/tag-sync-task/${'a'.repeat(26)}` })), 'NotFoundException', undefined, 404);
  });

  it('refuses an ARN that is not a tag-sync task ARN as the model does', async () => {
    await expectError(rg.send(new GetTagSyncTaskCommand({ TaskArn: 'arn:aws:resource-groups:us-east-1:000000000000:group/shop' })), 'BadRequestException', /taskArn/);
  });
});
