/**
 * The AWS JSON 1.1 RPC path: POST / with X-Amz-Target: <prefix>.<Operation>, where the prefix picks
 * the service (the model's targetPrefix): AmazonSSM for SSM, secretsmanager for Secrets Manager.
 *
 *   body -> caller (SigV4 scope) -> target -> JSON.parse -> model validation -> handler -> JSON
 *   (the handler's ctx.endpoint: the host and port from the Host header, see endpoint.ts)
 *
 * Served by a lean node:http handler in front of express (see server.ts): this is the hot path that
 * the benchmark compares with a bare node:http server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from '../core/defaults.js';
import { callerOfAuthorization, verifySignature, type AccessKeys } from './sigv4.js';
import { logRequest, sendError, sendJson, toServiceError } from './respond.js';
import { endpointOf } from './endpoint.js';
import { SerializationException, UnknownOperationException } from '../core/errors.js';
import { redact } from '../core/redact.js';
import type { ServiceId } from '../core/operation.js';

/** Larger bodies are refused before parsing (AWS's own limits are far lower for every SSM operation). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit: number, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > limit) {
      failed = true;
      done(new SerializationException(`The request body is larger than ${limit} bytes.`), Buffer.alloc(0));
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (!failed) done(null, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  });
  req.on('error', (err) => {
    if (!failed) {
      failed = true;
      done(err, Buffer.alloc(0));
    }
  });
}

/** The headers the RPC path needs, read from rawHeaders without building req.headers (hot path). */
export interface RpcHeaders {
  target: string | undefined;
  authorization: string | undefined;
  host: string | undefined;
  origin: string | undefined;
}

export function rpcHeaders(raw: string[]): RpcHeaders {
  let target: string | undefined;
  let authorization: string | undefined;
  let host: string | undefined;
  let origin: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    if (name.length === 12 && name.toLowerCase() === 'x-amz-target') target = raw[i + 1];
    else if (name.length === 13 && name.toLowerCase() === 'authorization') authorization = raw[i + 1];
    else if (name.length === 4 && name.toLowerCase() === 'host') host = raw[i + 1];
    else if (name.length === 6 && name.toLowerCase() === 'origin') origin = raw[i + 1];
  }
  return { target, authorization, host, origin };
}

/** X-Amz-Target prefix (the model's targetPrefix and a dot) -> the service it names. */
export const RPC_TARGETS: Readonly<Record<string, ServiceId>> = { 'AmazonSSM.': 'ssm', 'secretsmanager.': 'secretsmanager' };

export interface RpcOptions {
  /** The services answered, by target prefix (default RPC_TARGETS); the first one answers a request without a known prefix. */
  targets?: Readonly<Record<string, ServiceId>>;
  defaults?: { account: string; region: string };
  /** Verify SigV4 signatures against these keys (--verify-signatures); unset: accept any. */
  accessKeys?: AccessKeys;
}

export function createRpcHandler(emu: Emulator, opts: RpcOptions = {}) {
  const targets = Object.entries(opts.targets ?? RPC_TARGETS);
  const defaults = opts.defaults ?? { account: DEFAULT_ACCOUNT, region: DEFAULT_REGION };

  /** The service and operation a target names; an unknown prefix falls to the first service (its UnknownOperationException). */
  function route(target: string): { prefix: string; service: ServiceId; operation: string } {
    for (const [prefix, service] of targets) if (target.startsWith(prefix)) return { prefix, service, operation: target.slice(prefix.length) };
    return { prefix: targets[0][0], service: targets[0][1], operation: '' };
  }
  const logRequests = emu.log.enabled('info');
  const logBodies = emu.log.enabled('debug');

  function dispatch(req: IncomingMessage, res: ServerResponse, headers: RpcHeaders, body: Buffer, started: number): void {
    const requestId = randomUUID();
    const caller = callerOfAuthorization(headers.authorization, defaults);
    const target = headers.target ?? '';
    const { prefix, service, operation } = route(target);
    const svc = emu.services[service];
    const finish = (output: unknown, err?: unknown) => {
      let status = 200;
      let failure: { error: string; message: string } | undefined;
      if (err === undefined) {
        if (logBodies) emu.log.log('debug', 'response body', { operation, requestId, body: redact(output) });
        sendJson(res, 200, JSON.stringify(output), requestId);
      } else {
        const e = toServiceError(err, emu.log, { operation, requestId });
        status = e.status;
        failure = { error: e.code, message: e.message };
        sendError(res, e, requestId);
      }
      if (logRequests) logRequest(emu.log, { operation: operation || target, account: caller.account, region: caller.region, status, failure, ms: performance.now() - started, requestId });
    };
    try {
      if (opts.accessKeys) verifySignature({ method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers }, body, opts.accessKeys);
      const def = svc.operations[operation];
      if (!def || !Object.hasOwn(svc.operations, operation)) {
        throw new UnknownOperationException(`Operation ${target || '(none)'} is not an operation of ${prefix.slice(0, -1)}.`);
      }
      let input: unknown = {};
      if (body.length) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          throw new SerializationException('The request body is not valid JSON.');
        }
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new SerializationException('The request body must be a JSON object.');
      }
      const endpoint = endpointOf(headers.host, req.socket);
      if (logBodies) emu.log.log('debug', 'request body', { operation, requestId, body: redact(input) });
      const who = { account: caller.account, region: caller.region, requestId, endpoint };
      // At once when nothing is due; else after due tasks ran in slices (Emulator.serve).
      const output = emu.serve((now) => emu.request(service, operation, input as Record<string, unknown>, who, now));
      if (output instanceof Promise) output.then(finish, (err: unknown) => finish(undefined, err ?? new Error('request failed')));
      else finish(output);
    } catch (err) {
      finish(undefined, err ?? new Error('request failed'));
    }
  }

  return function handleRpc(req: IncomingMessage, res: ServerResponse, headers: RpcHeaders = rpcHeaders(req.rawHeaders)): void {
    const started = logRequests ? performance.now() : 0;
    readBody(req, MAX_BODY_BYTES, (err, body) => {
      if (err) {
        const e = toServiceError(err, emu.log, {});
        sendError(res, e, randomUUID());
        return;
      }
      dispatch(req, res, headers, body, started);
    });
  };
}
