/**
 * The AWS REST-JSON protocol (Resource Groups), built generically from the generated model: each
 * operation's `http` binding (method, URI template, success status) routes a request, and the input
 * shape's `locations` say which members come from the URI, the query string or headers; the rest
 * come from the JSON body.
 *
 *   method + path -> operation -> body JSON + uri/querystring/header members -> emu.invoke
 *   (model validation, handler) -> status + JSON body
 *   errors -> the error's HTTP status, x-amzn-ErrorType header, {"Message": text}
 *
 * Requests are told apart from SSM's by transport: SSM is POST / with X-Amz-Target (server.ts sends
 * those to the JSON RPC handler), everything else reaches express. A request signed for another
 * service (SigV4 credential scope) is not answered here. Model validation failures, which the
 * JSON 1.1 services report as ValidationException, are reported with the service's own error for
 * them (Resource Groups: BadRequestException), as REST services do.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../core/defaults.js';
import type { ServiceId } from '../core/operation.js';
import type { ShapeDef, StructureShape } from '../core/shapes.js';
import { SerializationException, ServiceError } from '../core/errors.js';
import { callerOf } from './sigv4.js';
import { readBody } from './json-rpc.js';
import { toServiceError } from './respond.js';

export const REST_JSON = 'application/json';
export const MAX_REST_BODY_BYTES = 16 * 1024 * 1024;

interface Route {
  operation: string;
  method: string;
  /** Matches the path; groups are the URI labels in order. */
  pattern: RegExp;
  labels: string[];
  status: number;
  /** Literal query parameters of the URI template (`/x?type=y`) that must be present. */
  query: [string, string | undefined][];
}

export interface RestJsonOptions {
  /** The SigV4 service name requests must be signed for (when they are signed). */
  signingName: string;
  /** Builds the service's error for a request the model rejects (REST services have no ValidationException). */
  validationError: (message: string) => ServiceError;
  /** Builds the error for a path no operation is bound to (signed for this service). */
  unknownOperation: (method: string, path: string) => ServiceError;
  /** Builds the error for a path bound to operations of other methods only. */
  methodNotAllowed: (method: string, path: string) => ServiceError;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The route table of a service, from its operations' http bindings. */
export function compileRoutes(emu: Emulator, service: ServiceId): Route[] {
  const routes: Route[] = [];
  for (const [operation, def] of Object.entries(emu.services[service].operations)) {
    if (!def.http) continue;
    const [path, qs] = def.http.uri.split('?');
    const labels: string[] = [];
    let source = '';
    for (const part of path.split(/(\{[^}]+\})/)) {
      const m = /^\{([^}+]+)(\+?)\}$/.exec(part);
      if (m) {
        labels.push(m[1]);
        source += m[2] ? '(.+)' : '([^/]+)';
      } else {
        source += escapeRe(part);
      }
    }
    const query: [string, string | undefined][] = (qs ?? '')
      .split('&')
      .filter(Boolean)
      .map((kv) => {
        const [k, v] = kv.split('=');
        return [k, v];
      });
    // Built from the service model's URI templates, not from user data, so RegExp is safe here.
    routes.push({ operation, method: def.http.method, pattern: new RegExp(`^${source}/?$`), labels, status: def.http.status ?? 200, query });
  }
  // Literal paths before templated ones, longer templates first, so /resources/search wins over /resources/{Arn}.
  routes.sort((a, b) => a.labels.length - b.labels.length || b.pattern.source.length - a.pattern.source.length);
  return routes;
}

/** A string from the URI, query or a header, converted to the member's JSON type. */
function convert(def: ShapeDef, raw: string | string[], where: string): unknown {
  const one = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  switch (def.t) {
    case 'integer':
    case 'long': {
      if (!/^-?\d+$/.test(one)) throw new SerializationException(`${where} must be a whole number, not ${one}.`);
      return Number(one);
    }
    case 'float':
    case 'double': {
      const n = Number(one);
      if (!Number.isFinite(n)) throw new SerializationException(`${where} must be a number, not ${one}.`);
      return n;
    }
    case 'boolean':
      if (one !== 'true' && one !== 'false') throw new SerializationException(`${where} must be true or false, not ${one}.`);
      return one === 'true';
    case 'timestamp': {
      const ms = /^\d+(\.\d+)?$/.test(one) ? Number(one) * 1000 : Date.parse(one);
      if (!Number.isFinite(ms)) throw new SerializationException(`${where} must be a timestamp, not ${one}.`);
      return ms / 1000;
    }
    case 'list':
      return Array.isArray(raw) ? raw : [raw];
    default:
      return one;
  }
}

