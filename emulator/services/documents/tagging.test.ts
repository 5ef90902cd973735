import { describe, expect, it } from 'vitest';
import {
  AddTagsToResourceCommand,
  CreateDocumentCommand,
  DescribeDocumentCommand,
  ListTagsForResourceCommand,
  RemoveTagsFromResourceCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { commandDoc } from './testdata.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const list = (ResourceId: string) => t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Document', ResourceId }));

describe('Tags on documents (ResourceType Document)', () => {
  it('lists the tags given at creation and adds, overwrites and removes tags', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'tagged-doc', Content: commandDoc(), Tags: [{ Key: 'team', Value: 'ops' }] }));
    expect((await list('tagged-doc')).TagList).toEqual([{ Key: 'team', Value: 'ops' }]);
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Document', ResourceId: 'tagged-doc', Tags: [{ Key: 'team', Value: 'dev' }, { Key: 'env', Value: 'prod' }] }));
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'tagged-doc' }))).Document!.Tags).toEqual(
      expect.arrayContaining([{ Key: 'team', Value: 'dev' }, { Key: 'env', Value: 'prod' }]),
    );
    await t.ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'Document', ResourceId: 'tagged-doc', TagKeys: ['team'] }));
    expect((await list('tagged-doc')).TagList).toEqual([{ Key: 'env', Value: 'prod' }]);
  });

  it('tags the account\'s SSM-SessionManagerRunShell, and only in that account', async () => {
    await t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Document', ResourceId: 'SSM-SessionManagerRunShell', Tags: [{ Key: 'k', Value: 'v' }] }));
    expect((await list('SSM-SessionManagerRunShell')).TagList).toEqual([{ Key: 'k', Value: 'v' }]);
    const other = await t.client({ account: '111111111111' }).send(new ListTagsForResourceCommand({ ResourceType: 'Document', ResourceId: 'SSM-SessionManagerRunShell' }));
    expect(other.TagList).toEqual([]);
  });

  it('answers InvalidResourceId for AWS-owned and unknown documents', async () => {
    expect((await err(t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Document', ResourceId: 'AWS-RunShellScript', Tags: [{ Key: 'k', Value: 'v' }] })))).name).toBe(
      'InvalidResourceId',
    );
    expect((await err(list('not-a-doc'))).name).toBe('InvalidResourceId');
  });
});
