/**
 * The fields of AWS's cron(...) expressions, checked against the user guide's table and turned into
 * a croner pattern. schedule.ts owns the API; this file owns the syntax.
 *
 * AWS's table ("Reference: Cron and rate expressions for Systems Manager", Supported values):
 *   Seconds (optional, first)  0-59                , - * /
 *   Minutes                    0-59                , - * /
 *   Hours                      0-23                , - * /
 *   Day-of-month               1-31                , - * ? / L W
 *   Month                      1-12 or JAN-DEC     , - * /
 *   Day-of-week                1-7 or SUN-SAT      , - * ? / L #      (1 = SUN ... 7 = SAT)
 *   Year                       1970-2199           , - * /
 * Beyond the table, Quartz's rules (the syntax AWS's is taken from) decide:
 *   - `a/b` starts at a and steps by b; a range runs low to high (no wrap-around like FRI-MON, which
 *     croner rejects too);
 *   - L, LW, nW, nL and n#k stand alone: Quartz doesn't implement them inside a list;
 *   - L alone in day-of-week is the last day of the week, 7 (SAT).
 *
 * croner (npm) does the calendar arithmetic. It is driven in "wall time" (utcOffset 0, see zone.ts):
 * schedule.ts resolves time zones and DST itself, for speed and for offsets in calendar days.
 */
import { Cron, CronPattern } from 'croner';

/** The fields as written (day-of-week numbering is AWS's: 1 = SUN). `seconds` is absent in 6-field form. */
export interface CronFields {
  seconds?: string;
  minutes: string;
  hours: string;
  dayOfMonth: string;
  month: string;
  dayOfWeek: string;
  year: string;
}

type Item =
  | { kind: 'any' } //                       ?
  | { kind: 'all'; step?: number } //        *  */s
  | { kind: 'range'; from: number; to: number; step?: number } // v  v-w  v/s  v-w/s
  | { kind: 'last' } //                      L (day-of-month: last day; day-of-week: SAT)
  | { kind: 'lastWeekday' } //               LW
  | { kind: 'nearestWeekday'; day: number } // nW
  | { kind: 'lastOf'; weekday: number } //   nL: the last such weekday of the month
  | { kind: 'nth'; weekday: number; n: number }; // n#k

interface FieldSpec {
  key: keyof CronFields;
  /** As the user guide names the field. */
  name: string;
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Record<string, number> = {
  JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12,
};
const WEEKDAYS: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };

const SPECS: FieldSpec[] = [
  { key: 'seconds', name: 'Seconds', min: 0, max: 59 },
  { key: 'minutes', name: 'Minutes', min: 0, max: 59 },
  { key: 'hours', name: 'Hours', min: 0, max: 23 },
  { key: 'dayOfMonth', name: 'Day-of-month', min: 1, max: 31 },
  { key: 'month', name: 'Month', min: 1, max: 12, names: MONTHS },
  { key: 'dayOfWeek', name: 'Day-of-week', min: 1, max: 7, names: WEEKDAYS },
  { key: 'year', name: 'Year', min: 1970, max: 2199 },
];

export type CronSyntax =
  | { ok: true; fields: CronFields; items: Record<keyof CronFields, Item[]> }
  | { ok: false; problem: 'field-count' }
  | { ok: false; problem: 'day-fields' }
  | { ok: false; problem: 'field'; field: string; value: string };

/** Splits and checks the text between "cron(" and ")". */
export function parseCronBody(body: string): CronSyntax {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6 && parts.length !== 7) return { ok: false, problem: 'field-count' };
  const [seconds, minutes, hours, dayOfMonth, month, dayOfWeek, year] = parts.length === 7 ? parts : [undefined, ...parts];
  const fields: CronFields = { minutes: minutes!, hours: hours!, dayOfMonth: dayOfMonth!, month: month!, dayOfWeek: dayOfWeek!, year: year! };
  if (seconds !== undefined) fields.seconds = seconds;
  const items = {} as Record<keyof CronFields, Item[]>;
  for (const spec of SPECS) {
    const text = fields[spec.key] ?? '0';
    const parsed = parseField(text, spec);
    if (!parsed) return { ok: false, problem: 'field', field: spec.name, value: text };
    items[spec.key] = parsed;
  }
  // AWS: a value in one of the two day fields needs a ? in the other; ? in both says nothing.
  const anyDom = items.dayOfMonth[0]!.kind === 'any';
  const anyDow = items.dayOfWeek[0]!.kind === 'any';
  if (anyDom === anyDow) return { ok: false, problem: 'day-fields' };
  return { ok: true, fields, items };
}

