/**
 * Who is calling: the account and region come from the SigV4 credential scope, as AWS routes them.
 *   Authorization: AWS4-HMAC-SHA256 Credential=<AKID>/<date>/<region>/<service>/aws4_request, ...
 * The region is the scope's; the account is the access key id when it is 12 digits (the convention
 * local emulators share), otherwise the default account. Signatures are not verified.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createHash, createHmac } from 'node:crypto';
import { ServiceError } from '../core/errors.js';

export interface Caller {
  account: string;
  region: string;
  /** The SigV4 service name (ssm, resource-groups), when signed. */
  service?: string;
  accessKeyId?: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;
const TWELVE_DIGITS = /^\d{12}$/;

export function callerOf(headers: IncomingHttpHeaders, defaults: { account: string; region: string }): Caller {
  return callerOfAuthorization(headers.authorization, defaults);
}

export function callerOfAuthorization(auth: string | undefined, defaults: { account: string; region: string }): Caller {
  if (!auth) return { account: defaults.account, region: defaults.region };
  const m = CREDENTIAL.exec(auth);
  if (!m) return { account: defaults.account, region: defaults.region };
  const [, accessKeyId, region, service] = m;
  return {
    account: TWELVE_DIGITS.test(accessKeyId) ? accessKeyId : defaults.account,
    region,
    service,
    accessKeyId,
  };
}

// ───────────────────────────── optional verification (--verify-signatures) ─────────────────────────────

/**
 * Checks a request's SigV4 signature against the configured access keys, as AWS does, for users who
 * want their tests to catch a client that signs wrongly. Off by default (every signature is then
 * accepted, as local emulators do). The request time is not checked against the clock: the
 * emulator's clock is virtual, and a test that froze it in 2025 must still be able to sign.
 *
 * Errors, in AWS's words:
 *   no Authorization header                 MissingAuthenticationTokenException "Missing Authentication Token"
 *   an access key id that is not configured UnrecognizedClientException "The security token included in the request is invalid."
 *   a signature that does not match         InvalidSignatureException "The request signature we calculated does not match ..."
 */

export type AccessKeys = ReadonlyMap<string, string>;

const SIGNATURE = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept). */
const uriEncode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .filter(Boolean)
    .map((kv) => {
      const i = kv.indexOf('=');
      const k = decodeURIComponent((i < 0 ? kv : kv.slice(0, i)).replace(/\+/g, ' '));
      const v = i < 0 ? '' : decodeURIComponent(kv.slice(i + 1).replace(/\+/g, ' '));
      return [uriEncode(k), uriEncode(v)] as const;
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** The path as it was signed: each segment encoded once (what the SDKs send, for every service but S3). */
const canonicalPath = (path: string) => path.split('/').map((seg) => uriEncode(decodeURIComponent(seg))).join('/') || '/';

export function verifySignature(
  req: { method: string; url: string; headers: IncomingHttpHeaders },
  body: Buffer,
  keys: AccessKeys,
): void {
  const auth = req.headers.authorization;
  if (!auth) throw new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403, 'message');
  const m = SIGNATURE.exec(auth);
  if (!m) throw new ServiceError('IncompleteSignatureException', `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters in AWS4-HMAC-SHA256 form. Authorization=${auth.split(' ')[0]}`, 400, 'message');
  const [, keyId, date, region, service, signedHeaders, signature] = m;
  const secret = keys.get(keyId);
  if (secret === undefined) throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400, 'message');
  const names = signedHeaders.split(';');
  const header = (name: string) => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ');
  };
  const [path, query = ''] = req.url.split('?');
  const payloadHash = typeof req.headers['x-amz-content-sha256'] === 'string' && req.headers['x-amz-content-sha256'] !== 'UNSIGNED-PAYLOAD' ? req.headers['x-amz-content-sha256'] : sha256(body);
  const canonical = [req.method, canonicalPath(path), canonicalQuery(query), names.map((n) => `${n}:${header(n)}\n`).join(''), signedHeaders, payloadHash].join('\n');
  const amzDate = header('x-amz-date');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  if (hmac(key, toSign).toString('hex') !== signature) {
    throw new ServiceError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      400,
      'message',
    );
  }
}

/** "AKID:SECRET,AKID2:SECRET2" -> the configured keys; throws on a malformed pair. */
export function parseAccessKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const pair of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const i = pair.indexOf(':');
    if (i <= 0 || i === pair.length - 1) throw new Error(`an access key must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, not ${pair.replace(/:.*/, ':...')}`);
    keys.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return keys;
}
