import { describe, it } from 'vitest';
import { CreateOpsMetadataCommand, DeleteOpsMetadataCommand, GetOpsMetadataCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';

const t = useEmulator();

describe('DeleteOpsMetadata', () => {
  it('removes the object; a new one can be made for the resource', async () => {
    const { OpsMetadataArn } = await t.ssm.send(new CreateOpsMetadataCommand({ ResourceId: 'app' }));
    await t.ssm.send(new DeleteOpsMetadataCommand({ OpsMetadataArn }));
    await expectError(t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn })), 'OpsMetadataNotFoundException');
    await t.ssm.send(new CreateOpsMetadataCommand({ ResourceId: 'app' }));
  });

  it('answers OpsMetadataNotFoundException for an unknown object, or one of another Region', async () => {
    await expectError(t.ssm.send(new DeleteOpsMetadataCommand({ OpsMetadataArn: 'arn:aws:ssm:us-east-1:000000000000:opsmetadata/none' })), 'OpsMetadataNotFoundException');
    const { OpsMetadataArn } = await t.ssm.send(new CreateOpsMetadataCommand({ ResourceId: 'app' }));
    await expectError(t.client({ region: 'eu-west-1' }).send(new DeleteOpsMetadataCommand({ OpsMetadataArn })), 'OpsMetadataNotFoundException');
  });
});
