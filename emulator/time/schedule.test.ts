import { Cron } from 'croner';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDue, nextRun, nextRuns, parseSchedule, ScheduleError, type ParseOptions, type ParsedSchedule, type ScheduleProfile } from './schedule.js';
import * as messages from './scheduleMessages.js';
import { offsetAt } from './zone.js';

const at = (iso: string) => Date.parse(iso);
const iso = (runs: number[]) => runs.map((t) => new Date(t).toISOString());
/** Runs as local times in `tz` ("2025-03-09 03:00"), to read DST cases the way the docs speak. */
const local = (runs: number[], tz: string) =>
  runs.map((t) => new Date(t).toLocaleString('sv-SE', { timeZone: tz }).slice(0, 16));
const runsOf = (expression: string, after: string, count: number, opts: ParseOptions = {}) =>
  iso(nextRuns(parseSchedule(expression, opts), at(after), count));

function rejection(expression: string, opts: ParseOptions = {}): string {
  try {
    parseSchedule(expression, opts);
  } catch (e) {
    if (e instanceof ScheduleError) return e.message;
    throw e;
  }
  throw new Error(`${expression} was accepted`);
}

describe('the user guide: general cron examples ("Reference: Cron and rate expressions")', () => {
  // Each row: expression, what the guide says it means, the first runs after Wed 2025-01-01 00:00 UTC.
  it.each([
    ['cron(0 10 * * ? *)', 'Run at 10:00 am (UTC) every day', ['2025-01-01T10:00:00.000Z', '2025-01-02T10:00:00.000Z']],
    ['cron(15 12 * * ? *)', 'Run at 12:15 PM (UTC) every day', ['2025-01-01T12:15:00.000Z', '2025-01-02T12:15:00.000Z']],
    ['cron(0 18 ? * MON-FRI *)', 'Run at 6:00 PM (UTC) every Monday through Friday', ['2025-01-01T18:00:00.000Z', '2025-01-02T18:00:00.000Z', '2025-01-03T18:00:00.000Z', '2025-01-06T18:00:00.000Z']],
    ['cron(0 8 1 * ? *)', 'Run at 8:00 AM (UTC) every 1st day of the month', ['2025-01-01T08:00:00.000Z', '2025-02-01T08:00:00.000Z']],
    ['cron(0/15 * * * ? *)', 'Run every 15 minutes', ['2025-01-01T00:15:00.000Z', '2025-01-01T00:30:00.000Z', '2025-01-01T00:45:00.000Z']],
    ['cron(0/10 * ? * MON-FRI *)', 'Run every 10 minutes Monday through Friday', ['2025-01-01T00:10:00.000Z', '2025-01-01T00:20:00.000Z']],
  ])('%s: %s', (expression, _meaning, first) => {
    expect(runsOf(expression, '2025-01-01T00:00:00Z', first.length, { profile: 'maintenance-window' })).toEqual(first);
  });

  it('cron(0/5 8-17 ? * MON-FRI *): every 5 minutes Monday through Friday between 8:00 AM and 5:55 PM (UTC)', () => {
    const s = parseSchedule('cron(0/5 8-17 ? * MON-FRI *)', { profile: 'maintenance-window' });
    const friday = nextRuns(s, at('2025-01-03T00:00:00Z'), 200);
    expect(iso(friday.slice(0, 2))).toEqual(['2025-01-03T08:00:00.000Z', '2025-01-03T08:05:00.000Z']);
    expect(iso(friday.slice(119, 121))).toEqual(['2025-01-03T17:55:00.000Z', '2025-01-06T08:00:00.000Z']); // 120 a day, then Monday
  });
});

