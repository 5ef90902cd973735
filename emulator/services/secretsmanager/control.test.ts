import { describe, expect, it } from 'vitest';
import { GetSecretValueCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { secretsClient } from './testkit.js';

const t = useEmulator({
  secrets: {
    secrets: [
      { Name: 'fixture/db', SecretString: 'from-fixture', Tags: [{ Key: 'env', Value: 'test' }] },
      { Name: 'elsewhere', SecretString: 'eu', region: 'eu-west-1' },
    ],
  },
});
const sm = secretsClient(t);
const eu = secretsClient(t, { region: 'eu-west-1' });

describe('secrets from a fixture and the control API', () => {
  it('loads the fixture at start and again after every reset', async () => {
    expect((await sm().send(new GetSecretValueCommand({ SecretId: 'fixture/db' }))).SecretString).toBe('from-fixture');
    expect((await eu().send(new GetSecretValueCommand({ SecretId: 'elsewhere' }))).SecretString).toBe('eu');
    await t.http.post('/_emulator/reset').send({}).expect(200);
    expect((await sm().send(new ListSecretsCommand({}))).SecretList?.map((s) => s.Name)).toEqual(['fixture/db']);
    const ref = await t.ssm.send(new GetParameterCommand({ Name: '/aws/reference/secretsmanager/fixture/db', WithDecryption: true }));
    expect(ref.Parameter?.Value).toBe('from-fixture');
  });

  it('creates one secret or a list through POST /_emulator/secrets, and lists them without values', async () => {
    const one = await t.http.post('/_emulator/secrets').send({ Name: 'ctl/one', SecretString: 'v1', Description: 'by control' }).expect(200);
    expect(one.body.secrets[0]).toMatchObject({ Name: 'ctl/one', Versions: 1 });
    const many = await t.http
      .post('/_emulator/secrets')
      .send({ account: '123456789012', secrets: [{ Name: 'a', SecretString: 'x' }, { Name: 'b', SecretBinary: 'AQID' }] })
      .expect(200);
    expect(many.body.secrets.map((s: { Name: string }) => s.Name).sort()).toEqual(['a', 'b']);
    expect((await sm().send(new GetSecretValueCommand({ SecretId: 'ctl/one' }))).SecretString).toBe('v1');
    const listed = await t.http.get('/_emulator/secrets').query({ account: '123456789012' }).expect(200);
    expect(listed.body.secrets.map((s: { Name: string }) => s.Name).sort()).toEqual(['a', 'b']);
    expect(JSON.stringify(listed.body)).not.toContain('AQID');
  });

  it('refuses a taken name (409) and a malformed secret (400)', async () => {
    const taken = await t.http.post('/_emulator/secrets').send({ Name: 'fixture/db', SecretString: 'again' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('SecretExists');
    const bad = await t.http.post('/_emulator/secrets').send({ SecretString: 'no name' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Name is required/);
  });
});
