import { describe, expect, it } from 'vitest';
import { ListTagsForResourceCommand, PutParameterCommand, RemoveTagsFromResourceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from '../parameters/testkit.js';
import { parametersArea } from '../parameters/index.js';
import { taggingArea } from './index.js';

const t = useEmulator({ areas: [parametersArea, taggingArea] });
const remove = (ResourceId: string, TagKeys: string[]) => t.ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'Parameter', ResourceId, TagKeys }));

describe('RemoveTagsFromResource', () => {
  it('removes the given keys and ignores keys the resource does not have', async () => {
    await t.ssm.send(
      new PutParameterCommand({
        Name: '/t',
        Value: 'v',
        Type: 'String',
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
        ],
      }),
    );
    await remove('/t', ['a', 'zzz']);
    expect((await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/t' }))).TagList).toEqual([{ Key: 'b', Value: '2' }]);
  });

  it('answers InvalidResourceId for a resource that does not exist', async () => {
    expect((await errorOf(remove('/nope', ['a']))).name).toBe('InvalidResourceId');
    expect(
      (await errorOf(t.ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: 'mw-0123456789abcdef0', TagKeys: ['a'] })))).name,
    ).toBe('InvalidResourceId');
  });

  it('refuses the reserved aws: keys', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/t', Value: 'v', Type: 'String' }));
    expect((await errorOf(remove('/t', ['aws:x']))).name).toBe('ValidationException');
  });
});
