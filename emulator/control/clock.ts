/** GET/POST /_emulator/clock and POST /_emulator/clock/advance. */
import { Router } from 'express';
import type { Emulator } from '../emulator.js';
import { ControlError } from './errors.js';
import type { ClockMode } from '../time/clock.js';

const MODES: ClockMode[] = ['real', 'scaled', 'frozen'];

/** Accepts an ISO-8601 string or epoch milliseconds. */
export function parseInstant(value: unknown, field: string): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new ControlError('InvalidClock', `${field} must be an ISO-8601 date-time (or epoch milliseconds).`);
  return ms;
}

/** "90", 90, "90s", "15m", "2h", "3d", "1h30m" -> seconds. */
export function parseDuration(value: unknown, field = 'seconds'): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string') {
    if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
    const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gy;
    let total = 0;
    let m: RegExpExecArray | null;
    let consumed = 0;
    const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800 } as const;
    while ((m = re.exec(value))) {
      total += Number(m[1]) * unit[m[2] as keyof typeof unit];
      consumed = re.lastIndex;
    }
    if (consumed === value.length && consumed > 0) return total;
  }
  throw new ControlError('InvalidDuration', `${field} must be a non-negative number of seconds or a duration such as "90s", "15m", "2h", "1d".`);
}

export function clockRoutes(emu: Emulator): Router {
  const r = Router();
  r.get('/clock', (_req, res) => {
    res.json(emu.clock.describe());
  });
  r.post('/clock', (req, res) => {
    const body = (req.body ?? {}) as { now?: unknown; mode?: unknown; rate?: unknown };
    const change: { now?: number; mode?: ClockMode; rate?: number } = {};
    if (body.mode !== undefined) {
      if (!MODES.includes(body.mode as ClockMode)) throw new ControlError('InvalidClock', `mode must be one of ${MODES.join(', ')}.`);
      change.mode = body.mode as ClockMode;
    }
    if (body.rate !== undefined) {
      if (typeof body.rate !== 'number' || !(body.rate > 0)) throw new ControlError('InvalidClock', 'rate must be a number greater than 0.');
      change.rate = body.rate;
      if (change.mode === undefined && body.rate !== 1) change.mode = 'scaled';
    }
    let ran = 0;
    if (body.now !== undefined) {
      const target = parseInstant(body.now, 'now');
      // Moving forward fires what falls due in between, as an advance does; moving back does not
      // undo anything (tasks never run twice).
      if (target > emu.clock.now()) ran = emu.scheduler.advanceTo(target);
      else emu.clock.set({ now: target });
    }
    if (change.mode !== undefined || change.rate !== undefined) emu.clock.set(change);
    res.json({ ...emu.clock.describe(), tasksRun: ran });
  });
  r.post('/clock/advance', (req, res) => {
    const body = (req.body ?? {}) as { seconds?: unknown; duration?: unknown };
    const seconds = parseDuration(body.seconds ?? body.duration, body.seconds !== undefined ? 'seconds' : 'duration');
    const ran = emu.scheduler.advance(Math.round(seconds * 1000));
    res.json({ ...emu.clock.describe(), tasksRun: ran });
  });
  r.get('/tasks', (_req, res) => {
    res.json({
      tasks: emu.scheduler.list().map((t) => ({ ...t, at: new Date(t.at).toISOString() })),
      failures: emu.scheduler.failures,
    });
  });
  return r;
}
