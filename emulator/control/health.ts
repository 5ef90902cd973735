/**
 * GET /_emulator/health. Also answered by server.ts without express (sendHealth), so that the
 * emulator is healthy as soon as it listens; the declared route gives it its place in the control
 * API's document.
 */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator.js';
import { EMULATOR_VERSION } from '../core/defaults.js';
import { component, defineControlRoute } from '../core/control.js';
import { ClockSchema } from './clock.js';
import { commandsSlice } from '../sim/commands/state.js';
import { automationSlice } from '../sim/automation/state.js';

export function healthBody(emu: Emulator): Record<string, unknown> {
  const ssm = emu.services.ssm;
  return {
    status: 'ok',
    version: EMULATOR_VERSION,
    uptimeSeconds: Math.round((Date.now() - emu.startedAt) / 10) / 100,
    clock: emu.clock.describe(),
    operations: { implemented: ssm.handlers.size, total: Object.keys(ssm.operations).length },
    limits: {
      commandsEvicted: emu.store.scopesIn().reduce((n, scope) => n + (commandsSlice.peek(scope)?.evicted ?? 0), 0),
      automationExecutionsEvicted: emu.store.scopesIn().reduce((n, scope) => n + (automationSlice.peek(scope)?.evicted ?? 0), 0),
    },
  };
}

export function sendHealth(emu: Emulator, res: ServerResponse): void {
  const body = JSON.stringify(healthBody(emu));
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'x-amzn-RequestId': randomUUID() });
  res.end(body);
}

const HealthSchema = component('Health', {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok'] },
    version: { type: 'string' },
    uptimeSeconds: { type: 'number' },
    clock: ClockSchema,
    operations: { type: 'object', properties: { implemented: { type: 'integer' }, total: { type: 'integer' } } },
    limits: {
      type: 'object',
      description: 'What the emulator dropped to stay bounded',
      properties: {
        commandsEvicted: { type: 'integer', description: 'finished commands dropped before their 30 days (a Region held more than 10,000 commands, 50,000 invocations or 64 Mi characters of output)' },
        automationExecutionsEvicted: { type: 'integer', description: 'finished Automation executions dropped (a Region held more than 10,000)' },
      },
    },
  },
});

export const healthRoute = defineControlRoute<undefined, Record<string, never>, Emulator>({
  method: 'GET',
  path: '/health',
  operationId: 'health',
  summary: 'Ready: version, uptime, clock and how many SSM operations are implemented',
  responses: { 200: { description: 'Healthy', schema: HealthSchema } },
  handle: (_req, emu) => healthBody(emu),
});
