import { expect } from 'vitest';
import { ListResourceDataSyncCommand } from '@aws-sdk/client-ssm';
import type { TerraformChecks } from './checks.js';

export const checks: TerraformChecks = {
  name: 'inventory',
  async afterApply({ ssm }) {
    const { ResourceDataSyncItems } = await ssm.send(new ListResourceDataSyncCommand({}));
    expect(ResourceDataSyncItems).toEqual([
      expect.objectContaining({
        SyncName: 'tf-inventory-sync',
        SyncType: 'SyncToDestination',
        S3Destination: { BucketName: 'tf-inventory-bucket', Region: 'us-east-1', Prefix: 'inventory', SyncFormat: 'JsonSerDe' },
      }),
    ]);
  },
  async afterDestroy({ ssm }) {
    expect((await ssm.send(new ListResourceDataSyncCommand({}))).ResourceDataSyncItems).toEqual([]);
  },
};
