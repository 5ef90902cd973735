/**
 * Date formatting for the simulated `date` (GNU coreutils strftime, C locale) and `Get-Date`
 * (.NET custom and standard formats, en-US culture). Nodes run in UTC, as EC2 images do by default.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

function parts(ms: number) {
  const d = new Date(ms);
  return {
    Y: d.getUTCFullYear(),
    m: d.getUTCMonth(),
    d: d.getUTCDate(),
    H: d.getUTCHours(),
    M: d.getUTCMinutes(),
    S: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    w: d.getUTCDay(),
    yday: Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1,
  };
}

function isoWeek(ms: number): { year: number; week: number } {
  const d = new Date(ms);
  const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = t - day * 86_400_000 + 3 * 86_400_000;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return { year, week };
}

/** GNU date's +FORMAT. Unknown conversions are copied as they are, as GNU date does. */
export function strftime(fmt: string, ms: number): string {
  const p = parts(ms);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    // GNU flags: - (no padding), _ (space padding), 0 (zero padding)
    let flag = '';
    let j = i + 1;
    if (fmt[j] === '-' || fmt[j] === '_' || fmt[j] === '0' || fmt[j] === '^') flag = fmt[j++]!;
    const conv = fmt[j];
    const num = (n: number, w = 2, defPad = '0') =>
      flag === '-' ? String(n) : flag === '_' ? pad(n, w, ' ') : flag === '0' ? pad(n, w, '0') : pad(n, w, defPad);
    let r: string | undefined;
    switch (conv) {
      case 'Y': r = String(p.Y); break;
      case 'C': r = num(Math.floor(p.Y / 100)); break;
      case 'y': r = num(p.Y % 100); break;
      case 'm': r = num(p.m + 1); break;
      case 'd': r = num(p.d); break;
      case 'e': r = num(p.d, 2, ' '); break;
      case 'H': r = num(p.H); break;
      case 'k': r = num(p.H, 2, ' '); break;
      case 'I': r = num(p.H % 12 || 12); break;
      case 'l': r = num(p.H % 12 || 12, 2, ' '); break;
      case 'M': r = num(p.M); break;
      case 'S': r = num(p.S); break;
      case 'N': r = pad(p.ms * 1_000_000, 9); break;
      case 'p': r = p.H < 12 ? 'AM' : 'PM'; break;
      case 'P': r = p.H < 12 ? 'am' : 'pm'; break;
      case 'a': r = DAYS[p.w]!.slice(0, 3); break;
      case 'A': r = DAYS[p.w]!; break;
      case 'b': case 'h': r = MONTHS[p.m]!.slice(0, 3); break;
      case 'B': r = MONTHS[p.m]!; break;
      case 'j': r = num(p.yday, 3); break;
      case 'u': r = String(p.w === 0 ? 7 : p.w); break;
      case 'w': r = String(p.w); break;
      case 'U': r = num(Math.floor((p.yday - 1 + 7 - p.w) / 7)); break;
      case 'W': r = num(Math.floor((p.yday - 1 + 7 - ((p.w + 6) % 7)) / 7)); break;
      case 'V': r = num(isoWeek(ms).week); break;
      case 'G': r = String(isoWeek(ms).year); break;
      case 'g': r = num(isoWeek(ms).year % 100); break;
      case 's': r = String(Math.floor(ms / 1000)); break;
      case 'z': r = '+0000'; break;
      case ':': if (fmt[j + 1] === 'z') { r = '+00:00'; j++; } break;
      case 'Z': r = 'UTC'; break;
      case 'F': r = `${p.Y}-${pad(p.m + 1)}-${pad(p.d)}`; break;
      case 'T': case 'X': r = `${pad(p.H)}:${pad(p.M)}:${pad(p.S)}`; break;
      case 'R': r = `${pad(p.H)}:${pad(p.M)}`; break;
      case 'D': case 'x': r = `${pad(p.m + 1)}/${pad(p.d)}/${pad(p.Y % 100)}`; break;
      case 'r': r = `${pad(p.H % 12 || 12)}:${pad(p.M)}:${pad(p.S)} ${p.H < 12 ? 'AM' : 'PM'}`; break;
      case 'c': r = `${DAYS[p.w]!.slice(0, 3)} ${MONTHS[p.m]!.slice(0, 3)} ${pad(p.d, 2, ' ')} ${pad(p.H)}:${pad(p.M)}:${pad(p.S)} ${p.Y}`; break;
      case 'n': r = '\n'; break;
      case 't': r = '\t'; break;
      case '%': r = '%'; break;
    }
    if (r === undefined) {
      out += fmt.slice(i, j + 1);
    } else {
      out += flag === '^' ? r.toUpperCase() : r;
    }
    i = j;
  }
  return out;
}

