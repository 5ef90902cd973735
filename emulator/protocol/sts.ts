/**
 * AWS STS on the emulator's port, as far as tools need it: GetCallerIdentity, the first call the AWS
 * CLI, SDK helpers and Terraform's AWS provider make (Terraform unless told to skip it; every tool once
 * AWS_ENDPOINT_URL points all services at the emulator).
 *
 * STS speaks the AWS query protocol (STS model 2011-06-15, `protocol: query`): POST / with a
 * form-encoded body `Action=GetCallerIdentity&Version=2011-06-15`, signed with service `sts`; the
 * answer is XML in the namespace https://sts.amazonaws.com/doc/2011-06-15/, and errors are
 * `<ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message>..</Message></Error><RequestId>..`.
 * No state is read or written, so this sits beside the JSON RPC path instead of in a capability area.
 *
 * Who the caller is follows the rest of the emulator (sigv4.ts): the account is the access key id when
 * it is 12 digits, otherwise the default account; the caller is that account's root user, as the
 * emulator's AccessDenied messages name it (`arn:aws:iam::<account>:root`, UserId the account id, as
 * AWS answers for root credentials).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../core/defaults.js';
import { ServiceError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { callerOfAuthorization, verifySignature, type AccessKeys } from './sigv4.js';
import { MAX_BODY_BYTES, readBody } from './json-rpc.js';

export const STS_VERSION = '2011-06-15';
const NAMESPACE = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;

/** The operations of the STS model (sts 2011-06-15): known, but only GetCallerIdentity is emulated. */
const STS_ACTIONS = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetCallerIdentity',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetSessionToken',
  'GetWebIdentityToken',
]);

/** Whether a request without X-Amz-Target is a query-protocol (form-encoded) call, which only STS makes here. */
export const isQueryRequest = (req: IncomingMessage): boolean =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

function sendXml(res: ServerResponse, status: number, xml: string, requestId: string): void {
  res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(xml), 'x-amzn-RequestId': requestId });
  res.end(xml);
}

function sendXmlError(res: ServerResponse, err: ServiceError, requestId: string): void {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  const message = err.message === '' ? '' : `<Message>${escapeXml(err.message)}</Message>`;
  sendXml(
    res,
    err.status,
    `<ErrorResponse xmlns="${NAMESPACE}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${escapeXml(err.code)}</Code>\n    ${message}\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
    requestId,
  );
}

/**
 * The query protocol's codes for a failed signature check: STS answers these (403) where the JSON
 * services answer their `...Exception` codes (STS's documented common errors).
 */
const QUERY_AUTH_CODES: Record<string, [string, number]> = {
  MissingAuthenticationTokenException: ['MissingAuthenticationToken', 403],
  IncompleteSignatureException: ['IncompleteSignature', 400],
  UnrecognizedClientException: ['InvalidClientTokenId', 403],
  InvalidSignatureException: ['SignatureDoesNotMatch', 403],
};

function asQueryAuthError(e: unknown): unknown {
  if (!(e instanceof ServiceError) || !Object.hasOwn(QUERY_AUTH_CODES, e.code)) return e;
  const [code, status] = QUERY_AUTH_CODES[e.code];
  return new ServiceError(code, e.message, status, 'Message');
}

/**
 * Handles one query-protocol request (POST / with a form body). `Action` missing or unknown answers
 * STS's InvalidAction; a known STS action other than GetCallerIdentity answers NotImplemented, never a
 * fake success.
 */
export function createStsHandler(log: Logger, opts: { accessKeys?: AccessKeys; defaults?: { account: string; region: string } } = {}) {
  const defaults = opts.defaults ?? { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION };
  return function handleSts(req: IncomingMessage, res: ServerResponse): void {
    const requestId = randomUUID();
    readBody(req, MAX_BODY_BYTES, (readError, body) => {
      try {
        if (readError) throw readError instanceof ServiceError ? readError : new ServiceError('InvalidRequest', 'The request body could not be read.', 400, 'Message');
        if (opts.accessKeys) {
          try {
            verifySignature({ method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers }, body, opts.accessKeys);
          } catch (e) {
            throw asQueryAuthError(e);
          }
        }
        const form = new URLSearchParams(body.toString('utf8'));
        const action = form.get('Action') ?? '';
        // Wording as STS answers an unknown action [unverified for STS: the query-protocol services' form].
        if (!STS_ACTIONS.has(action)) {
          throw new ServiceError('InvalidAction', `Could not find operation ${action || '(none)'} for version ${form.get('Version') ?? 'NO_VERSION_SPECIFIED'}`, 400, 'Message');
        }
        if (action !== 'GetCallerIdentity') {
          throw new ServiceError('NotImplemented', `${action} is not implemented by the SSM emulator: only GetCallerIdentity is. The emulator never answers with a fake success.`, 400, 'Message');
        }
        const caller = callerOfAuthorization(req.headers.authorization, defaults);
        sendXml(
          res,
          200,
          `<GetCallerIdentityResponse xmlns="${NAMESPACE}">\n  <GetCallerIdentityResult>\n    <Arn>arn:aws:iam::${caller.account}:root</Arn>\n    <UserId>${caller.account}</UserId>\n    <Account>${caller.account}</Account>\n  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`,
          requestId,
        );
      } catch (err) {
        if (err instanceof ServiceError) return sendXmlError(res, err, requestId);
        log.log('error', 'unexpected failure', { service: 'sts', requestId, error: String((err as Error)?.stack ?? err) });
        sendXmlError(res, new ServiceError('InternalFailure', 'An internal error occurred in the emulator.', 500, 'Message'), requestId);
      }
    });
  };
}
