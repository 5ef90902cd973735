import { describe, expect, it } from 'vitest';
import { GetParametersCommand, PutParameterCommand, type PutParameterCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();
const put = (input: Partial<PutParameterCommandInput> & { Name: string }) => t.ssm.send(new PutParameterCommand({ Value: 'v', Type: 'String', ...input }));
const getMany = (Names: string[], WithDecryption?: boolean) => t.ssm.send(new GetParametersCommand({ Names, WithDecryption }));

describe('GetParameters', () => {
  it('returns the parameters found in alphabetical order and lists the others in InvalidParameters', async () => {
    await put({ Name: '/b', Value: 'B' });
    await put({ Name: '/a', Value: 'A' });
    const out = await getMany(['/b', '/missing', '/a']);
    expect(out.Parameters?.map((p) => [p.Name, p.Value])).toEqual([
      ['/a', 'A'],
      ['/b', 'B'],
    ]);
    expect(out.InvalidParameters).toEqual(['/missing']);
  });

  it('answers empty lists when nothing matches, and answers a name given twice once', async () => {
    expect(await getMany(['/nope'])).toMatchObject({ Parameters: [], InvalidParameters: ['/nope'] });
    await put({ Name: '/dup' });
    const out = await getMany(['/dup', '/dup']);
    expect(out.Parameters).toHaveLength(1);
    expect(out.InvalidParameters).toEqual([]);
  });

  it('accepts version and label selectors; a missing version is an invalid parameter, not an error', async () => {
    await put({ Name: '/s', Value: 'one' });
    await put({ Name: '/s', Value: 'two', Overwrite: true });
    const out = await getMany(['/s:1', '/s', '/s:9']);
    expect(out.Parameters?.map((p) => [p.Value, p.Selector])).toEqual([
      ['two', undefined],
      ['one', ':1'],
    ]);
    expect(out.InvalidParameters).toEqual(['/s:9']);
  });

  it('decrypts SecureString values only WithDecryption', async () => {
    await put({ Name: '/sec', Type: 'SecureString', Value: 'pw' });
    expect((await getMany(['/sec'])).Parameters?.[0].Value).not.toBe('pw');
    expect((await getMany(['/sec'], true)).Parameters?.[0].Value).toBe('pw');
  });

  it('reads public parameters and ARNs together with names', async () => {
    await put({ Name: '/mine' });
    const out = await getMany(['/aws/service/global-infrastructure/regions/eu-west-1/longName', 'arn:aws:ssm:us-east-1:000000000000:parameter/mine']);
    expect(out.Parameters?.map((p) => p.Value)).toEqual(['Europe (Ireland)', 'v']);
    expect(out.InvalidParameters).toEqual([]);
  });

  it('accepts at most 10 names (ValidationException from the model)', async () => {
    const e = await errorOf(getMany(Array.from({ length: 11 }, (_, i) => `/p${i}`)));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/at 'names' failed to satisfy constraint: Member must have length less than or equal to 10/);
  });

  it('fails the request for a name with spaces inside (ValidationException)', async () => {
    expect((await errorOf(getMany(['/ok', '/not ok']))).name).toBe('ValidationException');
  });

  it('fails the request with AccessDeniedException for another account\'s parameter not shared with the caller', async () => {
    const e = await errorOf(getMany(['arn:aws:ssm:us-east-1:111111111111:parameter/theirs']));
    expect(e.name).toBe('AccessDeniedException');
  });

  it('answers the name as asked: the parameter\'s name for an ARN, a root-level name with or without its slash', async () => {
    await put({ Name: '/g/arn', Value: 'x' });
    await put({ Name: 'root', Value: 'r' });
    const arn = 'arn:aws:ssm:us-east-1:000000000000:parameter/g/arn';
    const out = await getMany([arn, `${arn}:1`, '/root', 'root']);
    expect(out.Parameters?.map((p) => [p.Name, p.ARN, p.Selector])).toEqual([
      ['/g/arn', arn, undefined],
      ['/g/arn', arn, ':1'],
      ['/root', 'arn:aws:ssm:us-east-1:000000000000:parameter/root', undefined],
      ['root', 'arn:aws:ssm:us-east-1:000000000000:parameter/root', undefined],
    ]);
    expect(out.InvalidParameters).toEqual([]);
  });

  it('fails the request for a malformed path (ValidationException), not an invalid parameter', async () => {
    for (const name of ['a/b/c', '/a//b//c']) {
      const e = await errorOf(getMany(['/ok', name]));
      expect(e.name).toBe('ValidationException');
      expect(e.message).toMatch(/^Parameter name: can't be prefixed with "ssm" \(case-insensitive\)\. If formed as a path/);
    }
  });
});
