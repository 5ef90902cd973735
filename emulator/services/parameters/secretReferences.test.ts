import { describe, expect, it } from 'vitest';
import { GetParameterCommand, GetParametersCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { CreateSecretCommand, DeleteSecretCommand, GetSecretValueCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { useEmulator } from '../../testing/harness.js';
import { prepareExecution } from '../../sim/documents/index.js';
import { errorOf } from './testkit.js';
import { secretsClient } from '../secretsmanager/testkit.js';

const t = useEmulator();
const sm = secretsClient(t);
const PREFIX = '/aws/reference/secretsmanager/';
const get = (Name: string, WithDecryption?: boolean) => t.ssm.send(new GetParameterCommand({ Name, WithDecryption }));

describe('GetParameter(s) of /aws/reference/secretsmanager/<secret-id>', () => {
  it('answers the secret string as a SecureString parameter, with the raw Secrets Manager answer in SourceResult', async () => {
    const created = await sm().send(new CreateSecretCommand({ Name: 'prod/db', SecretString: '{"password":"pw"}' }));
    const { Parameter: p } = await get(`${PREFIX}prod/db`, true);
    const raw = await sm().send(new GetSecretValueCommand({ SecretId: 'prod/db' }));
    expect(p).toMatchObject({ Name: `${PREFIX}prod/db`, Type: 'SecureString', Value: '{"password":"pw"}', Version: 0, ARN: created.ARN, LastModifiedDate: raw.CreatedDate });
    expect(p!.Selector).toBeUndefined();
    expect(p!.DataType).toBeUndefined();
    expect(JSON.parse(p!.SourceResult!)).toEqual({
      ARN: created.ARN,
      Name: 'prod/db',
      VersionId: created.VersionId,
      SecretString: '{"password":"pw"}',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: raw.CreatedDate!.getTime() / 1000,
    });
  });

  it('maps a selector to a staging label or a version id', async () => {
    const first = await sm().send(new CreateSecretCommand({ Name: 'rotated', SecretString: 'one' }));
    await sm().send(new PutSecretValueCommand({ SecretId: 'rotated', SecretString: 'two' }));
    expect((await get(`${PREFIX}rotated:AWSPREVIOUS`, true)).Parameter).toMatchObject({ Value: 'one', Selector: ':AWSPREVIOUS' });
    expect((await get(`${PREFIX}rotated:AWSCURRENT`, true)).Parameter?.Value).toBe('two');
    expect((await get(`${PREFIX}rotated:${first.VersionId}`, true)).Parameter).toMatchObject({ Value: 'one', Selector: `:${first.VersionId}` });
    const e = await errorOf(get(`${PREFIX}rotated:NOSUCHSTAGE`, true));
    expect(e.name).toBe('ParameterNotFound');
  });

  it('refuses a read without WithDecryption, before looking the secret up', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'plain', SecretString: 'x' }));
    for (const name of ['plain', 'absent']) {
      const e = await errorOf(get(`${PREFIX}${name}`));
      expect(e.name).toBe('ValidationException');
      expect(e.message).toBe('WithDecryption flag must be True for retrieving a Secret Manager secret.');
    }
  });

  it('answers ParameterNotFound with AWS\'s text for a secret that does not exist', async () => {
    const e = await errorOf(get(`${PREFIX}missing`, true));
    expect(e.name).toBe('ParameterNotFound');
    expect(e.message).toBe(`An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret ${PREFIX}missing not found.`);
  });

  it('refuses a secret scheduled for deletion and a malformed selector', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'going', SecretString: 'x' }));
    await sm().send(new DeleteSecretCommand({ SecretId: 'going' }));
    expect((await errorOf(get(`${PREFIX}going`, true))).name).toBe('ValidationException');
    expect((await errorOf(get(`${PREFIX}going:a:b`, true))).message).toMatch(/^Invalid parameter name\. Please use correct syntax for referencing a version\/label/);
  });

  it('GetParameters answers references beside parameters and lists the unanswerable ones as invalid', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'batch', SecretString: 'secret' }));
    await t.ssm.send(new PutParameterCommand({ Name: '/plain', Value: 'plain', Type: 'String' }));
    const out = await t.ssm.send(new GetParametersCommand({ Names: [`${PREFIX}batch`, '/plain', `${PREFIX}missing`], WithDecryption: true }));
    expect(out.Parameters?.map((p) => p.Value).sort()).toEqual(['plain', 'secret']);
    expect(out.InvalidParameters).toEqual([`${PREFIX}missing`]);
    const plain = await t.ssm.send(new GetParametersCommand({ Names: [`${PREFIX}batch`, '/plain'] }));
    expect(plain.Parameters?.map((p) => p.Value)).toEqual(['plain']);
    expect(plain.InvalidParameters).toEqual([`${PREFIX}batch`]);
  });

  it('resolves {{ssm-secure:/aws/reference/secretsmanager/...}} where AWS resolves ssm-secure', async () => {
    await sm().send(new CreateSecretCommand({ Name: 'github-token', SecretString: 'ghp_secret' }));
    const run = prepareExecution(t.emu.context('000000000000', 'us-east-1'), { name: 'AWS-RunRemoteScript' }, {
      sourceType: ['GitHub'],
      sourceInfo: [`{"owner":"me","repository":"scripts","path":"run.sh","tokenInfo":"{{ssm-secure:${PREFIX}github-token}}"}`],
      commandLine: ['run.sh'],
    });
    expect((run.steps[0].inputs as { sourceInfo: Record<string, string> }).sourceInfo.tokenInfo).toBe('ghp_secret');
  });
});
