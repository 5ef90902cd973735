import { describe, expect, it } from 'vitest';
import { taggableType } from '../../sim/tags/registry.js';
import { AddTagsToResourceCommand, ListTagsForResourceCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from '../parameters/testkit.js';
import { parametersArea } from '../parameters/index.js';
import { taggingArea } from './index.js';

const t = useEmulator({ areas: [parametersArea, taggingArea] });

describe('ListTagsForResource', () => {
  it('lists tags in the order added, and an empty list for an untagged resource', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/t', Value: 'v', Type: 'String' }));
    expect((await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/t' }))).TagList).toEqual([]);
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: '/t', Tags: [{ Key: 'z', Value: '1' }, { Key: 'a', Value: '2' }] }));
    expect((await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/t' }))).TagList).toEqual([
      { Key: 'z', Value: '1' },
      { Key: 'a', Value: '2' },
    ]);
  });

  it('keeps tags per Region and account', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/t', Value: 'v', Type: 'String', Tags: [{ Key: 'k', Value: 'us' }] }));
    const eu = t.client({ region: 'eu-west-1' });
    expect((await errorOf(eu.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/t' })))).name).toBe('InvalidResourceId');
    const other = t.client({ account: '111111111111' });
    expect(
      (await errorOf(other.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: 'arn:aws:ssm:us-east-1:000000000000:parameter/t' })))).name,
    ).toBe('InvalidResourceId');
  });

  it('answers InvalidResourceId for a resource that does not exist', async () => {
    expect((await errorOf(t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/nope' })))).name).toBe('InvalidResourceId');
    expect((await errorOf(t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'PatchBaseline', ResourceId: 'pb-0123456789abcdef0' })))).name).toBe(
      'InvalidResourceId',
    );
  });

  it('exposes tagged parameters to Resource Groups through the registry\'s list()', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/a', Value: 'v', Type: 'String', Tags: [{ Key: 'k', Value: '1' }] }));
    await t.ssm.send(new PutParameterCommand({ Name: 'b', Value: 'v', Type: 'String' }));
    const listed = taggableType(t.emu, 'Parameter')!.list!(t.emu.context('000000000000', 'us-east-1'));
    expect(listed).toEqual([
      { id: '/a', arn: 'arn:aws:ssm:us-east-1:000000000000:parameter/a', tags: [{ Key: 'k', Value: '1' }] },
      { id: 'b', arn: 'arn:aws:ssm:us-east-1:000000000000:parameter/b', tags: [] },
    ]);
  });
});
