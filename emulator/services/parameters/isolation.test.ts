import { describe, expect, it } from 'vitest';
import { DescribeParametersCommand, GetParameterCommand, GetParametersByPathCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { errorOf } from './testkit.js';

const t = useEmulator();

describe('Parameter Store isolation', () => {
  it('keeps Regions apart: a parameter put in us-east-1 does not exist in eu-west-1', async () => {
    const eu = t.client({ region: 'eu-west-1' });
    await t.ssm.send(new PutParameterCommand({ Name: '/cfg', Value: 'us', Type: 'String' }));
    expect((await errorOf(eu.send(new GetParameterCommand({ Name: '/cfg' })))).name).toBe('ParameterNotFound');
    await eu.send(new PutParameterCommand({ Name: '/cfg', Value: 'eu', Type: 'String' }));
    expect((await t.ssm.send(new GetParameterCommand({ Name: '/cfg' }))).Parameter).toMatchObject({
      Value: 'us',
      ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/cfg',
    });
    expect((await eu.send(new GetParameterCommand({ Name: '/cfg' }))).Parameter).toMatchObject({
      Value: 'eu',
      Version: 1,
      ARN: 'arn:aws:ssm:eu-west-1:000000000000:parameter/cfg',
    });
    expect((await eu.send(new DescribeParametersCommand({}))).Parameters?.map((p) => p.Name)).toEqual(['/cfg']);
  });

  it('keeps accounts apart: the 12-digit access key id is the account', async () => {
    const a = t.client({ account: '111111111111' });
    const b = t.client({ account: '222222222222' });
    await a.send(new PutParameterCommand({ Name: '/x', Value: 'a', Type: 'String' }));
    expect((await errorOf(b.send(new GetParameterCommand({ Name: '/x' })))).name).toBe('ParameterNotFound');
    expect((await a.send(new GetParameterCommand({ Name: '/x' }))).Parameter?.ARN).toBe('arn:aws:ssm:us-east-1:111111111111:parameter/x');
    expect((await b.send(new GetParametersByPathCommand({ Path: '/' }))).Parameters).toEqual([]);
    // a SecureString of one account is encrypted under that account's key material
    await a.send(new PutParameterCommand({ Name: '/s', Value: 'same', Type: 'SecureString', KeyId: 'alias/k' }));
    await b.send(new PutParameterCommand({ Name: '/s', Value: 'same', Type: 'SecureString', KeyId: 'alias/k' }));
    const ea = (await a.send(new GetParameterCommand({ Name: '/s' }))).Parameter?.Value;
    const eb = (await b.send(new GetParameterCommand({ Name: '/s' }))).Parameter?.Value;
    expect(ea).not.toBe(eb);
  });

  it('serves public parameters in every Region with that Region\'s values and ARN', async () => {
    const name = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
    const us = (await t.ssm.send(new GetParameterCommand({ Name: name }))).Parameter!;
    const eu = (await t.client({ region: 'eu-west-1' }).send(new GetParameterCommand({ Name: name }))).Parameter!;
    expect(us.Value).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(eu.Value).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(us.Value).not.toBe(eu.Value);
    expect(eu.ARN).toBe(`arn:aws:ssm:eu-west-1::parameter${name}`);
  });
});

describe('credential-scope regions', () => {
  const signedIn = (region: string) => ({ Authorization: `AWS4-HMAC-SHA256 Credential=AKIAEMULATORTEST/20250101/${region}/ssm/aws4_request, SignedHeaders=host, Signature=x` });

  it('a region that is not an AWS Region name is refused as AWS refuses it, and creates no state', async () => {
    for (const region of ['__proto__', 'constructor', 'x'.repeat(5000), 'US-EAST-1', 'us-east-1x']) {
      const res = await t.rpc('PutParameter', { Name: '/x', Value: 'v', Type: 'String' }, signedIn(region));
      expect(res.status, region.slice(0, 20)).toBe(400);
      expect(res.body.__type).toBe('InvalidSignatureException');
      expect(res.body.message).toMatch(/^Credential should be scoped to a valid region, not '/);
    }
    expect(Object.keys(t.emu.store.data.regions)).toEqual([]);
    const ok = await t.rpc('PutParameter', { Name: '/x', Value: 'v', Type: 'String' }, signedIn('us-gov-west-1'));
    expect(ok.status).toBe(200);
  });

  it('a request that fails leaves no state behind in a region it was the first to touch', async () => {
    const fresh = t.client({ region: 'ap-southeast-4', account: '123456789012' });
    expect((await errorOf(fresh.send(new GetParameterCommand({ Name: '/missing' })))).name).toBe('ParameterNotFound');
    expect((await errorOf(fresh.send(new PutParameterCommand({ Name: '/ssm/reserved', Value: 'v', Type: 'String' })))).name).toBe('ValidationException');
    expect(t.emu.store.data.regions['123456789012/ap-southeast-4']).toBeUndefined();
    await fresh.send(new PutParameterCommand({ Name: '/kept', Value: 'v', Type: 'String' }));
    expect(t.emu.store.data.regions['123456789012/ap-southeast-4']).toBeDefined();
  });
});
