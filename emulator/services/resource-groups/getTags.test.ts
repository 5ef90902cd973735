import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetTagsCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('GetTags', () => {
  it('answers the group\'s tags (an empty map for none)', async () => {
    const a = await rg.send(new CreateGroupCommand({ Name: 'a', Tags: { Env: 'prod' } }));
    const b = await rg.send(new CreateGroupCommand({ Name: 'b' }));
    expect(await rg.send(new GetTagsCommand({ Arn: a.Group!.GroupArn }))).toMatchObject({ Arn: a.Group!.GroupArn, Tags: { Env: 'prod' } });
    expect((await rg.send(new GetTagsCommand({ Arn: b.Group!.GroupArn }))).Tags).toEqual({});
  });

  it('answers NotFoundException for an unknown group or another account\'s ARN', async () => {
    await expectError(rg.send(new GetTagsCommand({ Arn: 'arn:aws:resource-groups:us-east-1:000000000000:group/nope' })), 'NotFoundException', undefined, 404);
    await rg.send(new CreateGroupCommand({ Name: 'a' }));
    await expectError(rg.send(new GetTagsCommand({ Arn: 'arn:aws:resource-groups:us-east-1:111122223333:group/a' })), 'NotFoundException', undefined, 404);
  });
});
