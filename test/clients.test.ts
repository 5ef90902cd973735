/**
 * Other real clients than the JS SDK: the AWS CLI and boto3, when installed on the machine (each
 * suite is skipped with a message otherwise). They parse responses with botocore, so they catch wire
 * differences the JS SDK tolerates.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync, execFile } from 'node:child_process';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../emulator/testing/harness.js';

const hasAws = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' }).status === 0;
if (!hasAws) console.warn('AWS CLI not installed: the CLI tests are skipped');
if (!hasBoto3) console.warn('boto3 not installed: the boto3 tests are skipped');

const t = useEmulator();
const env = () => ({
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIAEMULATORTEST',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
});

/**
 * Runs a client process asynchronously: the emulator answers from this same process, so a
 * synchronous spawn would block the event loop that has to answer the client.
 */
function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolveRun) => {
    execFile(cmd, args, { encoding: 'utf8', env: { ...env(), ...extraEnv } }, (err, stdout, stderr) => {
      resolveRun({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function aws(args: string[], extraEnv: Record<string, string> = {}) {
  const r = await run('aws', ['--output', 'json', ...args], extraEnv);
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

// Each CLI or Python start costs seconds on a busy machine (several per test): more room than the suite's 20 s.
const CLIENT_PROCESS_TIMEOUT = { timeout: 120_000 };

describe.skipIf(!hasAws)('AWS CLI', CLIENT_PROCESS_TIMEOUT, () => {
  it('put-parameter and get-parameter round-trip with --endpoint-url', async () => {
    const put = await aws(['ssm', 'put-parameter', '--endpoint-url', t.endpoint, '--name', '/cli/db/url', '--value', 'postgres://x', '--type', 'String']);
    expect(put.stderr).toBe('');
    expect(put.json).toEqual({ Version: 1, Tier: 'Standard' });
    const get = await aws(['ssm', 'get-parameter', '--endpoint-url', t.endpoint, '--name', '/cli/db/url']);
    expect(get.json.Parameter).toMatchObject({ Name: '/cli/db/url', Value: 'postgres://x', Type: 'String', Version: 1 });
    // AWS CLI v1 prints timestamps as it receives them (cli_timestamp_format = none): epoch seconds.
    expect(get.json.Parameter.LastModifiedDate).toBe(TEST_START_SECONDS);
  });

  it('works with AWS_ENDPOINT_URL instead of --endpoint-url, and reports AWS errors as the CLI does', async () => {
    const missing = await aws(['ssm', 'get-parameter', '--name', '/cli/nope'], { AWS_ENDPOINT_URL: t.endpoint });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('An error occurred (ParameterNotFound) when calling the GetParameter operation');
    const invalid = await aws(['ssm', 'get-parameters-by-path', '--path', '/x', '--max-results', '11', '--no-paginate'], { AWS_ENDPOINT_URL: t.endpoint });
    expect(invalid.stderr).toContain('ValidationException');
    expect(invalid.stderr).toContain("Value '11' at 'maxResults' failed to satisfy constraint");
  });

  it('answers sts get-caller-identity, with --endpoint-url and with AWS_ENDPOINT_URL for every service', async () => {
    const direct = await aws(['sts', 'get-caller-identity', '--endpoint-url', t.endpoint]);
    expect(direct.stderr).toBe('');
    expect(direct.json).toEqual({ UserId: '000000000000', Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
    const viaEnv = await aws(['sts', 'get-caller-identity'], { AWS_ENDPOINT_URL: t.endpoint, AWS_ACCESS_KEY_ID: '123456789012' });
    expect(viaEnv.json).toMatchObject({ Account: '123456789012' });
    const ssm = await aws(['ssm', 'describe-parameters'], { AWS_ENDPOINT_URL: t.endpoint });
    expect(ssm.json).toEqual({ Parameters: [] });
    const perService = await aws(['sts', 'get-caller-identity'], { AWS_ENDPOINT_URL_STS: t.endpoint });
    expect(perService.json).toMatchObject({ Account: '000000000000' });
  });

  it('prints AWS\'s empty ParameterNotFound message and the name-rules text, as against AWS', async () => {
    const missing = await aws(['ssm', 'get-parameter', '--endpoint-url', t.endpoint, '--name', '/cli/nope']);
    expect(missing.stderr.trim()).toBe('An error occurred (ParameterNotFound) when calling the GetParameter operation:');
    const malformed = await aws(['ssm', 'get-parameter', '--endpoint-url', t.endpoint, '--name', 'a/b/c']);
    expect(malformed.stderr.trim()).toBe(
      'An error occurred (ValidationException) when calling the GetParameter operation: Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_',
    );
  });

  it('send-command, then the CLI waiter (command-executed) and get-command-invocation', async () => {
    await t.http.post('/_emulator/fleet/instances').send({ InstanceId: 'i-0c11c11c11c11c11c', Platform: 'amazon-linux-2023' }).expect(200);
    // A scaled clock: the command finishes in a few wall milliseconds, before the waiter's first poll.
    await t.http.post('/_emulator/clock').send({ mode: 'scaled', rate: 1000 }).expect(200);
    const sent = await aws(['ssm', 'send-command', '--endpoint-url', t.endpoint, '--document-name', 'AWS-RunShellScript', '--instance-ids', 'i-0c11c11c11c11c11c', '--parameters', 'commands=["echo waited for $(hostname)"]']);
    expect(sent.stderr).toBe('');
    const commandId = sent.json.Command.CommandId as string;
    const waited = await aws(['ssm', 'wait', 'command-executed', '--endpoint-url', t.endpoint, '--command-id', commandId, '--instance-id', 'i-0c11c11c11c11c11c']);
    expect(waited.stderr).toBe('');
    expect(waited.status).toBe(0);
    const inv = await aws(['ssm', 'get-command-invocation', '--endpoint-url', t.endpoint, '--command-id', commandId, '--instance-id', 'i-0c11c11c11c11c11c']);
    expect(inv.json).toMatchObject({ Status: 'Success', ResponseCode: 0, StandardOutputContent: expect.stringMatching(/^waited for ip-/) });
  });

  it('the CLI paginator follows NextToken to the end', async () => {
    for (let i = 0; i < 12; i++) {
      await t.ssm.send(new PutParameterCommand({ Name: `/cli/many/p${String(i).padStart(2, '0')}`, Value: `v${i}`, Type: 'String' }));
    }
    const all = await aws(['ssm', 'get-parameters-by-path', '--endpoint-url', t.endpoint, '--path', '/cli/many', '--page-size', '5']);
    expect(all.json.Parameters.map((p: { Name: string }) => p.Name)).toHaveLength(12);
  });
});

describe.skipIf(!hasBoto3)('boto3', CLIENT_PROCESS_TIMEOUT, () => {
  it('boto3 parses parameters, timestamps and modelled errors', async () => {
    const script = `
import boto3, json, sys
from botocore.exceptions import ClientError
c = boto3.client('ssm', endpoint_url=sys.argv[1], region_name='eu-west-1')
c.put_parameter(Name='/boto/secret', Value='s3cr3t', Type='SecureString')
p = c.get_parameter(Name='/boto/secret', WithDecryption=True)['Parameter']
enc = c.get_parameter(Name='/boto/secret')['Parameter']
try:
    c.get_parameter(Name='/boto/none')
    err = None
except ClientError as e:
    err = e.response['Error']['Code']
print(json.dumps({'value': p['Value'], 'encrypted_differs': enc['Value'] != 's3cr3t', 'year': p['LastModifiedDate'].year, 'err': err}))
`;
    const r = await run('python3', ['-c', script, t.endpoint]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ value: 's3cr3t', encrypted_differs: true, year: 2025, err: 'ParameterNotFound' });
  });

  it('boto3 reads STS GetCallerIdentity, names as AWS answers them, and AWS\'s not-found wording', async () => {
    const script = `
import boto3, json, sys
from botocore.exceptions import ClientError
ident = boto3.client('sts', endpoint_url=sys.argv[1], region_name='us-east-1').get_caller_identity()
c = boto3.client('ssm', endpoint_url=sys.argv[1], region_name='us-east-1')
c.put_parameter(Name='app-flag', Value='on', Type='String')
def err(name):
    try:
        c.get_parameter(Name=name)
    except ClientError as e:
        return [e.response['Error']['Code'], e.response['Error'].get('Message'), str(e)]
print(json.dumps({
  'account': ident['Account'], 'arn': ident['Arn'],
  'slashed': c.get_parameter(Name='/app-flag')['Parameter']['Name'],
  'by_arn': c.get_parameter(Name='arn:aws:ssm:us-east-1:000000000000:parameter/app-flag')['Parameter']['Name'],
  'missing': err('/nope'), 'malformed': err('/a//b//c')[0],
}))
`;
    const r = await run('python3', ['-c', script, t.endpoint]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      account: '000000000000',
      arn: 'arn:aws:iam::000000000000:root',
      slashed: '/app-flag',
      by_arn: 'app-flag',
      missing: ['ParameterNotFound', '', 'An error occurred (ParameterNotFound) when calling the GetParameter operation: '],
      malformed: 'ValidationException',
    });
  });

  it('boto3 drives Secrets Manager and reads a secret through Parameter Store, with AWS\'s texts', async () => {
    const script = `
import boto3, json, sys
from botocore.exceptions import ClientError
sm = boto3.client('secretsmanager', endpoint_url=sys.argv[1], region_name='us-east-1')
ssm = boto3.client('ssm', endpoint_url=sys.argv[1], region_name='us-east-1')
created = sm.create_secret(Name='boto/db', SecretString='one')
sm.put_secret_value(SecretId='boto/db', SecretString='two')
def err(f):
    try:
        f()
    except ClientError as e:
        return [e.response['Error']['Code'], e.response['Error']['Message']]
print(json.dumps({
  'current': sm.get_secret_value(SecretId='boto/db')['SecretString'],
  'previous': sm.get_secret_value(SecretId='boto/db', VersionStage='AWSPREVIOUS')['SecretString'],
  'ref': ssm.get_parameter(Name='/aws/reference/secretsmanager/boto/db', WithDecryption=True)['Parameter']['Value'],
  'arn_suffix': created['ARN'].startswith('arn:aws:secretsmanager:us-east-1:000000000000:secret:boto/db-'),
  'missing': err(lambda: sm.get_secret_value(SecretId='nope')),
  'no_decryption': err(lambda: ssm.get_parameter(Name='/aws/reference/secretsmanager/boto/db')),
  'ref_missing': err(lambda: ssm.get_parameter(Name='/aws/reference/secretsmanager/nope', WithDecryption=True)),
}))
`;
    const r = await run('python3', ['-c', script, t.endpoint]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      current: 'two',
      previous: 'one',
      ref: 'two',
      arn_suffix: true,
      missing: ['ResourceNotFoundException', "Secrets Manager can't find the specified secret."],
      no_decryption: ['ValidationException', 'WithDecryption flag must be True for retrieving a Secret Manager secret.'],
      ref_missing: ['ParameterNotFound', 'An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret /aws/reference/secretsmanager/nope not found.'],
    });
  });
});
