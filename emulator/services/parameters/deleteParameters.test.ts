import { describe, expect, it } from 'vitest';
import { DeleteParametersCommand, GetParametersCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();

describe('DeleteParameters', () => {
  it('deletes the parameters that exist and lists the others as invalid', async () => {
    for (const n of ['/a', '/b', 'c']) await t.ssm.send(new PutParameterCommand({ Name: n, Value: 'v', Type: 'String' }));
    const out = await t.ssm.send(new DeleteParametersCommand({ Names: ['/a', '/missing', '/c', '/aws/service/x'] }));
    expect(out.DeletedParameters).toEqual(['/a', '/c']);
    expect(out.InvalidParameters).toEqual(['/missing', '/aws/service/x']);
    const left = await t.ssm.send(new GetParametersCommand({ Names: ['/a', '/b', 'c'] }));
    expect(left.Parameters?.map((p) => p.Name)).toEqual(['/b']);
  });

  it('accepts 1 to 10 names (ValidationException from the model)', async () => {
    expect((await errorOf(t.ssm.send(new DeleteParametersCommand({ Names: [] }))))).toMatchObject({ name: 'ValidationException' });
    const e = await errorOf(t.ssm.send(new DeleteParametersCommand({ Names: Array.from({ length: 11 }, (_, i) => `/p${i}`) })));
    expect(e.name).toBe('ValidationException');
  });

  it('fails the request for a malformed path (ValidationException), as DeleteParameter does', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/kept', Value: 'v', Type: 'String' }));
    expect((await errorOf(t.ssm.send(new DeleteParametersCommand({ Names: ['/kept', 'a/b/c'] })))).name).toBe('ValidationException');
    expect((await t.ssm.send(new GetParametersCommand({ Names: ['/kept'] }))).Parameters).toHaveLength(1);
  });
});
