import { describe, expect, it } from 'vitest';
import { CreateSecretCommand, GetSecretValueCommand, DeleteSecretCommand } from '@aws-sdk/client-secrets-manager';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { errorOf, secretsClient } from './testkit.js';

const t = useEmulator();
const sm = secretsClient(t);

describe('CreateSecret', () => {
  it('creates a secret with a first AWSCURRENT version and an ARN with a 6-character suffix', async () => {
    const out = await sm().send(new CreateSecretCommand({ Name: 'prod/db/password', SecretString: 's3cr3t', Description: 'the db' }));
    expect(out.Name).toBe('prod/db/password');
    expect(out.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:prod\/db\/password-[A-Za-z0-9]{6}$/);
    expect(out.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    const value = await sm().send(new GetSecretValueCommand({ SecretId: 'prod/db/password' }));
    expect(value).toMatchObject({ SecretString: 's3cr3t', VersionId: out.VersionId, VersionStages: ['AWSCURRENT'], ARN: out.ARN });
    expect(value.CreatedDate).toEqual(new Date(TEST_START_SECONDS * 1000));
  });

  it('uses ClientRequestToken as the version id, and answers the same request again the same', async () => {
    const token = 'a'.repeat(32);
    const first = await sm().send(new CreateSecretCommand({ Name: 'tok', SecretString: 'x', ClientRequestToken: token }));
    expect(first.VersionId).toBe(token);
    expect((await sm().send(new CreateSecretCommand({ Name: 'tok', SecretString: 'x', ClientRequestToken: token }))).ARN).toBe(first.ARN);
  });

  it('stores binary secrets', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'bin', SecretBinary: new Uint8Array([1, 2, 3]) }));
    const v = await sm().send(new GetSecretValueCommand({ SecretId: 'bin' }));
    expect([...v.SecretBinary!]).toEqual([1, 2, 3]);
    expect(v.SecretString).toBeUndefined();
  });

  it('answers ResourceExistsException for a name taken, and InvalidRequestException while it awaits deletion', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'dup', SecretString: 'x' }));
    const e = await errorOf(sm().send(new CreateSecretCommand({ Name: 'dup', SecretString: 'y' })));
    expect(e.name).toBe('ResourceExistsException');
    expect(e.message).toBe('The operation failed because the secret dup already exists.');
    await sm().send(new DeleteSecretCommand({ SecretId: 'dup' }));
    const d = await errorOf(sm().send(new CreateSecretCommand({ Name: 'dup', SecretString: 'y' })));
    expect(d.name).toBe('InvalidRequestException');
    expect(d.message).toBe("You can't create this secret because a secret with this name is already scheduled for deletion.");
  });

  it('refuses both a string and a binary value, a bad name, and model violations', async () => {
    const both = await errorOf(sm().send(new CreateSecretCommand({ Name: 'both', SecretString: 'x', SecretBinary: new Uint8Array([1]) })));
    expect(both.name).toBe('InvalidParameterException');
    expect((await errorOf(sm().send(new CreateSecretCommand({ Name: 'bad name!', SecretString: 'x' })))).name).toBe('InvalidParameterException');
    const e = await errorOf(sm().send(new CreateSecretCommand({ Name: 'x'.repeat(513) })));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toMatch(/at 'name' failed to satisfy constraint: Member must have length less than or equal to 512/);
  });
});
