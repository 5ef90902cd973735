/**
 * The AWS REST-JSON protocol (Resource Groups), served from an area's route declaration
 * (core/http.ts RestApi; Resource Groups' is generated from the model's http bindings): each route's
 * method and URI template pick the operation, its `input` says which members come from the path,
 * the query string or headers; the rest come from the JSON body.
 *
 *   method + path -> operation -> body JSON + path/query/header members -> emu.invoke
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
import type { ShapeDef, StructureShape } from '../core/shapes.js';
import { pathTemplate, type RestApi, type RestRoute } from '../core/http.js';
import { SerializationException, ServiceError } from '../core/errors.js';
import { callerOf, verifySignature, type AccessKeys } from './sigv4.js';
import { readBody } from './json-rpc.js';
import { endpointOf } from './endpoint.js';
import { logRequest, toServiceError } from './respond.js';

export const REST_JSON = 'application/json';
export const MAX_REST_BODY_BYTES = 16 * 1024 * 1024;

interface Route {
  route: RestRoute;
  /** Matches the path; groups are the URI labels in order. */
  pattern: RegExp;
  labels: readonly string[];
  /** Literal query parameters of the URI template (`/x?type=y`) that must be present. */
  query: [string, string | undefined][];
}

/** The route table of a REST API declaration. */
export function compileRoutes(declared: readonly RestRoute[]): Route[] {
  const routes = declared.map((route): Route => {
    const [path, qs] = route.path.split('?');
    const query: [string, string | undefined][] = (qs ?? '')
      .split('&')
      .filter(Boolean)
      .map((kv) => {
        const [k, v] = kv.split('=');
        return [k, v];
      });
    return { route, ...pathTemplate(path), query };
  });
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
export function createRestJsonHandler(emu: Emulator, api: RestApi, accessKeys?: AccessKeys) {
  const { service } = api;
  const svc = emu.services[service];
  const routes = compileRoutes(api.routes);
  const defaults = { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION };
  const logRequests = emu.log.enabled('info');

  function send(res: ServerResponse, status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): void {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': REST_JSON, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId, ...extra });
    res.end(text);
  }

  /** The JSON 1.1 body without `__type`: REST-JSON carries the code in x-amzn-ErrorType only. */
  function sendError(res: ServerResponse, err: ServiceError, requestId: string): void {
    const { __type: _code, ...body } = err.toBody();
    send(res, err.status, body, requestId, { 'x-amzn-ErrorType': err.code });
  }

  /** Protocol-level failures in the service's words. */
  function mapError(err: ServiceError): ServiceError {
    if (err instanceof SerializationException) return api.validationError(err.message);
    return err;
  }

  return function handleRestJson(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    const caller = callerOf(req.headers, defaults);
    if (caller.service !== undefined && caller.service !== api.signingName) return next();
    const query = queryOf(url);
    let match: { route: Route; groups: string[] } | undefined;
    let pathMatched = false;
    for (const route of routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.route.method !== req.method) continue;
      if (route.query.some(([k, v]) => !query.has(k) || (v !== undefined && !query.get(k)!.includes(v)))) continue;
      match = { route, groups: m.slice(1) };
      break;
    }
    const requestId = randomUUID();
    if (!match) {
      // Unsigned requests that match nothing are not ours (the express app answers 404).
      if (caller.service === undefined && !pathMatched) return next();
      const method = req.method ?? 'GET';
      sendError(res, pathMatched ? api.methodNotAllowed(method, path) : api.unknownOperation(method, path), requestId);
      return;
    }
    const { route: compiled, groups } = match;
    const route = compiled.route;
    const started = performance.now();
    readBody(req, MAX_REST_BODY_BYTES, (readErr, raw) => {
      const finish = (output: Record<string, unknown> | undefined, err?: unknown) => {
        let status = route.status;
        let failure: { error: string; message: string } | undefined;
        if (err === undefined) send(res, route.status, output ?? {}, requestId);
        else {
          const e = mapError(toServiceError(err, emu.log, { operation: route.operation, requestId }));
          status = e.status;
          failure = { error: e.code, message: e.message };
          sendError(res, e, requestId);
        }
        if (logRequests) logRequest(emu.log, { service, operation: route.operation, account: caller.account, region: caller.region, status, failure, ms: performance.now() - started, requestId });
      };
      try {
        if (readErr) throw readErr;
        if (accessKeys) verifySignature({ method: req.method ?? 'GET', url, headers: req.headers }, raw, accessKeys);
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
        // Members bound to the path, query or headers never come from the body.
        for (const member of Object.keys(route.input)) delete input[member];
        const members = def.input ? (svc.shapes[def.input] as StructureShape).members : {};
        for (const [member, [where, name]] of Object.entries(route.input)) {
          let value: string | string[] | undefined;
          if (where === 'path') {
            const i = compiled.labels.indexOf(name);
            if (i >= 0) {
              try {
                value = decodeURIComponent(groups[i]);
              } catch {
                throw new SerializationException(`The ${name} in the path is not valid URI encoding.`);
              }
            }
          } else if (where === 'query') {
            value = query.get(name);
          } else {
            const h = req.headers[name.toLowerCase()];
            value = Array.isArray(h) ? h.join(',') : h;
          }
          if (value !== undefined) input[member] = convert(svc.shapes[members[member]], value, name);
        }
        const endpoint = endpointOf(req.headers.host, req.socket);
        // At once when nothing is due; else after due tasks ran in slices (Emulator.serve).
        const output = emu.serve((now) => emu.request(service, route.operation, input, { ...caller, requestId, endpoint }, now) as Record<string, unknown> | undefined);
        if (output instanceof Promise) output.then(finish, (err: unknown) => finish(undefined, err ?? new Error('request failed')));
        else finish(output);
      } catch (err) {
        finish(undefined, err ?? new Error('request failed'));
      }
    });
  };
}