describe('the user guide: maintenance window examples', () => {
  it.each([
    ['cron(30 09 ? * * *)', '9:30 AM every day', ['2025-01-01T09:30:00.000Z', '2025-01-02T09:30:00.000Z']],
    ['cron(24 30 09 ? * * *)', '9:30:24 AM every day (7 fields: Seconds first)', ['2025-01-01T09:30:24.000Z', '2025-01-02T09:30:24.000Z']],
    ['cron(0 2 ? * THU#3 *)', '02:00 AM the third Thursday of every month', ['2025-01-16T02:00:00.000Z', '2025-02-20T02:00:00.000Z', '2025-03-20T02:00:00.000Z']],
    ['cron(15 10 ? * * *)', '10:15 AM every day', ['2025-01-01T10:15:00.000Z', '2025-01-02T10:15:00.000Z']],
    ['cron(15 10 ? * MON-FRI *)', '10:15 AM every Monday, Tuesday, Wednesday, Thursday and Friday', ['2025-01-01T10:15:00.000Z', '2025-01-02T10:15:00.000Z', '2025-01-03T10:15:00.000Z', '2025-01-06T10:15:00.000Z']],
    ['cron(0 2 L * ? *)', '02:00 AM on the last day of every month', ['2025-01-31T02:00:00.000Z', '2025-02-28T02:00:00.000Z', '2025-03-31T02:00:00.000Z']],
    ['cron(15 10 ? * 6L *)', '10:15 AM on the last Friday of every month', ['2025-01-31T10:15:00.000Z', '2025-02-28T10:15:00.000Z', '2025-03-28T10:15:00.000Z']],
  ])('%s: %s', (expression, _meaning, first) => {
    expect(runsOf(expression, '2025-01-01T00:00:00Z', first.length, { profile: 'maintenance-window' })).toEqual(first);
  });

  it.each([
    ['rate(30 minutes)', 30 * 60_000],
    ['rate(1 hour)', 3_600_000],
    ['rate(5 hours)', 5 * 3_600_000],
    ['rate(25 days)', 25 * 86_400_000],
    ['rate(7 days)', 7 * 86_400_000],
  ])('%s runs every %i ms from its anchor', (expression, interval) => {
    const s = parseSchedule(expression, { profile: 'maintenance-window' });
    const created = at('2025-01-01T12:00:00Z');
    expect(nextRuns(s, created, 3, { anchor: created })).toEqual([1, 2, 3].map((k) => created + k * interval));
  });

  it('cron(0 16 ? * TUE *) in America/Los_Angeles between StartDate and EndDate: Tuesdays 4 PM Pacific, through DST', () => {
    // aws ssm create-maintenance-window --schedule "cron(0 16 ? * TUE *)" --schedule-timezone "America/Los_Angeles"
    //   --start-date 2021-01-01T00:00:00-08:00 --end-date 2021-06-30T00:00:00-08:00
    const s = parseSchedule('cron(0 16 ? * TUE *)', { profile: 'maintenance-window', timezone: 'America/Los_Angeles' });
    const window = { start: at('2021-01-01T00:00:00-08:00'), end: at('2021-06-30T00:00:00-08:00') };
    const runs = nextRuns(s, at('2020-12-01T00:00:00Z'), 100, window);
    expect(runs).toHaveLength(26); // every Tuesday from January 5 to June 29
    expect(iso([runs[0]!, runs[9]!, runs[10]!, runs[25]!])).toEqual([
      '2021-01-06T00:00:00.000Z', // Tue Jan 5, 16:00 PST
      '2021-03-10T00:00:00.000Z', // Tue Mar 9, 16:00 PST
      '2021-03-16T23:00:00.000Z', // Tue Mar 16, 16:00 PDT (DST began Mar 14)
      '2021-06-29T23:00:00.000Z', // Tue Jun 29, the last before EndDate
    ]);
  });

  it('Example 1 (scheduling options): StartDate 2021-01-01 PST, cron(0 09 ? * WED *) in America/Los_Angeles', () => {
    // The guide: "The first execution in the allowed period will be on Wednesday, January 4, 2021, at 9 AM
    // US Pacific Time". January 4, 2021 was a Monday; the first Wednesday on or after the start is the 6th.
    const s = parseSchedule('cron(0 09 ? * WED *)', { profile: 'maintenance-window', timezone: 'America/Los_Angeles' });
    const first = nextRun(s, at('2020-12-15T00:00:00Z'), { start: at('2021-01-01T00:00:00-08:00') });
    expect(local([first!], 'America/Los_Angeles')).toEqual(['2021-01-06 09:00']);
  });

  it('Example 2: StartDate/EndDate with rate(7 days) in Asia/Tokyo: weekly from the start, last on Tuesday June 25', () => {
    // --start-date 2019-01-01T00:03:15+09:00 --end-date 2019-06-30T00:06:15+09:00 --schedule "rate(7 days)".
    // The guide reads the start as "3:15 AM"; the timestamp says 00:03:15. Runs count from the start.
    const s = parseSchedule('rate(7 days)', { profile: 'maintenance-window', timezone: 'Asia/Tokyo' });
    const window = { anchor: at('2018-12-20T00:00:00Z'), start: at('2019-01-01T00:03:15+09:00'), end: at('2019-06-30T00:06:15+09:00') };
    const runs = nextRuns(s, window.anchor, 100, window);
    expect(local([runs[0]!, runs[runs.length - 1]!], 'Asia/Tokyo')).toEqual(['2019-01-01 00:03', '2019-06-25 00:03']);
    expect(runs).toHaveLength(26);
    expect(new Set(runs.map((t) => new Date(t + 9 * 3_600_000).getUTCDay()))).toEqual(new Set([2])); // all Tuesdays
  });

  it('Example 3: at(2020-07-07T15:55:00) runs once, at 3:55 PM UTC on July 7, 2020', () => {
    const s = parseSchedule('at(2020-07-07T15:55:00)', { profile: 'maintenance-window' });
    expect(iso(nextRuns(s, at('2020-07-01T00:00:00Z'), 5))).toEqual(['2020-07-07T15:55:00.000Z']);
    expect(nextRun(s, at('2020-07-07T15:55:00Z'))).toBeUndefined();
  });

  it('Example 4: cron(0 30 23 ? * TUE#3 *) with offset 2 runs at 11:30 PM two days after the third Tuesday', () => {
    const s = parseSchedule('cron(0 30 23 ? * TUE#3 *)', { profile: 'maintenance-window', offsetDays: 2 });
    // Third Tuesdays of 2025: Jan 21, Feb 18, Mar 18.
    expect(iso(nextRuns(s, at('2025-01-01T00:00:00Z'), 3))).toEqual(['2025-01-23T23:30:00.000Z', '2025-02-20T23:30:00.000Z', '2025-03-20T23:30:00.000Z']);
  });

  it('the CLI example: cron(30 23 ? * TUE#3 *) (six fields) with --schedule-offset 2', () => {
    const s = parseSchedule('cron(30 23 ? * TUE#3 *)', { profile: 'maintenance-window', offsetDays: 2 });
    expect(iso(nextRuns(s, at('2025-01-01T00:00:00Z'), 1))).toEqual(['2025-01-23T23:30:00.000Z']);
  });
});

