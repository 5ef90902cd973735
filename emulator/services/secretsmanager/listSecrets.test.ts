import { describe, expect, it } from 'vitest';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  ListSecretsCommand,
  RotateSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type ListSecretsCommandInput,
} from '@aws-sdk/client-secrets-manager';
import { useEmulator } from '../../testing/harness.js';
import { errorOf, secretsClient } from './testkit.js';

const t = useEmulator();
const sm = secretsClient(t);
const other = secretsClient(t, { region: 'eu-west-1' });
const names = async (input: ListSecretsCommandInput = {}) => (await sm().send(new ListSecretsCommand(input))).SecretList!.map((s) => s.Name);

describe('ListSecrets, DescribeSecret, TagResource, UntagResource', () => {
  it('lists newest first by default, sorts by name, and filters by name, description and tags', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'prod/a', SecretString: 'x', Description: 'Database password', Tags: [{ Key: 'env', Value: 'prod' }] }));
    await t.advance(1);
    await sm().send(new CreateSecretCommand({ Name: 'dev/b', SecretString: 'x', Tags: [{ Key: 'env', Value: 'dev' }] }));
    expect(await names()).toEqual(['dev/b', 'prod/a']);
    expect(await names({ SortBy: 'name', SortOrder: 'asc' })).toEqual(['dev/b', 'prod/a']);
    expect(await names({ Filters: [{ Key: 'name', Values: ['prod/'] }] })).toEqual(['prod/a']);
    expect(await names({ Filters: [{ Key: 'description', Values: ['database'] }] })).toEqual(['prod/a']);
    expect(await names({ Filters: [{ Key: 'tag-value', Values: ['!prod'] }] })).toEqual(['dev/b']);
    expect(await names({ Filters: [{ Key: 'all', Values: ['password'] }] })).toEqual(['prod/a']);
    const entry = (await sm().send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['prod/a'] }] }))).SecretList![0];
    expect(entry).toMatchObject({ Description: 'Database password', Tags: [{ Key: 'env', Value: 'prod' }] });
    expect(Object.values(entry.SecretVersionsToStages!)).toEqual([['AWSCURRENT']]);
  });

  it('leaves out secrets scheduled for deletion unless IncludePlannedDeletion, and pages with NextToken', async () => {
    for (const n of ['s1', 's2', 's3']) await sm().send(new CreateSecretCommand({ Name: n, SecretString: 'x' }));
    await sm().send(new DeleteSecretCommand({ SecretId: 's2' }));
    expect(await names({ SortBy: 'name', SortOrder: 'asc' })).toEqual(['s1', 's3']);
    expect(await names({ SortBy: 'name', SortOrder: 'asc', IncludePlannedDeletion: true })).toEqual(['s1', 's2', 's3']);
    const first = await sm().send(new ListSecretsCommand({ MaxResults: 1, SortBy: 'name', SortOrder: 'asc' }));
    expect(first.SecretList!.map((s) => s.Name)).toEqual(['s1']);
    const second = await sm().send(new ListSecretsCommand({ MaxResults: 1, SortBy: 'name', SortOrder: 'asc', NextToken: first.NextToken }));
    expect(second.SecretList!.map((s) => s.Name)).toEqual(['s3']);
    expect(second.NextToken).toBeUndefined();
    expect((await errorOf(sm().send(new ListSecretsCommand({ NextToken: 'bogus' })))).name).toBe('InvalidNextTokenException');
  });

  it('tags and untags a secret; DescribeSecret shows them', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'tagged', SecretString: 'x', Tags: [{ Key: 'a', Value: '1' }] }));
    await sm().send(new TagResourceCommand({ SecretId: 'tagged', Tags: [{ Key: 'a', Value: '2' }, { Key: 'b', Value: '3' }] }));
    expect((await sm().send(new DescribeSecretCommand({ SecretId: 'tagged' }))).Tags).toEqual([
      { Key: 'a', Value: '2' },
      { Key: 'b', Value: '3' },
    ]);
    await sm().send(new UntagResourceCommand({ SecretId: 'tagged', TagKeys: ['a', 'zz'] }));
    expect((await sm().send(new DescribeSecretCommand({ SecretId: 'tagged' }))).Tags).toEqual([{ Key: 'b', Value: '3' }]);
    expect((await errorOf(sm().send(new TagResourceCommand({ SecretId: 'nope', Tags: [] })))).name).toBe('ResourceNotFoundException');
    expect((await errorOf(sm().send(new DescribeSecretCommand({ SecretId: 'nope' })))).message).toBe("Secrets Manager can't find the specified secret.");
  });

  it('answers NotImplementedException for the operations it does not emulate', async () => {
    const e = await errorOf(sm().send(new RotateSecretCommand({ SecretId: 'x' })));
    expect(e.name).toBe('NotImplementedException');
    expect(e.message).toMatch(/^RotateSecret is not implemented by the SSM emulator yet \(capability area: secretsmanager/);
  });

  it('keeps secrets per account and Region', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'here', SecretString: 'x' }));
    expect((await other().send(new ListSecretsCommand({}))).SecretList).toEqual([]);
  });
});
