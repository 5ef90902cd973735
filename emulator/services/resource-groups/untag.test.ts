import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetTagsCommand, UntagCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('Untag', () => {
  it('removes the keys given (absent keys are ignored) and answers them', async () => {
    const { Group } = await rg.send(new CreateGroupCommand({ Name: 'g', Tags: { a: '1', b: '2' } }));
    const out = await rg.send(new UntagCommand({ Arn: Group!.GroupArn, Keys: ['a', 'zzz'] }));
    expect(out).toMatchObject({ Arn: Group!.GroupArn, Keys: ['a', 'zzz'] });
    expect((await rg.send(new GetTagsCommand({ Arn: Group!.GroupArn }))).Tags).toEqual({ b: '2' });
  });

  it('answers NotFoundException for a group that does not exist, and needs Keys (model)', async () => {
    await expectError(rg.send(new UntagCommand({ Arn: 'arn:aws:resource-groups:us-east-1:000000000000:group/nope', Keys: ['a'] })), 'NotFoundException', undefined, 404);
    const { Group } = await rg.send(new CreateGroupCommand({ Name: 'g' }));
    await expectError(rg.send(new UntagCommand({ Arn: Group!.GroupArn } as never)), 'BadRequestException', /keys/);
  });
});
