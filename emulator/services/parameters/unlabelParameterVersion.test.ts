import { describe, expect, it } from 'vitest';
import { GetParameterCommand, LabelParameterVersionCommand, PutParameterCommand, UnlabelParameterVersionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();
const unlabel = (Labels: string[], ParameterVersion = 1, Name = '/u') => t.ssm.send(new UnlabelParameterVersionCommand({ Name, Labels, ParameterVersion }));

describe('UnlabelParameterVersion', () => {
  it('removes labels from a version and reports the ones it did not carry as invalid', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/u', Value: 'v', Type: 'String' }));
    await t.ssm.send(new LabelParameterVersionCommand({ Name: '/u', Labels: ['a', 'b'] }));
    const out = await unlabel(['a', 'zzz']);
    expect(out.RemovedLabels).toEqual(['a']);
    expect(out.InvalidLabels).toEqual(['zzz']);
    expect((await errorOf(t.ssm.send(new GetParameterCommand({ Name: '/u:a' })))).name).toBe('ParameterVersionNotFound');
    expect((await t.ssm.send(new GetParameterCommand({ Name: '/u:b' }))).Parameter?.Version).toBe(1);
  });

  it('answers ParameterNotFound and ParameterVersionNotFound', async () => {
    expect((await errorOf(unlabel(['a'], 1, '/nope'))).name).toBe('ParameterNotFound');
    await t.ssm.send(new PutParameterCommand({ Name: '/u', Value: 'v', Type: 'String' }));
    const e = await errorOf(unlabel(['a'], 2));
    expect(e.name).toBe('ParameterVersionNotFound');
    expect(e.message).toBe('Systems Manager could not find version 2 of /u. Verify the version and try again.');
  });

  it('refuses AWS public parameters', async () => {
    expect((await errorOf(unlabel(['a'], 1, '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64'))).name).toBe('AccessDeniedException');
  });
});
