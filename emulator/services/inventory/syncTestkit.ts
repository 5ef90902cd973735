/** Resource data sync fixtures shared by the four sync operations' tests. */
import type { CreateResourceDataSyncCommandInput } from '@aws-sdk/client-ssm';

export const toS3 = (SyncName = 'inventory-to-s3'): CreateResourceDataSyncCommandInput => ({
  SyncName,
  S3Destination: { BucketName: 'my-inventory-bucket', Prefix: 'inv', SyncFormat: 'JsonSerDe', Region: 'us-east-1' },
});

export const fromSource = (SyncName = 'explorer', SourceType = 'SingleAccountMultiRegions'): CreateResourceDataSyncCommandInput => ({
  SyncName,
  SyncType: 'SyncFromSource',
  SyncSource: { SourceType, SourceRegions: ['us-east-1', 'eu-west-1'], IncludeFutureRegions: false },
});
