/**
 * IANA time zones for schedules: is a name a time zone, what is a zone's UTC offset at an instant,
 * and which instants show a given local wall-clock time.
 *
 * A "wall" time is a local date and time written as if it were UTC epoch milliseconds
 * (Date.UTC(year, month - 1, day, hour, minute, second)). Calendar arithmetic on wall times (next
 * matching cron time, "two days later at the same time") has no DST in it; resolveWall() turns the
 * result back into real instants, where DST gaps and repeated hours show up.
 *
 * Offsets come from the platform's Intl (ICU's copy of the tz database). The formatters are cached
 * per zone: they are derived from the name alone, so the cache is not state.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(tz: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(tz);
  if (!f) {
    // 'longOffset' prints the offset alone ("GMT-05:00", "GMT+05:45", "GMT-00:44:30"): one short
    // string to parse, several times cheaper than formatToParts.
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' });
    offsetFormats.set(tz, f);
  }
  return f;
}

/**
 * True when `name` is an IANA zone name the platform knows ("Asia/Seoul", "UTC", "US/Eastern").
 * Offset strings ("+09:00"), which some runtimes accept as zones, are not IANA names.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    offsetFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds to add to an instant to read the zone's wall clock at that instant. */
export function offsetAt(instant: number, tz: string): number {
  const text = offsetFormat(tz).format(instant);
  const m = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text);
  if (!m) throw new Error(`cannot read the UTC offset of ${tz} from "${text}"`);
  if (!m[1]) return 0;
  const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

/** The zone's wall-clock time at an instant, as wall milliseconds. */
export function toWall(instant: number, tz: string): number {
  return instant + offsetAt(instant, tz);
}

export type WallResolution =
  /** The wall time occurs once. */
  | { kind: 'single'; at: number }
  /** The wall time occurs twice (clocks went back): once before the change, once after. */
  | { kind: 'ambiguous'; earlier: number; later: number }
  /** The wall time never occurs (clocks jumped over it); `gapEnd` is the instant the jump happened. */
  | { kind: 'gap'; gapEnd: number };

/**
 * The instants at which the zone's clock shows `wall`. Offsets are sampled a day either side, so a
 * transition anywhere near is seen; two transitions within two days (no zone has them since 1970
 * outside a handful of one-off decrees) would be read as one.
 */
export function resolveWall(wall: number, tz: string): WallResolution {
  const before = offsetAt(wall - DAY, tz);
  const after = offsetAt(wall + DAY, tz);
  if (before === after) return { kind: 'single', at: wall - before };
  const fits = (offset: number) => offsetAt(wall - offset, tz) === offset;
  const early = fits(before) ? wall - before : undefined;
  const late = fits(after) ? wall - after : undefined;
  if (early !== undefined && late !== undefined) {
    return { kind: 'ambiguous', earlier: Math.min(early, late), later: Math.max(early, late) };
  }
  if (early !== undefined || late !== undefined) return { kind: 'single', at: (early ?? late)! };
  return { kind: 'gap', gapEnd: transitionBetween(wall - after, wall - before, tz) };
}

/** The first instant (whole second) in (from, to] whose offset differs from the offset at `from`. */
function transitionBetween(from: number, to: number, tz: string): number {
  const first = offsetAt(from, tz);
  let lo = from;
  let hi = to;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(mid, tz) === first) lo = mid;
    else hi = mid;
  }
  return hi;
}
