/**
 * A simulated AWS KMS, just enough for SecureString parameters.
 *
 * Keys: the AWS managed key alias/aws/ssm (the default), or any well-formed customer key reference
 * (key id, key ARN, alias name, alias ARN) in the caller's Region; there is no KMS key store in the
 * emulator, so every well-formed customer key "exists". Malformed references, other AWS managed aliases
 * (alias/aws/s3...) and keys of another Region are InvalidKeyId.
 *
 * Ciphertext: a deterministic blob shaped like a KMS ciphertext blob (it starts with the same bytes, so
 * it base64-encodes to "AQICAHh..." as real SecureString values do), holding AES-256-GCM ciphertext
 * under a key derived from the account, Region and key reference, with the parameter ARN as
 * authenticated encryption context (as Parameter Store uses PARAMETER_ARN). Deterministic means the
 * same value encrypts to the same blob, so responses are reproducible; it really decrypts back.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';

export const DEFAULT_KEY = 'alias/aws/ssm';

const HEADER = Buffer.from([0x01, 0x02, 0x02, 0x00, 0x78]);
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const MRK = 'mrk-[0-9a-fA-F]{32}';
const KEY_ID = new RegExp(`^(${UUID}|${MRK})$`);
const ALIAS = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;
const KEY_ARN = new RegExp(`^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\\d{12}):key/(${UUID}|${MRK})$`);
const ALIAS_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(alias\/[a-zA-Z0-9/_-]{1,250})$/;

/** Whether a KeyId names a key SSM can use in this Region (see above). */
export function isUsableKeyId(keyId: string, region: string): boolean {
  if (KEY_ID.test(keyId)) return true;
  const aliasOk = (alias: string) => !alias.toLowerCase().startsWith('alias/aws/') || alias === DEFAULT_KEY;
  if (ALIAS.test(keyId)) return aliasOk(keyId);
  const k = KEY_ARN.exec(keyId);
  if (k) return k[1] === region;
  const a = ALIAS_ARN.exec(keyId);
  if (a) return a[1] === region && aliasOk(a[3]);
  return false;
}

/** The default key alias/aws/ssm is an AWS managed key: it cannot be shared with other accounts. */
export const isAwsManagedKey = (keyId: string | undefined): boolean =>
  !keyId || keyId === DEFAULT_KEY || /:alias\/aws\/ssm$/.test(keyId);

function dataKey(owner: { account: string; region: string }, keyId: string): Buffer {
  return createHash('sha256').update(`ssm-emulator-kms|${owner.account}|${owner.region}|${keyId}`).digest();
}

/** Encrypts a SecureString value; returns the base64 ciphertext blob. */
export function encrypt(owner: { account: string; region: string }, keyId: string, plaintext: string, context: string): string {
  const key = dataKey(owner, keyId);
  const data = Buffer.from(plaintext, 'utf8');
  const iv = createHmac('sha256', key).update(context).update('\0').update(data).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  const keyRef = createHash('sha256').update(keyId).digest();
  return Buffer.concat([HEADER, keyRef, iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Decrypts a blob made by encrypt(); throws when it was not made with this key and context. */
export function decrypt(owner: { account: string; region: string }, keyId: string, blob: string, context: string): string {
  const buf = Buffer.from(blob, 'base64');
  if (buf.length < HEADER.length + 32 + 12 + 16 || !buf.subarray(0, HEADER.length).equals(HEADER)) {
    throw new Error('not a ciphertext blob made by the emulator');
  }
  let at = HEADER.length + 32;
  const iv = buf.subarray(at, (at += 12));
  const tag = buf.subarray(at, (at += 16));
  const decipher = createDecipheriv('aes-256-gcm', dataKey(owner, keyId), iv);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(buf.subarray(at)), decipher.final()]).toString('utf8');
}
