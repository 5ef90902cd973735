/**
 * A window's schedule as Maintenance Windows computes it: the expression parsed under the
 * 'maintenance-window' profile of time/schedule.ts, with the window's time zone and offset, and the
 * run window its StartDate, EndDate and the instant the schedule took effect make. Also AWS's way
 * of writing those times back (NextExecutionTime, ScheduledWindowExecution.ExecutionTime).
 *
 * Time format: AWS writes these string members the way Java's OffsetDateTime.toString() does, in the
 * schedule's zone: "2020-02-19T16:00Z" for a cron run in UTC, "2019-02-03T02:00-08:00" in a zone
 * eight hours behind, "2019-05-18T23:35:24.902Z" for a rate run with seconds (the user guide's CLI
 * examples). Seconds appear only when not zero, milliseconds only when not zero; a zero offset is "Z".
 *
 * StartDate/EndDate are ISO-8601 date-times; one without an offset is read as UTC [unverified].
 */
import { ValidationException } from '../../generated/ssm/errors.js';
import { nextRuns, parseSchedule, ScheduleError, type ParsedSchedule, type RunWindow } from '../../time/schedule.js';
import { offsetAt } from '../../time/zone.js';
import type { WindowRecord } from './state.js';
import * as messages from './messages.js';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch ms of an ISO-8601 date or date-time, or undefined when it is not one. */
export function parseIsoDateTime(value: string): number | undefined {
  const m = ISO_DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Math.floor(Number(`0.${frac || '0'}`) * 1000));
  const back = new Date(ms);
  if (back.getUTCDate() !== +d! || back.getUTCMonth() !== +mo! - 1 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  if (zone === 'Z') return ms;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return ms - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** StartDate / EndDate checked for form and order (ValidationException). Returns epoch ms. */
export function checkDates(start: string | undefined, end: string | undefined): { start?: number; end?: number } {
  const read = (member: 'StartDate' | 'EndDate', v: string | undefined) => {
    if (v === undefined) return undefined;
    const ms = parseIsoDateTime(v);
    if (ms === undefined) throw new ValidationException(messages.invalidDate(member, v));
    return ms;
  };
  const s = read('StartDate', start);
  const e = read('EndDate', end);
  if (s !== undefined && e !== undefined && e <= s) throw new ValidationException(messages.datesOutOfOrder(start!, end!));
  return { start: s, end: e };
}

/** Parses a window's schedule under AWS's rules for windows; ScheduleError becomes ValidationException. */
export function parseWindowSchedule(expression: string, timezone: string | undefined, offset: number | undefined): ParsedSchedule {
  try {
    return parseSchedule(expression, { profile: 'maintenance-window', timezone, offsetDays: offset });
  } catch (e) {
    if (e instanceof ScheduleError) throw new ValidationException(e.message);
    throw e;
  }
}

/** Parsed schedules of stored windows (derived from the record, so a cache, not state). */
const parsed = new WeakMap<WindowRecord, { key: string; schedule: ParsedSchedule }>();

export function scheduleOf(w: WindowRecord): ParsedSchedule {
  const key = `${w.Schedule}\u0000${w.ScheduleTimezone ?? ''}\u0000${w.ScheduleOffset ?? ''}`;
  let p = parsed.get(w);
  if (!p || p.key !== key) {
    p = { key, schedule: parseWindowSchedule(w.Schedule, w.ScheduleTimezone, w.ScheduleOffset) };
    parsed.set(w, p);
  }
  return p.schedule;
}

/** When the window may run: from its StartDate (and the schedule's anchor) to its EndDate. */
export function runWindowOf(w: WindowRecord): RunWindow {
  const start = w.StartDate !== undefined ? parseIsoDateTime(w.StartDate) : undefined;
  const end = w.EndDate !== undefined ? parseIsoDateTime(w.EndDate) : undefined;
  return { anchor: w.ScheduleAnchor, ...(start !== undefined && { start }), ...(end !== undefined && { end }) };
}

/**
 * Runs computed for a window: every run strictly after `from`, in order, `runs.length` of them, and
 * whether the schedule has none after those (`complete`). A cache of a pure function of the record's
 * schedule members: the engine asks for the next run after each opening and Describe* answers ask
 * for the next ones, so most questions are answered from runs already computed.
 */
interface RunCache {
  key: string;
  from: number;
  runs: number[];
  complete: boolean;
}
const runCaches = new WeakMap<WindowRecord, RunCache>();
/** Runs computed at least at a time, so a weekly window's year costs a few computations, not 52. */
const BATCH = 16;

/** The next `count` runs strictly after `after` (none for a disabled window). */
export function upcomingRuns(w: WindowRecord, after: number, count: number): number[] {
  if (!w.Enabled || count <= 0) return [];
  const key = `${w.Schedule}\u0000${w.ScheduleTimezone ?? ''}\u0000${w.ScheduleOffset ?? ''}\u0000${w.StartDate ?? ''}\u0000${w.EndDate ?? ''}\u0000${w.ScheduleAnchor}`;
  let c = runCaches.get(w);
  if (c && c.key === key && c.from <= after) {
    const i = firstAfter(c.runs, after);
    if (c.runs.length - i >= count || c.complete) return c.runs.slice(i, i + count);
  }
  const want = Math.max(count, BATCH);
  const runs = nextRuns(scheduleOf(w), after, want, runWindowOf(w));
  c = { key, from: after, runs, complete: runs.length < want };
  runCaches.set(w, c);
  return runs.slice(0, count);
}

/** Index of the first run strictly after `t` in an ascending list. */
function firstAfter(runs: readonly number[], t: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const nextRunOf = (w: WindowRecord, after: number): number | undefined => upcomingRuns(w, after, 1)[0];

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as Java's OffsetDateTime.toString() writes it in `timezone` (see the header). */
export function formatScheduleTime(ms: number, timezone = 'UTC'): string {
  const offset = offsetAt(ms, timezone);
  const wall = new Date(ms + offset);
  let text = `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}T${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
  const s = wall.getUTCSeconds();
  const milli = wall.getUTCMilliseconds();
  if (s || milli) text += `:${two(s)}`;
  if (milli) text += `.${String(milli).padStart(3, '0')}`;
  if (offset === 0) return `${text}Z`;
  const minutes = Math.abs(offset) / 60_000;
  return `${text}${offset < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

/** NextExecutionTime: the next run after `now`, in the window's zone; undefined when there is none. */
export function nextExecutionTime(w: WindowRecord, now: number): string | undefined {
  const next = nextRunOf(w, now);
  return next === undefined ? undefined : formatScheduleTime(next, w.ScheduleTimezone);
}
