/**
 * The OpenAPI document of the /_emulator control API (openapi/control.openapi.json), written from
 * the routes' own declarations (core/control.ts): the core routes (control/index.ts) and those of
 * the default areas. The server mounts the same declarations, so the document cannot describe a
 * route that is not served, or miss one that is. `npm run gen` writes it with the generated files
 * and the codegen test fails when it is stale.
 *
 * OpenAPI 3.1, whose schema objects are JSON Schema 2020-12: the schemas appear as the server
 * checks them. Schemas named with component() are listed once under components/schemas.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import { bodyContentTypes, componentName, ErrorSchema, type ControlResponse, type ControlRoute, type Schema } from '../../emulator/core/control.js';

type SchemaObject = OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function controlOpenApi(routes: readonly ControlRoute<any, any, any>[]): OpenAPIV3_1.Document {
  const components: Record<string, OpenAPIV3_1.SchemaObject> = {};
  const seen = new Map<string, Schema>();

  /** A declared schema for the document: named ones become $refs to components/schemas. */
  const schemaOf = (schema: Schema): SchemaObject => {
    const name = componentName(schema);
    if (name !== undefined) {
      const had = seen.get(name);
      if (had !== undefined && had !== schema) throw new Error(`Two different control API schemas are named ${name}.`);
      if (had === undefined) {
        seen.set(name, schema);
        components[name] = expand(schema);
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    return expand(schema);
  };
  const expand = (schema: Schema): OpenAPIV3_1.SchemaObject => {
    const out: Record<string, unknown> = { ...schema };
    if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, schemaOf(v)]));
    if (schema.items) out.items = schemaOf(schema.items);
    if (schema.allOf) out.allOf = schema.allOf.map(schemaOf);
    if (typeof schema.additionalProperties === 'object') out.additionalProperties = schemaOf(schema.additionalProperties);
    return out as OpenAPIV3_1.SchemaObject;
  };
  const json = (description: string, schema?: Schema, contentType = 'application/json'): OpenAPIV3_1.ResponseObject => ({
    description,
    ...(schema ? { content: { [contentType]: { schema: schemaOf(schema) } } } : {}),
  });

  const paths: Record<string, Record<string, OpenAPIV3_1.OperationObject>> = {};
  for (const route of routes) {
    const parameters: OpenAPIV3_1.ParameterObject[] = [];
    for (const m of route.path.matchAll(/\{(\w+)\}/g)) parameters.push({ name: m[1], in: 'path', required: true, schema: { type: 'string' } });
    for (const [name, schema] of Object.entries(route.query ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: 'query', ...(description ? { description } : {}), schema: schemaOf(rest) as OpenAPIV3_1.ParameterObject['schema'] });
    }
    const responses: OpenAPIV3_1.ResponsesObject = {};
    const declared: Record<number, ControlResponse> = { 200: { description: 'OK', schema: { type: 'object' } as Schema }, ...route.responses };
    for (const [status, r] of Object.entries(declared)) responses[status] = json(r.description, r.schema ?? (Number(status) >= 400 ? ErrorSchema : undefined), r.contentType);
    if (route.body || route.query) responses['400'] ??= json('Invalid request (the field is named in the message)', ErrorSchema);
    if (STATE_CHANGING.has(route.method)) {
      responses['415'] = json(route.body ? 'The body is not of a declared Content-Type (or is missing)' : 'A body was sent; this route takes none', ErrorSchema);
    }
    const operation: OpenAPIV3_1.OperationObject = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(Object.entries(bodyContentTypes(route.body)).map(([type, schema]) => [type, { schema: schemaOf(schema) }])),
            },
          }
        : {}),
      responses,
    };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'SSM emulator control API',
      version: '1',
      description:
        'Simulation controls under /_emulator: the virtual clock, reset, events, state snapshots and the simulated fleet. ' +
        'Errors answer {"error": code, "message": text}: 400 for a bad request (the field named), 404 for unknown ids, and 415 for ' +
        'a state-changing request whose body is not of a Content-Type the route declares (application/json unless said otherwise), ' +
        'or that sends a body to a route that takes none.',
    },
    servers: [{ url: 'http://127.0.0.1:4583/_emulator' }],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))) as OpenAPIV3_1.PathsObject,
    components: { schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))) },
  };
}

/**
 * openapi/control.openapi.json: its path and content, from the core routes and the default areas'.
 * Imported when called, after the model's files are written, since the areas import those.
 */
export async function controlDocumentFile(): Promise<[path: string, content: string]> {
  const [{ controlRoutesOf }, { areas }] = await Promise.all([import('../../emulator/control/index.js'), import('../../emulator/services/index.js')]);
  return ['openapi/control.openapi.json', JSON.stringify(controlOpenApi(controlRoutesOf(areas)), null, 1) + '\n'];
}
