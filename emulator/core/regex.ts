/**
 * Regular expressions that come from a user: a request (AllowedPattern), a document (a parameter's
 * allowedPattern, a JSON schema's `pattern`), a fixture (Behaviors `Match`), a resource policy's
 * wildcards, a scenario. They never reach JavaScript's RegExp: it backtracks, so `(a+)+$` against 24
 * `a`s and a `!` blocks the server for ~0.2 s and each further character doubles that. Patterns of
 * AWS's own service model (core/validate.ts) are not user data and stay on RegExp.
 *
 * Engine: re2js, a pure-JavaScript port of RE2 (linear time in the input, no backtracking). Measured
 * on this machine with `(a+)+$` against a^n + "!": RegExp 194 ms at n=24, 408 ms at 25, 962 ms at 26;
 * re2js 0.02 ms at n=30 and 0.6 ms at n=100,000; the shell's Pike VM (sim/shell/regex.ts) 1.1 ms at
 * n=30 and 19 ms at n=100,000. On ordinary AllowedPatterns re2js tests a value in 1-20 µs after a
 * 0.03-3 ms compile (compiled patterns are cached). re2js was chosen over moving the shell's engine
 * down: it already reads what AWS's (Java) patterns use - \p{..} classes, (?i) and other inline
 * flags, \x{..}, \Q..\E, lookbehinds - where the shell's engine reads POSIX BRE/ERE, and it is 30x
 * faster on long input.
 *
 * Dialects. A pattern is translated to RE2's syntax first, so that what RE2 would read differently
 * is rewritten to mean the same or refused, never silently read another way.
 * - 'java' (AllowedPattern: SSM is a Java service). Rewritten: Java's POSIX classes (\p{Alpha}, ASCII
 *   only), \p{IsLatin}, \p{IsL}, \p{IsAlphabetic}, \p{script=..}, \p{gc=..}, \uXXXX, \0oct, \cX, \e,
 *   \h, \v, \s (with \x0B), `.` (which in Java also stops at \r, \u0085, \u2028, \u2029), the d and
 *   u flags, lookbehinds and groups. Refused, with a plain error the caller turns into AWS's "not a
 *   valid regular expression": lookaheads, atomic groups, possessive quantifiers and backreferences
 *   (no linear-time engine runs them), class unions and intersections ([a[b]], [a&&b]), Unicode
 *   blocks (\p{InGreek}), java* classes and the binary properties RE2 lacks (IsIdeographic), the x
 *   and U flags, \G \R \X \Z, counted repeats over 1,000 (RE2's limit) and patterns whose expanded
 *   program is too large (MAX_PROGRAM). AWS would accept those: each refusal is a known, tested
 *   difference. Also unlike Java: (?i) folds all of Unicode, not ASCII only.
 * - 'ecma' (JSON Schema `pattern`, which the standard defines as ECMA-262; Behaviors, scenarios).
 *   Rewritten: \uXXXX, \u{..}, \cX, [^], [], \s (Unicode spaces), `.`, \p{Script=..} and long
 *   category names. Refused: lookaheads and backreferences.
 * test() finds a match anywhere (RegExp.test, Java's find); matches() needs the whole value to match
 * (Java's Matcher.matches, how AWS applies AllowedPattern). Errors are plain UserRegexErrors: each
 * caller wraps them in its own AWS error.
 */
import { RE2JS } from 're2js';

export type RegexDialect = 'java' | 'ecma';

export interface UserRegexOptions {
  dialect: RegexDialect;
  /** i (ignore case), m (^ and $ at line ends), s (. matches newlines); u is accepted and changes nothing. */
  flags?: string;
}

export interface UserRegex {
  readonly source: string;
  /** A match anywhere in `s`. */
  test(s: string): boolean;
  /** The whole of `s` matches. */
  matches(s: string): boolean;
}

export class UserRegexError extends Error {
  override name = 'UserRegexError';
}

const CACHE_LIMIT = 500;
/**
 * Linear time still has a constant: re2js compiles in time proportional to the expanded program,
 * ~20-90 µs a step on this machine (`a{1000}` repeated 140 times, a 980-character pattern, took
 * 2.4 s), and matching costs up to program x input. At 5,000 steps the worst measured were ~0.45 s
 * to compile `(?:a{1,1000})` x4 and ~0.45 s to match `\p{L}{1000}` x4 against 8 KB; larger patterns
 * are refused. AWS's own patterns need a few hundred steps.
 */
