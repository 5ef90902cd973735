/** The virtual clock and the scheduler under /_emulator: /clock, /clock/advance, /tasks. */
import type { Emulator } from '../emulator.js';
import { component, ControlError, defineControlRoute, type ControlRoute } from '../core/control.js';
import { CLOCK_MODES as MODES, type ClockMode } from '../time/clock.js';

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

export const ClockSchema = component('Clock', {
  type: 'object',
  required: ['now', 'mode', 'rate'],
  properties: { now: { type: 'string', format: 'date-time' }, mode: { type: 'string', enum: MODES }, rate: { type: 'number' } },
});
const ClockChangeSchema = component('ClockChange', {
  allOf: [ClockSchema, { type: 'object', properties: { tasksRun: { type: 'integer', description: 'scheduler tasks run on the way' } } }],
});
const clockChanged = { 200: { description: 'The clock after the change', schema: ClockChangeSchema } };

const getClock = defineControlRoute<undefined, Record<string, never>, Emulator>({
  method: 'GET',
  path: '/clock',
  operationId: 'getClock',
  summary: 'The virtual clock: now, mode and rate',
  responses: { 200: { description: 'The clock', schema: ClockSchema } },
  handle: (_req, emu) => emu.clock.describe(),
});

const setClock = defineControlRoute<{ now?: string | number; mode?: ClockMode; rate?: number }, Record<string, never>, Emulator>({
  method: 'POST',
  path: '/clock',
  operationId: 'setClock',
  summary: 'Sets the time, mode and/or rate',
  description: 'Any of now, mode, rate. Moving now forward runs every task that falls due in between, in time order; moving it back undoes nothing.',
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      now: { type: ['string', 'number'], description: 'an ISO-8601 date-time, or epoch milliseconds' },
      mode: { type: 'string', enum: MODES },
      rate: { type: 'number', exclusiveMinimum: 0, description: 'virtual seconds per wall second (scaled mode); a rate other than 1 alone selects scaled mode' },
    },
  },
  invalid: 'InvalidClock',
  responses: clockChanged,
  async handle({ body }, emu) {
    const change: { now?: number; mode?: ClockMode; rate?: number } = { mode: body.mode, rate: body.rate };
    if (body.rate !== undefined && change.mode === undefined && body.rate !== 1) change.mode = 'scaled';
    let ran = 0;
    if (body.now !== undefined) {
      const target = parseInstant(body.now, 'now');
      // Moving forward fires what falls due in between, as an advance does; moving back does not
      // undo anything (tasks never run twice).
      if (target > emu.clock.now()) ran = await emu.scheduler.advanceToAsync(target);
      else emu.clock.set({ now: target });
    }
    if (change.mode !== undefined || change.rate !== undefined) emu.clock.set(change);
    return { ...emu.clock.describe(), tasksRun: ran };
  },
});

const advanceClock = defineControlRoute<{ seconds?: number | string; duration?: string }, Record<string, never>, Emulator>({
  method: 'POST',
  path: '/clock/advance',
  operationId: 'advanceClock',
  summary: 'Moves virtual time forward',
  description: 'Moves virtual time forward and runs everything that falls due in between, in time order, before answering.',
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      seconds: { type: ['number', 'string'], description: 'non-negative seconds' },
      duration: { type: 'string', examples: ['1h30m'], description: 'instead of seconds: a number with ms, s, m, h, d, w units' },
    },
  },
  invalid: 'InvalidDuration',
  responses: clockChanged,
  async handle({ body }, emu) {
    const seconds = parseDuration(body.seconds ?? body.duration, body.seconds !== undefined ? 'seconds' : 'duration');
    // In slices: an advance that completes thousands of runs never holds the event loop.
    const ran = await emu.scheduler.advanceAsync(Math.round(seconds * 1000));
    return { ...emu.clock.describe(), tasksRun: ran };
  },
});

type TaskQuery = { account?: string; region?: string; limit?: number };
const listTasks = defineControlRoute<undefined, TaskQuery, Emulator>({
  method: 'GET',
  path: '/tasks',
  operationId: 'listTasks',
  summary: 'Pending scheduler tasks and recent task failures',
  description: 'What will happen, and when (earliest first; of one account and/or region when asked, at most limit), and the scheduled tasks that failed.',
  query: {
    account: { type: 'string' },
    region: { type: 'string' },
    limit: { type: 'integer', minimum: 1, description: 'at most this many tasks (the earliest)' },
  },
  invalid: 'InvalidFilter',
  responses: {
    200: {
      description: 'Tasks and failures',
      schema: { type: 'object', properties: { tasks: { type: 'array', items: { type: 'object' } }, failures: { type: 'array', items: { type: 'object' } } } },
    },
  },
  handle: ({ query: q }, emu) => ({
    tasks: emu.scheduler
      .list()
      .filter((t) => (q.account === undefined || t.account === q.account) && (q.region === undefined || t.region === q.region))
      .slice(0, q.limit)
      .map((t) => ({ ...t, at: new Date(t.at).toISOString() })),
    failures: emu.scheduler.failures,
  }),
});

export const clockRoutes: readonly ControlRoute<any, any, Emulator>[] = [getClock, setClock, advanceClock, listTasks];
