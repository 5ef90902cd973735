import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListTagSyncTasksCommand, StartTagSyncTaskCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient } from '../../testing/fleet.js';
import { APPLICATION, ROLE, createConfigured } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('ListTagSyncTasks', () => {
  it("lists every task, or one application group's by name or ARN, paged", async () => {
    const a = (await createConfigured(rg, 'a', APPLICATION)).Group!;
    await createConfigured(rg, 'b', APPLICATION);
    await rg.send(new StartTagSyncTaskCommand({ Group: 'a', TagKey: 'k', TagValue: '1', RoleArn: ROLE }));
    await rg.send(new StartTagSyncTaskCommand({ Group: 'a', TagKey: 'k', TagValue: '2', RoleArn: ROLE }));
    await rg.send(new StartTagSyncTaskCommand({ Group: 'b', TagKey: 'k', TagValue: '3', RoleArn: ROLE }));
    expect((await rg.send(new ListTagSyncTasksCommand({}))).TagSyncTasks).toHaveLength(3);
    const byName = (await rg.send(new ListTagSyncTasksCommand({ Filters: [{ GroupName: 'a' }] }))).TagSyncTasks!;
    expect(byName.map((x) => x.TagValue).sort()).toEqual(['1', '2']);
    expect(byName[0]).toMatchObject({ GroupName: 'a', GroupArn: a.GroupArn, Status: 'ACTIVE', RoleArn: ROLE });
    expect((await rg.send(new ListTagSyncTasksCommand({ Filters: [{ GroupArn: a.GroupArn }] }))).TagSyncTasks).toHaveLength(2);
    const page = await rg.send(new ListTagSyncTasksCommand({ MaxResults: 2 }));
    expect(page.TagSyncTasks).toHaveLength(2);
    expect((await rg.send(new ListTagSyncTasksCommand({ MaxResults: 2, NextToken: page.NextToken }))).TagSyncTasks).toHaveLength(1);
  });

  it('answers NotFoundException for a filter naming an unknown group, BadRequestException for a foreign token', async () => {
    await expectError(rg.send(new ListTagSyncTasksCommand({ Filters: [{ GroupName: 'nope' }] })), 'NotFoundException', undefined, 404);
    await expectError(rg.send(new ListTagSyncTasksCommand({ NextToken: 'Zm9v' })), 'BadRequestException', /NextToken/);
  });
});
