import { describe, expect, it } from 'vitest';
import { CreateResourceDataSyncCommand, DeleteResourceDataSyncCommand, ListResourceDataSyncCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from './testkit.js';
import { toS3 } from './syncTestkit.js';

const t = useEmulator();

describe('DeleteResourceDataSync', () => {
  it('deletes a sync (the name is free again)', async () => {
    await t.ssm.send(new CreateResourceDataSyncCommand(toS3()));
    expect(await t.rpc('DeleteResourceDataSync', { SyncName: 'inventory-to-s3' })).toMatchObject({ status: 200, body: {} });
    expect((await t.ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems).toEqual([]);
    await t.ssm.send(new CreateResourceDataSyncCommand(toS3()));
  });

  it('an unknown name, or a SyncType that is not the sync\'s: ResourceDataSyncNotFoundException', async () => {
    await expectError(t.ssm.send(new DeleteResourceDataSyncCommand({ SyncName: 'nope' })), 'ResourceDataSyncNotFoundException', 'Resource data sync nope was not found.');
    await t.ssm.send(new CreateResourceDataSyncCommand(toS3()));
    await expectError(t.ssm.send(new DeleteResourceDataSyncCommand({ SyncName: 'inventory-to-s3', SyncType: 'SyncFromSource' })), 'ResourceDataSyncNotFoundException');
    await t.ssm.send(new DeleteResourceDataSyncCommand({ SyncName: 'inventory-to-s3', SyncType: 'SyncToDestination' }));
  });
});