describe('the user guide: association examples', () => {
  const opts = { profile: 'association' } as const;
  it.each([
    ['cron(0/30 * * * ? *)', 'Every 30 minutes', ['2025-01-01T00:30:00.000Z', '2025-01-01T01:00:00.000Z']],
    ['cron(0 0/1 * * ? *)', 'Every hour', ['2025-01-01T01:00:00.000Z', '2025-01-01T02:00:00.000Z']],
    ['cron(0 0/2 * * ? *)', 'Every 2 hours', ['2025-01-01T02:00:00.000Z', '2025-01-01T04:00:00.000Z']],
    ['cron(0 0/4 * * ? *)', 'Every 4 hours', ['2025-01-01T04:00:00.000Z', '2025-01-01T08:00:00.000Z']],
    ['cron(0 0/8 * * ? *)', 'Every 8 hours', ['2025-01-01T08:00:00.000Z', '2025-01-01T16:00:00.000Z']],
    ['cron(0 0/12 * * ? *)', 'Every 12 hours', ['2025-01-01T12:00:00.000Z', '2025-01-02T00:00:00.000Z']],
    ['cron(15 13 ? * * *)', 'Every day at 1:15 PM', ['2025-01-01T13:15:00.000Z', '2025-01-02T13:15:00.000Z']],
    ['cron(15 13 ? * MON *)', 'Every Monday at 1:15 PM', ['2025-01-06T13:15:00.000Z', '2025-01-13T13:15:00.000Z']],
    ['cron(30 23 ? * TUE#3 *)', 'The third Tuesday of every month at 11:30 PM', ['2025-01-21T23:30:00.000Z', '2025-02-18T23:30:00.000Z']],
    ['cron(0 0 ? * THU#2 *)', 'The second Thursday of every month at midnight UTC', ['2025-01-09T00:00:00.000Z', '2025-02-13T00:00:00.000Z']],
    ['cron(0 0 ? * 3L *)', 'The last Tuesday of every month at midnight UTC', ['2025-01-28T00:00:00.000Z', '2025-02-25T00:00:00.000Z']],
    ['cron(0 */30 * * * ? *)', 'Seconds field 0: every 30 minutes', ['2025-01-01T00:30:00.000Z', '2025-01-01T01:00:00.000Z']],
    ['cron(0 2 ? * SUN *)', 'The CLI example: Sundays at 2 AM', ['2025-01-05T02:00:00.000Z', '2025-01-12T02:00:00.000Z']],
    ['cron(0 16 ? * TUE *)', 'The older guide: 4 PM every Tuesday', ['2025-01-07T16:00:00.000Z', '2025-01-14T16:00:00.000Z']],
  ])('%s: %s', (expression, _meaning, first) => {
    expect(runsOf(expression, '2025-01-01T00:00:00Z', first.length, opts)).toEqual(first);
  });

  it.each(['rate(30 minutes)', 'rate(1 hour)', 'rate(5 hours)', 'rate(15 days)', 'rate(7 days)', 'rate(2 days)'])('%s is accepted', (expression) => {
    expect(parseSchedule(expression, opts)).toMatchObject({ kind: 'rate', expression });
  });

  it('cron(0 0 ? * THU#2 *) with offset 3 runs "each Sunday after the second Thursday of the month"', () => {
    const s = parseSchedule('cron(0 0 ? * THU#2 *)', { ...opts, offsetDays: 3 });
    const runs = nextRuns(s, at('2025-01-01T00:00:00Z'), 12);
    expect(iso(runs.slice(0, 2))).toEqual(['2025-01-12T00:00:00.000Z', '2025-02-16T00:00:00.000Z']);
    expect(runs.every((t) => new Date(t).getUTCDay() === 0)).toBe(true);
  });

  it('a day-of-month of 1/1 is every day (the AWS CLI update-association example: every 4 hours)', () => {
    const s = parseSchedule('cron(0 0 0/4 1/1 * ? *)', opts);
    expect(iso(nextRuns(s, at('2025-01-01T00:00:00Z'), 3))).toEqual(['2025-01-01T04:00:00.000Z', '2025-01-01T08:00:00.000Z', '2025-01-01T12:00:00.000Z']);
    expect(() => parseSchedule('cron(0 0 0/4 2/1 * ? *)', opts)).toThrow(ScheduleError);
  });

  it('at(2020-07-07T15:55:00) is accepted for associations too (the CLI example)', () => {
    expect(parseSchedule('at(2020-07-07T15:55:00)', opts)).toMatchObject({ kind: 'at', at: at('2020-07-07T15:55:00Z') });
  });
});

