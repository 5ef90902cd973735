/** Writing AWS-shaped responses: the only place that turns results and errors into HTTP. */
import type { ServerResponse } from 'node:http';
import { ServiceError } from '../core/errors.js';
import { InternalServerError } from '../generated/ssm/errors.js';
import type { Logger } from '../core/log.js';

export const AMZ_JSON = 'application/x-amz-json-1.1';

export function sendJson(res: ServerResponse, status: number, body: string, requestId: string, contentType = AMZ_JSON, extra?: Record<string, string>): void {
  // A flat [name, value, ...] array is the cheapest form writeHead accepts (hot path).
  const headers: (string | number)[] = ['Content-Type', contentType, 'Content-Length', Buffer.byteLength(body), 'x-amzn-RequestId', requestId];
  if (extra) for (const k in extra) headers.push(k, extra[k]);
  res.writeHead(status, headers as unknown as string[]);
  res.end(body);
}

/** Any thrown value -> the AWS error it stands for; unexpected ones become InternalServerError, logged. */
export function toServiceError(err: unknown, log: Logger, where: Record<string, unknown>): ServiceError {
  if (err instanceof ServiceError) return err;
  log.log('error', 'unexpected failure', { ...where, error: String((err as Error)?.stack ?? err) });
  return new InternalServerError('An internal error occurred in the SSM emulator.');
}

export function sendError(res: ServerResponse, err: ServiceError, requestId: string, contentType = AMZ_JSON): void {
  sendJson(res, err.status, JSON.stringify(err.toBody()), requestId, contentType, { 'x-amzn-ErrorType': err.code });
}

export interface RequestOutcome {
  /** Named when the port serves more than one REST API. */
  service?: string;
  operation: string;
  account: string;
  region: string;
  status: number;
  /** A refusal's code and AWS's message, so that a 400 in the log explains itself. */
  failure?: { error: string; message: string };
  /** How long the request took, in milliseconds (measured by the protocol edge, which reads the clock). */
  ms: number;
  requestId: string;
}

/** The one `info` line each AWS request leaves in the log (JSON RPC and REST-JSON alike). */
export function logRequest(log: Logger, o: RequestOutcome): void {
  log.log('info', 'request', {
    ...(o.service !== undefined && { service: o.service }),
    operation: o.operation,
    account: o.account,
    region: o.region,
    status: o.status,
    ...o.failure,
    ms: Math.round(o.ms * 100) / 100,
    requestId: o.requestId,
  });
}
