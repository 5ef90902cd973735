import { describe, expect, it } from 'vitest';
import { DeleteParameterCommand, GetParameterCommand, ListTagsForResourceCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();
const del = (Name: string) => t.ssm.send(new DeleteParameterCommand({ Name }));

describe('DeleteParameter', () => {
  it('deletes the parameter with its versions and tags, and a new one starts at version 1', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/d', Value: 'a', Type: 'String', Tags: [{ Key: 'k', Value: 'v' }] }));
    await t.ssm.send(new PutParameterCommand({ Name: '/d', Value: 'b', Overwrite: true }));
    await del('/d');
    expect((await errorOf(t.ssm.send(new GetParameterCommand({ Name: '/d' })))).name).toBe('ParameterNotFound');
    expect((await errorOf(t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/d' })))).name).toBe('InvalidResourceId');
    expect((await t.ssm.send(new PutParameterCommand({ Name: '/d', Value: 'c', Type: 'String' }))).Version).toBe(1);
  });

  it('answers ParameterNotFound for a name that does not exist', async () => {
    const e = await errorOf(del('/nope'));
    expect(e.name).toBe('ParameterNotFound');
    expect(e.message).toBe('Parameter /nope not found.');
  });

  it.each(['a/b/c', '/a//b//c'])('refuses the malformed path %j with ValidationException', async (name) => {
    const e = await errorOf(del(name));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/^Parameter name: can't be prefixed with "ssm" \(case-insensitive\)\. If formed as a path/);
  });

  it('refuses to delete AWS public parameters', async () => {
    const e = await errorOf(del('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64'));
    expect(e.name).toBe('AccessDeniedException');
  });

  it('emits a "Parameter Store Change" Delete event', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: 'single', Value: 'a', Type: 'SecureString' }));
    await del('/single');
    const ev = (await t.http.get('/_emulator/events')).body.events.at(-1);
    expect(ev).toMatchObject({
      'detail-type': 'Parameter Store Change',
      resources: ['arn:aws:ssm:us-east-1:000000000000:parameter/single'],
      detail: { operation: 'Delete', name: 'single', type: 'SecureString' },
    });
  });
});
