/**
 * AWS schedule expressions, for every capability that runs on a schedule (maintenance windows, State
 * Manager associations; later Automation and Change Calendar): parse and validate an expression the
 * way the capability's API does, then compute its runs. Pure functions over epoch milliseconds: this
 * module never reads the clock; callers pass `ctx.now`. (croner's nextRun(date) builds a `new Date()`
 * default it doesn't use when given a date; a test runs under two fake clocks to hold us to that.)
 *
 * Forms (user guide, "Reference: Cron and rate expressions for Systems Manager"):
 *   cron([seconds] minutes hours day-of-month month day-of-week year)   Quartz-style fields, see cron.ts
 *   rate(value unit)     unit minute|hour|day for 1, minutes|hours|days otherwise
 *   at(yyyy-mm-ddThh:mm:ss)                                             one run
 * with a ScheduleTimezone (IANA name; default UTC) and a ScheduleOffset (1-6 days, cron only: "the
 * number of days to wait after the date and time specified by a cron expression").
 *
 * Profiles: each capability accepts a different subset, so parseSchedule takes a profile and rejects
 * what that capability's API rejects, in the words of scheduleMessages.ts (callers wrap the text in
 * their own error class: see that file for which). The rules and where each comes from are on
 * PROFILES below.
 *
 * Runs: nextRuns()/nextRun()/isDue() take a RunWindow: `anchor` (when the schedule took effect:
 * creation or last update), `start`/`end` (a maintenance window's StartDate/EndDate). For rate(),
 * the anchor is where the interval counts from: runs fall at anchor + k * interval (k >= 1), or at
 * StartDate + k * interval (k >= 0) when a StartDate lies after the anchor (the user guide's window
 * with --start-date 2019-01-01T00:03:15+09:00 and rate(7 days) "runs ... every Tuesday"). Whether
 * AWS's first rate run is at the anchor or one interval later is not documented [unverified]; an
 * association runs once on creation anyway (its caller's business, not a schedule run).
 * AWS's "rate(days)" is a fixed 24 hours, so a rate drifts an hour in local time across DST
 * (EventBridge Scheduler documents this; SSM says nothing).
 *
 * DST: SSM documents nothing for cron schedules in a zone with DST. We follow croner's default
 * ("single-value" fixedTimeRule, croner-rust's too): a "fixed-time" expression (one second, minute and hour value, e.g. a daily
 * 02:30) whose time falls in a spring-forward gap runs when the gap ends (03:00), and in an autumn
 * repeated hour runs once, at the first 01:30; any other expression (every 30 minutes, 1-3 hours)
 * skips times in the gap and runs at both 01:30s. AWS's EventBridge Scheduler documents a different
 * choice for the gap ("your schedule invocation gets skipped"); switch here if SSM is found to do so.
 * A ScheduleOffset adds calendar days in the schedule's zone (the user guide: "won't run until
 * 11:30 PM two days later"), not 48 hours; croner's own dayOffset adds 24-hour days, so we don't use it.
 *
 * Why croner and not node-cron: node-cron is a wall-clock job runner (it starts timers; we need pure
 * next-run arithmetic from a given instant), has no year field, no L, W or #, and numbers Sunday 0.
 * croner parses Quartz syntax (7 fields with year, ?, L, W, #, names, 1 = SUN via
 * alternativeWeekdays) and computes runs from any date without timers. We drive it in wall time with
 * a fixed UTC offset and resolve zones ourselves (zone.ts): croner's own time-zone mode makes Intl
 * calls for every day it steps over (100 monthly runs in Asia/Seoul: ~9 ms against ~2.5 ms), and its
 * dayOffset is not AWS's. A test checks our runs against croner's time-zone mode in seven zones.
 * Speed: schedule.bench.ts (next 100 runs of cron(0 2 ? * TUE#2 *), Asia/Seoul, offset 2: ~3 ms).
 */
import { compileCron, parseCronBody, singleValue, type CompiledCron, type CronFields } from './cron.js';
import * as messages from './scheduleMessages.js';
import { isTimeZone, resolveWall, toWall } from './zone.js';

export type ScheduleProfile = 'maintenance-window' | 'association' | 'any';

/** A schedule expression was rejected; `message` is the text for the caller's AWS error. */
export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

export type RateUnit = 'minute' | 'hour' | 'day';