/** `date` with no format: "Wed Jan  1 00:00:00 UTC 2025" (C locale). */
export function defaultDate(ms: number): string {
  return strftime('%a %b %e %H:%M:%S %Z %Y', ms);
}

/** .NET DateTime.ToString(format) with the en-US culture, for Get-Date -Format and .ToString(). */
export function dotnetFormat(fmt: string, ms: number): string {
  const p = parts(ms);
  // standard (single-letter) formats
  const std: Record<string, string> = {
    d: 'M/d/yyyy',
    D: 'dddd, MMMM d, yyyy',
    t: 'h:mm tt',
    T: 'h:mm:ss tt',
    f: 'dddd, MMMM d, yyyy h:mm tt',
    F: 'dddd, MMMM d, yyyy h:mm:ss tt',
    g: 'M/d/yyyy h:mm tt',
    G: 'M/d/yyyy h:mm:ss tt',
    M: 'MMMM d',
    m: 'MMMM d',
    o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    y: 'MMMM yyyy',
    Y: 'MMMM yyyy',
  };
  if (fmt.length === 1 && std[fmt]) fmt = std[fmt]!;
  if (fmt === 'R' || fmt === 'r') return strftime('%a, %d %b %Y %H:%M:%S GMT', ms);
  let out = '';
  for (let i = 0; i < fmt.length; ) {
    const c = fmt[i]!;
    if (c === "'" || c === '"') {
      const end = fmt.indexOf(c, i + 1);
      out += fmt.slice(i + 1, end < 0 ? fmt.length : end);
      i = end < 0 ? fmt.length : end + 1;
      continue;
    }
    if (c === '\\') {
      out += fmt[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === '%' && fmt.length > 1) {
      i++;
      continue;
    }
    let n = 1;
    while (fmt[i + n] === c) n++;
    let r: string | undefined;
    switch (c) {
      case 'y': r = n === 1 ? String(p.Y % 100) : n === 2 ? pad(p.Y % 100) : pad(p.Y, n); break;
      case 'M': r = n === 1 ? String(p.m + 1) : n === 2 ? pad(p.m + 1) : n === 3 ? MONTHS[p.m]!.slice(0, 3) : MONTHS[p.m]!; break;
      case 'd': r = n === 1 ? String(p.d) : n === 2 ? pad(p.d) : n === 3 ? DAYS[p.w]!.slice(0, 3) : DAYS[p.w]!; break;
      case 'H': r = n === 1 ? String(p.H) : pad(p.H); break;
      case 'h': r = n === 1 ? String(p.H % 12 || 12) : pad(p.H % 12 || 12); break;
      case 'm': r = n === 1 ? String(p.M) : pad(p.M); break;
      case 's': r = n === 1 ? String(p.S) : pad(p.S); break;
      case 'f': r = pad(p.ms, 3).padEnd(7, '0').slice(0, Math.min(n, 7)); break;
      case 'F': r = pad(p.ms, 3).padEnd(7, '0').slice(0, Math.min(n, 7)).replace(/0+$/, ''); break;
      case 't': r = (p.H < 12 ? 'AM' : 'PM').slice(0, n === 1 ? 1 : 2); break;
      // Get-Date returns a Local-kind DateTime; nodes run in UTC, so K is +00:00 (not Z).
      case 'K': r = '+00:00'; n = 1; break;
      case 'z': r = n === 1 ? '+0' : n === 2 ? '+00' : '+00:00'; break;
      case 'g': r = 'A.D.'; break;
      case ':': case '/': case '-': case 'T': case ' ': case ',': case '.': r = c.repeat(n); break;
    }
    out += r ?? c.repeat(n);
    i += n;
  }
  return out;
}

/** How PowerShell shows a DateTime by default (en-US): "Wednesday, January 1, 2025 12:00:00 AM". */
export function psDefaultDate(ms: number): string {
  return dotnetFormat('dddd, MMMM d, yyyy h:mm:ss tt', ms);
}

/** A DateTime converted to string ("$(Get-Date)"): invariant culture, "01/01/2025 00:00:00". */
export function psInvariantDate(ms: number): string {
  return dotnetFormat('MM/dd/yyyy HH:mm:ss', ms);
}
