import { describe, expect, it } from 'vitest';
import { CreateOpsMetadataCommand, GetOpsMetadataCommand, ListTagsForResourceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { opsMetadata } from '../../sim/ops-items/state.js';

const t = useEmulator();
const create = (ResourceId: string, extra: Partial<ConstructorParameters<typeof CreateOpsMetadataCommand>[0]> = {}) =>
  t.ssm.send(new CreateOpsMetadataCommand({ ResourceId, ...extra }));

describe('CreateOpsMetadata', () => {
  it('creates an object named after the resource id and answers its ARN', async () => {
    const out = await create('/aws/ssm/MyGroup/appmanager', { Metadata: { appType: { Value: 'custom' } }, Tags: [{ Key: 'Env', Value: 'prod' }] });
    expect(out.OpsMetadataArn).toBe('arn:aws:ssm:us-east-1:000000000000:opsmetadata/aws/ssm/MyGroup/appmanager');
    expect(await t.ssm.send(new GetOpsMetadataCommand({ OpsMetadataArn: out.OpsMetadataArn }))).toMatchObject({
      ResourceId: '/aws/ssm/MyGroup/appmanager',
      Metadata: { appType: { Value: 'custom' } },
    });
    const tags = await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'OpsMetadata', ResourceId: 'aws/ssm/MyGroup/appmanager' }));
    expect(tags.TagList).toEqual([{ Key: 'Env', Value: 'prod' }]);
  });

  it("names a resource group's application after the group", async () => {
    const out = await create('arn:aws:resource-groups:us-east-1:000000000000:group/XYZ_RG');
    expect(out.OpsMetadataArn).toBe('arn:aws:ssm:us-east-1:000000000000:opsmetadata/aws/ssm/XYZ_RG/appmanager');
  });

  it('refuses a second object for the same resource (OpsMetadataAlreadyExistsException)', async () => {
    await create('my-app');
    await expectError(create('/my-app'), 'OpsMetadataAlreadyExistsException', /already exists/);
  });

  it('refuses a resource id the ARN cannot carry, or more than 5 tags (OpsMetadataInvalidArgumentException)', async () => {
    await expectError(create('my app!'), 'OpsMetadataInvalidArgumentException', /isn't valid/);
    const Tags = Array.from({ length: 6 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectError(create('app', { Tags }), 'OpsMetadataInvalidArgumentException', /maximum of 5 tags/);
  });

  it('allows 200 objects per account and Region (OpsMetadataLimitExceededException)', async () => {
    const slice = opsMetadata.of(t.emu.context('000000000000', 'us-east-1').scope);
    for (let i = 0; i < 200; i++) {
      const arn = `arn:aws:ssm:us-east-1:000000000000:opsmetadata/app-${i}`;
      slice.byArn[arn] = { ResourceId: `app-${i}`, OpsMetadataArn: arn, Metadata: {}, CreationDate: 0, LastModifiedDate: 0, LastModifiedUser: 'x', Tags: [] };
    }
    await expectError(create('one-more'), 'OpsMetadataLimitExceededException', /maximum is 200/);
  });

  it('refuses more than 5 metadata keys as the model does', async () => {
    const Metadata = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, { Value: 'v' }]));
    await expectError(create('app', { Metadata }), 'ValidationException', /metadata/);
  });
});