describe('daylight saving time (croner\'s rules; SSM documents none)', () => {
  it('America/New_York, spring forward: a daily 02:30 runs at 03:00 on the day 02:30 does not exist', () => {
    const runs = nextRuns(parseSchedule('cron(30 2 * * ? *)', { timezone: 'America/New_York' }), at('2025-03-07T12:00:00Z'), 4);
    expect(local(runs, 'America/New_York')).toEqual(['2025-03-08 02:30', '2025-03-09 03:00', '2025-03-10 02:30', '2025-03-11 02:30']);
    expect(iso(runs)).toEqual(['2025-03-08T07:30:00.000Z', '2025-03-09T07:00:00.000Z', '2025-03-10T06:30:00.000Z', '2025-03-11T06:30:00.000Z']);
  });

  it('America/New_York, fall back: a daily 01:30 runs once on the day 01:30 happens twice (the first one)', () => {
    const runs = nextRuns(parseSchedule('cron(30 1 * * ? *)', { timezone: 'America/New_York' }), at('2025-11-01T12:00:00Z'), 3);
    expect(iso(runs)).toEqual(['2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z', '2025-11-04T06:30:00.000Z']);
  });

  it('America/New_York: every 30 minutes skips the missing hour and runs in both repeated hours', () => {
    const s = parseSchedule('cron(0/30 * * * ? *)', { timezone: 'America/New_York' });
    expect(local(nextRuns(s, at('2025-03-09T06:00:00Z'), 3), 'America/New_York')).toEqual(['2025-03-09 01:30', '2025-03-09 03:00', '2025-03-09 03:30']);
    expect(iso(nextRuns(s, at('2025-11-02T04:45:00Z'), 6))).toEqual([
      '2025-11-02T05:00:00.000Z', // 01:00 EDT
      '2025-11-02T05:30:00.000Z', // 01:30 EDT
      '2025-11-02T06:00:00.000Z', // 01:00 EST
      '2025-11-02T06:30:00.000Z', // 01:30 EST
      '2025-11-02T07:00:00.000Z', // 02:00 EST
      '2025-11-02T07:30:00.000Z',
    ]);
  });

  it('Europe/London: 01:30 runs at 02:00 BST in March and once, in BST, in October', () => {
    const s = parseSchedule('cron(30 1 * * ? *)', { timezone: 'Europe/London' });
    expect(iso(nextRuns(s, at('2025-03-29T12:00:00Z'), 2))).toEqual(['2025-03-30T01:00:00.000Z', '2025-03-31T00:30:00.000Z']);
    expect(iso(nextRuns(s, at('2025-10-25T12:00:00Z'), 2))).toEqual(['2025-10-26T00:30:00.000Z', '2025-10-27T01:30:00.000Z']);
  });

  it('Europe/London: every 20 minutes between 01:00 and 01:59 runs six times on the long night', () => {
    const s = parseSchedule('cron(0/20 1 * * ? *)', { timezone: 'Europe/London' });
    expect(iso(nextRuns(s, at('2025-10-25T23:59:00Z'), 6))).toEqual([
      '2025-10-26T00:00:00.000Z', '2025-10-26T00:20:00.000Z', '2025-10-26T00:40:00.000Z', // BST
      '2025-10-26T01:00:00.000Z', '2025-10-26T01:20:00.000Z', '2025-10-26T01:40:00.000Z', // GMT
    ]);
    expect(nextRuns(s, at('2025-03-30T00:00:00Z'), 1)).toEqual([at('2025-03-31T00:00:00Z')]); // and not at all in March's gap
  });

  // Our wall-time walk (see cron.ts, zone.ts) against croner's own time-zone mode, which resolves each
  // candidate itself: same runs for fixed-time and interval expressions, DST zones with 1-hour,
  // 30-minute and midnight transitions, and zones without DST.
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'Asia/Seoul', 'Asia/Kolkata'];
  const patterns = [
    ['0 30 2 * * ? *', 'cron(30 2 * * ? *)'],
    ['0 0 0 * * ? *', 'cron(0 0 * * ? *)'],
    ['0 0/30 * * * ? *', 'cron(0/30 * * * ? *)'],
    ['0 15 1-3 * * ? *', 'cron(15 1-3 * * ? *)'],
    ['0 45 2 ? * SUN *', 'cron(45 2 ? * SUN *)'],
    ['0 0 2 ? * TUE#2 *', 'cron(0 2 ? * TUE#2 *)'],
    ['0 30 1 ? * 1#1 *', 'cron(30 1 ? * 1#1 *)'],
    ['0 0 3 L * ? *', 'cron(0 3 L * ? *)'],
  ] as const;
  it.each(zones.flatMap((tz) => patterns.map(([croner, aws]) => [tz, aws, croner] as const)))('%s %s matches croner in that zone', (tz, aws, pattern) => {
    // Interval patterns start near a transition, where the rules differ; fixed-time ones walk two years.
    const interval = aws.includes('/30') || aws.includes('1-3');
    const count = interval ? 96 : 40;
    const from = at('2024-01-01T00:00:00Z');
    const start = interval ? nextDstChange(tz, from) : from;
    const reference = new Cron(pattern, { mode: '7-part', alternativeWeekdays: true, timezone: tz, sloppyRanges: true });
    const expected = reference.nextRuns(count, new Date(start)).map((d) => d.getTime());
    expect(iso(nextRuns(parseSchedule(aws, { timezone: tz }), start, count))).toEqual(iso(expected));
  });
});

/** Around the first change of `tz`'s UTC offset within a year after `from` (`from` if none). */
function nextDstChange(tz: string, from: number): number {
  const first = offsetAt(from, tz);
  for (let t = from; t < from + 366 * 86_400_000; t += 86_400_000) if (offsetAt(t, tz) !== first) return t - 86_400_000;
  return from;
}

