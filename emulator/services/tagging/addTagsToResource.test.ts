import { describe, expect, it } from 'vitest';
import { AddTagsToResourceCommand, ListTagsForResourceCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from '../parameters/testkit.js';
import { parametersArea } from '../parameters/index.js';
import { taggingArea } from './index.js';

// Only Parameter Store registers a taggable type here, so the other types show what a type without
// resources answers, whatever other areas exist.
const t = useEmulator({ areas: [parametersArea, taggingArea] });
const add = (ResourceId: string, Tags: { Key: string; Value: string }[], ResourceType: 'Parameter' | 'Document' | 'ManagedInstance' | 'Automation' = 'Parameter') =>
  t.ssm.send(new AddTagsToResourceCommand({ ResourceType, ResourceId, Tags }));
const list = async (ResourceId: string) => (await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId }))).TagList;

describe('AddTagsToResource', () => {
  it('adds tags and overwrites the value of an existing key', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/t', Value: 'v', Type: 'String', Tags: [{ Key: 'env', Value: 'dev' }] }));
    await add('/t', [
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'core' },
    ]);
    expect(await list('/t')).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'core' },
    ]);
  });

  it('accepts a single-level name with or without its slash, and the parameter ARN', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: 'single', Value: 'v', Type: 'String' }));
    await add('/single', [{ Key: 'a', Value: '1' }]);
    await add('arn:aws:ssm:us-east-1:000000000000:parameter/single', [{ Key: 'b', Value: '' }]);
    expect(await list('single')).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '' },
    ]);
  });

  it('allows 50 tags per resource, counting those it has (TooManyTagsError), changing nothing', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/t', Value: 'v', Type: 'String', Tags: [{ Key: 'k0', Value: 'v' }] }));
    await add('/t', Array.from({ length: 49 }, (_, i) => ({ Key: `k${i + 1}`, Value: 'v' })));
    const e = await errorOf(add('/t', [{ Key: 'one-too-many', Value: 'v' }]));
    expect(e.name).toBe('TooManyTagsError');
    expect(await list('/t')).toHaveLength(50);
    await add('/t', [{ Key: 'k3', Value: 'changed' }]); // an existing key does not count twice
  });

  it('refuses keys with the reserved aws: prefix', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/t', Value: 'v', Type: 'String' }));
    const e = await errorOf(add('/t', [{ Key: 'AWS:cloudformation:stack-name', Value: 'x' }]));
    expect(e.name).toBe('ValidationException');
    expect(await list('/t')).toEqual([]);
  });

  it('checks keys and values against the model (ValidationException)', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/t', Value: 'v', Type: 'String' }));
    expect((await errorOf(add('/t', [{ Key: 'bad#key', Value: 'x' }]))).name).toBe('ValidationException');
    expect((await errorOf(add('/t', [{ Key: 'k', Value: 'x'.repeat(257) }]))).name).toBe('ValidationException');
    expect((await errorOf(add('/t', [{ Key: 'k'.repeat(129), Value: 'x' }]))).name).toBe('ValidationException');
  });

  it('answers InvalidResourceId for a resource that does not exist, including AWS public parameters', async () => {
    const e = await errorOf(add('/nope', [{ Key: 'a', Value: 'b' }]));
    expect(e.name).toBe('InvalidResourceId');
    expect((await errorOf(add('/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2', [{ Key: 'a', Value: 'b' }]))).name).toBe('InvalidResourceId');
    expect((await errorOf(add('MyDocument', [{ Key: 'a', Value: 'b' }], 'Document'))).name).toBe('InvalidResourceId');
    expect((await errorOf(add('mi-0123456789abcdef0', [{ Key: 'a', Value: 'b' }], 'ManagedInstance'))).name).toBe('InvalidResourceId');
  });

  it('answers InvalidResourceType for an EC2 instance id given as a ManagedInstance', async () => {
    const e = await errorOf(add('i-0123456789abcdef0', [{ Key: 'a', Value: 'b' }], 'ManagedInstance'));
    expect(e.name).toBe('InvalidResourceType');
  });

  it('refuses a resource type outside the model\'s enum (ValidationException)', async () => {
    const e = await errorOf(t.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Bucket' as never, ResourceId: 'x', Tags: [{ Key: 'a', Value: 'b' }] })));
    expect(e.name).toBe('ValidationException');
  });
});
