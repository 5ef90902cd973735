/**
 * Change Calendar: the state of ChangeCalendar documents (iCalendar 2.0 text) at an instant of the
 * virtual clock, and when it next changes. GetCalendarState answers from here, and so does the
 * changeCalendars port (port.ts) that Automation, Change Manager, State Manager and Maintenance
 * Windows read before they act.
 *
 * A calendar is DEFAULT_OPEN (X-CALENDAR-TYPE; also when absent) or DEFAULT_CLOSED. During one of its
 * events the state is the opposite of the default. Several calendars together are OPEN only when all
 * are open (GetCalendarState reference).
 *
 * Parsing and recurrence are ical.js's (RRULE, RDATE, EXDATE, DURATION, all-day VALUE=DATE events).
 * Time zones are not: ical.js resolves TZID only through VTIMEZONE components registered in a
 * process-wide service, and calendars exported by Google or Outlook name IANA zones without always
 * carrying VTIMEZONE. So each occurrence's local wall-clock time is turned into an instant here, with
 * the platform's tz database (time/zone.ts): TZID when it names a zone, else the calendar's
 * X-WR-TIMEZONE, else UTC for floating times; a time written with Z is UTC.
 *
 * Recurring events are expanded up to HORIZON_MS after the instant asked about (at most
 * MAX_OCCURRENCES each), which bounds the work of a calendar with an endless RRULE; a transition
 * further away than that is not reported (NextTransitionTime absent), and an event that has run
 * MAX_OCCURRENCES times before the instant stops counting [a limit of the emulator, documented].
 * Advisory events have no marker AWS documents in the .ics text, so every VEVENT changes the state.
 */
import ICAL from 'ical.js';
import { resolveWall } from '../../time/zone.js';
import { isTimeZone } from '../../time/zone.js';

export type CalendarType = 'DEFAULT_OPEN' | 'DEFAULT_CLOSED';

/** How far ahead occurrences are expanded: 5 years. */
export const HORIZON_MS = 5 * 366 * 24 * 3600 * 1000;
export const MAX_OCCURRENCES = 20_000;

export class CalendarContentError extends Error {}

interface ParsedEvent {
  /** ical.js event (for its recurrence iterator). */
  event: ICAL.Event;
  /** The zone of local times: an IANA name, or 'UTC'. */
  zone: string;
  /** Duration in seconds (end - start in local wall time). */
  durationSeconds: number;
}

export interface ParsedCalendar {
  type: CalendarType;
  events: ParsedEvent[];
}

/** Parsed calendars by content (derived from the text alone, so the cache is not state). */
const parsed = new Map<string, ParsedCalendar>();
const CACHE_MAX = 128;

function wallOf(t: ICAL.Time): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.isDate ? 0 : t.hour, t.isDate ? 0 : t.minute, t.isDate ? 0 : t.second);
}

export function parseCalendar(text: string): ParsedCalendar {
  const hit = parsed.get(text);
  if (hit) return hit;
  let comp: ICAL.Component;
  try {
    comp = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    throw new CalendarContentError(String((e as Error).message ?? e));
  }
  const rawType = comp.getFirstPropertyValue('x-calendar-type');
  const type: CalendarType = rawType === 'DEFAULT_CLOSED' ? 'DEFAULT_CLOSED' : 'DEFAULT_OPEN';
  const wrZone = comp.getFirstPropertyValue('x-wr-timezone');
  const calendarZone = typeof wrZone === 'string' && isTimeZone(wrZone) ? wrZone : 'UTC';
  const events: ParsedEvent[] = [];
  for (const v of comp.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(v);
    if (!event.startDate) throw new CalendarContentError(`event ${event.uid ?? ''} has no DTSTART`);
    const dtstart = v.getFirstProperty('dtstart')!;
    const tzid = dtstart.getParameter('tzid');
    const utc = event.startDate.zone?.tzid === 'UTC' || String(dtstart.getFirstValue()).endsWith('Z');
    let zone = calendarZone;
    if (utc) zone = 'UTC';
    else if (typeof tzid === 'string') {
      if (!isTimeZone(tzid)) throw new CalendarContentError(`the time zone ${tzid} is not known`);
      zone = tzid;
    }
    const durationSeconds = event.duration ? event.duration.toSeconds() : event.startDate.isDate ? 86_400 : 0;
    events.push({ event, zone, durationSeconds: Math.max(0, durationSeconds) });
  }
  if (parsed.size >= CACHE_MAX) parsed.delete(parsed.keys().next().value as string);
  const out = { type, events };
  parsed.set(text, out);
  return out;
}

/** A wall time of a zone as an instant (a wall time that does not exist, in a DST gap, is the gap's end). */
function instantOf(wall: number, zone: string): number {
  if (zone === 'UTC') return wall;
  const r = resolveWall(wall, zone);
  return r.kind === 'single' ? r.at : r.kind === 'ambiguous' ? r.earlier : r.gapEnd;
}

/** The events' occurrences as [start, end) instants that end after `from` and start before `to`, merged. */
function intervals(cal: ParsedCalendar, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (const e of cal.events) {
    const push = (start: ICAL.Time) => {
      const wall = wallOf(start);
      const s = instantOf(wall, e.zone);
      const end = instantOf(wall + e.durationSeconds * 1000, e.zone);
      if (end > from && s < to && end > s) out.push([s, end]);
      return s;
    };
    if (!e.event.isRecurring()) {
      push(e.event.startDate);
      continue;
    }
    const it = e.event.iterator();
    for (let k = 0; k < MAX_OCCURRENCES; k++) {
      const next = it.next();
      if (!next) break;
      if (push(next) >= to) break;
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const iv of out) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return merged;
}

export interface CalendarTimeline {
  /** OPEN at an instant within the window. */
  openAt(t: number): boolean;
  /** Instants in (from, to) at which this calendar's state may change, ascending. */
  boundaries: number[];
}

/** The calendar between `from` and from + HORIZON_MS. */
export function timeline(text: string, from: number): CalendarTimeline {
  const cal = parseCalendar(text);
  const to = from + HORIZON_MS;
  const ivs = intervals(cal, from - 1, to);
  const inEvent = (t: number) => ivs.some(([s, e]) => s <= t && t < e);
  const boundaries = ivs.flatMap(([s, e]) => [s, e]).filter((b) => b > from && b < to);
  return {
    openAt: (t) => (cal.type === 'DEFAULT_OPEN' ? !inEvent(t) : inEvent(t)),
    boundaries,
  };
}

/**
 * The combined state of calendars at `at` (OPEN only when every one is open) and the next instant
 * the combined state changes, within the horizon.
 */
export function combinedState(texts: readonly string[], at: number): { open: boolean; next?: number } {
  const lines = texts.map((t) => timeline(t, at));
  const openAt = (t: number) => lines.every((l) => l.openAt(t));
  const now = openAt(at);
  const candidates = [...new Set(lines.flatMap((l) => l.boundaries))].sort((a, b) => a - b);
  for (const b of candidates) if (openAt(b) !== now) return { open: now, next: b };
  return { open: now };
}
