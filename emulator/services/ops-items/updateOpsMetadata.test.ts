import { describe, expect, it } from 'vitest';
import { CreateOpsMetadataCommand, GetOpsMetadataCommand, ListOpsMetadataCommand, UpdateOpsMetadataCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';

const t = useEmulator();
const create = async () => (await t.ssm.send(new CreateOpsMetadataCommand({ ResourceId: 'app', Metadata: { a: { Value: '1' }, b: { Value: '2' } } }))).OpsMetadataArn!;
const metadata = async (OpsMetadataArn: string) => (await t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn }))).Metadata;

describe('UpdateOpsMetadata', () => {
  it('adds, replaces and deletes keys, and answers the ARN', async () => {
    const arn = await create();
    await t.advance(30);
    const out = await t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn: arn, MetadataToUpdate: { a: { Value: '10' }, c: { Value: '3' } }, KeysToDelete: ['b'] }));
    expect(out.OpsMetadataArn).toBe(arn);
    expect(await metadata(arn)).toEqual({ a: { Value: '10' }, c: { Value: '3' } });
    const [listed] = (await t.ssm.send(new ListOpsMetadataCommand({}))).OpsMetadataList!;
    expect(listed.LastModifiedDate!.getTime() / 1000).toBe(TEST_START_SECONDS + 30);
    expect(listed.CreationDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
  });

  it('refuses an update with nothing to do, a key both updated and deleted, or deleting a key that is not there', async () => {
    const arn = await create();
    await expectError(t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn: arn })), 'OpsMetadataInvalidArgumentException', /Specify MetadataToUpdate/);
    await expectError(t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn: arn, MetadataToUpdate: { a: { Value: 'x' } }, KeysToDelete: ['a'] })), 'OpsMetadataInvalidArgumentException', /both updated and deleted/);
    await expectError(t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn: arn, KeysToDelete: ['zz'] })), 'OpsMetadataInvalidArgumentException', /doesn't exist/);
    expect(await metadata(arn)).toEqual({ a: { Value: '1' }, b: { Value: '2' } });
  });

  it('allows at most 100 keys per object (OpsMetadataKeyLimitExceededException)', async () => {
    const arn = await create();
    for (let i = 0; i < 98; i += 2) {
      await t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn: arn, MetadataToUpdate: { [`k${i}`]: { Value: 'v' }, [`k${i + 1}`]: { Value: 'v' } } }));
    }
    await expectError(t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn: arn, MetadataToUpdate: { x: { Value: 'v' } } })), 'OpsMetadataKeyLimitExceededException');
  });

  it('answers OpsMetadataNotFoundException for an unknown object', async () => {
    await expectError(t.ssm.send(new UpdateOpsMetadataCommand({ OpsMetadataArn: 'arn:aws:ssm:us-east-1:000000000000:opsmetadata/none', KeysToDelete: ['a'] })), 'OpsMetadataNotFoundException');
  });
});