interface ScheduleBase {
  /** The expression as given. */
  expression: string;
  /** The IANA zone the expression's wall times are in (ScheduleTimezone; 'UTC' when none was given). */
  timezone: string;
}
export interface CronSchedule extends ScheduleBase {
  kind: 'cron';
  fields: CronFields;
  /** ScheduleOffset: calendar days between a cron match and its run (0 = none). */
  offsetDays: number;
}
export interface RateSchedule extends ScheduleBase {
  kind: 'rate';
  value: number;
  unit: RateUnit;
  intervalMs: number;
}
export interface AtSchedule extends ScheduleBase {
  kind: 'at';
  /** The one run, epoch milliseconds. */
  at: number;
}
/** Plain data: it survives JSON, and the run functions accept a copy. */
export type ParsedSchedule = CronSchedule | RateSchedule | AtSchedule;

export interface ParseOptions {
  /** Whose rules apply; 'any' checks syntax only. Default 'any'. */
  profile?: ScheduleProfile;
  /** ScheduleTimezone, an IANA name. */
  timezone?: string;
  /** ScheduleOffset in days (1-6); cron only. */
  offsetDays?: number;
}

/** When runs may happen, in epoch milliseconds. All optional except as said. */
export interface RunWindow {
  /**
   * When the schedule took effect (creation or last update). A cron match at or before it never
   * runs, even when its offset run would fall later: AWS's "a cron expression that targets a day that
   * has already passed in the current period ... won't run in the period". For rate() it is where the
   * interval counts from: rate() needs an anchor or a start.
   */
  anchor?: number;
  /** StartDate: no run before it. */
  start?: number;
  /** EndDate: no run at or after it. */
  end?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_MS: Record<RateUnit, number> = { minute: MINUTE, hour: HOUR, day: DAY };
/** AWS's cron years end with 2199; as a wall time, so every zone stops at its own new year 2200. */
const WALL_END = Date.UTC(2200, 0, 1);

interface ProfileRules {
  /** ScheduleTimezone exists for the capability (associations have no such member: they run in UTC). */
  timezone: boolean;
  /** Extra rules for rate(): throws ScheduleError. */
  rate(s: RateSchedule): void;
  /** Extra rules for cron(): throws ScheduleError. */
  cron(s: CronSchedule, items: CronItems, compiled: CompiledCron): void;
}
type CronItems = Extract<ReturnType<typeof parseCronBody>, { ok: true }>['items'];

/**
 * Where each rule comes from: the user guide's "Reference: Cron and rate expressions for Systems
 * Manager" (quoted in scheduleMessages.ts), and the API models (ScheduleOffset 1-6; no
 * ScheduleTimezone on associations).
 */
const PROFILES: Record<ScheduleProfile, ProfileRules> = {
  /**
   * "Maintenance windows support all cron and rate expressions", seconds included. The general
   * note "Cron expressions that lead to rates faster than five (5) minute aren't supported" applies;
   * we hold rate() to the same floor (no rate minimum is documented for windows) [unverified].
   */
  'maintenance-window': {
    timezone: true,
    rate(s) {
      if (s.intervalMs < 5 * MINUTE) throw new ScheduleError(messages.tooFrequent(s.expression));
    },
    cron(s, _items, compiled) {
      if (shortestGapSeconds(compiled) < 300) throw new ScheduleError(messages.tooFrequent(s.expression));
    },
  },
  /**
   * "Associations support the following cron expressions: every 1/2, 1, 2, 4, 8, or 12 hours; every
   * day, every week, every nth day, or the last x day of the month at a specific time", "nth day"
   * being n#k and "last x day" nL (the guide's own examples: TUE#3, THU#2, 3L). Seconds only 0, no
   * months; we read the list as also fixing the year to *. Rates: "30 minutes or greater and less
   * than 31 days".
   */
  association: {
    timezone: false,
    rate(s) {
      if (s.intervalMs < 30 * MINUTE || s.intervalMs >= 31 * DAY) throw new ScheduleError(messages.associationRate(s.expression));
    },
    cron(s, items) {
      if (s.fields.seconds !== undefined && singleValue(items.seconds) !== 0) {
        throw new ScheduleError(messages.associationSeconds(s.expression));
      }
      if (!isAll(items.month)) throw new ScheduleError(messages.associationMonths(s.expression));
      if (!isAll(items.year) || !associationShape(items)) throw new ScheduleError(messages.associationCron(s.expression));
    },
  },
  any: { timezone: true, rate() {}, cron() {} },
};

function isAll(items: CronItems[keyof CronItems]): boolean {
  const only = items[0]!;
  return items.length === 1 && only.kind === 'all' && !only.step;
}

/**
 * Every day of the month: *, or 1/1 (from the 1st, every day), which AWS accepts for associations
 * (the AWS CLI's update-association example answers with cron(0 0 0/4 1/1 * ? *)).
 */
function everyDayOfMonth(items: CronItems['dayOfMonth']): boolean {
  const only = items[0]!;
  if (items.length !== 1) return false;
  if (only.kind === 'all') return !only.step || only.step === 1;
  return only.kind === 'range' && only.from === 1 && only.to === 1 && only.step === 1;
}

/** The association whitelist (see PROFILES.association). */
function associationShape(items: CronItems): boolean {
  const dom = items.dayOfMonth[0]!;
  const dow = items.dayOfWeek;
  const everyDay = (dom.kind === 'any' || everyDayOfMonth(items.dayOfMonth)) && (dow[0]!.kind === 'any' || isAll(dow));
  const minute = singleValue(items.minutes);
  const hour = singleValue(items.hours);
  if (minute !== undefined && hour !== undefined) {
    if (everyDay) return true;
    const day = dow[0]!;
    return dom.kind === 'any' && dow.length === 1 && (day.kind === 'nth' || day.kind === 'lastOf' || singleValue(dow) !== undefined);
  }
  if (!everyDay) return false;
  // Every 30 minutes: 0/30 (the guide's example) or */30, every hour.
  if (stepFromZero(items.minutes) === 30) return isAll(items.hours);
  // Every n hours at a given minute: * (n = 1), 0/n or */n.
  const hours = isAll(items.hours) ? 1 : stepFromZero(items.hours);
  return minute !== undefined && hours !== undefined && [1, 2, 4, 8, 12].includes(hours);
}

/** n for a field that reads 0/n, or * stepped by n. */
function stepFromZero(items: CronItems[keyof CronItems]): number | undefined {
  const only = items[0]!;
  if (items.length !== 1) return undefined;
  if (only.kind === 'all') return only.step;
  return only.kind === 'range' && only.from === 0 && only.to === 0 ? only.step : undefined;
}

/** The shortest time between two runs of the expression, in seconds, from its times of day. */
function shortestGapSeconds({ pattern }: CompiledCron): number {
  const seconds = indexes(pattern.second);
  if (seconds.length > 1) return 1;
  const times: number[] = [];
  for (const h of indexes(pattern.hour)) for (const m of indexes(pattern.minute)) times.push(h * 3600 + m * 60 + seconds[0]!);
  let gap = 86_400 - times[times.length - 1]! + times[0]!; // across midnight, for runs on consecutive days
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, times[i]! - times[i - 1]!);
  return gap;
}

