import { describe, expect, it } from 'vitest';
import { CreateSecretCommand, DescribeSecretCommand, PutSecretValueCommand, UpdateSecretCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { useEmulator } from '../../testing/harness.js';
import { errorOf, secretsClient } from './testkit.js';

const t = useEmulator();
const sm = secretsClient(t);
const stages = async (SecretId: string) => (await sm().send(new DescribeSecretCommand({ SecretId }))).VersionIdsToStages;

describe('PutSecretValue and UpdateSecret', () => {
  it('moves AWSCURRENT to the new version and AWSPREVIOUS to the old one; older versions lose their labels', async () => {
    const v1 = (await sm().send(new CreateSecretCommand({ Name: 'rot', SecretString: '1' }))).VersionId!;
    const v2 = await sm().send(new PutSecretValueCommand({ SecretId: 'rot', SecretString: '2' }));
    expect(v2.VersionStages).toEqual(['AWSCURRENT']);
    const v3 = (await sm().send(new PutSecretValueCommand({ SecretId: 'rot', SecretString: '3' }))).VersionId!;
    expect(await stages('rot')).toEqual({ [v2.VersionId!]: ['AWSPREVIOUS'], [v3]: ['AWSCURRENT'] });
    expect(v1).not.toBe(v3);
  });

  it('puts AWSPENDING (or any label) without touching AWSCURRENT', async () => {
    const v1 = (await sm().send(new CreateSecretCommand({ Name: 'pend', SecretString: '1' }))).VersionId!;
    const pending = await sm().send(new PutSecretValueCommand({ SecretId: 'pend', SecretString: '2', VersionStages: ['AWSPENDING'] }));
    expect(await stages('pend')).toEqual({ [v1]: ['AWSCURRENT'], [pending.VersionId!]: ['AWSPENDING'] });
    expect((await sm().send(new GetSecretValueCommand({ SecretId: 'pend', VersionStage: 'AWSPENDING' }))).SecretString).toBe('2');
  });

  it('is idempotent by ClientRequestToken, and refuses the token with another value', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'idem', SecretString: '1' }));
    const token = 'c'.repeat(32);
    const a = await sm().send(new PutSecretValueCommand({ SecretId: 'idem', SecretString: '2', ClientRequestToken: token }));
    const b = await sm().send(new PutSecretValueCommand({ SecretId: 'idem', SecretString: '2', ClientRequestToken: token }));
    expect(b.VersionId).toBe(a.VersionId);
    expect((await errorOf(sm().send(new PutSecretValueCommand({ SecretId: 'idem', SecretString: '3', ClientRequestToken: token })))).name).toBe('ResourceExistsException');
  });

  it('refuses a PutSecretValue without a value, and a missing secret', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'nov' }));
    expect((await errorOf(sm().send(new PutSecretValueCommand({ SecretId: 'nov' })))).name).toBe('InvalidParameterException');
    expect((await errorOf(sm().send(new PutSecretValueCommand({ SecretId: 'missing', SecretString: 'x' })))).name).toBe('ResourceNotFoundException');
  });

  it('UpdateSecret changes the description, and a new value makes a new current version', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'upd', SecretString: '1', Description: 'old' }));
    const plain = await sm().send(new UpdateSecretCommand({ SecretId: 'upd', Description: 'new' }));
    expect(plain.VersionId).toBeUndefined();
    const valued = await sm().send(new UpdateSecretCommand({ SecretId: 'upd', SecretString: '2' }));
    expect(valued.VersionId).toBeDefined();
    const d = await sm().send(new DescribeSecretCommand({ SecretId: 'upd' }));
    expect(d.Description).toBe('new');
    expect(d.VersionIdsToStages?.[valued.VersionId!]).toEqual(['AWSCURRENT']);
    expect((await errorOf(sm().send(new UpdateSecretCommand({ SecretId: 'nope', Description: 'x' })))).name).toBe('ResourceNotFoundException');
  });
});
