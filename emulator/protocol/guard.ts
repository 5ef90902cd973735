/**
 * What a web page may do to the emulator. Any page a developer opens can send requests to a
 * localhost service, and a DNS-rebinding page can even read the answers (its own host name resolves
 * to 127.0.0.1, so the browser treats the emulator as same-origin with the page). So:
 *
 *   - Host: while the emulator listens on a loopback address (the default), it answers only requests
 *     whose Host names localhost or a loopback address, or a name added with --allow-host. Bound to
 *     all interfaces (0.0.0.0 in Docker), any Host is answered unless --allow-host names some.
 *   - The control API (/_emulator) answers a request with an Origin header only from the emulator's
 *     own origin (the dashboard); state-changing control requests must also be JSON (control/mount.ts
 *     answers 415 otherwise), which a form or a no-cors fetch cannot send without a preflight.
 *   - The SSM API answers browsers (requests with an Origin) only from the emulator's own origin
 *     (the dashboard at /_emulator/ui) and origins allowed with --cors-origins, with CORS headers
 *     and preflights for the latter; other origins get 403. SDKs and tools send no Origin and are
 *     unaffected.
 * docs/security.md describes the threat model.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AccessOptions {
  /** The address the server listens on (decides whether Host is restricted by default). */
  bindHost?: string;
  /** Extra Host names to answer (ports ignored). */
  allowHosts?: readonly string[];
  /** Origins whose pages may call the SSM API (CORS); '*' for any. */
  corsOrigins?: readonly string[];
  /** With --verify-signatures: access key id -> secret; requests must be signed with one of them. */
  accessKeys?: ReadonlyMap<string, string>;
}

export interface AccessPolicy {
  /** Undefined: any Host is answered. */
  readonly hosts: ReadonlySet<string> | undefined;
  readonly corsOrigins: ReadonlySet<string>;
  readonly anyOrigin: boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

export function accessPolicy(options: AccessOptions = {}): AccessPolicy {
  const extra = (options.allowHosts ?? []).map((h) => h.toLowerCase());
  const restricted = extra.length > 0 || isLoopback((options.bindHost ?? '127.0.0.1').toLowerCase());
  const origins = options.corsOrigins ?? [];
  return {
    hosts: restricted ? new Set([...LOOPBACK_NAMES, ...extra]) : undefined,
    corsOrigins: new Set(origins.filter((o) => o !== '*').map((o) => o.replace(/\/+$/, '').toLowerCase())),
    anyOrigin: origins.includes('*'),
  };
}

/** The host name of a Host header, without its port (IPv6 literals keep their brackets). */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

export function hostAllowed(policy: AccessPolicy, host: string | undefined): boolean {
  if (!policy.hosts) return true;
  if (host === undefined) return false;
  const name = hostName(host);
  return policy.hosts.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** The emulator's own origin for a request: the scheme and the Host it was sent to. */
export const ownOrigin = (host: string | undefined) => (host === undefined ? undefined : `http://${host.trim().toLowerCase()}`);

export function corsAllowed(policy: AccessPolicy, origin: string): boolean {
  return policy.anyOrigin || policy.corsOrigins.has(origin.replace(/\/+$/, '').toLowerCase());
}

const CORS_HEADERS =
  'authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, x-amz-content-sha256, x-amz-user-agent, amz-sdk-invocation-id, amz-sdk-request';

/** CORS response headers for an allowed origin (the caller checked it). */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    'Access-Control-Allow-Headers': CORS_HEADERS,
    'Access-Control-Expose-Headers': 'x-amzn-requestid, x-amzn-errortype',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

/** The first header of that name, from rawHeaders (no req.headers object built). */
export function rawHeader(req: IncomingMessage, lowerName: string): string | undefined {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i].length === lowerName.length && raw[i].toLowerCase() === lowerName) return raw[i + 1];
  return undefined;
}

/** 403 in the shape the caller expects: AWS's error body on the SSM API, the control API's elsewhere. */
export function refuse(res: ServerResponse, aws: boolean, message: string): void {
  const body = JSON.stringify(aws ? { __type: 'AccessDeniedException', message } : { error: 'Forbidden', message });
  res.writeHead(403, {
    'Content-Type': aws ? 'application/x-amz-json-1.1' : 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...(aws && { 'x-amzn-ErrorType': 'AccessDeniedException' }),
  });
  res.end(body);
}