describe('ScheduleOffset', () => {
  it('adds calendar days in the schedule\'s zone, unlike croner\'s dayOffset (24-hour days)', () => {
    // Second Saturday of March 2025 is the 8th, 23:30 EST; one day later is Sunday 23:30 EDT.
    const s = parseSchedule('cron(30 23 ? * SAT#2 *)', { timezone: 'America/New_York', offsetDays: 1 });
    const ours = nextRun(s, at('2025-03-01T00:00:00Z'))!;
    expect(local([ours], 'America/New_York')).toEqual(['2025-03-09 23:30']);
    const croner = new Cron('0 30 23 ? * 7#2 *', { mode: '7-part', alternativeWeekdays: true, timezone: 'America/New_York', dayOffset: 1 });
    expect(local([croner.nextRun(new Date(at('2025-03-01T00:00:00Z')))!.getTime()], 'America/New_York')).toEqual(['2025-03-10 00:30']);
  });

  it('an offset run lands in a spring-forward gap like any fixed-time run: at the end of the gap', () => {
    // Friday March 7, 2025 02:30 + 2 days = Sunday March 9 02:30, which New York skips.
    const s = parseSchedule('cron(30 2 ? * FRI *)', { timezone: 'America/New_York', offsetDays: 2 });
    expect(local(nextRuns(s, at('2025-03-03T00:00:00Z'), 2), 'America/New_York')).toEqual(['2025-03-09 03:00', '2025-03-16 02:30']);
  });

  it('a match already past when the schedule took effect does not run, even if its offset run is ahead', () => {
    // The guide: "if you specify a cron expression that would have run a maintenance window yesterday and
    // add a schedule offset of two days, the maintenance window won't run tomorrow."
    const s = parseSchedule('cron(0 9 ? * MON *)', { profile: 'maintenance-window', offsetDays: 2 });
    const tuesday = at('2025-01-07T12:00:00Z'); // Monday Jan 6 09:00 has passed
    expect(iso([nextRun(s, tuesday, { anchor: tuesday })!])).toEqual(['2025-01-15T09:00:00.000Z']);
    expect(iso([nextRun(s, tuesday)!])).toEqual(['2025-01-08T09:00:00.000Z']); // without an anchor, every match counts
  });

  it('keeps a daily schedule daily: runs after a run are the next day\'s, not a skipped series', () => {
    const s = parseSchedule('cron(0 6 * * ? *)', { offsetDays: 2 });
    const created = at('2025-01-01T00:00:00Z');
    const first = nextRun(s, created, { anchor: created })!;
    expect(iso([first, nextRun(s, first, { anchor: created })!])).toEqual(['2025-01-03T06:00:00.000Z', '2025-01-04T06:00:00.000Z']);
  });

  it('next 100 runs of cron(0 2 ? * TUE#2 *) in Asia/Seoul with offset 2 are the Thursdays after the second Tuesdays', () => {
    const runs = nextRuns(parseSchedule('cron(0 2 ? * TUE#2 *)', { timezone: 'Asia/Seoul', offsetDays: 2 }), at('2025-01-01T00:00:00Z'), 100);
    expect(runs).toHaveLength(100);
    expect(local(runs.slice(0, 3), 'Asia/Seoul')).toEqual(['2025-01-16 02:00', '2025-02-13 02:00', '2025-03-13 02:00']);
    for (const run of runs) {
      const d = new Date(run + 9 * 3_600_000); // Seoul wall time
      expect([d.getUTCDay(), d.getUTCHours(), Math.ceil((d.getUTCDate() - 2) / 7)]).toEqual([4, 2, 2]);
    }
  });
});

describe('L, W, # and names', () => {
  it.each([
    ['cron(0 2 15W * ? *)', 'nearest weekday to the 15th: Fri 14th for a Saturday, Mon 16th for a Sunday', '2025-02-01', ['2025-02-14', '2025-03-14', '2025-04-15', '2025-05-15', '2025-06-16']],
    ['cron(0 2 1W * ? *)', '1W never leaves the month: Saturday March 1 becomes Monday March 3', '2025-02-15', ['2025-03-03', '2025-04-01']],
    ['cron(0 2 LW * ? *)', 'last weekday: Saturday May 31 becomes Friday May 30', '2025-05-01', ['2025-05-30', '2025-06-30']],
    ['cron(0 2 L 2 ? *)', 'last day of February, leap years included', '2027-03-01', ['2028-02-29', '2029-02-28']],
    ['cron(0 2 ? * L *)', 'L alone in day-of-week is its last day, Saturday', '2025-01-01', ['2025-01-04', '2025-01-11']],
    ['cron(0 2 ? * TUE#5 *)', 'a fifth Tuesday only in months that have one', '2025-01-01', ['2025-04-29', '2025-07-29', '2025-09-30']],
    ['cron(0 2 ? * 1 *)', '1 = SUN', '2025-01-01', ['2025-01-05']],
    ['cron(0 2 ? * 7 *)', '7 = SAT', '2025-01-01', ['2025-01-04']],
    ['cron(0 2 ? * 2-6 *)', '2-6 = MON-FRI', '2025-01-03', ['2025-01-03', '2025-01-06']],
    ['cron(0 2 ? * mon-fri *)', 'names in any case', '2025-01-03', ['2025-01-03', '2025-01-06']],
    ['cron(0 2 ? * SUN-SAT/2 *)', 'a stepped range of names: SUN, TUE, THU, SAT', '2025-01-01', ['2025-01-02', '2025-01-04', '2025-01-05', '2025-01-07']],
    ['cron(0 2 ? * FRIL *)', 'a name with L', '2025-01-01', ['2025-01-31', '2025-02-28']],
    ['cron(0 2 1 JAN,JUL ? *)', 'month names in a list', '2025-01-02', ['2025-07-01', '2026-01-01']],
    ['cron(0 2 1 FEB-APR ? *)', 'a range of month names', '2025-01-01', ['2025-02-01', '2025-03-01', '2025-04-01', '2026-02-01']],
    ['cron(0 2 1/10 * ? *)', 'a day-of-month step from the 1st', '2025-01-02', ['2025-01-11', '2025-01-21', '2025-01-31', '2025-02-01']],
    ['cron(5/20 2 * * ? *)', 'a minute step from 5', '2025-01-01', ['2025-01-01T02:05', '2025-01-01T02:25', '2025-01-01T02:45', '2025-01-02T02:05']],
  ])('%s: %s', (expression, _meaning, from, expected) => {
    const runs = runsOf(expression, `${from}T00:00:00Z`, expected.length);
    expect(runs.map((r, i) => r.slice(0, expected[i]!.length))).toEqual(expected);
  });
});

describe('years', () => {
  it('an expression whose years have all passed has no next run', () => {
    expect(runsOf('cron(0 10 * * ? 2020)', '2025-01-01T00:00:00Z', 5)).toEqual([]);
    expect(runsOf('cron(0 10 * * ? 2019-2021)', '2025-01-01T00:00:00Z', 5)).toEqual([]);
  });

  it('runs only in the years it names', () => {
    expect(runsOf('cron(0 10 1 1 ? 2026-2027)', '2025-01-01T00:00:00Z', 5)).toEqual(['2026-01-01T10:00:00.000Z', '2027-01-01T10:00:00.000Z']);
    expect(runsOf('cron(0 10 1 1 ? 2025/5)', '2025-01-02T00:00:00Z', 2)).toEqual(['2030-01-01T10:00:00.000Z', '2035-01-01T10:00:00.000Z']);
  });

  it('* ends with AWS\'s last year, 2199', () => {
    expect(runsOf('cron(0 10 * * ? *)', '2199-12-30T12:00:00Z', 5)).toEqual(['2199-12-31T10:00:00.000Z']);
    expect(runsOf('cron(0 10 * * ? 2199)', '2199-12-31T12:00:00Z', 1)).toEqual([]);
  });
});

