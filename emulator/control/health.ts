/** GET /_emulator/health: served without express so that the emulator is healthy as soon as it listens. */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator.js';
import { EMULATOR_VERSION } from '../core/defaults.js';

export function healthBody(emu: Emulator): Record<string, unknown> {
  const ssm = emu.services.ssm;
  return {
    status: 'ok',
    version: EMULATOR_VERSION,
    uptimeSeconds: Math.round((Date.now() - emu.startedAt) / 10) / 100,
    clock: emu.clock.describe(),
    operations: { implemented: ssm.handlers.size, total: Object.keys(ssm.operations).length },
  };
}

export function sendHealth(emu: Emulator, res: ServerResponse): void {
  const body = JSON.stringify(healthBody(emu));
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'x-amzn-RequestId': randomUUID() });
  res.end(body);
}
