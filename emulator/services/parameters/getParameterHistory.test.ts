import { describe, expect, it } from 'vitest';
import { GetParameterHistoryCommand, LabelParameterVersionCommand, PutParameterCommand, type PutParameterCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();
const put = (input: Partial<PutParameterCommandInput> & { Name: string }) => t.ssm.send(new PutParameterCommand({ Value: 'v', Type: 'String', ...input }));
const history = (Name: string, extra: { MaxResults?: number; NextToken?: string; WithDecryption?: boolean } = {}) =>
  t.ssm.send(new GetParameterHistoryCommand({ Name, ...extra }));

describe('GetParameterHistory', () => {
  it('lists every version oldest first with its labels, tier, description and dates', async () => {
    await put({ Name: '/h', Value: 'one', Description: 'first' });
    await t.advance(10);
    await put({ Name: '/h', Value: 'two', Overwrite: true, Tier: 'Advanced' });
    await t.ssm.send(new LabelParameterVersionCommand({ Name: '/h', ParameterVersion: 1, Labels: ['old'] }));
    const out = await history('/h');
    expect(out.NextToken).toBeUndefined();
    expect(out.Parameters).toEqual([
      {
        Name: '/h',
        Type: 'String',
        LastModifiedDate: new Date(TEST_START_SECONDS * 1000),
        LastModifiedUser: 'arn:aws:iam::000000000000:root',
        Description: 'first',
        Value: 'one',
        Version: 1,
        Labels: ['old'],
        Tier: 'Standard',
        Policies: [],
        DataType: 'text',
      },
      {
        Name: '/h',
        Type: 'String',
        LastModifiedDate: new Date((TEST_START_SECONDS + 10) * 1000),
        LastModifiedUser: 'arn:aws:iam::000000000000:root',
        Description: 'first',
        Value: 'two',
        Version: 2,
        Labels: [],
        Tier: 'Advanced',
        Policies: [],
        DataType: 'text',
      },
    ]);
  });

  it('pages by version, and a version written between pages is on a later page', async () => {
    for (let i = 1; i <= 5; i++) await put({ Name: '/h', Value: `v${i}`, Overwrite: true });
    const first = await history('/h', { MaxResults: 2 });
    expect(first.Parameters?.map((p) => p.Version)).toEqual([1, 2]);
    await put({ Name: '/h', Value: 'v6', Overwrite: true });
    const second = await history('/h', { MaxResults: 2, NextToken: first.NextToken });
    expect(second.Parameters?.map((p) => p.Version)).toEqual([3, 4]);
    const third = await history('/h', { MaxResults: 2, NextToken: second.NextToken });
    expect(third.Parameters?.map((p) => p.Version)).toEqual([5, 6]);
    expect(third.NextToken).toBeUndefined();
  });

  it('shows SecureString values encrypted unless WithDecryption, with the KeyId of each version', async () => {
    await put({ Name: '/hs', Type: 'SecureString', Value: 'a' });
    await put({ Name: '/hs', Type: 'SecureString', Value: 'b', Overwrite: true, KeyId: 'alias/other' });
    const enc = await history('/hs');
    expect(enc.Parameters?.map((p) => p.KeyId)).toEqual(['alias/aws/ssm', 'alias/other']);
    expect(enc.Parameters?.map((p) => p.Value)).not.toContain('a');
    expect((await history('/hs', { WithDecryption: true })).Parameters?.map((p) => p.Value)).toEqual(['a', 'b']);
  });

  it('accepts the ARN but no selector', async () => {
    await put({ Name: '/h' });
    expect((await history('arn:aws:ssm:us-east-1:000000000000:parameter/h')).Parameters).toHaveLength(1);
    expect((await errorOf(history('/h:1'))).name).toBe('ParameterNotFound');
  });

  it('answers ParameterNotFound and InvalidNextToken', async () => {
    const e = await errorOf(history('/nothing'));
    expect(e.name).toBe('ParameterNotFound');
    expect(e.message).toBe('Parameter /nothing not found.');
    await put({ Name: '/h' });
    expect((await errorOf(history('/h', { NextToken: 'x.y' }))).name).toBe('InvalidNextToken');
  });

  it('shows the current version of a public parameter', async () => {
    const out = await history('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64');
    expect(out.Parameters).toHaveLength(1);
    expect(out.Parameters?.[0]).toMatchObject({ Version: 161, Value: 'ami-0ed094fb1304fd857' });
  });
});