function indexes(flags: number[]): number[] {
  const out: number[] = [];
  flags.forEach((v, i) => v && out.push(i));
  return out;
}

/**
 * Parses and validates `expression` under a profile's rules. Throws ScheduleError (message: the
 * text for the caller's AWS error) for anything the capability's API rejects.
 */
export function parseSchedule(expression: string, opts: ParseOptions = {}): ParsedSchedule {
  const rules = PROFILES[opts.profile ?? 'any'];
  if (opts.timezone !== undefined && !rules.timezone) {
    throw new TypeError(`the ${opts.profile} profile has no time zone: its schedules run in UTC`);
  }
  const timezone = opts.timezone ?? 'UTC';
  if (!isTimeZone(timezone)) throw new ScheduleError(messages.unknownTimezone(timezone));
  const offsetDays = opts.offsetDays ?? 0;
  if (opts.offsetDays !== undefined && !(Number.isInteger(offsetDays) && offsetDays >= 1 && offsetDays <= 6)) {
    throw new ScheduleError(messages.offsetRange(offsetDays));
  }
  const form = /^(cron|rate|at)\((.*)\)$/s.exec(expression);
  if (!form) throw new ScheduleError(messages.invalidSchedule(expression));
  if (form[1] !== 'cron' && offsetDays) throw new ScheduleError(messages.offsetNeedsCron());
  const body = form[2]!;
  if (form[1] === 'rate') {
    const s = parseRate(expression, body, timezone);
    rules.rate(s);
    return s;
  }
  if (form[1] === 'at') return parseAt(expression, body, timezone);
  const syntax = parseCronBody(body);
  if (!syntax.ok) {
    if (syntax.problem === 'field-count') throw new ScheduleError(messages.cronFieldCount(expression));
    if (syntax.problem === 'day-fields') throw new ScheduleError(messages.cronDayFields(expression));
    throw new ScheduleError(messages.cronFieldValue(expression, syntax.field, syntax.value));
  }
  const s: CronSchedule = { kind: 'cron', expression, timezone, fields: syntax.fields, offsetDays };
  let compiled: CompiledCron;
  try {
    compiled = compileCron(syntax.items);
  } catch {
    // Our field checks are stricter than croner's, so this is a gap in them, not a user error we
    // could name better.
    throw new ScheduleError(messages.invalidSchedule(expression));
  }
  rules.cron(s, syntax.items, compiled);
  compiledCrons.set(s, compiled);
  return s;
}

