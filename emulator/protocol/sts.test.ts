import { describe, expect, it } from 'vitest';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestEmulator, useEmulator } from '../testing/harness.js';

const t = useEmulator();
type SdkError = Error & { $metadata: { httpStatusCode: number } };
/** The error a call fails with (fails the test when it succeeds). */
const errorOf = (p: Promise<unknown>): Promise<SdkError> =>
  p.then(
    () => {
      throw new Error('expected an error');
    },
    (e: unknown) => e as SdkError,
  );
const sts = (accessKeyId = 'AKIAEMULATORTEST', endpoint = t.endpoint, secretAccessKey = 'secret') =>
  new STSClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });

describe('STS GetCallerIdentity (query protocol)', () => {
  it('answers the default account\'s root user for an access key that is not an account id', async () => {
    const client = sts();
    const out = await client.send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({ Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root', UserId: '000000000000' });
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    client.destroy();
  });

  it('answers the account a 12-digit access key names, as every other operation does', async () => {
    const client = sts('123456789012');
    expect(await client.send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:root' });
    client.destroy();
  });

  it('sends the XML AWS sends', async () => {
    const res = await t.http.post('/').set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8').send('Action=GetCallerIdentity&Version=2011-06-15');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml');
    expect(res.text).toMatch(
      /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<GetCallerIdentityResult>\s*<Arn>arn:aws:iam::000000000000:root<\/Arn>\s*<UserId>000000000000<\/UserId>\s*<Account>000000000000<\/Account>\s*<\/GetCallerIdentityResult>\s*<ResponseMetadata>\s*<RequestId>[0-9a-f-]{36}<\/RequestId>\s*<\/ResponseMetadata>\s*<\/GetCallerIdentityResponse>\s*$/,
    );
  });

  it('answers the other STS actions with an XML NotImplemented error, and unknown actions with InvalidAction', async () => {
    const client = sts();
    const e = await errorOf(client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/r', RoleSessionName: 's' })));
    expect(e.name).toBe('NotImplemented');
    expect(e.message).toMatch(/^AssumeRole is not implemented by the SSM emulator/);
    expect(e.$metadata.httpStatusCode).toBe(400);
    client.destroy();
    const res = await t.http.post('/').set('Content-Type', 'application/x-www-form-urlencoded').send('Action=Nope&Version=2011-06-15');
    expect(res.status).toBe(400);
    expect(res.text).toContain('<Type>Sender</Type>');
    expect(res.text).toContain('<Code>InvalidAction</Code>');
    expect(res.text).toContain('<Message>Could not find operation Nope for version 2011-06-15</Message>');
  });

  it('checks signatures under --verify-signatures, answering STS\'s error codes', async () => {
    const strict = await startTestEmulator({ access: { accessKeys: new Map([['AKIAEMULATORTEST', 'secret']]) } });
    try {
      const good = sts('AKIAEMULATORTEST', strict.endpoint);
      expect((await good.send(new GetCallerIdentityCommand({}))).Account).toBe('000000000000');
      good.destroy();
      const bad = sts('AKIAEMULATORTEST', strict.endpoint, 'wrong');
      const e = await errorOf(bad.send(new GetCallerIdentityCommand({})));
      expect(e.name).toBe('SignatureDoesNotMatch');
      expect(e.$metadata.httpStatusCode).toBe(403);
      bad.destroy();
      const unknown = sts('AKIAUNKNOWN', strict.endpoint);
      expect((await errorOf(unknown.send(new GetCallerIdentityCommand({})))).name).toBe('InvalidClientTokenId');
      unknown.destroy();
    } finally {
      await strict.close();
    }
  });
});