describe('at()', () => {
  const s = parseSchedule('at(2030-05-01T08:00:00)');
  it('in the future: one run, then none', () => {
    expect(iso(nextRuns(s, at('2025-01-01T00:00:00Z'), 3))).toEqual(['2030-05-01T08:00:00.000Z']);
    expect(isDue(s, at('2025-01-01T00:00:00Z'), at('2030-05-01T08:00:00Z'))).toBe(true);
    expect(isDue(s, at('2025-01-01T00:00:00Z'), at('2030-05-01T07:59:59Z'))).toBe(false);
  });
  it('in the past: no run', () => {
    expect(nextRuns(s, at('2030-05-01T08:00:00Z'), 3)).toEqual([]);
    expect(nextRun(s, at('2031-01-01T00:00:00Z'))).toBeUndefined();
  });
  it('created after its instant (anchor): never runs', () => {
    expect(nextRun(s, at('2020-01-01T00:00:00Z'), { anchor: at('2030-05-01T09:00:00Z') })).toBeUndefined();
  });
  it('is read in the schedule\'s time zone', () => {
    const seoul = parseSchedule('at(2030-05-01T08:00:00)', { timezone: 'Asia/Seoul' });
    expect(iso(nextRuns(seoul, 0, 2))).toEqual(['2030-04-30T23:00:00.000Z']);
  });
});

describe('rate(): anchor, start and end', () => {
  const hourly = parseSchedule('rate(1 hour)');
  const t0 = at('2025-01-01T00:00:00Z');
  it('counts from the anchor; the anchor itself is not a run', () => {
    expect(iso(nextRuns(hourly, t0, 2, { anchor: t0 }))).toEqual(['2025-01-01T01:00:00.000Z', '2025-01-01T02:00:00.000Z']);
    expect(iso(nextRuns(hourly, t0 + 90 * 60_000, 1, { anchor: t0 }))).toEqual(['2025-01-01T02:00:00.000Z']);
  });
  it('counts from a StartDate later than the anchor, the start included', () => {
    const start = at('2025-01-05T10:30:00Z');
    expect(iso(nextRuns(hourly, t0, 2, { anchor: t0, start }))).toEqual(['2025-01-05T10:30:00.000Z', '2025-01-05T11:30:00.000Z']);
  });
  it('stops before EndDate', () => {
    expect(nextRuns(hourly, t0, 10, { anchor: t0, end: t0 + 3 * 3_600_000 })).toHaveLength(2);
  });
  it('days are 24 hours: across DST a daily rate moves an hour in local time', () => {
    const s = parseSchedule('rate(1 day)', { timezone: 'America/New_York' });
    const anchor = at('2025-03-08T12:00:00-05:00');
    expect(local(nextRuns(s, anchor, 1, { anchor }), 'America/New_York')).toEqual(['2025-03-09 13:00']);
  });
  it('needs an anchor or a start', () => {
    expect(() => nextRuns(hourly, t0, 1)).toThrow(TypeError);
  });
});

describe('cron(): window and isDue', () => {
  const daily = parseSchedule('cron(0 10 * * ? *)');
  it('StartDate is inclusive, EndDate exclusive', () => {
    const window = { start: at('2025-01-02T10:00:00Z'), end: at('2025-01-04T10:00:00Z') };
    expect(iso(nextRuns(daily, at('2025-01-01T00:00:00Z'), 10, window))).toEqual(['2025-01-02T10:00:00.000Z', '2025-01-03T10:00:00.000Z']);
  });
  it('isDue: a run in (since, now]', () => {
    expect(isDue(daily, at('2025-01-01T10:00:00Z'), at('2025-01-02T09:59:59Z'))).toBe(false);
    expect(isDue(daily, at('2025-01-01T10:00:00Z'), at('2025-01-02T10:00:00Z'))).toBe(true);
    expect(isDue(daily, at('2025-01-01T10:00:00Z'), at('2025-01-05T00:00:00Z'), { end: at('2025-01-02T00:00:00Z') })).toBe(false);
  });
  it('count 0 is no runs; a bad instant or count is a programming error', () => {
    expect(nextRuns(daily, 0, 0)).toEqual([]);
    expect(() => nextRuns(daily, Number.NaN, 1)).toThrow(TypeError);
    expect(() => nextRuns(daily, 0, 1.5)).toThrow(TypeError);
  });
});

