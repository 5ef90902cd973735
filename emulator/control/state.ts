/** Reset, events, state snapshots and the OpenAPI documents under /_emulator. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../emulator.js';
import { SnapshotError } from '../state/snapshot.js';
import { component, ControlError, defineControlRoute, JsonText, type ControlRoute, JsonChunks } from '../core/control.js';
import { OPENAPI_DIR } from '../core/paths.js';

const reset = defineControlRoute<{ account?: string; region?: string }, Record<string, never>, Emulator>({
  method: 'POST',
  path: '/reset',
  operationId: 'reset',
  summary: 'Clears all state, or one account and/or region',
  description: 'Clears all state ({} for everything), or one account and/or region. The clock keeps its time and mode; the configured fleet is loaded again.',
  body: { type: 'object', additionalProperties: false, properties: { account: { type: 'string' }, region: { type: 'string' } } },
  invalid: 'InvalidReset',
  handle({ body }, emu) {
    emu.reset({ account: body.account, region: body.region });
    return { reset: true, account: body.account ?? 'all', region: body.region ?? 'all' };
  },
});

const EventSchema = component('Event', {
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
});

type EventQuery = { account?: string; region?: string; source?: string; 'detail-type'?: string; after?: number };
const listEvents = defineControlRoute<undefined, EventQuery, Emulator>({
  method: 'GET',
  path: '/events',
  operationId: 'listEvents',
  summary: 'What would have gone to Amazon EventBridge',
  description: 'What the emulator would have sent to Amazon EventBridge, oldest first (at most 10,000 kept).',
  query: {
    account: { type: 'string' },
    region: { type: 'string' },
    source: { type: 'string' },
    'detail-type': { type: 'string' },
    after: { type: 'integer', description: 'only events with a larger seq' },
  },
  invalid: 'InvalidFilter',
  responses: { 200: { description: 'Events', schema: { type: 'object', properties: { events: { type: 'array', items: EventSchema } } } } },
  handle: ({ query: q }, emu) => ({
    events: emu.events.list({ account: q.account, region: q.region, source: q.source, detailType: q['detail-type'], after: q.after }),
  }),
});

const clearEvents = defineControlRoute<undefined, Record<string, never>, Emulator>({
  method: 'DELETE',
  path: '/events',
  operationId: 'clearEvents',
  summary: 'Forgets all recorded events',
  handle(_req, emu) {
    emu.events.clear();
    return { cleared: true };
  },
});

const SnapshotSchema = component('Snapshot', {
  type: 'object',
  required: ['formatVersion', 'clock', 'store'],
  properties: { formatVersion: { type: 'integer' }, emulatorVersion: { type: 'string' }, savedAt: { type: 'string' }, clock: { type: 'object' }, store: { type: 'object' } },
});

const getState = defineControlRoute<undefined, Record<string, never>, Emulator>({
  method: 'GET',
  path: '/state',
  operationId: 'getState',
  summary: 'A snapshot of all state, the clock included',
  responses: { 200: { description: 'The snapshot', schema: SnapshotSchema } },
  // Streamed one region at a time: a large state is never built as one string.
  handle: (_req, emu) => new JsonChunks(() => emu.snapshotJson()),
});

const putState = defineControlRoute<unknown, Record<string, never>, Emulator>({
  method: 'POST',
  path: '/state',
  operationId: 'putState',
  summary: 'Replaces all state with a snapshot',
  description: 'Replaces all state with a snapshot. A snapshot of another format version, or a corrupt one, is refused and nothing changes.',
  body: SnapshotSchema,
  invalid: 'InvalidSnapshot',
  handle({ body }, emu) {
    try {
      emu.restore(body);
    } catch (err) {
      if (err instanceof SnapshotError) throw new ControlError('InvalidSnapshot', err.message);
      throw err;
    }
    return { restored: true, clock: emu.clock.describe() };
  },
});

/** The OpenAPI documents in openapi/, sent as they are on disk. */
const document = (path: string, operationId: string, summary: string, file: string) =>
  defineControlRoute<undefined, Record<string, never>, Emulator>({
    method: 'GET',
    path,
    operationId,
    summary,
    responses: { 200: { description: 'An OpenAPI document', schema: { type: 'object' } } },
    handle: () => new JsonText(readFileSync(join(OPENAPI_DIR, file), 'utf8')),
  });

export const stateRoutes: readonly ControlRoute<any, any, Emulator>[] = [
  reset,
  listEvents,
  clearEvents,
  getState,
  putState,
  document('/openapi.json', 'ssmOpenApi', 'The SSM API as OpenAPI 3, generated from the AWS model', 'ssm.openapi.json'),
  document('/openapi/resource-groups.json', 'resourceGroupsOpenApi', 'The Resource Groups API as OpenAPI 3, generated from the AWS model', 'resource-groups.openapi.json'),
  document('/openapi/control.json', 'controlOpenApi', 'This control API as OpenAPI 3.1, generated from its route declarations', 'control.openapi.json'),
];
