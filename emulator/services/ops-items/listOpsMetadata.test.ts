import { describe, expect, it } from 'vitest';
import { CreateOpsMetadataCommand, ListOpsMetadataCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';

const t = useEmulator();

describe('ListOpsMetadata', () => {
  it('lists the objects by ARN with their dates and modifier', async () => {
    for (const id of ['b-app', 'a-app', '/aws/ssm/G/appmanager']) await t.ssm.send(new CreateOpsMetadataCommand({ ResourceId: id }));
    const { OpsMetadataList, NextToken } = await t.ssm.send(new ListOpsMetadataCommand({}));
    expect(OpsMetadataList!.map((m) => m.ResourceId)).toEqual(['a-app', '/aws/ssm/G/appmanager', 'b-app']);
    expect(OpsMetadataList![0]).toMatchObject({
      OpsMetadataArn: 'arn:aws:ssm:us-east-1:000000000000:opsmetadata/a-app',
      LastModifiedUser: 'arn:aws:iam::000000000000:root',
    });
    expect(OpsMetadataList![0].CreationDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
    expect(NextToken).toBeUndefined();
  });

  it('filters by ResourceId and pages', async () => {
    for (const id of ['a', 'b', 'c']) await t.ssm.send(new CreateOpsMetadataCommand({ ResourceId: id }));
    const f = await t.ssm.send(new ListOpsMetadataCommand({ Filters: [{ Key: 'ResourceId', Values: ['a', 'c'] }] }));
    expect(f.OpsMetadataList!.map((m) => m.ResourceId)).toEqual(['a', 'c']);
    const first = await t.ssm.send(new ListOpsMetadataCommand({ MaxResults: 2 }));
    const rest = await t.ssm.send(new ListOpsMetadataCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect([...first.OpsMetadataList!, ...rest.OpsMetadataList!].map((m) => m.ResourceId)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a filter key it does not know, or a foreign token (OpsMetadataInvalidArgumentException)', async () => {
    await expectError(t.ssm.send(new ListOpsMetadataCommand({ Filters: [{ Key: 'Color', Values: ['x'] }] })), 'OpsMetadataInvalidArgumentException', /Supported keys: ResourceId/);
    await expectError(t.ssm.send(new ListOpsMetadataCommand({ NextToken: 'x' })), 'OpsMetadataInvalidArgumentException');
  });
});
