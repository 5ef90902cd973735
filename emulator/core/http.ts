/**
 * HTTP surfaces an area declares besides its operations, as data that protocol/ and server.ts serve
 * (areas never import protocol/): an AWS REST-JSON API (RestApi: each route's method, path
 * template, operation, and where each input member comes from) and WebSocket endpoints
 * (UpgradeRoute). Paths are templates with labels in braces, `/resources/{Arn}/tags`, and `{name+}`
 * for a label that spans slashes.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { Runtime } from './runtime.js';
import type { ServiceError } from './errors.js';
import type { ServiceId } from './operation.js';

/** Where an input member that is not in the JSON body comes from, and its name there. */
export type RestInputLocation = readonly ['path' | 'query' | 'header', string];

export interface RestRoute {
  readonly operation: string;
  readonly method: string;
  /** The URI template; a query part (`/x?type=y`) names query parameters the route requires. */
  readonly path: string;
  /** The success status. */
  readonly status: number;
  /** Input members bound to the path, query string or headers; every other member is in the body. */
  readonly input: Readonly<Record<string, RestInputLocation>>;
}

export interface RestApi {
  readonly service: ServiceId;
  /** The SigV4 service name requests must be signed for (when they are signed). */
  readonly signingName: string;
  readonly routes: readonly RestRoute[];
  /** The service's error for a request the model rejects (REST services have no ValidationException). */
  readonly validationError: (message: string) => ServiceError;
  /** The error for a path no operation is bound to (a request signed for this service). */
  readonly unknownOperation: (method: string, path: string) => ServiceError;
  /** The error for a path bound to operations of other methods only. */
  readonly methodNotAllowed: (method: string, path: string) => ServiceError;
}

/** A WebSocket endpoint: server.ts accepts an upgrade request to `path` and hands over the socket. */
export interface UpgradeRoute<R = Runtime> {
  /** A path template: /v1/data-channel/{id}. */
  readonly path: string;
  /** Owns the socket from here; a throw closes it (1011) and is logged. */
  readonly handle: (ws: WebSocket, req: IncomingMessage, params: Readonly<Record<string, string>>, runtime: R) => void;
}

export interface PathTemplate {
  /** Matches a request path (an optional trailing slash allowed); groups are the labels in order. */
  readonly pattern: RegExp;
  readonly labels: readonly string[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a path template (without its query part). */
export function pathTemplate(template: string): PathTemplate {
  const labels: string[] = [];
  let source = '';
  for (const part of template.split(/(\{[^}]+\})/)) {
    const m = /^\{([^}+]+)(\+?)\}$/.exec(part);
    if (m) {
      labels.push(m[1]);
      source += m[2] ? '(.+)' : '([^/]+)';
    } else {
      source += escapeRe(part);
    }
  }
  return { pattern: new RegExp(`^${source}/?$`), labels };
}

/** The labels of a path that matches a template, percent-decoded; undefined when it does not match. */
export function matchPath(t: PathTemplate, path: string): Record<string, string> | undefined {
  const m = t.pattern.exec(path);
  if (!m) return undefined;
  const params: Record<string, string> = Object.create(null);
  try {
    t.labels.forEach((label, i) => (params[label] = decodeURIComponent(m[i + 1])));
  } catch {
    return undefined; // not valid percent-encoding: no label can hold it
  }
  return params;
}
