/**
 * A route of the /_emulator control API, declared as data: method, path, what it takes (query
 * parameters, a body and its content types, as JSON Schema) and a handler over the emulator. The
 * declaration is the single description of the route: control/ mounts it (refusing what the schema
 * refuses, with the field named, before the handler runs) and scripts/codegen writes
 * openapi/control.openapi.json from the same declarations, so the document cannot drift from the
 * routes.
 *
 * Schemas are JSON Schema 2020-12, the dialect of OpenAPI 3.1, so the document carries them as they
 * are validated. `component(name, schema)` names a schema that the document lists once under
 * components/schemas and refers to by $ref.
 *
 * A state-changing request (POST, PUT, PATCH, DELETE) must say what its body is: a body whose
 * Content-Type the route does not declare is refused with 415 rather than parsed as something else
 * or ignored (a form-encoded `{"account": ...}` must not reset every account), and only a route
 * that declares no body takes a request without one.
 *
 * Handlers answer a JSON value (status 200), or JsonText, or throw ControlError, which is answered
 * as {"error": code, "message": text} with its status.
 */
import type { Runtime } from './runtime.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The JSON Schema (2020-12) keywords the control API uses. */
export interface Schema {
  readonly type?: SchemaType | readonly SchemaType[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly enum?: readonly (string | number | boolean)[];
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly examples?: readonly unknown[];
  readonly allOf?: readonly Schema[];
}
type SchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export const JSON_MEDIA_TYPE = 'application/json';

/**
 * A body of several content types: the schema of each. A JSON type (application/json,
 * application/*+json) arrives parsed in `body`; any other arrives as `text`.
 */
export interface BodyTypes {
  readonly contentTypes: Readonly<Record<string, Schema>>;
}

export interface ControlRequest<B = unknown, Q = Record<string, unknown>> {
  /** Path template labels: {id} in /fleet/instances/{id}. */
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters, checked against `query` and converted to their declared types. */
  readonly query: Q;
  /** The parsed JSON body, checked against the route's schema (undefined for a route without body). */
  readonly body: B;
  /** The body of a declared non-JSON content type (YAML, ...), as text. */
  readonly text?: string;
  /** The request's media type, lower case, without parameters. */
  readonly contentType?: string;
}

export interface ControlResponse {
  readonly description: string;
  readonly schema?: Schema;
  /** The media type of the answer (application/json unless said: text/event-stream for a stream). */
  readonly contentType?: string;
}

/** R: what the handler gets; areas' routes get the Runtime, the core routes (control/) the Emulator. */
export interface ControlRoute<B = any, Q = any, R = Runtime> {
  readonly method: HttpMethod;
  /** Under /_emulator; labels in braces: /fleet/instances/{id}. */
  readonly path: string;
  /** A unique name (the OpenAPI operationId). */
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** Query parameters and their schemas; any other query parameter is refused. */
  readonly query?: Readonly<Record<string, Schema>>;
  /** The body: a JSON schema (application/json), or several content types. No body when absent. */
  readonly body?: Schema | BodyTypes;
  /** The error code of a request the schemas refuse (default InvalidRequest). */
  readonly invalid?: string;
  /** The 200 answer, and other statuses the handler answers (400, 415 and 500 are added for all). */
  readonly responses?: Readonly<Record<number, ControlResponse>>;
  readonly handle: (req: ControlRequest<B, Q>, runtime: R) => unknown;
}

/** Declares a route; B and Q are the types of what its schemas accept. */
export function defineControlRoute<B = undefined, Q = Record<string, never>, R = Runtime>(route: ControlRoute<B, Q, R>): ControlRoute<B, Q, R> {
  return route;
}

export const isBodyTypes = (body: Schema | BodyTypes): body is BodyTypes => 'contentTypes' in body;

/** The content types a route's body may have, JSON first. */
export function bodyContentTypes(body: Schema | BodyTypes): Readonly<Record<string, Schema>> {
  return isBodyTypes(body) ? body.contentTypes : { [JSON_MEDIA_TYPE]: body };
}

export const isJsonMediaType = (type: string): boolean => type === JSON_MEDIA_TYPE || (type.startsWith('application/') && type.endsWith('+json'));

const COMPONENT = Symbol('component');

/** Names a schema: the OpenAPI document lists it under components/schemas and refers to it by $ref. */
export function component<S extends Schema>(name: string, schema: S): S {
  Object.defineProperty(schema, COMPONENT, { value: name, enumerable: false });
  return schema;
}

export const componentName = (schema: Schema): string | undefined => (schema as { [COMPONENT]?: string })[COMPONENT];

/** A handler's answer that is JSON text already (the OpenAPI documents on disk): sent as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * A handler's answer as JSON text in pieces, written one after another (a state snapshot: one piece
 * a region), so the whole document is never one string in memory. The pieces are produced
 * synchronously when the answer is sent, so they are a consistent cut of the state.
 */
export class JsonChunks {
  constructor(readonly chunks: () => Iterable<string>) {}
}

/**
 * A handler's answer that is a stream of server-sent events (text/event-stream): `open` starts it
 * with a function that sends one event, and returns what stops it (called when the client goes).
 */
export class EventStream {
  constructor(readonly open: (send: (event: string, data: unknown) => void) => () => void) {}
}

/** The control API's error: {"error": code, "message": text} with an HTTP status (400 by default). */
export class ControlError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** The body every control API error has. */
export const ErrorSchema = component('Error', {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
});
