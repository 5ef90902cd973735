/** Health, reset, events and state snapshots under /_emulator. */
import { Router } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../emulator.js';
import { SnapshotError } from '../state/snapshot.js';
import { healthBody } from './health.js';
import { ControlError } from './errors.js';
import { OPENAPI_DIR } from '../core/paths.js';

const openapiDir = join(OPENAPI_DIR, '/');

export function stateRoutes(emu: Emulator): Router {
  const r = Router();
  r.get('/health', (_req, res) => {
    res.json(healthBody(emu));
  });
  r.post('/reset', (req, res) => {
    const body = (req.body ?? {}) as { account?: unknown; region?: unknown };
    for (const k of ['account', 'region'] as const) {
      if (body[k] !== undefined && typeof body[k] !== 'string') throw new ControlError('InvalidReset', `${k} must be a string.`);
    }
    emu.reset({ account: body.account as string | undefined, region: body.region as string | undefined });
    res.json({ reset: true, account: body.account ?? 'all', region: body.region ?? 'all' });
  });
  r.get('/events', (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const after = q.after === undefined ? undefined : Number(q.after);
    if (after !== undefined && !Number.isFinite(after)) throw new ControlError('InvalidFilter', 'after must be a number (an event seq).');
    res.json({
      events: emu.events.list({ account: q.account, region: q.region, source: q.source, detailType: q['detail-type'], after }),
    });
  });
  r.delete('/events', (_req, res) => {
    emu.events.clear();
    res.json({ cleared: true });
  });
  r.get('/state', (_req, res) => {
    res.json(emu.snapshot());
  });
  r.post('/state', (req, res) => {
    try {
      emu.restore(req.body);
    } catch (err) {
      if (err instanceof SnapshotError) throw new ControlError('InvalidSnapshot', err.message);
      throw err;
    }
    res.json({ restored: true, clock: emu.clock.describe() });
  });
  const openapi = (file: string) => (_req: unknown, res: import('express').Response) => {
    res.type('application/json').send(readFileSync(openapiDir + file, 'utf8'));
  };
  r.get('/openapi.json', openapi('ssm.openapi.json'));
  r.get('/openapi/resource-groups.json', openapi('resource-groups.openapi.json'));
  r.get('/openapi/control.json', openapi('control.openapi.json'));
  return r;
}
