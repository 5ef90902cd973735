import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetTagsCommand, TagCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

describe('Tag', () => {
  it('adds and overwrites tags of a group, answering the tags given', async () => {
    const { Group } = await rg.send(new CreateGroupCommand({ Name: 'g', Tags: { a: '1', b: '2' } }));
    const out = await rg.send(new TagCommand({ Arn: Group!.GroupArn, Tags: { b: '20', c: '3' } }));
    expect(out).toMatchObject({ Arn: Group!.GroupArn, Tags: { b: '20', c: '3' } });
    expect((await rg.send(new GetTagsCommand({ Arn: Group!.GroupArn }))).Tags).toEqual({ a: '1', b: '20', c: '3' });
  });

  it('answers NotFoundException for a group that does not exist', async () => {
    await expectError(rg.send(new TagCommand({ Arn: 'arn:aws:resource-groups:us-east-1:000000000000:group/nope', Tags: { a: '1' } })), 'NotFoundException', undefined, 404);
  });

  it('refuses reserved keys and more than 50 tags, changing nothing', async () => {
    const { Group } = await rg.send(new CreateGroupCommand({ Name: 'g', Tags: Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v'])) }));
    await expectError(rg.send(new TagCommand({ Arn: Group!.GroupArn, Tags: { x: '1', y: '2' } })), 'BadRequestException', 'A resource group can have at most 50 tags.');
    await expectError(rg.send(new TagCommand({ Arn: Group!.GroupArn, Tags: { 'aws:owner': 'me' } })), 'BadRequestException', /reserved/);
    expect(Object.keys((await rg.send(new GetTagsCommand({ Arn: Group!.GroupArn }))).Tags!)).toHaveLength(49);
  });

  it('refuses an ARN that is not a group ARN (model pattern)', async () => {
    await expectError(rg.send(new TagCommand({ Arn: 'arn:aws:ec2:us-east-1:000000000000:instance/i-1', Tags: { a: '1' } })), 'BadRequestException', /arn/);
  });
});
