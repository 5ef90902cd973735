import { describe, expect, it } from 'vitest';
import { CreateResourceDataSyncCommand, ListResourceDataSyncCommand, UpdateResourceDataSyncCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { expectError } from './testkit.js';
import { fromSource, toS3 } from './syncTestkit.js';

const t = useEmulator();

describe('UpdateResourceDataSync', () => {
  it('changes the source of a SyncFromSource sync', async () => {
    await t.ssm.send(new CreateResourceDataSyncCommand(fromSource()));
    await t.advance(60);
    await t.ssm.send(new UpdateResourceDataSyncCommand({ SyncName: 'explorer', SyncType: 'SyncFromSource', SyncSource: { SourceType: 'SingleAccountMultiRegions', SourceRegions: ['ap-south-1'], IncludeFutureRegions: true } }));
    const [item] = (await t.ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems!;
    expect(item.SyncSource).toEqual({ SourceType: 'SingleAccountMultiRegions', SourceRegions: ['ap-south-1'], IncludeFutureRegions: true });
    expect(item.SyncCreatedTime).toEqual(new Date(TEST_START));
    expect(item.SyncLastModifiedTime).toEqual(new Date(TEST_START + 60_000));
  });

  it('errors: unknown sync, a SyncToDestination sync, a different source type', async () => {
    const source = fromSource().SyncSource!;
    await expectError(t.ssm.send(new UpdateResourceDataSyncCommand({ SyncName: 'nope', SyncType: 'SyncFromSource', SyncSource: source })), 'ResourceDataSyncNotFoundException');
    await t.ssm.send(new CreateResourceDataSyncCommand(toS3()));
    await expectError(t.ssm.send(new UpdateResourceDataSyncCommand({ SyncName: 'inventory-to-s3', SyncType: 'SyncFromSource', SyncSource: source })), 'ResourceDataSyncInvalidConfigurationException');
    await t.ssm.send(new CreateResourceDataSyncCommand(fromSource()));
    await expectError(
      t.ssm.send(new UpdateResourceDataSyncCommand({ SyncName: 'explorer', SyncType: 'SyncFromSource', SyncSource: { ...source, SourceType: 'AwsOrganizations', AwsOrganizationsSource: { OrganizationSourceType: 'EntireOrganization' } } })),
      'ResourceDataSyncInvalidConfigurationException',
    );
  });
});
