import { describe, expect, it } from 'vitest';
import { AddTagsToResourceCommand, ListTagsForResourceCommand, RemoveTagsFromResourceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError } from './testkit.js';

const t = useEmulator();

describe('tags on maintenance windows (ResourceType MaintenanceWindow)', () => {
  it('adds, lists and removes tags by window id', async () => {
    const id = await createWindow(t, { Tags: [{ Key: 'Env', Value: 'prod' }] });
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: id, Tags: [{ Key: 'Team', Value: 'ops' }] }));
    const list = async () => (await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: id }))).TagList;
    expect(await list()).toEqual([
      { Key: 'Env', Value: 'prod' },
      { Key: 'Team', Value: 'ops' },
    ]);
    await t.ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: id, TagKeys: ['Env'] }));
    expect(await list()).toEqual([{ Key: 'Team', Value: 'ops' }]);
  });

  it('answers InvalidResourceId for a window that does not exist', async () => {
    await expectError(t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: 'mw-0123456789abcdef0' })), 'InvalidResourceId');
  });
});