function queryOf(url: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const i = url.indexOf('?');
  if (i < 0) return out;
  for (const [k, v] of new URLSearchParams(url.slice(i + 1))) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

/**
 * A node-style handler for a REST-JSON service. Calls `next()` for requests that are not this
 * service's (no route matches and the request is not signed for it, or it is signed for another).
 */
export function createRestJsonHandler(emu: Emulator, service: ServiceId, opts: RestJsonOptions) {
  const svc = emu.services[service];
  const routes = compileRoutes(emu, service);
  const defaults = { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION };
  const logRequests = emu.log.enabled('info');

  function send(res: ServerResponse, status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': REST_JSON, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId, ...extra });
    res.end(text);
  }

  function sendError(res: ServerResponse, err: ServiceError, requestId: string): void {
    const body: Record<string, unknown> = {};
    if (err.fields) for (const [k, v] of Object.entries(err.fields)) if (v !== undefined && v !== null) body[k] = v;
    body[err.messageMember] = err.message;
    send(res, err.status, body, requestId, { 'x-amzn-ErrorType': err.code });
  }

  /** Protocol-level failures in the service's words. */
  function mapError(err: ServiceError): ServiceError {
    if (err instanceof SerializationException) return opts.validationError(err.message);
    return err;
  }

  return function handleRestJson(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    const caller = callerOf(req.headers, defaults);
    if (caller.service !== undefined && caller.service !== opts.signingName) return next();
    const query = queryOf(url);
    let match: { route: Route; groups: string[] } | undefined;
    let pathMatched = false;
    for (const route of routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      if (route.query.some(([k, v]) => !query.has(k) || (v !== undefined && !query.get(k)!.includes(v)))) continue;
      match = { route, groups: m.slice(1) };
      break;
    }
    const requestId = randomUUID();
    if (!match) {
      // Unsigned requests that match nothing are not ours (the express app answers 404).
      if (caller.service === undefined && !pathMatched) return next();
      const method = req.method ?? 'GET';
      sendError(res, pathMatched ? opts.methodNotAllowed(method, path) : opts.unknownOperation(method, path), requestId);
      return;
    }
    const { route, groups } = match;
    const started = performance.now();
    readBody(req, MAX_REST_BODY_BYTES, (readErr, raw) => {
      let status = route.status;
      try {
        if (readErr) throw readErr;
        const def = svc.operations[route.operation];
        let input: Record<string, unknown> = {};
        if (raw.length) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw.toString('utf8'));
          } catch {
            throw new SerializationException('The request body is not valid JSON.');
          }
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SerializationException('The request body must be a JSON object.');
          input = parsed as Record<string, unknown>;
        }
        if (def.input) {
          const shape = svc.shapes[def.input] as StructureShape;
          const locations = shape.locations ?? {};
          // Members bound to the URI, query or headers never come from the body.
          for (const member of Object.keys(locations)) delete input[member];
          for (const [member, [where, name]] of Object.entries(locations)) {
            const memberDef = svc.shapes[shape.members[member]];
            let value: string | string[] | undefined;
            if (where === 'uri') {
              const i = route.labels.indexOf(name);
              if (i >= 0) {
                try {
                  value = decodeURIComponent(groups[i]);
                } catch {
                  throw new SerializationException(`The ${name} in the path is not valid URI encoding.`);
                }
              }
            } else if (where === 'querystring') {
              value = query.get(name);
            } else {
              const h = req.headers[name.toLowerCase()];
              value = Array.isArray(h) ? h.join(',') : h;
            }
            if (value !== undefined) input[member] = convert(memberDef, value, name);
          }
        }
        const output = (emu.request(service, route.operation, input, { ...caller, requestId }) ?? {}) as Record<string, unknown>;
        send(res, route.status, output, requestId);
      } catch (err) {
        const e = mapError(toServiceError(err, emu.log, { operation: route.operation, requestId }));
        status = e.status;
        sendError(res, e, requestId);
      }
      if (logRequests) {
        emu.log.log('info', 'request', {
          service,
          operation: route.operation,
          account: caller.account,
          region: caller.region,
          status,
          ms: Math.round((performance.now() - started) * 100) / 100,
          requestId,
        });
      }
    });
  };
}