function parseRate(expression: string, body: string, timezone: string): RateSchedule {
  const m = /^\s*(\d{1,9})\s+(minutes?|hours?|days?)\s*$/.exec(body);
  if (!m) throw new ScheduleError(messages.rateFormat(expression));
  const value = Number(m[1]);
  if (value < 1) throw new ScheduleError(messages.rateFormat(expression));
  const plural = m[2]!.endsWith('s');
  if (plural !== (value !== 1)) throw new ScheduleError(messages.rateUnit(expression));
  const unit = (plural ? m[2]!.slice(0, -1) : m[2]) as RateUnit;
  return { kind: 'rate', expression, timezone, value, unit, intervalMs: value * UNIT_MS[unit] };
}

/**
 * at() is a wall time in the schedule's zone. The user guide calls it "a timestamp in Coordinated
 * Universal Time (UTC) format", yet its own example pairs at() with --schedule-timezone
 * America/Los_Angeles; we read the guide as saying UTC is the default zone [unverified].
 */
function parseAt(expression: string, body: string, timezone: string): AtSchedule {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!m) throw new ScheduleError(messages.atFormat(expression));
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(wall);
  // Date.UTC rolls 2025-02-30 over to March 2: a real date reads back unchanged.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new ScheduleError(messages.atFormat(expression));
  }
  // A wall time skipped by DST means the moment the clocks jumped; a repeated one, its first pass.
  const at = instantsAt(wall, timezone, true)[0]!;
  return { kind: 'at', expression, timezone, at };
}

/** croner objects for parsed cron schedules; derived from the fields alone, so a cache, not state. */
const compiledCrons = new WeakMap<CronSchedule, CompiledCron>();

function compiledFor(s: CronSchedule): CompiledCron {
  let compiled = compiledCrons.get(s);
  if (!compiled) {
    const syntax = parseCronBody([s.fields.seconds, s.fields.minutes, s.fields.hours, s.fields.dayOfMonth, s.fields.month, s.fields.dayOfWeek, s.fields.year].filter((f) => f !== undefined).join(' '));
    if (!syntax.ok) throw new TypeError(`not a parsed cron schedule: ${s.expression}`);
    compiled = compileCron(syntax.items);
    compiledCrons.set(s, compiled);
  }
  return compiled;
}

/**
 * The instants a wall time runs at, by the DST rules in the header: a fixed-time schedule runs once
 * (at the end of a gap, at the first of two repeated times); another skips gaps and runs twice.
 */
function instantsAt(wall: number, tz: string, fixedTime: boolean): number[] {
  const r = resolveWall(wall, tz);
  if (r.kind === 'single') return [r.at];
  if (r.kind === 'ambiguous') return fixedTime ? [r.earlier] : [r.earlier, r.later];
  // croner runs a gap's fixed-time job at the gap's end only if that is still the same local day.
  return fixedTime && Math.floor(toWall(r.gapEnd, tz) / DAY) === Math.floor(wall / DAY) ? [r.gapEnd] : [];
}

/**
 * The next `count` runs strictly after `after`, in time order, within the window. Fewer when the
 * schedule ends first (an at() in the past, a cron whose years have passed, the window's end).
 */
