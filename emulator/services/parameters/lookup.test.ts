import { describe, expect, it } from 'vitest';
import { PutParameterCommand, PutResourcePolicyCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { readParameter } from '../../sim/parameters/lookup.js';

const t = useEmulator();
const ctx = (account = '000000000000') => t.emu.context(account, 'us-east-1');

describe('readParameter (lookup.ts, for {{ssm:...}} references)', () => {
  it('reads as GetParameter does: names, selectors, decryption, errors', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/ref/a', Value: 'one', Type: 'String' }));
    await t.ssm.send(new PutParameterCommand({ Name: '/ref/a', Value: 'two', Type: 'String', Overwrite: true }));
    await t.ssm.send(new PutParameterCommand({ Name: '/ref/s', Value: 'pw', Type: 'SecureString' }));
    expect(readParameter(ctx(), '/ref/a', { withDecryption: false })).toEqual({
      Name: '/ref/a',
      Type: 'String',
      Value: 'two',
      Version: 2,
      ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/ref/a',
    });
    expect(readParameter(ctx(), '/ref/a:1', { withDecryption: false }).Value).toBe('one');
    expect(readParameter(ctx(), '/ref/s', { withDecryption: true }).Value).toBe('pw');
    expect(readParameter(ctx(), '/ref/s', { withDecryption: false }).Value).not.toBe('pw');
    expect(() => readParameter(ctx(), '/ref/none', { withDecryption: false })).toThrow(expect.objectContaining({ code: 'ParameterNotFound' }));
    expect(() => readParameter(ctx(), '/ref/a:9', { withDecryption: false })).toThrow(expect.objectContaining({ code: 'ParameterVersionNotFound' }));
    expect(readParameter(ctx(), '/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2', { withDecryption: false }).Value).toMatch(/^ami-/);
  });

  it('reads a parameter another account shares by ARN, and only then', async () => {
    const owner = t.client({ account: '111111111111' });
    await owner.send(new PutParameterCommand({ Name: '/shared', Value: 'hello', Type: 'String', Tier: 'Advanced' }));
    const arn = 'arn:aws:ssm:us-east-1:111111111111:parameter/shared';
    expect(() => readParameter(ctx(), arn, { withDecryption: true })).toThrow(expect.objectContaining({ code: 'AccessDeniedException' }));
    await owner.send(
      new PutResourcePolicyCommand({
        ResourceArn: arn,
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '000000000000' }, Action: 'ssm:GetParameter', Resource: arn }] }),
      }),
    );
    expect(readParameter(ctx(), arn, { withDecryption: true }).Value).toBe('hello');
  });
});
