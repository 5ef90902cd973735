/**
 * --verify-signatures: requests signed by the real SDKs with a configured key pass; a wrong secret,
 * an unknown key or no signature get AWS's errors. Without the flag every signature is accepted.
 */
import { describe, expect, it } from 'vitest';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ListGroupsCommand, ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { useEmulator } from '../testing/harness.js';
import { expectError } from '../testing/fleet.js';
import { parseAccessKeys } from './sigv4.js';

const t = useEmulator({ access: { accessKeys: new Map([['AKIAEMULATORTEST', 'secret'], ['123456789012', 'other-secret']]) } });
const ssm = (accessKeyId: string, secretAccessKey: string) => new SSMClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });

describe('SigV4 verification (--verify-signatures)', () => {
  it('accepts what the SDK signs with a configured key, for the SSM and Resource Groups APIs', async () => {
    expect((await t.ssm.send(new GetParametersCommand({ Names: ['/x'] }))).InvalidParameters).toEqual(['/x']);
    const other = ssm('123456789012', 'other-secret');
    expect((await other.send(new GetParametersCommand({ Names: ['/x', '/y?z'] }))).InvalidParameters).toEqual(['/x', '/y?z']);
    const rg = new ResourceGroupsClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAEMULATORTEST', secretAccessKey: 'secret' }, maxAttempts: 1 });
    expect((await rg.send(new ListGroupsCommand({ MaxResults: 5 }))).GroupIdentifiers).toEqual([]);
    const badRg = new ResourceGroupsClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAEMULATORTEST', secretAccessKey: 'nope' }, maxAttempts: 1 });
    await expectError(badRg.send(new ListGroupsCommand({})), 'InvalidSignatureException');
    for (const c of [other, rg, badRg]) c.destroy();
  });

  it('checks Secrets Manager requests the same way', async () => {
    const sm = (secretAccessKey: string) => new SecretsManagerClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAEMULATORTEST', secretAccessKey }, maxAttempts: 1 });
    const good = sm('secret');
    const bad = sm('nope');
    expect((await good.send(new ListSecretsCommand({}))).SecretList).toEqual([]);
    await expectError(bad.send(new ListSecretsCommand({})), 'InvalidSignatureException');
    good.destroy();
    bad.destroy();
  });

  it('answers a wrong secret, an unknown key and a missing signature as AWS does', async () => {
    const wrong = ssm('AKIAEMULATORTEST', 'not-the-secret');
    await expectError(wrong.send(new GetParametersCommand({ Names: ['/x'] })), 'InvalidSignatureException', /^The request signature we calculated does not match the signature you provided/);
    const unknown = ssm('AKIAUNKNOWNKEY00000', 'secret');
    await expectError(unknown.send(new GetParametersCommand({ Names: ['/x'] })), 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    const unsigned = await t.rpc('GetParameters', { Names: ['/x'] });
    expect(unsigned.status).toBe(403);
    expect(unsigned.body).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    wrong.destroy();
    unknown.destroy();
  });

  it('parses ACCESS_KEY_ID:SECRET pairs, secrets with colons included', () => {
    expect([...parseAccessKeys('AKIA1:s1, AKIA2:s:2')]).toEqual([['AKIA1', 's1'], ['AKIA2', 's:2']]);
    expect(() => parseAccessKeys('nocolon')).toThrow(/ACCESS_KEY_ID:SECRET_ACCESS_KEY/);
  });
});