describe('rejections, with their messages', () => {
  it.each<[string, ParseOptions, string]>([
    ['every day', {}, messages.invalidSchedule('every day')],
    ['', {}, messages.invalidSchedule('')],
    ['Cron(0 10 * * ? *)', {}, messages.invalidSchedule('Cron(0 10 * * ? *)')],
    ['cron(0 10 * * ? *) ', {}, messages.invalidSchedule('cron(0 10 * * ? *) ')],
    ['cron(0 10 * * *)', {}, messages.cronFieldCount('cron(0 10 * * *)')],
    ['cron(0 0 10 * * ? * *)', {}, messages.cronFieldCount('cron(0 0 10 * * ? * *)')],
    ['cron(60 10 * * ? *)', {}, messages.cronFieldValue('cron(60 10 * * ? *)', 'Minutes', '60')],
    ['cron(0 24 * * ? *)', {}, messages.cronFieldValue('cron(0 24 * * ? *)', 'Hours', '24')],
    ['cron(60 0 10 * * ? *)', {}, messages.cronFieldValue('cron(60 0 10 * * ? *)', 'Seconds', '60')],
    ['cron(0 ? * * ? *)', {}, messages.cronFieldValue('cron(0 ? * * ? *)', 'Hours', '?')],
    ['cron(0 10 0 * ? *)', {}, messages.cronFieldValue('cron(0 10 0 * ? *)', 'Day-of-month', '0')],
    ['cron(0 10 32 * ? *)', {}, messages.cronFieldValue('cron(0 10 32 * ? *)', 'Day-of-month', '32')],
    ['cron(0 10 W * ? *)', {}, messages.cronFieldValue('cron(0 10 W * ? *)', 'Day-of-month', 'W')],
    ['cron(0 10 15L * ? *)', {}, messages.cronFieldValue('cron(0 10 15L * ? *)', 'Day-of-month', '15L')],
    ['cron(0 10 L,15 * ? *)', {}, messages.cronFieldValue('cron(0 10 L,15 * ? *)', 'Day-of-month', 'L,15')],
    ['cron(0 10 ? 13 MON *)', {}, messages.cronFieldValue('cron(0 10 ? 13 MON *)', 'Month', '13')],
    ['cron(0 10 1 JANUARY ? *)', {}, messages.cronFieldValue('cron(0 10 1 JANUARY ? *)', 'Month', 'JANUARY')],
    ['cron(0 10 ? * 0 *)', {}, messages.cronFieldValue('cron(0 10 ? * 0 *)', 'Day-of-week', '0')],
    ['cron(0 10 ? * 8 *)', {}, messages.cronFieldValue('cron(0 10 ? * 8 *)', 'Day-of-week', '8')],
    ['cron(0 10 ? * MON#6 *)', {}, messages.cronFieldValue('cron(0 10 ? * MON#6 *)', 'Day-of-week', 'MON#6')],
    ['cron(0 10 ? * MON#1,FRI#2 *)', {}, messages.cronFieldValue('cron(0 10 ? * MON#1,FRI#2 *)', 'Day-of-week', 'MON#1,FRI#2')],
    ['cron(0 10 ? * FRI-MON *)', {}, messages.cronFieldValue('cron(0 10 ? * FRI-MON *)', 'Day-of-week', 'FRI-MON')],
    ['cron(0 10 ? * 2W *)', {}, messages.cronFieldValue('cron(0 10 ? * 2W *)', 'Day-of-week', '2W')],
    ['cron(0/0 * * * ? *)', {}, messages.cronFieldValue('cron(0/0 * * * ? *)', 'Minutes', '0/0')],
    ['cron(0/61 * * * ? *)', {}, messages.cronFieldValue('cron(0/61 * * * ? *)', 'Minutes', '0/61')],
    ['cron(0 10 * * ? 1969)', {}, messages.cronFieldValue('cron(0 10 * * ? 1969)', 'Year', '1969')],
    ['cron(0 10 * * ? 2200)', {}, messages.cronFieldValue('cron(0 10 * * ? 2200)', 'Year', '2200')],
    ['cron(0 10 * * * *)', {}, messages.cronDayFields('cron(0 10 * * * *)')],
    ['cron(0 10 ? * ? *)', {}, messages.cronDayFields('cron(0 10 ? * ? *)')],
    ['cron(0 10 15 * MON *)', {}, messages.cronDayFields('cron(0 10 15 * MON *)')],
    ['rate(5 minute)', {}, messages.rateUnit('rate(5 minute)')],
    ['rate(1 minutes)', {}, messages.rateUnit('rate(1 minutes)')],
    ['rate(1 hours)', {}, messages.rateUnit('rate(1 hours)')],
    ['rate(0 minutes)', {}, messages.rateFormat('rate(0 minutes)')],
    ['rate(-5 minutes)', {}, messages.rateFormat('rate(-5 minutes)')],
    ['rate(1.5 hours)', {}, messages.rateFormat('rate(1.5 hours)')],
    ['rate(2 weeks)', {}, messages.rateFormat('rate(2 weeks)')],
    ['rate(5)', {}, messages.rateFormat('rate(5)')],
    ['at(2025-02-30T10:00:00)', {}, messages.atFormat('at(2025-02-30T10:00:00)')],
    ['at(2025-01-01T24:00:00)', {}, messages.atFormat('at(2025-01-01T24:00:00)')],
    ['at(2025-01-01 10:00:00)', {}, messages.atFormat('at(2025-01-01 10:00:00)')],
    ['at(2025-01-01T10:00:00Z)', {}, messages.atFormat('at(2025-01-01T10:00:00Z)')],
    ['cron(0 10 * * ? *)', { timezone: 'Mars/Olympus_Mons' }, messages.unknownTimezone('Mars/Olympus_Mons')],
    ['cron(0 10 * * ? *)', { timezone: '+09:00' }, messages.unknownTimezone('+09:00')],
    ['cron(0 10 * * ? *)', { timezone: '' }, messages.unknownTimezone('')],
    ['rate(1 day)', { offsetDays: 2 }, messages.offsetNeedsCron()],
    ['at(2030-01-01T00:00:00)', { offsetDays: 2 }, messages.offsetNeedsCron()],
    ['cron(0 10 * * ? *)', { offsetDays: 0 }, messages.offsetRange(0)],
    ['cron(0 10 * * ? *)', { offsetDays: 7 }, messages.offsetRange(7)],
    ['cron(0 10 * * ? *)', { offsetDays: 1.5 }, messages.offsetRange(1.5)],
  ])('%j %j', (expression, opts, message) => {
    expect(rejection(expression, opts)).toBe(message);
  });

  it('the messages name the expression and read as AWS\'s sentences', () => {
    expect(rejection('rate(5 hour)')).toBe(
      'Invalid rate expression rate(5 hour): if the value is equal to 1, then the unit must be singular. Similarly, for values greater than 1, the unit must be plural.',
    );
  });
});