export function nextRuns(s: ParsedSchedule, after: number, count: number, window: RunWindow = {}): number[] {
  if (!Number.isFinite(after)) throw new TypeError(`after must be a finite instant: ${after}`);
  if (!Number.isInteger(count) || count < 0) throw new TypeError(`count must be a whole number: ${count}`);
  const runs = new RunCollector(after, count, window);
  if (count === 0) return runs.out;
  if (s.kind === 'at') {
    if (window.anchor === undefined || s.at > window.anchor) runs.offer(s.at);
  } else if (s.kind === 'rate') {
    rateRuns(s, runs, window);
  } else {
    cronRuns(s, runs, window);
  }
  return runs.out;
}

/** The first run strictly after `after`, or undefined if there is none. */
export function nextRun(s: ParsedSchedule, after: number, window: RunWindow = {}): number | undefined {
  return nextRuns(s, after, 1, window)[0];
}

/** True when a run falls in (since, now]: the scheduler's "is it time?" after the last run `since`. */
export function isDue(s: ParsedSchedule, since: number, now: number, window: RunWindow = {}): boolean {
  const next = nextRun(s, since, window);
  return next !== undefined && next <= now;
}

/** Keeps runs that are in the window and after `after`, in order, once each, up to `count`. */
class RunCollector {
  readonly out: number[] = [];
  /** Runs must be greater than this. */
  readonly floor: number;
  constructor(after: number, private readonly count: number, private readonly window: RunWindow) {
    this.floor = Math.max(after, window.start === undefined ? -Infinity : window.start - 1);
  }
  /** Offers runs in ascending order; false once no later run can be kept. */
  offer(run: number): boolean {
    if (this.window.end !== undefined && run >= this.window.end) return false;
    const last = this.out[this.out.length - 1];
    if (run > this.floor && (last === undefined || run > last)) this.out.push(run);
    return this.out.length < this.count;
  }
}

function rateRuns(s: RateSchedule, runs: RunCollector, window: RunWindow): void {
  const { anchor, start } = window;
  if (anchor === undefined && start === undefined) throw new TypeError(`rate() needs an anchor or a start: ${s.expression}`);
  // Counting from the anchor, the anchor itself is not a run; from a later StartDate, the start is.
  const origin = Math.max(anchor ?? -Infinity, start ?? -Infinity);
  const first = origin === anchor && (start === undefined || start <= anchor) ? 1 : 0;
  const k = Math.max(first, Math.floor((runs.floor - origin) / s.intervalMs) + 1);
  for (let run = origin + k * s.intervalMs; runs.offer(run); run += s.intervalMs);
}

function cronRuns(s: CronSchedule, runs: RunCollector, window: RunWindow): void {
  const { cron, fixedTime } = compiledFor(s);
  const tz = s.timezone;
  const shift = s.offsetDays * DAY;
  const anchor = window.anchor ?? -Infinity;
  // Walk croner's matches in wall time from a day (plus the offset) before the first instant that
  // matters: DST moves a wall time by hours at most, and the collector drops the early ones.
  let cursor = toWall(runs.floor, tz) - shift - DAY;
  if (anchor > -Infinity) cursor = Math.max(cursor, toWall(anchor, tz) - DAY);
  // Instants of a repeated hour's second pass come after later wall times' first pass: they wait
  // here, sorted, until the walk passes them.
  const pending: number[] = [];
  for (let match = cron.nextRun(new Date(cursor)); match; match = cron.nextRun(match)) {
    const wall = match.getTime();
    if (wall >= WALL_END) break;
    const occurrences = instantsAt(wall, tz, fixedTime).filter((t) => t > anchor);
    if (occurrences.length === 0) continue;
    const at = shift ? instantsAt(wall + shift, tz, fixedTime) : occurrences;
    if (at.length === 0) continue;
    while (pending.length && pending[0]! <= at[0]!) if (!runs.offer(pending.shift()!)) return;
    if (!runs.offer(at[0]!)) return;
    for (const later of at.slice(1)) pending.splice(sortedIndex(pending, later), 0, later);
  }
  for (const run of pending) if (!runs.offer(run)) return;
}

function sortedIndex(sorted: number[], value: number): number {
  let i = 0;
  while (i < sorted.length && sorted[i]! < value) i++;
  return i;
}
