/**
 * Who is calling: the account and region come from the SigV4 credential scope, as AWS routes them.
 *   Authorization: AWS4-HMAC-SHA256 Credential=<AKID>/<date>/<region>/<service>/aws4_request, ...
 * The region is the scope's; the account is the access key id when it is 12 digits (the convention
 * local emulators share), otherwise the default account. Signatures are not verified.
 */
import type { IncomingHttpHeaders } from 'node:http';

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