function parseField(text: string, spec: FieldSpec): Item[] | undefined {
  const dom = spec.key === 'dayOfMonth';
  const dow = spec.key === 'dayOfWeek';
  if (text === '?') return dom || dow ? [{ kind: 'any' }] : undefined;
  const upper = text.toUpperCase();
  if ((dom || dow) && upper === 'L') return [{ kind: 'last' }];
  if (dom && upper === 'LW') return [{ kind: 'lastWeekday' }];
  let m: RegExpExecArray | null;
  if (dom && (m = /^(\d{1,2})W$/.exec(upper))) {
    const day = Number(m[1]);
    return day >= 1 && day <= 31 ? [{ kind: 'nearestWeekday', day }] : undefined;
  }
  if (dow && (m = /^([A-Z]{3}|\d)L$/.exec(upper))) {
    const weekday = value(m[1]!, spec);
    return weekday === undefined ? undefined : [{ kind: 'lastOf', weekday }];
  }
  if (dow && (m = /^([A-Z]{3}|\d)#(\d)$/.exec(upper))) {
    const weekday = value(m[1]!, spec);
    const n = Number(m[2]);
    return weekday === undefined || n < 1 || n > 5 ? undefined : [{ kind: 'nth', weekday, n }];
  }
  const items: Item[] = [];
  for (const part of upper.split(',')) {
    const item = parseRange(part, spec);
    if (!item) return undefined;
    items.push(item);
  }
  return items;
}

/** `*`, `v`, `v-w`, each optionally stepped (`/s`), with v and w numbers or (month, day-of-week) names. */
function parseRange(part: string, spec: FieldSpec): Item | undefined {
  const m = /^(?:(\*)|([A-Z]{3}|\d+)(?:-([A-Z]{3}|\d+))?)(?:\/(\d+))?$/.exec(part);
  if (!m) return undefined;
  let step: number | undefined;
  if (m[4] !== undefined) {
    step = Number(m[4]);
    if (step < 1 || step > spec.max - spec.min + 1) return undefined;
  }
  if (m[1]) return step === undefined ? { kind: 'all' } : { kind: 'all', step };
  const from = value(m[2]!, spec);
  const to = m[3] === undefined ? from : value(m[3], spec);
  if (from === undefined || to === undefined || from > to) return undefined;
  return step === undefined ? { kind: 'range', from, to } : { kind: 'range', from, to, step };
}

function value(text: string, spec: FieldSpec): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : spec.names?.[text];
  return n !== undefined && n >= spec.min && n <= spec.max ? n : undefined;
}

/** A value, range or step in croner's notation (the same as Quartz's for these forms). */
function rangeText(item: Item): string {
  if (item.kind === 'all') return item.step ? `*/${item.step}` : '*';
  if (item.kind !== 'range') throw new Error(`not a plain range: ${item.kind}`);
  const span = item.to === item.from ? `${item.from}` : `${item.from}-${item.to}`;
  return item.step ? `${span}/${item.step}` : span;
}

function fieldText(items: Item[]): string {
  const only = items[0]!;
  switch (only.kind) {
    case 'any':
      return '*';
    case 'last':
      return 'L';
    case 'lastWeekday':
      return 'LW';
    case 'nearestWeekday':
      return `${only.day}W`;
    case 'lastOf':
      return `${only.weekday}L`;
    case 'nth':
      return `${only.weekday}#${only.n}`;
    default:
      return items.map(rangeText).join(',');
  }
}

export interface CompiledCron {
  /** Steps through matching wall times (see zone.ts). */
  cron: Cron;
  /** croner's parsed pattern: the sets of seconds, minutes and hours the expression fires at. */
  pattern: CronPattern;
  /**
   * croner's "fixed-time" job (one second, minute and hour value each): in a DST gap it runs when the
   * gap ends and in a repeated hour it runs once; other jobs skip the gap and run in both hours.
   */
  fixedTime: boolean;
}

/** Builds croner's 7-part pattern for checked fields (parseCronBody's items). */
export function compileCron(items: Record<keyof CronFields, Item[]>): CompiledCron {
  const dow = items.dayOfWeek[0]!;
  const text = [
    fieldText(items.seconds),
    fieldText(items.minutes),
    fieldText(items.hours),
    fieldText(items.dayOfMonth),
    fieldText(items.month),
    // Quartz reads L alone in day-of-week as its last day; croner wants a weekday before an L.
    dow.kind === 'last' ? '7' : fieldText(items.dayOfWeek),
    // Year * is AWS's 1970-2199: saying so stops croner's search at 2199 instead of 9999.
    fieldText(items.year) === '*' ? '1970-2199' : fieldText(items.year),
  ].join(' ');
  const options = { mode: '7-part', alternativeWeekdays: true, sloppyRanges: true } as const;
  const pattern = new CronPattern(text, undefined, options);
  return { cron: new Cron(text, { ...options, utcOffset: 0 }), pattern, fixedTime: pattern.isFixedTime };
}

/** The time-of-day items of a field, for profile rules: a single value, if it is one. */
export function singleValue(items: Item[]): number | undefined {
  const only = items[0]!;
  return items.length === 1 && only.kind === 'range' && only.from === only.to && !only.step ? only.from : undefined;
}

