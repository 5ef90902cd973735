import { describe, expect, it } from 'vitest';
import { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { errorOf, secretsClient } from './testkit.js';

const t = useEmulator();
const sm = secretsClient(t);
const get = (SecretId: string, extra: { VersionId?: string; VersionStage?: string } = {}) => sm().send(new GetSecretValueCommand({ SecretId, ...extra }));

describe('GetSecretValue', () => {
  it('reads AWSCURRENT by default, AWSPREVIOUS or a version id when asked', async () => {
    const first = await sm().send(new CreateSecretCommand({ Name: 'app', SecretString: 'one' }));
    await sm().send(new PutSecretValueCommand({ SecretId: 'app', SecretString: 'two' }));
    expect((await get('app')).SecretString).toBe('two');
    expect((await get('app', { VersionStage: 'AWSPREVIOUS' })).SecretString).toBe('one');
    expect((await get('app', { VersionId: first.VersionId })).VersionStages).toEqual(['AWSPREVIOUS']);
  });

  it('finds a secret by name, full ARN and partial ARN (without the 6-character suffix)', async () => {
    const { ARN } = await sm().send(new CreateSecretCommand({ Name: 'by/arn', SecretString: 'v' }));
    expect((await get(ARN!)).SecretString).toBe('v');
    expect((await get(ARN!.slice(0, -7))).SecretString).toBe('v');
  });

  it('answers AWS\'s ResourceNotFoundException texts for a secret, a version and a label', async () => {
    const missing = await errorOf(get('nope'));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.message).toBe("Secrets Manager can't find the specified secret.");
    await sm().send(new CreateSecretCommand({ Name: 'empty' }));
    expect((await errorOf(get('empty'))).message).toBe("Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
    await sm().send(new CreateSecretCommand({ Name: 'full', SecretString: 'x' }));
    expect((await errorOf(get('full', { VersionId: 'b'.repeat(32) }))).message).toBe(`Secrets Manager can't find the specified secret value for VersionId: ${'b'.repeat(32)}`);
  });

  it('refuses a secret scheduled for deletion', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'gone', SecretString: 'x' }));
    await sm().send(new DeleteSecretCommand({ SecretId: 'gone' }));
    const e = await errorOf(get('gone'));
    expect(e.name).toBe('InvalidRequestException');
    expect(e.message).toBe("You can't perform this operation on the secret because it was marked for deletion.");
  });

  it('records the day of the last access', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'seen', SecretString: 'x' }));
    await t.advance(3 * 3600);
    await get('seen');
    expect((await sm().send(new DescribeSecretCommand({ SecretId: 'seen' }))).LastAccessedDate).toEqual(new Date(TEST_START_SECONDS * 1000));
  });
});
