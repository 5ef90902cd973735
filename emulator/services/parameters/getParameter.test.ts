import { describe, expect, it } from 'vitest';
import { GetParameterCommand, LabelParameterVersionCommand, PutParameterCommand, type PutParameterCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();
/** AWS's name-rules text, for a malformed path read or written (recorded from AWS). */
const NAME_RULES =
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';
const put = (input: Partial<PutParameterCommandInput> & { Name: string }) => t.ssm.send(new PutParameterCommand({ Value: 'v', Type: 'String', ...input }));
const get = (Name: string, WithDecryption?: boolean) => t.ssm.send(new GetParameterCommand({ Name, WithDecryption }));

describe('GetParameter', () => {
  it('reads the latest version by name', async () => {
    await put({ Name: '/g/p', Value: 'one' });
    await put({ Name: '/g/p', Value: 'two', Overwrite: true });
    expect((await get('/g/p')).Parameter).toMatchObject({ Name: '/g/p', Value: 'two', Version: 2 });
  });

  it('reads a version with the name:version selector and reports the Selector', async () => {
    await put({ Name: '/g/p', Value: 'one' });
    await put({ Name: '/g/p', Value: 'two', Overwrite: true });
    const { Parameter } = await get('/g/p:1');
    expect(Parameter).toMatchObject({ Name: '/g/p', Value: 'one', Version: 1, Selector: ':1' });
  });

  it('reads the labelled version with the name:label selector', async () => {
    await put({ Name: '/g/p', Value: 'one' });
    await put({ Name: '/g/p', Value: 'two', Overwrite: true });
    await t.ssm.send(new LabelParameterVersionCommand({ Name: '/g/p', ParameterVersion: 1, Labels: ['stable'] }));
    expect((await get('/g/p:stable')).Parameter).toMatchObject({ Value: 'one', Version: 1, Selector: ':stable' });
  });

  it('answers ParameterVersionNotFound for a version or label that does not exist', async () => {
    await put({ Name: '/g/p' });
    const v = await errorOf(get('/g/p:7'));
    expect(v.name).toBe('ParameterVersionNotFound');
    expect(v.message).toBe('Systems Manager could not find version 7 of /g/p. Verify the version and try again.');
    expect((await errorOf(get('/g/p:nolabel'))).name).toBe('ParameterVersionNotFound');
  });

  it('answers ParameterNotFound with no message for a name that does not exist, as AWS does', async () => {
    const e = await errorOf(get('/missing'));
    expect(e.name).toBe('ParameterNotFound');
    // AWS sends no message member (recorded from AWS); the JS SDK v3 then shows its placeholder.
    expect(e.message).toBe('UnknownError');
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect((await errorOf(get('/bad@name'))).name).toBe('ParameterNotFound');
    const raw = await t.rpc('GetParameter', { Name: '/missing' });
    expect(raw.status).toBe(400);
    expect(raw.body).toEqual({ __type: 'ParameterNotFound' });
  });

  it.each(['a/b/c', '/a//b//c', '/a/b/', '/'])('refuses the malformed path %j with ValidationException, not ParameterNotFound', async (name) => {
    const e = await errorOf(get(name));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe(NAME_RULES);
  });

  it('finds a root-level parameter with or without its leading slash and echoes the name as asked', async () => {
    await put({ Name: 'app-flag', Value: 'on' });
    expect((await get('app-flag')).Parameter).toMatchObject({ Name: 'app-flag', Value: 'on' });
    expect((await get('/app-flag')).Parameter).toMatchObject({ Name: '/app-flag', Value: 'on' });
    expect((await get('/app-flag:1')).Parameter).toMatchObject({ Name: '/app-flag', Selector: ':1' });
    await put({ Name: '/slashed', Value: 's' });
    expect((await get('slashed')).Parameter).toMatchObject({ Name: 'slashed', ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/slashed' });
  });

  it('refuses names with spaces between characters (ValidationException) but trims the ends', async () => {
    await put({ Name: '/g/trim' });
    expect((await get('  /g/trim ')).Parameter?.Name).toBe('/g/trim');
    expect((await errorOf(get('/g/with space'))).name).toBe('ValidationException');
  });

  it('accepts the parameter ARN, with a selector, and answers the parameter\'s name in Name', async () => {
    await put({ Name: '/g/arn', Value: 'x' });
    const arn = 'arn:aws:ssm:us-east-1:000000000000:parameter/g/arn';
    expect((await get(arn)).Parameter).toMatchObject({ Name: '/g/arn', Value: 'x', ARN: arn });
    expect((await get(`${arn}:1`)).Parameter).toMatchObject({ Name: '/g/arn', Version: 1, Selector: ':1', ARN: arn });
    await put({ Name: 'single', Value: 's' });
    expect((await get('arn:aws:ssm:us-east-1:000000000000:parameter/single')).Parameter).toMatchObject({ Name: 'single', Value: 's' });
  });

  it('does not find a parameter by an ARN of another Region', async () => {
    await put({ Name: '/g/arn' });
    expect((await errorOf(get('arn:aws:ssm:eu-west-1:000000000000:parameter/g/arn'))).name).toBe('ParameterNotFound');
  });

  it('denies another account\'s parameter by ARN when no resource policy shares it', async () => {
    const other = t.client({ account: '111111111111' });
    await other.send(new PutParameterCommand({ Name: '/theirs', Value: 'secret', Type: 'String', Tier: 'Advanced' }));
    const e = await errorOf(get('arn:aws:ssm:us-east-1:111111111111:parameter/theirs'));
    expect(e.name).toBe('AccessDeniedException');
    expect(e.message).toBe(
      'User: arn:aws:iam::000000000000:root is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:111111111111:parameter/theirs because no resource-based policy allows the ssm:GetParameter action',
    );
    // and the same answer when it does not exist, so existence does not leak
    expect((await errorOf(get('arn:aws:ssm:us-east-1:111111111111:parameter/nothing'))).name).toBe('AccessDeniedException');
  });

  it('returns SecureString values encrypted unless WithDecryption; WithDecryption is ignored for String', async () => {
    await put({ Name: '/g/sec', Type: 'SecureString', Value: 'pw' });
    await put({ Name: '/g/plain', Value: 'pw' });
    expect((await get('/g/sec')).Parameter?.Value).not.toBe('pw');
    expect((await get('/g/sec', true)).Parameter?.Value).toBe('pw');
    expect((await get('/g/plain', true)).Parameter?.Value).toBe('pw');
    expect((await get('/g/plain', false)).Parameter?.Value).toBe('pw');
  });

  it('reads AWS public parameters under /aws/service/ with the Version and date AWS recorded', async () => {
    const { Parameter } = await get('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64');
    expect(Parameter).toMatchObject({
      Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64',
      Type: 'String',
      Value: 'ami-0ed094fb1304fd857',
      Version: 161,
      DataType: 'text',
      ARN: 'arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64',
    });
    expect(Parameter?.LastModifiedDate).toEqual(new Date(1777597142701));
    expect((await get('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64:161')).Parameter?.Selector).toBe(':161');
    expect((await errorOf(get('/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64:3'))).name).toBe('ParameterVersionNotFound');
    expect((await errorOf(get('/aws/service/no/such/thing'))).name).toBe('ParameterNotFound');
  });
});
