/**
 * Mounts declared control routes (core/control.ts) on an express router. Before a handler runs:
 *
 *   query  -> checked against the route's `query` schemas, converted to their types ("5" -> 5);
 *             an undeclared query parameter is refused (a misspelt ?regoin= must not widen a DELETE)
 *   body   -> GET: not read. Otherwise the Content-Type must be one the route declares, else 415:
 *             express.json() would skip a form-encoded or text/plain JSON body and the route would
 *             run as if it had none (a `curl -d` reset cleared every account). Refusing, rather than
 *             parsing JSON whatever its declared type, also keeps web pages from driving the API
 *             with the "simple" requests a browser sends cross-origin without a preflight.
 *             A route without a body takes a request without one (or with an empty JSON object).
 *          -> a JSON type is parsed and checked against the route's schema (400 naming the field);
 *             another declared type (YAML) reaches the handler as `text`
 *   answer -> the handler's result as JSON (or a stream of server-sent events); under --data-dir a
 *             state-changing request answers only once a checkpoint holding the change is on disk
 *             (see state/persistence.ts); live views are told of it (emu.changes)
 *
 * The schemas are checked by Ajv, in the JSON Schema dialect of OpenAPI 3.1 (2020-12), the one the
 * control API's document carries them in.
 */
import { Router, type Request, type Response } from 'express';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Emulator } from '../emulator.js';
import { ClockRangeError } from '../time/clock.js';
import { bodyContentTypes, ControlError, EventStream, isJsonMediaType, JSON_MEDIA_TYPE, JsonChunks, JsonText, type ControlRoute, type Schema } from '../core/control.js';
import { readBody } from '../protocol/json-rpc.js';

/** Snapshots and fleet fixtures can be large (the benchmark loads 10,000 nodes). */
export const MAX_CONTROL_BODY_BYTES = 256 * 1024 * 1024;

type Route = ControlRoute<any, any, Emulator>;

interface Checks {
  query: ValidateFunction;
  /** Media type -> the JSON body's validator; null for a text type (YAML). */
  body: Map<string, ValidateFunction | null> | undefined;
}

/** /fleet/instances/{id} -> /fleet/instances/:id */
const expressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

export function controlRouter(emu: Emulator, routes: readonly Route[]): Router {
  // Formats are documentation here: handlers parse what they accept (a date-time or epoch ms).
  // Without the meta-schema (whose compilation costs ~100 ms per instance, on every start of the
  // control API); control.test.ts checks the declared schemas against it instead.
  const options = { strict: true, allowUnionTypes: true, formats: { 'date-time': true }, meta: false, validateSchema: false } as const;
  const bodies = new Ajv2020(options);
  // Query parameters are text; coercion turns them into the declared integer, boolean, ...
  const queries = new Ajv2020({ ...options, coerceTypes: true });
  const router = Router();
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) throw new Error(`The control route ${key} is declared twice.`);
    seen.add(key);
    // Compiled on the route's first request: a few ms each, which the control API's start need not wait for.
    let checks: Checks | undefined;
    const compile = (): Checks => ({
      query: queries.compile({ type: 'object', properties: route.query ?? {}, additionalProperties: false }),
      body: route.body
        ? new Map(Object.entries(bodyContentTypes(route.body)).map(([type, schema]) => [type, type === JSON_MEDIA_TYPE ? bodies.compile(schema) : null]))
        : undefined,
    });
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    router[method](expressPath(route.path), (req, res, next) => {
      serve(emu, route, (checks ??= compile()), req, res).catch(next);
    });
  }
  return router;
}

