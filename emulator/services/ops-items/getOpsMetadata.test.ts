import { describe, expect, it } from 'vitest';
import { CreateOpsMetadataCommand, GetOpsMetadataCommand, UpdateOpsMetadataCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';

const t = useEmulator();

describe('GetOpsMetadata', () => {
  it('answers the resource id and the metadata, paged by key', async () => {
    const { OpsMetadataArn } = await t.ssm.send(new CreateOpsMetadataCommand({ ResourceId: 'app', Metadata: { b: { Value: '2' }, a: { Value: '1' }, c: { Value: '3' } } }));
    await t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn, MetadataToUpdate: { constructor: { Value: 'proto-safe' } } }));
    const all = await t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn }));
    expect(all).toMatchObject({ ResourceId: 'app', Metadata: { a: { Value: '1' }, b: { Value: '2' }, c: { Value: '3' }, constructor: { Value: 'proto-safe' } } });
    expect(all.NextToken).toBeUndefined();
    const first = await t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn, MaxResults: 2 }));
    expect(Object.keys(first.Metadata!)).toEqual(['a', 'b']);
    const rest = await t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn, MaxResults: 2, NextToken: first.NextToken }));
    expect(Object.keys(rest.Metadata!)).toEqual(['c', 'constructor']);
    await expectError(t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn, NextToken: 'bad' })), 'OpsMetadataInvalidArgumentException');
  });

  it('answers OpsMetadataNotFoundException for an unknown ARN', async () => {
    await expectError(t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn: 'arn:aws:ssm:us-east-1:000000000000:opsmetadata/none' })), 'OpsMetadataNotFoundException', /doesn't exist/);
  });

  it('refuses a MaxResults above 10 as the model does', async () => {
    await expectError(t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn: 'arn:aws:ssm:us-east-1:000000000000:opsmetadata/x', MaxResults: 11 })), 'ValidationException');
  });
});
