/**
 * The OpenAPI document of the /_emulator control API (openapi/control.openapi.json). Hand-written
 * here, typed with openapi-types, because the control API is ours, not AWS's; `npm run gen` writes it
 * with the generated files and the codegen test fails when it is stale.
 */
import type { OpenAPIV3 } from 'openapi-types';

const json = (schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject, description = 'OK'): OpenAPIV3.ResponseObject => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject): OpenAPIV3.RequestBodyObject => ({
  content: { 'application/json': { schema } },
});
const ref = (name: string): OpenAPIV3.ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const error: OpenAPIV3.ResponseObject = json(ref('Error'), 'Invalid request');
const accountRegion: OpenAPIV3.ParameterObject[] = [
  { name: 'account', in: 'query', schema: { type: 'string', pattern: '^\\d{12}$' } },
  { name: 'region', in: 'query', schema: { type: 'string' } },
];

export function controlOpenApi(): OpenAPIV3.Document {
  return {
    openapi: '3.0.3',
    info: {
      title: 'SSM emulator control API',
      version: '1',
      description:
        'Simulation controls under /_emulator: the virtual clock, reset, events, state snapshots and the simulated fleet. ' +
        'Errors answer 400 (404 for unknown ids) with {"error": code, "message": text}.',
    },
    servers: [{ url: 'http://127.0.0.1:4583/_emulator' }],
    paths: {
      '/health': { get: { operationId: 'health', responses: { '200': json(ref('Health')) } } },
      '/clock': {
        get: { operationId: 'getClock', responses: { '200': json(ref('Clock')) } },
        post: {
          operationId: 'setClock',
          description: 'Any of now, mode, rate. Moving now forward runs every task that falls due in between, in time order.',
          requestBody: body({
            type: 'object',
            properties: {
              now: { type: 'string', format: 'date-time' },
              mode: { type: 'string', enum: ['real', 'scaled', 'frozen'] },
              rate: { type: 'number', minimum: 0, exclusiveMinimum: true },
            },
          }),
          responses: { '200': json(ref('ClockChange')), '400': error },
        },
      },
      '/clock/advance': {
        post: {
          operationId: 'advanceClock',
          description: 'Moves virtual time forward and runs everything that falls due in between, in time order, before answering.',
          requestBody: body({
            type: 'object',
            properties: {
              seconds: { type: 'number', minimum: 0 },
              duration: { type: 'string', example: '1h30m', description: 'instead of seconds: ms, s, m, h, d, w units' },
            },
          }),
          responses: { '200': json(ref('ClockChange')), '400': error },
        },
      },
      '/tasks': {
        get: {
          operationId: 'listTasks',
          description: 'Pending scheduler tasks (what will happen, and when) and recent task failures.',
          responses: { '200': json({ type: 'object', properties: { tasks: { type: 'array', items: { type: 'object' } }, failures: { type: 'array', items: { type: 'object' } } } }) },
        },
      },
      '/reset': {
        post: {
          operationId: 'reset',
          description: 'Clears all state, or one account and/or region. The clock keeps its time and mode.',
          requestBody: body({ type: 'object', properties: { account: { type: 'string' }, region: { type: 'string' } } }),
          responses: { '200': json({ type: 'object' }), '400': error },
        },
      },
      '/events': {
        get: {
          operationId: 'listEvents',
          description: 'What the emulator would have sent to Amazon EventBridge, oldest first (at most 10,000 kept).',
          parameters: [
            ...accountRegion,
            { name: 'source', in: 'query', schema: { type: 'string' } },
            { name: 'detail-type', in: 'query', schema: { type: 'string' } },
            { name: 'after', in: 'query', schema: { type: 'integer' }, description: 'only events with a larger seq' },
          ],
          responses: { '200': json({ type: 'object', properties: { events: { type: 'array', items: ref('Event') } } }) },
        },
        delete: { operationId: 'clearEvents', responses: { '200': json({ type: 'object' }) } },
      },
      '/state': {
        get: { operationId: 'getState', description: 'A snapshot of all state, the clock included.', responses: { '200': json(ref('Snapshot')) } },
        post: {
          operationId: 'putState',
          description: 'Replaces all state with a snapshot. A snapshot of another format version, or a corrupt one, is refused and nothing changes.',
          requestBody: body(ref('Snapshot')),
          responses: { '200': json({ type: 'object' }), '400': error },
        },
      },
      '/fleet/instances': {
        get: { operationId: 'listInstances', parameters: accountRegion, responses: { '200': json({ type: 'object', properties: { instances: { type: 'array', items: ref('Instance') } } }) } },
        post: {
          operationId: 'addInstance',
          description: 'Adds a managed node: the fields of InstanceInformation (PascalCase), plus account, region and Behaviors. The id is generated when absent.',
          requestBody: body(ref('Instance')),
          responses: { '200': json({ type: 'object', properties: { instance: ref('Instance') } }), '400': error, '409': json(ref('Error'), 'A node with that id exists') },
        },
      },
      '/fleet/instances/{id}/stop-agent': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...accountRegion],
        post: {
          operationId: 'stopAgent',
          description: "Stops the node's simulated SSM Agent: it stays Online until its last ping is 10 minutes old, then turns ConnectionLost; commands to it wait for their delivery timeout.",
          responses: { '200': json({ type: 'object', properties: { instance: ref('Instance') } }), '404': error },
        },
      },
      '/fleet/instances/{id}/start-agent': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...accountRegion],
        post: { operationId: 'startAgent', description: 'Starts the simulated agent again: the node pings and is Online at once.', responses: { '200': json({ type: 'object', properties: { instance: ref('Instance') } }), '404': error } },
      },
      '/fleet/instances/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...accountRegion],
        patch: { operationId: 'updateInstance', requestBody: body(ref('Instance')), responses: { '200': json({ type: 'object', properties: { instance: ref('Instance') } }), '400': error, '404': error } },
        delete: { operationId: 'deleteInstance', responses: { '200': json({ type: 'object' }), '404': error } },
      },
      '/fleet/load': {
        post: {
          operationId: 'loadFleet',
          description: "A fleet fixture file's content, as JSON or YAML (Content-Type text/yaml). Checked completely before anything is stored.",
          parameters: [{ name: 'replace', in: 'query', schema: { type: 'boolean' }, description: 'remove the nodes of the fixture\'s accounts and regions first' }],
          requestBody: { content: { 'application/json': { schema: { type: 'object' } }, 'text/yaml': { schema: { type: 'string' } } } },
          responses: { '200': json({ type: 'object', properties: { loaded: { type: 'integer' }, fleets: { type: 'array', items: { type: 'object' } } } }), '400': error },
        },
      },
      '/fleet/register': {
        post: {
          operationId: 'registerHybridNode',
          description: 'Registers a hybrid node with an activation, as the SSM agent does. Refused with a reason for a wrong code, an expired activation or a used-up registration limit.',
          requestBody: body({
            type: 'object',
            required: ['ActivationId', 'ActivationCode'],
            properties: { ActivationId: { type: 'string' }, ActivationCode: { type: 'string' }, account: { type: 'string' }, region: { type: 'string' } },
            additionalProperties: true,
          }),
          responses: { '200': json({ type: 'object', properties: { instance: ref('Instance') } }), '400': error },
        },
      },
      '/openapi.json': { get: { operationId: 'ssmOpenApi', description: 'The SSM API document generated from the AWS model.', responses: { '200': json({ type: 'object' }) } } },
      '/openapi/control.json': { get: { operationId: 'controlOpenApi', description: 'This document.', responses: { '200': json({ type: 'object' }) } } },
      '/openapi/resource-groups.json': { get: { operationId: 'resourceGroupsOpenApi', responses: { '200': json({ type: 'object' }) } } },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } },
        Clock: {
          type: 'object',
          required: ['now', 'mode', 'rate'],
          properties: { now: { type: 'string', format: 'date-time' }, mode: { type: 'string', enum: ['real', 'scaled', 'frozen'] }, rate: { type: 'number' } },
        },
        ClockChange: { allOf: [ref('Clock'), { type: 'object', properties: { tasksRun: { type: 'integer' } } }] },
        Health: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['ok'] },
            version: { type: 'string' },
            uptimeSeconds: { type: 'number' },
            clock: ref('Clock'),
            operations: { type: 'object', properties: { implemented: { type: 'integer' }, total: { type: 'integer' } } },
          },
        },
        Event: {
          type: 'object',
          description: 'EventBridge event shape, plus seq.',
          properties: {
            version: { type: 'string' },
            id: { type: 'string' },
            'detail-type': { type: 'string' },
            source: { type: 'string' },
            account: { type: 'string' },
            time: { type: 'string', format: 'date-time' },
            region: { type: 'string' },
            resources: { type: 'array', items: { type: 'string' } },
            detail: { type: 'object' },
            seq: { type: 'integer' },
          },
        },
        Snapshot: {
          type: 'object',
          required: ['formatVersion', 'clock', 'store'],
          properties: { formatVersion: { type: 'integer' }, emulatorVersion: { type: 'string' }, savedAt: { type: 'string' }, clock: { type: 'object' }, store: { type: 'object' } },
        },
        Instance: {
          type: 'object',
          description: 'A simulated managed node: InstanceInformation members (InstanceId, PlatformType, PingStatus, ...) plus Tags, Behaviors and simulation data.',
          additionalProperties: true,
        },
      },
    },
  };
}