async function serve(emu: Emulator, route: Route, checks: Checks, req: Request, res: Response): Promise<void> {
  const query = queryOf(req.originalUrl);
  if (!checks.query(query)) throw invalid(route, checks.query.errors!, 'query');
  const input = { params: { ...req.params } as Record<string, string>, query, body: undefined as unknown, text: undefined as string | undefined, contentType: undefined as string | undefined };
  const changes = req.method !== 'GET' && req.method !== 'HEAD';
  if (changes) {
    const raw = await read(req);
    const type = mediaType(req.headers['content-type']);
    input.contentType = type;
    if (!checks.body) {
      // Nothing, or an empty JSON object (what clients that always send JSON send).
      if (raw.length && !(type !== undefined && isJsonMediaType(type) && isEmptyObject(parseJson(raw)))) {
        throw new ControlError('UnsupportedMediaType', `${route.method} ${route.path} takes no request body (or an empty JSON object).`, 415);
      }
    } else {
      const accepted = [...checks.body.keys()];
      const declared = type === undefined ? undefined : checks.body.has(JSON_MEDIA_TYPE) && isJsonMediaType(type) ? JSON_MEDIA_TYPE : checks.body.has(type) ? type : undefined;
      if (declared === undefined) {
        const sent = type === undefined ? (raw.length ? 'a body without a Content-Type' : 'no body') : `Content-Type ${type}`;
        throw new ControlError(
          'UnsupportedMediaType',
          `${route.method} ${route.path} takes a body of Content-Type ${accepted.join(' or ')}${accepted.includes(JSON_MEDIA_TYPE) ? ' ({} for an empty one)' : ''}, not ${sent}.`,
          415,
        );
      }
      const validate = checks.body.get(declared);
      if (validate) {
        input.body = parseJson(raw);
        if (!validate(input.body)) throw invalid(route, validate.errors!, 'body');
      } else {
        input.text = raw.toString('utf8');
      }
    }
  }
  let result: unknown;
  let failure: unknown;
  try {
    // One at a time, and never between two tasks of a sliced scheduler run (Emulator.exclusive).
    result = await emu.exclusive(() => route.handle(input, emu));
  } catch (e) {
    failure = e;
  }
  // A handler that failed half-way may still have changed something: checkpoint either way, and
  // tell live views (the dashboard) to look again.
  if (changes) {
    if (emu.checkpoint) await emu.checkpoint();
    emu.changes.bump();
  }
  // A clock change the clock cannot make (beyond 9999, not a number) changed nothing: the caller's mistake.
  if (failure instanceof ClockRangeError) throw new ControlError('InvalidClock', failure.message);
  if (failure !== undefined) throw failure;
  if (result instanceof EventStream) return stream(result, req, res);
  if (result instanceof JsonText) res.type('application/json').send(result.text);
  else if (result instanceof JsonChunks) {
    res.type('application/json');
    for (const chunk of result.chunks()) res.write(chunk);
    res.end();
  }
  else res.json(result ?? {});
}

/** Server-sent events until the client goes away; the stream says when to stop sending. */
function stream(events: EventStream, req: Request, res: Response): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();
  const stop = events.open((event, data) => {
    if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  });
  req.on('close', stop);
}

function read(req: Request): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    readBody(req, MAX_CONTROL_BODY_BYTES, (err, body) =>
      err ? reject(new ControlError('BodyTooLarge', `The request body is larger than ${MAX_CONTROL_BODY_BYTES} bytes.`, 413)) : resolve(body),
    ),
  );
}

/** "Application/JSON; charset=utf-8" -> "application/json"; undefined when absent. */
function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0].trim().toLowerCase();
  return type || undefined;
}

function parseJson(raw: Buffer): unknown {
  if (!raw.length) throw new ControlError('InvalidJson', 'The request body is empty: send a JSON value ({} for an empty object).');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ControlError('InvalidJson', 'The request body is not valid JSON.');
  }
}

const isEmptyObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

/** Query parameters as strings; one given twice is a list (which a string schema then refuses). */
function queryOf(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  const i = url.indexOf('?');
  if (i < 0) return out;
  for (const [k, v] of new URLSearchParams(url.slice(i + 1))) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** The first schema violation, in words that name the field. */
function invalid(route: Route, errors: ErrorObject[], where: 'body' | 'query'): ControlError {
  const e = errors[0];
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  const field = (name?: string) => {
    const full = name === undefined ? path : path ? `${path}.${name}` : name;
    if (where === 'query') return `The query parameter ${full}`;
    return full ? full : 'The body';
  };
  const p = e.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[]; type?: string | string[] };
  let message: string;
  switch (e.keyword) {
    case 'required':
      message = `${field(p.missingProperty)} is required.`;
      break;
    case 'additionalProperties': {
      const known = Object.keys((where === 'query' ? route.query : propertiesAt(route, path)) ?? {});
      const what = where === 'query' ? `The query parameter ${p.additionalProperty}` : `The field ${field(p.additionalProperty)}`;
      message = `${what} is not accepted by ${route.method} ${route.path}${known.length ? ` (it takes ${known.join(', ')})` : ''}.`;
      break;
    }
    case 'enum':
      message = `${field()} must be one of ${p.allowedValues!.join(', ')}.`;
      break;
    case 'type': {
      const types = ([] as string[]).concat(p.type ?? []).map((t) => (t === 'object' ? 'a JSON object' : t === 'array' ? 'a list' : t === 'integer' ? 'an integer' : `a ${t}`));
      message = `${field()} must be ${types.join(' or ')}.`;
      break;
    }
    default:
      message = `${field()} ${e.message}.`;
  }
  return new ControlError(route.invalid ?? 'InvalidRequest', message);
}

/** The declared properties of the JSON body object at a path ('' for the body itself). */
function propertiesAt(route: Route, path: string): Record<string, Schema> | undefined {
  let schema: Schema | undefined = route.body ? bodyContentTypes(route.body)[JSON_MEDIA_TYPE] : undefined;
  for (const part of path ? path.split('.') : []) schema = schema?.properties?.[part];
  return schema?.properties;
}
