import { defineOperation } from '../../core/operation.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import { calendarStateAt } from '../../sim/calendars/index.js';
import * as m from '../../sim/automation/messages.js';

const AT_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 time (2020-07-30T11:05:14-0700, 2020-07-30T18:05:14Z, 2020-07-30) as epoch ms; no zone is UTC. */
export function parseAtTime(text: string): number | undefined {
  const mm = AT_TIME.exec(text);
  if (!mm) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = mm;
  let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(`0.${frac}`) * 1000));
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const check = new Date(Date.UTC(+y, +mo - 1, +d));
  if (!Number.isFinite(ms) || check.getUTCMonth() !== +mo - 1 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  return ms;
}

/** ISO 8601 as GetCalendarState writes it: seconds, UTC (2020-07-30T16:18:18Z). */
const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * GetCalendarState: the combined state of the calendars (OPEN only when every one is open) at AtTime
 * (default: now, on the virtual clock) and the next time it changes.
 */
export default defineOperation('GetCalendarState', (input, ctx) => {
  if (!input.CalendarNames.length) throw new ValidationException(m.noCalendarNames());
  let at = ctx.now;
  if (input.AtTime !== undefined) {
    const parsed = parseAtTime(input.AtTime);
    if (parsed === undefined) throw new ValidationException(m.invalidAtTime(input.AtTime));
    at = parsed;
  }
  const r = calendarStateAt(ctx, input.CalendarNames, at);
  return { State: r.state, AtTime: isoSeconds(at), ...(r.nextTransitionTime !== undefined && { NextTransitionTime: isoSeconds(r.nextTransitionTime) }) };
});
