import { describe, expect, it } from 'vitest';
import { CreateResourceDataSyncCommand, ListResourceDataSyncCommand, type CreateResourceDataSyncCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { expectError } from './testkit.js';
import { fromSource, toS3 } from './syncTestkit.js';

const t = useEmulator();
const create = (input: CreateResourceDataSyncCommandInput) => t.ssm.send(new CreateResourceDataSyncCommand(input));

describe('CreateResourceDataSync', () => {
  it('records a sync to S3 (SyncToDestination by default); it is listed as not run yet', async () => {
    expect(await t.rpc('CreateResourceDataSync', toS3())).toMatchObject({ status: 200, body: {} });
    const [item] = (await t.ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems!;
    expect(item).toEqual({
      SyncName: 'inventory-to-s3',
      SyncType: 'SyncToDestination',
      S3Destination: { BucketName: 'my-inventory-bucket', Prefix: 'inv', SyncFormat: 'JsonSerDe', Region: 'us-east-1' },
      SyncCreatedTime: new Date(TEST_START),
      SyncLastModifiedTime: new Date(TEST_START),
    });
  });

  it('records a SyncFromSource sync; an organization source shows OrganizationNotExists', async () => {
    await create(fromSource());
    await create({ ...fromSource('org', 'AwsOrganizations'), SyncSource: { ...fromSource().SyncSource!, SourceType: 'AwsOrganizations', AwsOrganizationsSource: { OrganizationSourceType: 'EntireOrganization' } } });
    const items = (await t.ssm.send(new ListResourceDataSyncCommand({ SyncType: 'SyncFromSource' }))).ResourceDataSyncItems!;
    expect(items.map((i) => [i.SyncName, i.SyncSource?.State])).toEqual([
      ['explorer', undefined],
      ['org', 'OrganizationNotExists'],
    ]);
  });

  it('names are unique: ResourceDataSyncAlreadyExistsException', async () => {
    await create(toS3());
    const err = await expectError(create(toS3()), 'ResourceDataSyncAlreadyExistsException');
    expect(err.SyncName).toBe('inventory-to-s3');
  });

  it('at most 5 syncs: ResourceDataSyncCountExceededException', async () => {
    for (let i = 0; i < 5; i++) await create(toS3(`s${i}`));
    await expectError(create(toS3('s5')), 'ResourceDataSyncCountExceededException');
  });

  it('configurations that do not fit the type: ResourceDataSyncInvalidConfigurationException', async () => {
    const bad = 'ResourceDataSyncInvalidConfigurationException';
    await expectError(create({ SyncName: 'a' }), bad, 'S3Destination is required when SyncType is SyncToDestination.');
    await expectError(create({ SyncName: 'a', SyncType: 'SyncFromSource' }), bad);
    await expectError(create({ ...toS3('a'), SyncType: 'SyncFromSource', SyncSource: fromSource().SyncSource }), bad);
    await expectError(create({ ...toS3('a'), SyncType: 'Sideways' }), bad);
    await expectError(create({ ...fromSource('a'), SyncSource: { ...fromSource().SyncSource!, SourceType: 'Elsewhere' } }), bad);
    await expectError(create({ ...fromSource('a'), SyncSource: { ...fromSource().SyncSource!, SourceType: 'AwsOrganizations' } }), bad);
    await expectError(
      create({ ...fromSource('a'), SyncSource: { ...fromSource().SyncSource!, SourceType: 'AwsOrganizations', AwsOrganizationsSource: { OrganizationSourceType: 'OrganizationalUnits' } } }),
      bad,
    );
    await expectError(create({ ...toS3('a'), S3Destination: { ...toS3().S3Destination!, DestinationDataSharing: { DestinationDataSharingType: 'Everyone' } } }), bad);
    await expectError(create({ ...toS3('a'), S3Destination: { ...toS3().S3Destination!, SyncFormat: 'Parquet' as any } }), 'ValidationException');
    expect((await t.ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems).toEqual([]);
  });
});