describe('profiles', () => {
  const accepts = (expression: string, profile: ScheduleProfile) => {
    try {
      parseSchedule(expression, { profile });
      return 'ok';
    } catch (e) {
      return (e as Error).message;
    }
  };

  it.each<[string, string, string]>([
    // expression, maintenance window, association
    ['cron(0/15 * * * ? *)', 'ok', messages.associationCron('cron(0/15 * * * ? *)')],
    ['cron(0 18 ? * MON-FRI *)', 'ok', messages.associationCron('cron(0 18 ? * MON-FRI *)')],
    ['cron(0 8 1 * ? *)', 'ok', messages.associationCron('cron(0 8 1 * ? *)')],
    ['cron(0 0/3 * * ? *)', 'ok', messages.associationCron('cron(0 0/3 * * ? *)')],
    ['cron(0 10 * * ? 2026)', 'ok', messages.associationCron('cron(0 10 * * ? 2026)')],
    ['cron(0 2 L * ? *)', 'ok', messages.associationCron('cron(0 2 L * ? *)')],
    ['cron(0 10 ? JAN MON *)', 'ok', messages.associationMonths('cron(0 10 ? JAN MON *)')],
    ['cron(24 30 09 ? * * *)', 'ok', messages.associationSeconds('cron(24 30 09 ? * * *)')],
    ['cron(0 30 9 ? * * *)', 'ok', 'ok'],
    ['cron(0/5 * * * ? *)', 'ok', messages.associationCron('cron(0/5 * * * ? *)')],
    ['cron(0/4 * * * ? *)', messages.tooFrequent('cron(0/4 * * * ? *)'), messages.associationCron('cron(0/4 * * * ? *)')],
    ['cron(0,2 10 * * ? *)', messages.tooFrequent('cron(0,2 10 * * ? *)'), messages.associationCron('cron(0,2 10 * * ? *)')],
    ['cron(58 23,0 * * ? *)', 'ok', messages.associationCron('cron(58 23,0 * * ? *)')],
    ['cron(58 23 * * ? *)', 'ok', 'ok'],
    ['cron(0/30 0 10 * * ? *)', messages.tooFrequent('cron(0/30 0 10 * * ? *)'), messages.associationSeconds('cron(0/30 0 10 * * ? *)')],
    ['rate(1 minute)', messages.tooFrequent('rate(1 minute)'), messages.associationRate('rate(1 minute)')],
    ['rate(5 minutes)', 'ok', messages.associationRate('rate(5 minutes)')],
    ['rate(29 minutes)', 'ok', messages.associationRate('rate(29 minutes)')],
    ['rate(30 minutes)', 'ok', 'ok'],
    ['rate(30 days)', 'ok', 'ok'],
    ['rate(743 hours)', 'ok', 'ok'],
    ['rate(744 hours)', 'ok', messages.associationRate('rate(744 hours)')],
    ['rate(31 days)', 'ok', messages.associationRate('rate(31 days)')],
    ['rate(100 days)', 'ok', messages.associationRate('rate(100 days)')],
    ['at(2030-01-01T00:00:00)', 'ok', 'ok'],
  ])('%s: maintenance window %j, association %j', (expression, window, association) => {
    expect(accepts(expression, 'maintenance-window')).toBe(window);
    expect(accepts(expression, 'association')).toBe(association);
    expect(accepts(expression, 'any')).toBe('ok');
  });

  it('associations have no time zone (the API has no ScheduleTimezone for them): passing one is a caller bug', () => {
    expect(() => parseSchedule('cron(0 10 * * ? *)', { profile: 'association', timezone: 'UTC' })).toThrow(TypeError);
    expect(parseSchedule('cron(0 10 * * ? *)', { profile: 'association' }).timezone).toBe('UTC');
  });

  it('offsets go with cron for every profile', () => {
    for (const profile of ['maintenance-window', 'association', 'any'] as const) {
      expect(rejection('rate(1 day)', { profile, offsetDays: 1 })).toBe(messages.offsetNeedsCron());
      expect(parseSchedule('cron(0 0 ? * THU#2 *)', { profile, offsetDays: 6 })).toMatchObject({ offsetDays: 6 });
    }
  });
});

describe('purity', () => {
  afterEach(() => vi.useRealTimers());

  it('the same inputs give the same runs whatever the wall clock says', () => {
    const run = () => {
      const s = parseSchedule('cron(0 2 ? * TUE#2 *)', { timezone: 'Asia/Seoul', offsetDays: 2 });
      return [nextRuns(s, at('2025-01-01T00:00:00Z'), 5), nextRuns(parseSchedule('at(2025-06-01T00:00:00)'), at('2025-01-01T00:00:00Z'), 1)];
    };
    vi.useFakeTimers({ now: at('1999-01-01T00:00:00Z') });
    const early = run();
    vi.setSystemTime(at('2090-01-01T00:00:00Z'));
    expect(run()).toEqual(early);
  });

  it('a parsed schedule is plain data: a JSON copy computes the same runs', () => {
    const s = parseSchedule('cron(30 23 ? * TUE#3 *)', { timezone: 'Europe/London', offsetDays: 2 });
    const copy = JSON.parse(JSON.stringify(s)) as ParsedSchedule;
    expect(nextRuns(copy, 0, 5)).toEqual(nextRuns(s, 0, 5));
  });
});