const MAX_PROGRAM = 5_000;
const cache = new Map<string, UserRegex>();

/** Compiles a user's pattern for a linear-time engine; throws UserRegexError when it is invalid or refused. */
export function compileUserRegex(pattern: string, options: UserRegexOptions): UserRegex {
  const flags = options.flags ?? '';
  const key = `${options.dialect}/${flags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let bits = RE2JS.LOOKBEHINDS;
  for (const f of flags) {
    if (f === 'i') bits |= RE2JS.CASE_INSENSITIVE;
    else if (f === 'm') bits |= RE2JS.MULTILINE;
    else if (f === 's') bits |= RE2JS.DOTALL;
    else if (f !== 'u') throw new UserRegexError(`unsupported flag ${f}`);
  }
  const source = new Translator(pattern, options.dialect, flags.includes('s')).run();
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, bits);
  } catch (e) {
    throw new UserRegexError((e as Error).message.replace(/^error parsing regexp: /, ''));
  }
  const out: UserRegex = { source: pattern, test: (s) => re.test(s), matches: (s) => re.testExact(s) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, out);
  return out;
}

/**
 * IAM-style wildcards (policy Actions and Resources): * any run of characters, ? one character,
 * everything else literal, matched against the whole value. Compiled like any user pattern: a RegExp
 * of `.*` runs takes polynomial time (`*a*a*a...b` against a long run of a's).
 */
export function compileWildcard(pattern: string, options: { ignoreCase?: boolean } = {}): UserRegex {
  let source = '';
  for (const c of pattern) source += c === '*' ? '.*' : c === '?' ? '.' : /[\\^$.|+()[\]{}]/.test(c) ? `\\${c}` : c;
  return compileUserRegex(source, { dialect: 'ecma', flags: options.ignoreCase ? 'is' : 's' });
}

// ---- character sets, as sorted code point ranges, written out as RE2 class text -------------------

type Ranges = readonly (readonly [number, number])[];
const MAX_CP = 0x10ffff;
const r = (...pairs: (number | [number, number])[]): Ranges => pairs.map((p) => (typeof p === 'number' ? [p, p] : p));

function complement(set: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

const hex = (cp: number) => `\\x{${cp.toString(16)}}`;
const classBody = (set: Ranges) => set.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');

const ALL = r([0, MAX_CP]);
const JAVA_SPACE = r([0x09, 0x0d], 0x20);
// ECMA-262 WhiteSpace and LineTerminator.
const ECMA_SPACE = r([0x09, 0x0d], 0x20, 0xa0, 0x1680, [0x2000, 0x200a], 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff);
const UNICODE_WHITE_SPACE = r([0x09, 0x0d], 0x20, 0x85, 0xa0, 0x1680, [0x2000, 0x200a], 0x2028, 0x2029, 0x202f, 0x205f, 0x3000);
const JAVA_HSPACE = r(0x09, 0x20, 0xa0, 0x1680, 0x180e, [0x2000, 0x200a], 0x202f, 0x205f, 0x3000);
const JAVA_VSPACE = r([0x0a, 0x0d], 0x85, 0x2028, 0x2029);
const JAVA_LINE_END = r(0x0a, 0x0d, 0x85, 0x2028, 0x2029);
const ECMA_LINE_END = r(0x0a, 0x0d, 0x2028, 0x2029);

/** Name tables as Maps: names come from the pattern, and `\p{constructor}` must find nothing. */
const lookup = <T>(entries: Record<string, T>): ReadonlyMap<string, T> => new Map(Object.entries(entries));

/** Java's POSIX classes (US-ASCII only, as Java defines them without UNICODE_CHARACTER_CLASS). */
const JAVA_POSIX = lookup<Ranges>({
  Lower: r([0x61, 0x7a]),
  Upper: r([0x41, 0x5a]),
  ASCII: r([0, 0x7f]),
  Alpha: r([0x41, 0x5a], [0x61, 0x7a]),
  Digit: r([0x30, 0x39]),
  Alnum: r([0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]),
  Punct: r([0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]),
  Graph: r([0x21, 0x7e]),
  Print: r([0x20, 0x7e]),
  Blank: r(0x09, 0x20),
  Cntrl: r([0, 0x1f], 0x7f),
  XDigit: r([0x30, 0x39], [0x41, 0x46], [0x61, 0x66]),
  Space: JAVA_SPACE,
  all: ALL,
  L1: r([0, 0xff]),
});

/** Java binary properties (\p{IsX}) that are exactly a general category or a known set. */
const JAVA_BINARY = lookup<string | Ranges>({
  letter: 'L',
  digit: 'Nd',
  punctuation: 'P',
  control: 'Cc',
  titlecase: 'Lt',
  white_space: UNICODE_WHITE_SPACE,
  whitespace: UNICODE_WHITE_SPACE,
});

/** ECMA-262's long General_Category names, for \p{Letter} and \p{gc=Letter}. */
const GC_LONG = lookup<string>({
  Letter: 'L', Uppercase_Letter: 'Lu', Lowercase_Letter: 'Ll', Titlecase_Letter: 'Lt', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Mark: 'M', Combining_Mark: 'M', Spacing_Mark: 'Mc', Enclosing_Mark: 'Me', Nonspacing_Mark: 'Mn',
  Number: 'N', Decimal_Number: 'Nd', digit: 'Nd', Letter_Number: 'Nl', Other_Number: 'No',
  Punctuation: 'P', punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd', Close_Punctuation: 'Pe', Final_Punctuation: 'Pf',
  Initial_Punctuation: 'Pi', Other_Punctuation: 'Po', Open_Punctuation: 'Ps',
  Symbol: 'S', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Math_Symbol: 'Sm', Other_Symbol: 'So',
  Separator: 'Z', Line_Separator: 'Zl', Paragraph_Separator: 'Zp', Space_Separator: 'Zs',
  Other: 'C', Control: 'Cc', cntrl: 'Cc', Format: 'Cf', Private_Use: 'Co', Surrogate: 'Cs',
});
const ECMA_BINARY = lookup<Ranges>({ ASCII: r([0, 0x7f]), Any: ALL, White_Space: UNICODE_WHITE_SPACE, ASCII_Hex_Digit: JAVA_POSIX.get('XDigit')! });
/** The binary properties re2js knows, under Unicode's names. */
const RE2_BINARY = new Set(['Alphabetic', 'Lowercase', 'Uppercase', 'Hex_Digit', 'Assigned', 'Emoji']);

const isCategory = (name: string) => /^[CLMNPSZ][a-z]?$/.test(name);
/** Java matches script names ignoring case; RE2 knows them as Title_Case. */
const scriptName = (name: string) => name.toLowerCase().replace(/(^|_)([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());

/** A property class: an RE2 \p{Name}, or an explicit set. */
type Property = { re2: string } | { set: Ranges };

// ---- the translator -------------------------------------------------------------------------------

interface Scope {
  dotAll: boolean;
  unixLines: boolean;
}

/** What an open group saved of the enclosing one. */
interface Frame {
  scope: Scope;
  size: number;
  last: number;
}

class Translator {
  private i = 0;
  private out = '';
  private scope: Scope;
  private readonly frames: Frame[] = [];
  /** Estimated RE2 program size so far (counted repeats copy what they repeat), and that of the last item. */
  private size = 0;
  private last = 0;
  private inClass = false;
  /** The last thing written outside a class was a quantifier (for possessive ones). */
  private afterQuantifier = false;

  constructor(
    private readonly p: string,
    private readonly dialect: RegexDialect,
    dotAll: boolean,
  ) {
    this.scope = { dotAll, unixLines: false };
  }

  /** Refuses a feature that only a backtracking engine could run, or that RE2 would read another way. */
  private fail(what: string): never {
    throw new UserRegexError(`${what} are not supported`);
  }

  run(): string {
    const p = this.p;
    while (this.i < p.length) {
      const c = p[this.i]!;
      if (c === '\\') {
        if (!this.inClass) this.item(1);
        this.escape();
        this.afterQuantifier = false;
      } else if (this.inClass) this.classChar(c);
      else this.outsideChar(c);
    }
    if (this.size > MAX_PROGRAM) throw new UserRegexError(`the pattern is too large once its counted repetitions are expanded (over ${MAX_PROGRAM} steps)`);
    return this.out;
  }

  private item(size: number): void {
    this.size += size;
    this.last = size;
  }

  /** Applies a repetition to the last item: RE2 compiles `x{2,5}` as five copies of x. */
  private repeat(copies: number): void {
    const n = Math.max(copies, 1);
    this.size += this.last * (n - 1) + 1;
    this.last *= n;
  }

  private outsideChar(c: string): void {
    const p = this.p;
    const java = this.dialect === 'java';
    let quantifier = false;
    switch (c) {
      case '[':
        this.openClass();
        break;
      case '(':
        this.openGroup();
        break;
      case ')': {
        const outer = this.frames.pop();
        if (outer) {
          this.scope = outer.scope;
          const group = this.size + 2;
          this.size = outer.size;
          this.item(group);
        }
        this.out += ')';
        this.i++;
        break;
      }
      case '.':
        this.item(1);
        this.out += this.scope.dotAll || (java && this.scope.unixLines) ? '.' : `[^${classBody(java ? JAVA_LINE_END : ECMA_LINE_END)}]`;
        this.i++;
        break;
      case '*':
      case '?':
      case '+':
        if (c === '+' && this.afterQuantifier && java) this.fail('possessive quantifiers');
        this.out += c;
        this.i++;
        // `a*?` is lazy: the `?` ends the quantifier (a following + is then an error RE2 reports).
        quantifier = !(c === '?' && this.afterQuantifier);
        if (quantifier) this.repeat(1);
        break;
      case '{': {
        // Java (and ECMA with the u flag ajv uses) refuse a { that starts no repetition; RE2 would read a literal.
        const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.i));
        if (!m) throw new UserRegexError(`illegal repetition at offset ${this.i}`);
        this.out += m[0];
        this.i += m[0].length;
        quantifier = true;
        const min = Number(m[1]);
        this.repeat(m[2] === undefined ? min : m[3] === '' ? min + 1 : Math.max(min, Number(m[3])));
        break;
      }
      default:
        this.item(1);
        this.out += c;
        this.i++;
    }
    this.afterQuantifier = quantifier;
  }

  private openClass(): void {
    const p = this.p;
    this.item(1);
    this.i++;
    let neg = false;
    if (p[this.i] === '^') {
      neg = true;
      this.i++;
    }
    if (p[this.i] === ']') {
      if (this.dialect === 'ecma') {
        // ECMA: [] matches nothing and [^] any character; a leading ] is never a literal.
        this.out += neg ? `[${classBody(ALL)}]` : `[^${classBody(ALL)}]`;
        this.i++;
        return;
      }
      // Java and RE2 alike: a ] first in a class is a literal.
      this.out += neg ? '[^\\]' : '[\\]';
      this.i++;
    } else this.out += neg ? '[^' : '[';
    this.inClass = true;
  }

  private classChar(c: string): void {
    const p = this.p;
    if (c === ']') {
      this.inClass = false;
      this.out += ']';
    } else if (c === '[') {
      if (this.dialect === 'java') this.fail('character class unions and intersections');
      // ECMA (without the v flag): a literal [; RE2 would read [: as the start of a POSIX class.
      this.out += '\\[';
    } else if (c === '&' && p[this.i + 1] === '&' && this.dialect === 'java') {
      this.fail('character class unions and intersections');
    } else this.out += c;
    this.i++;
  }

  private openGroup(): void {
    const p = this.p;
    const rest = p.slice(this.i);
    this.frames.push({ scope: this.scope, size: this.size, last: this.last });
    this.size = 0;
    this.last = 0;
    if (!rest.startsWith('(?')) {
      // Captures are of no use to a yes/no answer, and RE2 refuses them inside lookbehinds.
      this.out += '(?:';
      this.i++;
      return;
    }
    if (rest.startsWith('(?=') || rest.startsWith('(?!')) this.fail('lookaheads');
    if (rest.startsWith('(?>')) this.fail('atomic groups');
    if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.out += rest.slice(0, 4);
      this.i += 4;
      return;
    }
    const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(rest);
    if (named) {
      this.out += '(?:';
      this.i += named[0].length;
      return;
    }
    const m = /^\(\?([A-Za-z]*)(?:-([A-Za-z]*))?([:)])/.exec(rest);
    if (!m) throw new UserRegexError(`invalid group at offset ${this.i}`);
    const [on, off, end] = [m[1]!, m[2] ?? '', m[3]!];
    const scope = { ...this.scope };
    const keep = (letters: string, value: boolean) => {
      let kept = '';
      for (const f of letters) {
        if (f === 'i' || f === 'm') kept += f;
        else if (f === 's') {
          scope.dotAll = value;
          kept += f;
        } else if (this.dialect === 'java' && f === 'd') scope.unixLines = value;
        else if (this.dialect === 'java' && f === 'u') {
          // UNICODE_CASE: RE2 already folds case across Unicode.
        } else if (this.dialect === 'java' && (f === 'x' || f === 'U')) throw new UserRegexError(`the inline flag ${f} is not supported`);
        else throw new UserRegexError(`unknown inline flag ${f}`);
      }
      return kept;
    };
    const cleared = keep(off, false);
    const written = keep(on, true) + (cleared ? `-${cleared}` : '');
    this.i += m[0].length;
    if (end === ':') {
      this.out += `(?${written}:`;
      this.scope = scope;
    } else {
      // (?flags) applies to the rest of the enclosing group: no group of its own.
      const outer = this.frames.pop()!;
      this.size = outer.size;
      this.last = outer.last;
      if (written) this.out += `(?${written})`;
      this.scope = scope;
    }
  }

  /** Writes a set, or a negated set, in or outside a class. */
  private writeSet(set: Ranges, negated: boolean): void {
    if (this.inClass) this.out += classBody(negated ? complement(set) : set);
    else this.out += `[${negated ? '^' : ''}${classBody(set)}]`;
  }

  private writeCodePoint(cp: number): void {
    if (cp > MAX_CP) throw new UserRegexError('code point out of range');
    this.out += hex(cp);
  }

  private escape(): void {
    const p = this.p;
    const java = this.dialect === 'java';
    const d = p[this.i + 1];
    if (d === undefined) throw new UserRegexError('trailing backslash');
    this.i += 2;
    if (d >= '1' && d <= '9') this.fail('backreferences');
    switch (d) {
      case 'k':
        this.fail('backreferences');
      case 'A':
      case 'z':
      case 'E':
        if (java) {
          if (d === 'E') return; // a stray \E is ignored by Java
          break;
        }
        throw new UserRegexError(`invalid escape \\${d}`);
      case 'C':
        throw new UserRegexError('invalid escape \\C');
      case 'Q':
        if (!java) throw new UserRegexError('invalid escape \\Q');
        {
          // Java quotes up to \E, inside classes too; RE2 only outside them, so quote each character.
          const end = p.indexOf('\\E', this.i);
          const text = p.slice(this.i, end < 0 ? p.length : end);
          for (const ch of text) this.writeCodePoint(ch.codePointAt(0)!);
          if (!this.inClass) this.size += text.length;
          this.i = end < 0 ? p.length : end + 2;
        }
        return;
      case '0':
        if (java) {
          const m = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(p.slice(this.i));
          if (!m) throw new UserRegexError('illegal octal escape sequence');
          this.i += m[0].length;
          return this.writeCodePoint(parseInt(m[0], 8));
        }
        if (/^\d/.test(p.slice(this.i))) throw new UserRegexError('invalid decimal escape');
        return this.writeCodePoint(0);
      case 'u': {
        let cp = this.hex4();
        if (cp === undefined && !java && p[this.i] === '{') {
          const m = /^\{([0-9A-Fa-f]{1,6})\}/.exec(p.slice(this.i));
          if (!m) throw new UserRegexError('invalid unicode escape');
          this.i += m[0].length;
          return this.writeCodePoint(parseInt(m[1]!, 16));
        }
        if (cp === undefined) throw new UserRegexError('illegal unicode escape sequence');
        if (cp >= 0xd800 && cp <= 0xdbff && p.startsWith('\\u', this.i)) {
          const save = this.i;
          this.i += 2;
          const low = this.hex4();
          if (low !== undefined && low >= 0xdc00 && low <= 0xdfff) cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          else this.i = save;
        }
        return this.writeCodePoint(cp);
      }
      case 'c': {
        const x = p[this.i];
        if (x === undefined || (!java && !/[A-Za-z]/.test(x))) throw new UserRegexError('illegal control escape sequence');
        this.i++;
        return this.writeCodePoint(java ? x.charCodeAt(0) ^ 64 : x.charCodeAt(0) % 32);
      }
      case 'e':
        if (java) return this.writeCodePoint(0x1b);
        break;
      case 'b':
        if (this.inClass && !java) return this.writeCodePoint(0x08);
        break;
      case 's':
      case 'S':
        return this.writeSet(java ? JAVA_SPACE : ECMA_SPACE, d === 'S');
      case 'h':
      case 'H':
        if (java) return this.writeSet(JAVA_HSPACE, d === 'H');
        break;
      case 'v':
      case 'V':
        if (java) return this.writeSet(JAVA_VSPACE, d === 'V');
        break;
      case 'p':
      case 'P': {
        const prop = this.property();
        const negated = d === 'P';
        if ('set' in prop) return this.writeSet(prop.set, negated);
        this.out += `\\${negated ? 'P' : 'p'}{${prop.re2}}`;
        return;
      }
    }
    this.out += `\\${d}`;
  }

  private hex4(): number | undefined {
    const m = /^[0-9A-Fa-f]{4}/.exec(this.p.slice(this.i, this.i + 4));
    if (!m) return undefined;
    this.i += 4;
    return parseInt(m[0], 16);
  }

  /** The name after \p or \P (\pL or \p{Name}), mapped to what RE2 knows. */
  private property(): Property {
    const p = this.p;
    let name: string;
    if (p[this.i] === '{') {
      const end = p.indexOf('}', this.i);
      if (end < 0) throw new UserRegexError('unclosed character property name');
      name = p.slice(this.i + 1, end);
      this.i = end + 1;
    } else {
      name = p[this.i] ?? '';
      this.i++;
    }
    const unknown = (): never => {
      throw new UserRegexError(`unknown or unsupported character property ${name}`);
    };
    const [key, value] = name.includes('=') ? [name.slice(0, name.indexOf('=')), name.slice(name.indexOf('=') + 1)] : [undefined, name];
    if (this.dialect === 'java') {
      if (key !== undefined) {
        const k = key.toLowerCase();
        if ((k === 'general_category' || k === 'gc') && isCategory(value)) return { re2: value };
        if (k === 'script' || k === 'sc') return { re2: scriptName(value) };
        if (k === 'block' || k === 'blk') this.fail('Unicode blocks');
        return unknown();
      }
      const posix = JAVA_POSIX.get(value);
      if (posix) return { set: posix };
      if (isCategory(value)) return { re2: value };
      if (value.startsWith('In')) this.fail('Unicode blocks');
      if (value.startsWith('Is')) {
        const v = value.slice(2);
        if (isCategory(v)) return { re2: v };
        const binary = JAVA_BINARY.get(v.toLowerCase());
        if (typeof binary === 'string') return { re2: binary };
        if (binary) return { set: binary };
        // A script (IsLatin) or one of the binary properties RE2 also knows (IsAlphabetic); RE2 refuses the rest.
        if (/^[A-Za-z_]+$/.test(v)) return { re2: scriptName(v) };
      }
      return unknown();
    }
    if (key !== undefined) {
      if ((key === 'General_Category' || key === 'gc') && (isCategory(value) || GC_LONG.has(value))) return { re2: GC_LONG.get(value) ?? value };
      if (key === 'Script' || key === 'sc') return { re2: value };
      return unknown();
    }
    if (isCategory(value)) return { re2: value };
    const category = GC_LONG.get(value);
    if (category) return { re2: category };
    const binary = ECMA_BINARY.get(value);
    if (binary) return { set: binary };
    if (RE2_BINARY.has(value)) return { re2: value };
    return unknown();
  }
}
