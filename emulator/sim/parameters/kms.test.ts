import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, isUsableKeyId } from './kms.js';

const owner = { account: '000000000000', region: 'us-east-1' };
const arn = 'arn:aws:ssm:us-east-1:000000000000:parameter/p';

describe('simulated KMS', () => {
  it('round-trips, deterministically, in a blob that looks like a KMS ciphertext blob', () => {
    const blob = encrypt(owner, 'alias/aws/ssm', 'secret value', arn);
    expect(blob.startsWith('AQICAHh')).toBe(true);
    expect(encrypt(owner, 'alias/aws/ssm', 'secret value', arn)).toBe(blob);
    expect(decrypt(owner, 'alias/aws/ssm', blob, arn)).toBe('secret value');
  });

  it('does not decrypt with another key, account or encryption context', () => {
    const blob = encrypt(owner, 'alias/k1', 'x', arn);
    expect(() => decrypt(owner, 'alias/k2', blob, arn)).toThrow();
    expect(() => decrypt({ ...owner, account: '111111111111' }, 'alias/k1', blob, arn)).toThrow();
    expect(() => decrypt(owner, 'alias/k1', blob, `${arn}2`)).toThrow();
    expect(() => decrypt(owner, 'alias/k1', 'bm90IGEgYmxvYg==', arn)).toThrow();
  });

  it('accepts key ids, ARNs and aliases of this Region, and no other AWS managed alias', () => {
    expect(isUsableKeyId('alias/aws/ssm', 'us-east-1')).toBe(true);
    expect(isUsableKeyId('alias/aws/ebs', 'us-east-1')).toBe(false);
    expect(isUsableKeyId('arn:aws:kms:us-east-1:111122223333:alias/aws/ssm', 'us-east-1')).toBe(true);
    expect(isUsableKeyId('arn:aws:kms:us-west-2:111122223333:alias/x', 'us-east-1')).toBe(false);
    expect(isUsableKeyId('key/1234', 'us-east-1')).toBe(false);
  });
});
