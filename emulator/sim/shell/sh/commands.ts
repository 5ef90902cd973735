/**
 * Builtins and simulated utilities of the sh dialect. Each answers from the node's facts and the
 * run's virtual state, with the output format and error wording of bash and GNU coreutils (C.UTF-8
 * locale, so GNU quotes names as ‘x’). Utilities not listed here do not exist for the simulation:
 * they are "command not found" unless a command stub (fixture behaviour) answers for them.
 */
import { defaultDate, strftime } from '../datefmt.js';
import { compileRegex, RegexError } from '../regex.js';
import { trimChars } from '../chars.js';
import { Abort, checkSize, MAX_STRING_CHARS, OUT_OF_MEMORY } from '../runtime.js';
import type { Facts } from '../facts.js';
import { systemCommand } from './system.js';
import {
  BufSink, compareInts, ExitSig, fileTest, LoopSig, ReturnSig, type IO, type Sh, type ShState,
} from './interp.js';
import { SYSTEM_INFO } from './sysinfo.js';

export type Impl = (sh: Sh, argv: string[], st: ShState, io: IO) => number;

/** Commands only bash has (dash answers "not found" for them). */
const BASH_ONLY = new Set(['source', 'declare', 'typeset', 'let', 'shopt']);

/**
 * Whether a program exists on the node. The service and package managers (sh/system.ts) exist only
 * where their distribution has them, so they need the node's facts; without facts only the
 * programs every node has are known.
 */
export function isKnownCommand(name: string, bash: boolean, facts?: Facts): boolean {
  if (Object.prototype.hasOwnProperty.call(COMMANDS, name)) return bash || !BASH_ONLY.has(name);
  return facts !== undefined && systemCommand(name, facts) !== undefined;
}

/** The implementation of a program on this node, or undefined ("command not found"). */
export function commandImpl(name: string, bash: boolean, facts: Facts): Impl | undefined {
  if (Object.prototype.hasOwnProperty.call(COMMANDS, name)) return bash || !BASH_ONLY.has(name) ? COMMANDS[name] : undefined;
  return systemCommand(name, facts);
}

const BUILTINS = new Set([
  ':', 'true', 'false', 'echo', 'printf', 'exit', 'return', 'break', 'continue', 'cd', 'pwd', 'export', 'unset', 'set',
  'shift', 'local', 'readonly', 'declare', 'typeset', 'test', '[', 'source', '.', 'eval', 'command', 'type', 'read',
  'let', 'shopt', 'hash', 'umask', 'wait', 'trap', 'alias', 'unalias',
]);

// ------------------------------------------------------------------ helpers

function lines(s: string): string[] {
  if (s === '') return [];
  const l = s.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

/** Reads the named files (or stdin for none / "-"), reporting missing ones as `prog: X: No such file or directory`. */
function inputs(sh: Sh, prog: string, files: string[], st: ShState, io: IO): { data: { name: string; text: string }[]; ok: boolean } {
  if (files.length === 0) return { data: [{ name: '(standard input)', text: io.in.readAll() }], ok: true };
  const data: { name: string; text: string }[] = [];
  let ok = true;
  for (const f of files) {
    if (f === '-') {
      data.push({ name: '(standard input)', text: io.in.readAll() });
      continue;
    }
    if (f === '/dev/null') {
      data.push({ name: f, text: '' });
      continue;
    }
    const abs = sh.vfs.normalize(f, st.cwd);
    const text = sh.vfs.read(abs);
    if (text === undefined) {
      io.err.write(`${prog}: ${f}: ${sh.vfs.isDir(abs) ? 'Is a directory' : 'No such file or directory'}\n`);
      ok = false;
      continue;
    }
    data.push({ name: f, text });
  }
  return { data, ok };
}

/** Splits short options (-abc) from operands; `--` ends options; `withArg` options take the next word. */
export function getopts(args: string[], withArg = ''): { flags: Map<string, string | true>; rest: string[] } {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
      flags.set(`--${k}`, v ?? true);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (withArg.includes(f)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        flags.set(f, v ?? '');
        break;
      }
      flags.set(f, true);
    }
  }
  rest.push(...args.slice(i));
  return { flags, rest };
}

/** echo/printf backslash escapes; returns the text and whether \c asked to stop output. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    switch (n) {
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'c': return { text: out, stop: true };
      case 'e': case 'E': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '0': {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
        out += String.fromCharCode(parseInt(m || '0', 8));
        i += m.length;
        break;
      }
      case 'x': {
        const m = /^[0-9A-Fa-f]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
        break;
      }
      default:
        out += '\\' + n;
    }
  }
  return { text: out, stop: false };
}

// ------------------------------------------------------------------ printf

function printfFormat(fmt: string, args: string[], io: IO, sh: Sh, st: ShState): number {
  let status = 0;
  let ai = 0;
  const next = () => args[ai++];
  const num = (a: string | undefined, conv: string): number => {
    if (a === undefined || a === '') return 0;
    if (/^['"]./.test(a)) return a.charCodeAt(1);
    const t = a.trim();
    const v = /^[-+]?0[xX][0-9a-fA-F]+$/.test(t) ? parseInt(t, 16) : /^[-+]?0[0-7]+$/.test(t) ? parseInt(t, 8) : Number(t);
    if (Number.isNaN(v) || (!'feEgG'.includes(conv) && !/^[-+]?(0[xX][0-9a-fA-F]+|\d+)$/.test(t))) {
      io.err.write(`${sh.prefix(st)}printf: ${a}: invalid number\n`);
      status = 1;
      const lead = parseFloat(t);
      return Number.isNaN(lead) ? 0 : Math.trunc(lead);
    }
    return v;
  };
  let out = '';
  let consumedAny = false;
  do {
    consumedAny = false;
    const startAi = ai;
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i]!;
      if (c === '\\') {
        // printf's format knows \NNN (octal, one to three digits) besides echo's escapes
        const m = /^\\([0-7]{1,3}|x[0-9A-Fa-f]{1,2}|[^])/.exec(fmt.slice(i));
        const seq = m ? m[0] : '\\';
        out += /^\\[0-7]+$/.test(seq) ? String.fromCharCode(parseInt(seq.slice(1), 8)) : echoEscapes(seq).text;
        i += seq.length - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXfFeEgGcsbq%])/.exec(fmt.slice(i));
      if (!m) {
        io.err.write(`${sh.prefix(st)}printf: \`${fmt.slice(i + 1, i + 2)}': invalid format character\n`);
        io.out.write(checkSize(out));
        return 1;
      }
      i += m[0].length - 1;
      const [, flags, w, p, conv] = m as unknown as [string, string, string | undefined, string | undefined, string];
      if (conv === '%') {
        out += '%';
        continue;
      }
      let width = w === '*' ? num(next(), 'd') : w ? Number(w) : 0;
      const prec = p === '*' ? num(next(), 'd') : p !== undefined ? Number(p || 0) : undefined;
      const left = flags.includes('-') || width < 0;
      width = Math.abs(width);
      if (width > MAX_STRING_CHARS || (prec ?? 0) > MAX_STRING_CHARS) {
        // A real node would try to write gigabytes; the simulated one cannot hold a value that large,
        // so printf fails as it does when the C library cannot allocate the buffer (what was
        // formatted before this conversion is written, as printf flushes it first).
        io.out.write(checkSize(out));
        io.err.write(`${sh.prefix(st)}printf: ${OUT_OF_MEMORY}\n`);
        return 1;
      }
      const arg = next();
      if (arg !== undefined) consumedAny = true;
      let s: string;
      switch (conv) {
        case 's': s = arg ?? ''; if (prec !== undefined) s = s.slice(0, prec); break;
        case 'b': { const r = echoEscapes(arg ?? ''); s = r.text; break; }
        case 'q': s = arg === undefined ? "''" : /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`; break;
        case 'c': s = (arg ?? '').slice(0, 1); break;
        case 'd': case 'i': case 'u': {
          const v = Math.trunc(num(arg, conv));
          s = String(Math.abs(v));
          if (prec !== undefined) s = s.padStart(prec, '0');
          const sign = v < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
          if (flags.includes('0') && !left && prec === undefined) s = s.padStart(width - sign.length, '0');
          s = sign + s;
          break;
        }
        case 'o': case 'x': case 'X': {
          const v = Math.trunc(num(arg, conv));
          s = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : BigInt(v)).toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (flags.includes('#') && v !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          if (flags.includes('0') && !left) s = s.padStart(width, '0');
          break;
        }
        default: {
          const v = num(arg, conv);
          // JavaScript formats at most 100 digits; a double has no more significant ones, so the
          // rest of a longer precision is zeros.
          const pr = prec ?? 6;
          const digits = Math.min(pr, 100);
          const zeros = '0'.repeat(pr - digits);
          s = 'fF'.includes(conv) ? (Number.isFinite(v) ? v.toFixed(digits) + zeros : String(v))
            : 'eE'.includes(conv) ? (Number.isFinite(v) ? v.toExponential(digits).replace(/e/, `${zeros}e`).replace(/e([+-])(\d)$/, 'e$10$2') : String(v))
            : String(Number(v.toPrecision(Math.max(1, digits))));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (v >= 0 && flags.includes('+')) s = '+' + s;
          if (flags.includes('0') && !left) s = s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
        }
      }
      out += left ? s.padEnd(width) : s.padStart(width);
      checkSize(out);
    }
    if (ai === startAi) break;
  } while (ai < args.length && consumedAny);
  io.out.write(checkSize(out));
  return status;
}

// ------------------------------------------------------------------ test / [

function testCmd(sh: Sh, args: string[], st: ShState, io: IO, name: string): number {
  const err = (msg: string) => {
    io.err.write(`${sh.prefix(st)}${name}: ${msg}\n`);
    return 2;
  };
  let i = 0;
  class Bad {
    constructor(readonly msg: string) {}
  }
  const int = (s: string): bigint => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new Bad(`${s}: integer expression expected`);
    return BigInt(s.trim());
  };
  const BIN = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new Bad('argument expected');
    if (a === '!' && i + 1 < args.length) {
      i++;
      return !primary();
    }
    if (a === '(' && args.length - i >= 3) {
      i++;
      const v = orE();
      if (args[i] !== ')') throw new Bad("`)' expected");
      i++;
      return v;
    }
    const b = args[i + 1];
    if (b !== undefined && BIN.has(b) && i + 2 < args.length) {
      const c = args[i + 2]!;
      i += 3;
      if (b === '=' || b === '==') return a === c;
      if (b === '!=') return a !== c;
      if (b === '<') return a < c;
      if (b === '>') return a > c;
      if (b === '-nt' || b === '-ot' || b === '-ef') return false;
      return compareInts(b, int(a), int(c))!;
    }
    if (/^-[a-zA-Z]$/.test(a) && b !== undefined && !(args.length - i === 2 && false)) {
      const r = fileTest(sh, a, b, st);
      if (r === undefined) throw new Bad(`${a}: unary operator expected`);
      i += 2;
      return r;
    }
    i++;
    return a !== '';
  };
  const andE = (): boolean => {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orE = (): boolean => {
    let v = andE();
    while (args[i] === '-o') {
      i++;
      const r = andE();
      v = v || r;
    }
    return v;
  };
  try {
    if (args.length === 0) return 1;
    if (args.length === 1) return args[0] !== '' ? 0 : 1;
    const v = orE();
    if (i < args.length) {
      return err(args.length === 2 || args[i - 1] === undefined ? `${args[0]}: unary operator expected` : 'too many arguments');
    }
    return v ? 0 : 1;
  } catch (e) {
    if (e instanceof Bad) return err(e.msg);
    throw e;
  }
}

// ------------------------------------------------------------------ the table

const uname: Impl = (sh, argv, _st, io) => {
  const { flags, rest } = getopts(argv.slice(1));
  if (rest.length) {
    io.err.write(`uname: extra operand ‘${rest[0]}’\nTry 'uname --help' for more information.\n`);
    return 1;
  }
  const f = sh.facts;
  const mac = f.os === 'macos';
  const machine = f.arch === 'arm64' ? (mac ? 'arm64' : 'aarch64') : 'x86_64';
  const all = flags.has('a') || flags.has('--all');
  const fields: [string, string, string][] = [
    ['s', '--kernel-name', mac ? 'Darwin' : 'Linux'],
    ['n', '--nodename', sh.hostname],
    ['r', '--kernel-release', f.kernel],
    ['v', '--kernel-version', mac ? 'Darwin Kernel Version 23.6.0' : '#1 SMP PREEMPT_DYNAMIC Tue Dec  3 21:07:35 UTC 2024'],
    ['m', '--machine', machine],
    ['p', '--processor', mac ? (f.arch === 'arm64' ? 'arm' : 'i386') : machine],
    ['i', '--hardware-platform', mac ? machine : machine],
    ['o', '--operating-system', mac ? 'Darwin' : 'GNU/Linux'],
  ];
  const chosen = fields.filter(([s, l]) => all || flags.has(s) || flags.has(l)).map(([, , v]) => v);
  io.out.write((chosen.length ? chosen : [fields[0]![2]]).join(' ') + '\n');
  return 0;
};

const dateCmd: Impl = (sh, argv, _st, io) => {
  let when = sh.rt.now();
  let fmt: string | undefined;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('+')) fmt = a.slice(1);
    else if (a === '-u' || a === '--utc' || a === '--universal') continue;
    else if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
      const s = a === '-d' || a === '--date' ? (args[++i] ?? '') : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
      const t = parseDateArg(s, when);
      if (t === undefined) {
        io.err.write(`date: invalid date ‘${s}’\n`);
        return 1;
      }
      when = t;
    } else if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a.startsWith('--iso-8601') || /^-I(date|hours|minutes|seconds|ns)$/.test(a)) {
      const spec = a.includes('=') ? a.split('=')[1] : a.startsWith('-I') ? a.slice(2) : 'date';
      fmt = spec === 'seconds' ? '%Y-%m-%dT%H:%M:%S%:z' : spec === 'minutes' ? '%Y-%m-%dT%H:%M%:z' : spec === 'hours' ? '%Y-%m-%dT%H%:z' : spec === 'ns' ? '%Y-%m-%dT%H:%M:%S,%N%:z' : '%Y-%m-%d';
    } else if (a === '-s' || a === '--set') {
      io.err.write('date: cannot set date: Operation not permitted\n');
      return 1;
    } else if (a.startsWith('-')) {
      io.err.write(`date: invalid option -- '${a.slice(1, 2)}'\nTry 'date --help' for more information.\n`);
      return 1;
    } else {
      io.err.write(`date: invalid date ‘${a}’\n`);
      return 1;
    }
  }
  io.out.write((fmt === undefined ? defaultDate(when) : strftime(fmt, when)) + '\n');
  return 0;
};

function parseDateArg(s: string, now: number): number | undefined {
  const t = s.trim();
  if (t === '' || t === 'now' || t === 'today') return now;
  if (/^@-?\d+(\.\d+)?$/.test(t)) return Math.round(Number(t.slice(1)) * 1000);
  if (t === 'yesterday') return now - 86_400_000;
  if (t === 'tomorrow') return now + 86_400_000;
  const rel = /^([-+]?\d+)\s*(second|sec|minute|min|hour|day|week)s?(\s+ago)?$/.exec(t);
  if (rel) {
    const unit: Record<string, number> = { second: 1e3, sec: 1e3, minute: 6e4, min: 6e4, hour: 3.6e6, day: 8.64e7, week: 6.048e8 };
    const v = Number(rel[1]) * unit[rel[2]!]! * (rel[3] ? -1 : 1);
    return now + v;
  }
  // ISO-like dates are taken as UTC (nodes run in UTC)
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (iso) {
    const [, Y, M, D, h, m, sec, zone] = iso;
    let ms = Date.UTC(Number(Y), Number(M) - 1, Number(D), Number(h ?? 0), Number(m ?? 0), Number(sec ?? 0));
    if (zone && zone !== 'Z' && zone !== 'UTC') {
      const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
      ms -= (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
    }
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

const sleepCmd: Impl = (sh, argv, _st, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    io.err.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') {
      total = Infinity;
      continue;
    }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      io.err.write(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]!]! * 1000;
  }
  sh.rt.advance(total);
  return 0;
};

const grep: Impl = (sh, argv, st, io) => {
  const { flags, rest } = getopts(argv.slice(1), 'em');
  const patterns: string[] = [];
  if (flags.has('e')) patterns.push(String(flags.get('e')));
  if (patterns.length === 0) {
    const p = rest.shift();
    if (p === undefined) {
      io.err.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(p);
  }
  const fixed = flags.has('F');
  const flavor = flags.has('E') || flags.has('P') ? 'ere' : 'bre';
  const ic = flags.has('i') || flags.has('y');
  let matchers: ((l: string) => boolean)[];
  try {
    matchers = patterns.flatMap((p) => p.split('\n')).map((p) => {
      if (fixed) {
        const needle = ic ? p.toLowerCase() : p;
        const cmp = (l: string) => (ic ? l.toLowerCase() : l);
        if (flags.has('x')) return (l: string) => cmp(l) === needle;
        if (flags.has('w')) {
          const re = compileRegex(`\\b${p.replace(/[\\^$.*[\]+?(){}|]/g, '\\$&')}\\b`, 'ere', ic);
          return (l: string) => re.test(l);
        }
        return (l: string) => cmp(l).includes(needle);
      }
      let src = p;
      if (flags.has('x')) src = flavor === 'bre' ? `^\\(${p}\\)$` : `^(${p})$`;
      else if (flags.has('w')) src = flavor === 'bre' ? `\\b\\(${p}\\)\\b` : `\\b(${p})\\b`;
      const re = compileRegex(src, flavor, ic);
      return (l: string) => re.test(l);
    });
  } catch (e) {
    if (e instanceof RegexError) {
      io.err.write(`grep: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const invert = flags.has('v');
  const { data, ok } = inputs(sh, 'grep', rest, st, io);
  const many = rest.length > 1 && !flags.has('h');
  let matched = 0;
  const maxCount = flags.has('m') ? Number(flags.get('m')) : Infinity;
  for (const { name, text } of data) {
    let count = 0;
    const ls = lines(text);
    for (let n = 0; n < ls.length && count < maxCount; n++) {
      const l = ls[n]!;
      sh.rt.step(false);
      if (matchers.some((m) => m(l)) === invert) continue;
      count++;
      if (flags.has('q')) return 0;
      if (flags.has('c') || flags.has('l')) continue;
      io.out.write(`${many ? name + ':' : ''}${flags.has('n') ? `${n + 1}:` : ''}${l}\n`);
    }
    if (flags.has('c')) io.out.write(`${many ? name + ':' : ''}${count}\n`);
    if (flags.has('l') && count > 0) io.out.write(`${name}\n`);
    matched += count;
  }
  if (!ok && !flags.has('s')) return 2;
  return matched > 0 ? 0 : ok ? 1 : 2;
};

function headTail(tail: boolean): Impl {
  return (sh, argv, st, io) => {
    const args = argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const { flags, rest } = getopts(args, 'nc');
    const prog = tail ? 'tail' : 'head';
    const spec = String(flags.get('n') ?? flags.get('--lines') ?? '10');
    const bytes = flags.has('c') ? String(flags.get('c')) : undefined;
    const fromStart = tail && spec.startsWith('+');
    const n = Number(spec.replace(/^[+]/, ''));
    if (!Number.isFinite(n)) {
      io.err.write(`${prog}: invalid number of lines: ‘${spec}’\n`);
      return 1;
    }
    const { data, ok } = inputs(sh, prog, rest, st, io);
    data.forEach(({ name, text }, idx) => {
      if (data.length > 1) io.out.write(`${idx ? '\n' : ''}==> ${name} <==\n`);
      if (bytes !== undefined) {
        const b = Number(bytes);
        io.out.write(tail ? text.slice(Math.max(0, text.length - b)) : text.slice(0, b));
        return;
      }
      const ls = lines(text);
      const pick = tail ? (fromStart ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n)) : n < 0 ? ls.slice(0, n) : ls.slice(0, n);
      const lastHasNl = text.endsWith('\n');
      const body = pick.join('\n');
      const includesLast = pick.length > 0 && (tail || pick.length === ls.length);
      io.out.write(body + (pick.length && (!includesLast || lastHasNl) ? '\n' : ''));
    });
    return ok ? 0 : 1;
  };
}

const wc: Impl = (sh, argv, st, io) => {
  const { flags, rest } = getopts(argv.slice(1));
  let which = ['l', 'w', 'c'].filter((f) => flags.has(f) || (f === 'c' && flags.has('m')));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const { data, ok } = inputs(sh, 'wc', rest, st, io);
  const rows = data.map(({ name, text }) => {
    const counts: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: flags.has('m') ? [...text].length : Buffer.byteLength(text, 'utf8'),
    };
    return { name: rest.length ? name : '', v: which.map((f) => counts[f]!) };
  });
  if (data.length > 1) rows.push({ name: 'total', v: which.map((_, i) => rows.reduce((a, r) => a + r.v[i]!, 0)) });
  const width = rest.length === 0 ? (which.length === 1 ? 1 : 7) : Math.max(1, ...rows.flatMap((r) => r.v.map((x) => String(x).length)));
  for (const r of rows) io.out.write(r.v.map((x) => String(x).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n');
  return ok ? 0 : 1;
};

function resolveCommand(sh: Sh, name: string, st: ShState): { kind: 'function' | 'builtin' | 'file' | 'keyword'; path?: string } | undefined {
  if (['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', '{', '}', '!'].includes(name)) return { kind: 'keyword' };
  if (st.funcs.has(name)) return { kind: 'function' };
  if (BUILTINS.has(name) && isKnownCommand(name, sh.bash, sh.facts)) return { kind: 'builtin' };
  if (name.includes('/')) {
    const abs = sh.vfs.normalize(name, st.cwd);
    return sh.vfs.isFile(abs) ? { kind: 'file', path: name } : undefined;
  }
  if (isKnownCommand(name, sh.bash, sh.facts)) return { kind: 'file', path: `/usr/bin/${name}` };
  return undefined;
}

const commandV: Impl = (sh, argv, st, io) => {
  const { flags, rest } = getopts(argv.slice(1));
  if (!flags.has('v') && !flags.has('V')) {
    if (rest.length === 0) return 0;
    return sh.run(rest, st, io, true);
  }
  let status = 0;
  for (const name of rest) {
    const r = resolveCommand(sh, name, st);
    if (!r) {
      if (flags.has('V')) io.err.write(`${sh.prefix(st)}command: ${name}: not found\n`);
      status = 1;
      continue;
    }
    if (flags.has('v')) io.out.write(`${r.kind === 'file' ? r.path : name}\n`);
    else io.out.write(r.kind === 'file' ? `${name} is ${r.path}\n` : `${name} is a shell ${r.kind}\n`);
  }
  return status;
};

const typeCmd: Impl = (sh, argv, st, io) => {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const r = resolveCommand(sh, name, st);
    if (!r) {
      io.err.write(`${sh.prefix(st)}type: ${name}: not found\n`);
      status = 1;
    } else if (r.kind === 'file') io.out.write(`${name} is ${r.path}\n`);
    else if (r.kind === 'function') io.out.write(`${name} is a function\n`);
    else io.out.write(`${name} is a shell ${r.kind}\n`);
  }
  return status;
};

const which: Impl = (sh, argv, st, io) => {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const r = resolveCommand(sh, name, st);
    if (r && (r.kind === 'file' || (r.kind === 'builtin' && isKnownCommand(name, sh.bash, sh.facts) && !['cd', 'export', 'set', 'source', '.', 'eval'].includes(name)))) {
      io.out.write(`${r.path ?? `/usr/bin/${name}`}\n`);
    } else {
      const path = sh.getVar(st, 'PATH') ?? '';
      io.err.write(`which: no ${name} in (${path})\n`);
      status = 1;
    }
  }
  return status;
};

const readCmd: Impl = (sh, argv, st, io) => {
  const { flags, rest } = getopts(argv.slice(1), 'pdtnuN');
  const names = rest.length ? rest : ['REPLY'];
  const got = io.in.readLine();
  if (!got) {
    for (const n of names) sh.setVar(st, n, '');
    return 1;
  }
  let line = got.line;
  if (!flags.has('r')) line = line.replace(/\\(.)/g, '$1');
  if (names.length === 1 && names[0] === 'REPLY' && rest.length === 0) {
    sh.setVar(st, 'REPLY', line);
    return got.eol ? 0 : 1;
  }
  const ifs = sh.getVar(st, 'IFS') ?? ' \t\n';
  const isWs = (c: string) => ifs.includes(c);
  // An empty IFS splits nothing and trims nothing (`IFS= read -r line` keeps the line as it is).
  let s = trimChars(line, ifs, true, false);
  names.forEach((n, i) => {
    if (i === names.length - 1) {
      sh.setVar(st, n, trimChars(s, ifs, false, true));
      return;
    }
    let j = 0;
    while (j < s.length && !isWs(s[j]!)) j++;
    sh.setVar(st, n, s.slice(0, j));
    s = trimChars(s.slice(j), ifs, true, false);
  });
  return got.eol ? 0 : 1;
};

const setCmd: Impl = (sh, argv, st, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    const names = [...st.vars.keys()].sort();
    for (const n of names) io.out.write(`${n}=${quoteValue(st.vars.get(n)!.v)}\n`);
    return 0;
  }
  const optNames: Record<string, keyof ShState['opts']> = { errexit: 'e', nounset: 'u', xtrace: 'x', pipefail: 'pipefail', noglob: 'f' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      st.params = args.slice(i + 1);
      return 0;
    }
    if (a === '-' ) {
      st.opts.x = false;
      continue;
    }
    if (!/^[-+]/.test(a)) {
      st.params = args.slice(i);
      return 0;
    }
    const on = a[0] === '-';
    for (const f of a.slice(1)) {
      if (f === 'o') {
        const name = args[++i];
        if (name === undefined) {
          for (const [k, v] of Object.entries(optNames)) io.out.write(`${k.padEnd(15)}\t${st.opts[v] ? 'on' : 'off'}\n`);
          continue;
        }
        const key = optNames[name];
        if (!key) {
          if (['posix', 'noclobber', 'allexport', 'verbose', 'monitor', 'notify', 'ignoreeof', 'hashall', 'vi', 'emacs', 'history', 'braceexpand', 'errtrace', 'functrace', 'nolog', 'onecmd', 'physical', 'privileged', 'keyword', 'interactive-comments', 'noexec'].includes(name)) continue;
          io.err.write(`${sh.prefix(st)}set: ${name}: invalid option name\n`);
          return 2;
        }
        if (key === 'pipefail' && !sh.bash) {
          io.err.write(`${sh.prefix(st)}set: Illegal option -o pipefail\n`);
          return 2;
        }
        st.opts[key] = on;
      } else if (f === 'e' || f === 'u' || f === 'x' || f === 'f') st.opts[f] = on;
      else if ('vnmbhaBHCEkPT'.includes(f)) continue;
      else {
        io.err.write(`${sh.prefix(st)}set: ${on ? '-' : '+'}${f}: invalid option\n`);
        return 2;
      }
    }
  }
  return 0;
};

function quoteValue(v: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

function declareLike(kind: 'export' | 'readonly' | 'declare' | 'local'): Impl {
  return (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    if (kind === 'local' && st.funcDepth === 0) {
      io.err.write(`${sh.prefix(st)}local: can only be used in a function\n`);
      return 1;
    }
    const exp = kind === 'export' || flags.has('x');
    const ro = kind === 'readonly' || flags.has('r');
    if (rest.length === 0 && (kind === 'export' || kind === 'readonly' || flags.has('p'))) {
      for (const [k, v] of [...st.vars].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if ((kind === 'export' && v.exp) || (kind === 'readonly' && v.ro) || kind === 'declare') {
          io.out.write(sh.bash ? `declare -${v.exp ? 'x' : ''}${v.ro ? 'r' : ''}${v.exp || v.ro ? '' : '-'} ${k}="${v.v.replace(/(["\\$`])/g, '\\$1')}"\n` : `export ${k}='${v.v.replace(/'/g, `'\\''`)}'\n`);
        }
      }
      return 0;
    }
    let status = 0;
    for (const a of rest) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)?(.*)$/s.exec(a);
      if (!m) {
        io.err.write(`${sh.prefix(st)}${kind}: \`${a}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      const [, name, eq, value] = m as unknown as [string, string, string | undefined, string];
      if (kind === 'local' || (kind === 'declare' && st.funcDepth > 0)) {
        const frame = st.locals[st.locals.length - 1];
        if (frame && !frame.has(name)) frame.set(name, st.vars.get(name) ? { ...st.vars.get(name)! } : undefined);
        if (!eq) st.vars.set(name, { v: st.vars.get(name)?.v ?? '', exp: false });
      }
      if (flags.has('n') && kind === 'export') {
        const v = st.vars.get(name);
        if (v) v.exp = false;
        continue;
      }
      if (eq) {
        if (st.vars.get(name)?.ro) {
          io.err.write(`${sh.prefix(st)}${name}: readonly variable\n`);
          status = 1;
          continue;
        }
        const nv = eq === '+=' ? (sh.getVar(st, name) ?? '') + value : value;
        sh.setVar(st, name, nv);
      } else if (!st.vars.has(name)) {
        if (exp || ro) st.vars.set(name, { v: '', exp });
        if (!exp && !ro) continue;
        if (exp) {
          // `export NAME` of an unset variable marks it without giving it a value
          st.vars.get(name)!.v = '';
        }
      }
      const v = st.vars.get(name)!;
      if (exp) v.exp = true;
      if (ro) v.ro = true;
    }
    return status;
  };
}

function pathCmd(sh: Sh, st: ShState, p: string): string {
  return sh.vfs.normalize(p, st.cwd);
}

const cd: Impl = (sh, argv, st, io) => {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1 && sh.bash) {
    io.err.write(`${sh.prefix(st)}cd: too many arguments\n`);
    return 1;
  }
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined) {
    target = sh.getVar(st, 'HOME');
    if (target === undefined) {
      io.err.write(`${sh.prefix(st)}cd: HOME not set\n`);
      return 1;
    }
  } else if (target === '-') {
    target = sh.getVar(st, 'OLDPWD');
    if (target === undefined) {
      io.err.write(`${sh.prefix(st)}cd: OLDPWD not set\n`);
      return 1;
    }
    print = true;
  }
  const abs = pathCmd(sh, st, target);
  if (!sh.vfs.isDir(abs)) {
    const why = sh.vfs.isFile(abs) ? 'Not a directory' : 'No such file or directory';
    io.err.write(sh.bash ? `${sh.prefix(st)}cd: ${target}: ${why}\n` : `${sh.prefix(st)}cd: can't cd to ${target}\n`);
    return sh.bash ? 1 : 2;
  }
  sh.setVar(st, 'OLDPWD', st.cwd);
  st.cwd = abs;
  sh.setVar(st, 'PWD', abs);
  if (print) io.out.write(abs + '\n');
  return 0;
};

const curl: Impl = (sh, argv, _st, io) => {
  const args = argv.slice(1);
  let url: string | undefined;
  let method = 'GET';
  let silent = false;
  let showErr = false;
  let fail = false;
  const headers: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-X' || a === '--request') method = (args[++i] ?? 'GET').toUpperCase();
    else if (a === '-H' || a === '--header') headers.push(args[++i] ?? '');
    else if (a === '-o' || a === '--output' || a === '-w' || a === '-m' || a === '--max-time' || a === '--connect-timeout' || a === '-d' || a === '--data' || a === '-u' || a === '--retry') i++;
    else if (a.startsWith('-') && !a.startsWith('--')) {
      if (a.includes('s')) silent = true;
      if (a.includes('S')) showErr = true;
      if (a.includes('f')) fail = true;
      if (a.endsWith('X')) method = (args[++i] ?? 'GET').toUpperCase();
      if (a.endsWith('H')) headers.push(args[++i] ?? '');
    } else if (a === '--silent') silent = true;
    else if (a === '--fail') fail = true;
    else if (!a.startsWith('-')) url = a;
  }
  const report = (code: number, msg: string) => {
    if (!silent || showErr) io.err.write(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!url) return report(2, 'no URL specified');
  const m = /^(?:https?:\/\/)?(\[[^\]]+\]|[^/:]+)(?::\d+)?(\/.*)?$/.exec(url);
  const host = m?.[1] ?? url;
  const path = m?.[2] ?? '/';
  if (host !== '169.254.169.254' && host !== '[fd00:ec2::254]') {
    // The simulation has no network: only the instance metadata service answers.
    return report(6, `Could not resolve host: ${host}`);
  }
  if (!sh.facts.instanceId.startsWith('i-')) {
    return report(7, `Failed to connect to ${host} port 80 after 1 ms: Couldn't connect to server`);
  }
  const answer = imds(sh, method, path);
  if (answer.status !== 200) {
    if (fail) return report(22, `The requested URL returned error: ${answer.status}`);
  }
  io.out.write(answer.body);
  return 0;
};

/** The instance metadata service, from the node's facts (IMDSv1 and v2 both answered). */
export function imds(sh: Sh, method: string, path: string): { status: number; body: string } {
  const f = sh.facts;
  if (path === '/latest/api/token') {
    if (method !== 'PUT') return { status: 405, body: '' };
    return { status: 200, body: `AQAEA${Buffer.from(`${f.instanceId}:${sh.rt.start}`).toString('base64').replace(/=+$/, '')}==` };
  }
  const az = `${f.region}a`;
  const md: Record<string, string> = {
    'instance-id': f.instanceId,
    'local-ipv4': f.ip,
    'local-hostname': f.hostname,
    hostname: f.hostname,
    'placement/region': f.region,
    'placement/availability-zone': az,
    'instance-life-cycle': 'on-demand',
  };
  const p = path.replace(/^\/latest\/meta-data\/?/, '');
  if (path.startsWith('/latest/meta-data')) {
    if (p === '') return { status: 200, body: 'hostname\ninstance-id\ninstance-life-cycle\nlocal-hostname\nlocal-ipv4\nplacement/' };
    if (p === 'placement/' || p === 'placement') return { status: 200, body: 'availability-zone\nregion' };
    if (md[p] !== undefined) return { status: 200, body: md[p]! };
  }
  if (path === '/latest/dynamic/instance-identity/document') {
    return {
      status: 200,
      body: JSON.stringify({ availabilityZone: az, instanceId: f.instanceId, privateIp: f.ip, region: f.region, architecture: f.arch === 'arm64' ? 'arm64' : 'x86_64' }, null, 2),
    };
  }
  const body = '<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n\t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n <head>\n  <title>404 - Not Found</title>\n </head>\n <body>\n  <h1>404 - Not Found</h1>\n </body>\n</html>\n';
  return { status: 404, body };
}

export const COMMANDS: Record<string, Impl> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo: (sh, argv, _st, io) => {
    let args = argv.slice(1);
    let newline = true;
    let escapes = !sh.bash; // dash's echo always interprets backslash escapes and knows only -n
    if (sh.bash) {
      while (args.length && /^-[neE]+$/.test(args[0]!)) {
        for (const f of args[0]!.slice(1)) {
          if (f === 'n') newline = false;
          else if (f === 'e') escapes = true;
          else escapes = false;
        }
        args = args.slice(1);
      }
    } else if (args[0] === '-n') {
      newline = false;
      args = args.slice(1);
    }
    let text = args.join(' ');
    if (escapes) {
      const r = echoEscapes(text);
      text = r.text;
      if (r.stop) newline = false;
    }
    io.out.write(checkSize(text + (newline ? '\n' : '')));
    return 0;
  },
  printf: (sh, argv, st, io) => {
    const args = argv.slice(1);
    if (args[0] === '-v' && sh.bash) {
      const name = args[1];
      const buf = new BufSink();
      const r = printfFormat(args[2] ?? '', args.slice(3), { ...io, out: buf }, sh, st);
      if (name) sh.setVar(st, name, buf.text());
      return r;
    }
    if (args[0] === '--') args.shift();
    if (args.length === 0) {
      io.err.write(`${sh.prefix(st)}printf: usage: printf [-v var] format [arguments]\n`);
      return 2;
    }
    return printfFormat(args[0]!, args.slice(1), io, sh, st);
  },
  exit: (sh, argv, st, io) => {
    const a = argv[1];
    if (a === undefined) throw new ExitSig(st.status, true);
    if (!/^\s*[-+]?\d+\s*$/.test(a)) {
      io.err.write(`${sh.prefix(st)}exit: ${a}: numeric argument required\n`);
      throw new ExitSig(2, true);
    }
    throw new ExitSig(Number(BigInt.asUintN(8, BigInt(a.trim()))), true);
  },
  return: (sh, argv, st, io) => {
    if (st.funcDepth === 0) {
      io.err.write(`${sh.prefix(st)}return: can only \`return' from a function or sourced script\n`);
      return 1;
    }
    const a = argv[1];
    if (a !== undefined && !/^[-+]?\d+$/.test(a)) {
      io.err.write(`${sh.prefix(st)}return: ${a}: numeric argument required\n`);
      throw new ReturnSig(2);
    }
    throw new ReturnSig(a === undefined ? st.status : Number(BigInt.asUintN(8, BigInt(a))));
  },
  break: (_sh, argv) => {
    throw new LoopSig('break', Math.max(1, Number(argv[1] ?? 1) || 1));
  },
  continue: (_sh, argv) => {
    throw new LoopSig('continue', Math.max(1, Number(argv[1] ?? 1) || 1));
  },
  cd,
  pwd: (_sh, _argv, st, io) => {
    io.out.write(st.cwd + '\n');
    return 0;
  },
  export: declareLike('export'),
  readonly: declareLike('readonly'),
  declare: declareLike('declare'),
  typeset: declareLike('declare'),
  local: declareLike('local'),
  unset: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    for (const n of rest) {
      if (flags.has('f')) st.funcs.delete(n);
      else if (st.vars.get(n)?.ro) {
        io.err.write(`${sh.prefix(st)}unset: ${n}: cannot unset: readonly variable\n`);
        return 1;
      } else if (!flags.has('v') && !st.vars.has(n)) st.funcs.delete(n);
      else st.vars.delete(n);
    }
    return 0;
  },
  set: setCmd,
  shift: (sh, argv, st, io) => {
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 0 || n > st.params.length) {
      if (!sh.bash) io.err.write(`${sh.prefix(st)}shift: can't shift that many\n`);
      return 1;
    }
    st.params = st.params.slice(n);
    return 0;
  },
  test: (sh, argv, st, io) => testCmd(sh, argv.slice(1), st, io, 'test'),
  '[': (sh, argv, st, io) => {
    if (argv[argv.length - 1] !== ']') {
      io.err.write(`${sh.prefix(st)}[: missing \`]'\n`);
      return 2;
    }
    return testCmd(sh, argv.slice(1, -1), st, io, '[');
  },
  source: (sh, argv, st, io) => COMMANDS['.']!(sh, argv, st, io),
  '.': (sh, argv, st, io) => {
    const file = argv[1];
    if (file === undefined) {
      io.err.write(`${sh.prefix(st)}${argv[0]}: filename argument required\n`);
      return 2;
    }
    const abs = sh.vfs.normalize(file, st.cwd);
    const text = sh.vfs.read(abs);
    if (text === undefined) {
      io.err.write(`${sh.prefix(st)}${file}: No such file or directory\n`);
      if (!sh.bash) throw new ExitSig(2);
      return 1;
    }
    const saved = st.params;
    if (argv.length > 2) st.params = argv.slice(2);
    st.funcDepth++;
    try {
      return sh.runText(text, st, io);
    } catch (e) {
      if (e instanceof ReturnSig) return (st.status = e.code);
      throw e;
    } finally {
      st.funcDepth--;
      st.params = saved;
    }
  },
  eval: (sh, argv, st, io) => {
    const text = argv.slice(1).join(' ');
    if (!text.trim()) return 0;
    return sh.runText(text, st, io, st.line - 1);
  },
  command: commandV,
  type: typeCmd,
  which,
  hash: () => 0,
  umask: (_sh, argv, _st, io) => {
    if (argv.length === 1) io.out.write('0022\n');
    return 0;
  },
  wait: () => 0,
  trap: () => 0,
  alias: () => 0,
  unalias: () => 0,
  shopt: () => 0,
  let: (sh, argv, st) => {
    let v = 0n;
    for (const e of argv.slice(1)) v = sh.arith(e, st);
    return v === 0n ? 1 : 0;
  },
  read: readCmd,
  sleep: sleepCmd,
  hostname: (sh, argv, _st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    if (rest.length) {
      sh.hostname = rest[0]!;
      return 0;
    }
    const h = sh.hostname;
    if (flags.has('s') || flags.has('--short')) io.out.write(h.split('.')[0] + '\n');
    else if (flags.has('i') || flags.has('--ip-address')) io.out.write(sh.facts.ip + '\n');
    else if (flags.has('I') || flags.has('--all-ip-addresses')) io.out.write(sh.facts.ip + ' \n');
    else if (flags.has('d') || flags.has('--domain')) io.out.write(h.split('.').slice(1).join('.') + '\n');
    else io.out.write(h + '\n');
    return 0;
  },
  whoami: (sh, _argv, _st, io) => {
    io.out.write(sh.facts.user + '\n');
    return 0;
  },
  id: (sh, argv, _st, io) => {
    const { flags } = getopts(argv.slice(1));
    const user = sh.facts.user;
    const uid = user === 'root' ? 0 : 1000;
    if (flags.has('n') && !flags.has('u') && !flags.has('g') && !flags.has('G')) {
      io.err.write('id: cannot print only names or real IDs in default format\n');
      return 1;
    }
    if (flags.has('u')) io.out.write(`${flags.has('n') ? user : uid}\n`);
    else if (flags.has('g')) io.out.write(`${flags.has('n') ? user : uid}\n`);
    else if (flags.has('G')) io.out.write(`${flags.has('n') ? user : uid}\n`);
    else io.out.write(`uid=${uid}(${user}) gid=${uid}(${user}) groups=${uid}(${user})\n`);
    return 0;
  },
  uname,
  date: dateCmd,
  cat: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    const { data, ok } = inputs(sh, 'cat', rest, st, io);
    for (const { text } of data) {
      if (flags.has('n')) {
        lines(text).forEach((l, i) => io.out.write(`${String(i + 1).padStart(6)}\t${l}\n`));
      } else io.out.write(text);
    }
    return ok ? 0 : 1;
  },
  grep,
  egrep: (sh, argv, st, io) => grep(sh, ['grep', '-E', ...argv.slice(1)], st, io),
  fgrep: (sh, argv, st, io) => grep(sh, ['grep', '-F', ...argv.slice(1)], st, io),
  head: headTail(false),
  tail: headTail(true),
  wc,
  sort: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1), 'tk');
    const { data, ok } = inputs(sh, 'sort', rest, st, io);
    let ls = data.flatMap((d) => lines(d.text));
    const key = (l: string) => (flags.has('f') ? l.toLowerCase() : l);
    if (flags.has('n')) ls.sort((a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0) || (a < b ? -1 : a > b ? 1 : 0));
    else ls.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (flags.has('r')) ls.reverse();
    if (flags.has('u')) ls = ls.filter((l, i) => i === 0 || key(l) !== key(ls[i - 1]!));
    io.out.write(ls.map((l) => l + '\n').join(''));
    return ok ? 0 : 2;
  },
  uniq: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    const { data, ok } = inputs(sh, 'uniq', rest.slice(0, 1), st, io);
    const ls = data.flatMap((d) => lines(d.text));
    const groups: [string, number][] = [];
    for (const l of ls) {
      const last = groups[groups.length - 1];
      if (last && (flags.has('i') ? last[0].toLowerCase() === l.toLowerCase() : last[0] === l)) last[1]++;
      else groups.push([l, 1]);
    }
    for (const [l, n] of groups) {
      if (flags.has('d') && n < 2) continue;
      if (flags.has('u') && n > 1) continue;
      io.out.write(flags.has('c') ? `${String(n).padStart(7)} ${l}\n` : `${l}\n`);
    }
    return ok ? 0 : 1;
  },
  tr: (_sh, argv, _st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    const expand = (set: string) => {
      const named: Record<string, string> = {
        '[:lower:]': 'abcdefghijklmnopqrstuvwxyz', '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '[:digit:]': '0123456789',
        '[:space:]': ' \t\n\r\f\v', '[:blank:]': ' \t', '[:alpha:]': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
        '[:alnum:]': 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', '[:punct:]': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
      };
      let s = set;
      for (const [k, v] of Object.entries(named)) s = s.split(k).join(v);
      s = echoEscapes(s).text;
      let out = '';
      for (let i = 0; i < s.length; i++) {
        if (s[i + 1] === '-' && i + 2 < s.length) {
          for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
          i += 2;
        } else out += s[i];
      }
      return out;
    };
    const text = io.in.readAll();
    const a = expand(rest[0] ?? '');
    if (flags.has('d')) {
      const del = new Set(a);
      io.out.write([...text].filter((c) => !del.has(c) !== !!flags.has('c')).join(''));
      return 0;
    }
    const b = expand(rest[1] ?? '');
    let out = '';
    let prev = '';
    for (const c of text) {
      const i = a.lastIndexOf(c);
      const r = i >= 0 && b.length ? (b[i] ?? b[b.length - 1]!) : c;
      if (flags.has('s') && r === prev && (b.length ? b : a).includes(r)) continue;
      out += r;
      prev = r;
    }
    io.out.write(out);
    return 0;
  },
  cut: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1), 'dfc');
    const { data, ok } = inputs(sh, 'cut', rest, st, io);
    const listSpec = String(flags.get('f') ?? flags.get('c') ?? '');
    if (!listSpec) {
      io.err.write("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
      return 1;
    }
    const pick = (n: number) =>
      listSpec.split(',').some((r) => {
        const [lo, hi] = r.includes('-') ? r.split('-') : [r, r];
        return n >= (lo ? Number(lo) : 1) && n <= (hi ? Number(hi) : Infinity);
      });
    const delim = String(flags.get('d') ?? '\t');
    for (const { text } of data) {
      for (const l of lines(text)) {
        if (flags.has('c')) io.out.write([...l].filter((_, i) => pick(i + 1)).join('') + '\n');
        else if (!l.includes(delim)) io.out.write(flags.has('s') ? '' : l + '\n');
        else io.out.write(l.split(delim).filter((_, i) => pick(i + 1)).join(delim) + '\n');
      }
    }
    return ok ? 0 : 1;
  },
  tee: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    const text = io.in.readAll();
    let status = 0;
    for (const f of rest) {
      if (f === '/dev/null') continue;
      const r = sh.vfs.write(pathCmd(sh, st, f), text, flags.has('a'));
      if (r !== 'ok') {
        io.err.write(`tee: ${f}: ${r === 'isdir' ? 'Is a directory' : 'No such file or directory'}\n`);
        status = 1;
      }
    }
    io.out.write(text);
    return status;
  },
  env: (sh, argv, st, io) => {
    const args = argv.slice(1).filter((a) => a !== '-i' && a !== '-');
    const assigns: [string, string][] = [];
    while (args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0]!)) {
      const a = args.shift()!;
      const i = a.indexOf('=');
      assigns.push([a.slice(0, i), a.slice(i + 1)]);
    }
    if (args.length === 0) {
      const env = new Map(sh.exported(st));
      for (const [k, v] of assigns) env.set(k, v);
      for (const [k, v] of env) io.out.write(`${k}=${v}\n`);
      return 0;
    }
    const child = st.clone();
    for (const [k, v] of assigns) child.vars.set(k, { v, exp: true });
    try {
      return sh.run(args, child, io, true);
    } catch (e) {
      if (e instanceof ExitSig) return e.code;
      throw e;
    }
  },
  printenv: (sh, argv, st, io) => {
    const names = argv.slice(1);
    const env = new Map(sh.exported(st));
    if (names.length === 0) {
      for (const [k, v] of env) io.out.write(`${k}=${v}\n`);
      return 0;
    }
    let status = 0;
    for (const n of names) {
      const v = env.get(n);
      if (v === undefined) status = 1;
      else io.out.write(v + '\n');
    }
    return status;
  },
  basename: (_sh, argv, _st, io) => {
    const a = argv.filter((x, i) => i > 0 && !x.startsWith('-'));
    if (a.length === 0) {
      io.err.write("basename: missing operand\nTry 'basename --help' for more information.\n");
      return 1;
    }
    let b = a[0]!.replace(/\/+$/, '');
    b = b === '' ? '/' : b.slice(b.lastIndexOf('/') + 1);
    if (a[1] && b.endsWith(a[1]) && b !== a[1]) b = b.slice(0, -a[1].length);
    io.out.write(b + '\n');
    return 0;
  },
  dirname: (_sh, argv, _st, io) => {
    const a = argv.slice(1);
    if (a.length === 0) {
      io.err.write("dirname: missing operand\nTry 'dirname --help' for more information.\n");
      return 1;
    }
    for (const p of a) {
      const t = p.replace(/\/+$/, '');
      const i = t.lastIndexOf('/');
      io.out.write((i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i).replace(/\/+$/, '') || '/') + '\n');
    }
    return 0;
  },
  seq: (sh, argv, _st, io) => {
    const { flags, rest } = getopts(argv.slice(1).map((a) => (/^-\d/.test(a) ? `\u0000${a}` : a)), 's');
    const nums = rest.map((a) => Number(a.replace('\u0000', '')));
    if (nums.length === 0 || nums.length > 3 || nums.some((n) => Number.isNaN(n))) {
      io.err.write(nums.length === 0 ? "seq: missing operand\nTry 'seq --help' for more information.\n" : `seq: invalid floating point argument: ‘${rest.find((a) => Number.isNaN(Number(a.replace('\u0000', ''))))}’\n`);
      return 1;
    }
    const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
    if (inc === 0) {
      io.err.write(`seq: invalid Zero increment value: ‘0’\n`);
      return 1;
    }
    const sep = flags.has('s') ? String(flags.get('s')) : '\n';
    // Every number takes at least one character and a separator: a range that cannot fit in one
    // value fails at once instead of being built up to the guard.
    if (Math.floor((last - first) / inc) + 1 > MAX_STRING_CHARS / (1 + sep.length)) {
      io.err.write(`seq: ${OUT_OF_MEMORY}\n`);
      return 1;
    }
    const parts: string[] = [];
    let len = 0;
    for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) {
      const s = String(Math.round(v * 1e9) / 1e9);
      parts.push(s);
      len += s.length + sep.length;
      if (parts.length % 1000 === 0) sh.rt.step(false);
      if (len > MAX_STRING_CHARS) throw new Abort('output-limit', `the simulated shell stopped the script: seq output grew past ${MAX_STRING_CHARS} characters`);
    }
    if (parts.length) io.out.write(parts.join(sep) + '\n');
    return 0;
  },
  mkdir: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1), 'm');
    let status = 0;
    for (const d of rest) {
      const r = sh.vfs.mkdir(pathCmd(sh, st, d), flags.has('p') || flags.has('--parents'));
      if (r === 'exists') io.err.write(`mkdir: cannot create directory ‘${d}’: File exists\n`);
      if (r === 'nodir') io.err.write(`mkdir: cannot create directory ‘${d}’: No such file or directory\n`);
      if (r !== 'ok') status = 1;
    }
    return status;
  },
  touch: (sh, argv, st, io) => {
    const { rest } = getopts(argv.slice(1), 'dtr');
    let status = 0;
    for (const f of rest) {
      const abs = pathCmd(sh, st, f);
      if (sh.vfs.exists(abs)) continue;
      if (sh.vfs.write(abs, '', true) !== 'ok') {
        io.err.write(`touch: cannot touch '${f}': No such file or directory\n`);
        status = 1;
      }
    }
    return status;
  },
  rm: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    const force = flags.has('f');
    const rec = flags.has('r') || flags.has('R');
    let status = 0;
    for (const f of rest) {
      const r = sh.vfs.remove(pathCmd(sh, st, f), rec);
      if (r === 'missing' && !force) {
        io.err.write(`rm: cannot remove '${f}': No such file or directory\n`);
        status = 1;
      } else if (r === 'isdir') {
        io.err.write(`rm: cannot remove '${f}': Is a directory\n`);
        status = 1;
      }
    }
    return status;
  },
  ls: (sh, argv, st, io) => {
    const { flags, rest } = getopts(argv.slice(1));
    const targets = rest.length ? rest : ['.'];
    let status = 0;
    const files: string[] = [];
    const dirs: string[] = [];
    for (const t of targets) {
      const abs = pathCmd(sh, st, t);
      if (sh.vfs.isFile(abs)) files.push(t);
      else if (sh.vfs.isDir(abs)) dirs.push(t);
      else {
        io.err.write(`ls: cannot access '${t}': No such file or directory\n`);
        status = 2;
      }
    }
    for (const f of files) io.out.write(f + '\n');
    dirs.forEach((d, i) => {
      if (targets.length > 1) io.out.write(`${i || files.length ? '\n' : ''}${d}:\n`);
      const names = sh.vfs.list(pathCmd(sh, st, d)).filter((n) => flags.has('a') || flags.has('A') || !n.startsWith('.'));
      for (const n of flags.has('a') ? ['.', '..', ...names] : names) io.out.write(n + '\n');
    });
    return status;
  },
  cp: (sh, argv, st, io) => {
    const { rest } = getopts(argv.slice(1));
    if (rest.length < 2) {
      io.err.write(`cp: missing destination file operand after '${rest[0] ?? ''}'\n`);
      return 1;
    }
    const dst = rest.pop()!;
    let status = 0;
    for (const src of rest) {
      const text = sh.vfs.read(pathCmd(sh, st, src));
      if (text === undefined) {
        io.err.write(`cp: cannot stat '${src}': No such file or directory\n`);
        status = 1;
        continue;
      }
      let to = pathCmd(sh, st, dst);
      if (sh.vfs.isDir(to)) to = sh.vfs.normalize(sh.vfs.basename(pathCmd(sh, st, src)), to);
      if (sh.vfs.write(to, text, false) !== 'ok') {
        io.err.write(`cp: cannot create regular file '${dst}': No such file or directory\n`);
        status = 1;
      }
    }
    return status;
  },
  mv: (sh, argv, st, io) => {
    const r = COMMANDS.cp!(sh, ['cp', ...argv.slice(1)], st, { ...io, err: { write: (s) => io.err.write(s.replace(/^cp:/, 'mv:')) } });
    if (r === 0) for (const src of getopts(argv.slice(1)).rest.slice(0, -1)) sh.vfs.remove(pathCmd(sh, st, src), false);
    return r;
  },
  sudo: (sh, argv, st, io) => {
    const args = argv.slice(1);
    while (args.length && args[0]!.startsWith('-')) {
      const f = args.shift()!;
      if (f === '-u' || f === '-g') args.shift();
    }
    if (args.length === 0) {
      io.err.write('usage: sudo -h | -K | -k | -V\n');
      return 1;
    }
    const child = st.clone();
    while (args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0]!)) {
      const a = args.shift()!;
      child.vars.set(a.slice(0, a.indexOf('=')), { v: a.slice(a.indexOf('=') + 1), exp: true });
    }
    if (args.length === 0) return 0;
    if (!isKnownCommand(args[0]!, sh.bash, sh.facts) && !args[0]!.includes('/')) {
      io.err.write(`sudo: ${args[0]}: command not found\n`);
      return 1;
    }
    try {
      return sh.run(args, child, io, true);
    } catch (e) {
      if (e instanceof ExitSig) return e.code;
      throw e;
    }
  },
  bash: (sh, argv, st, io) => runShell(sh, argv, st, io),
  sh: (sh, argv, st, io) => runShell(sh, argv, st, io),
  curl,
  ...SYSTEM_INFO,
  nproc: (sh, _argv, _st, io) => {
    io.out.write(`${sh.machine.cpus}\n`);
    return 0;
  },
  arch: (sh, _argv, _st, io) => {
    io.out.write((sh.facts.arch === 'arm64' ? 'aarch64' : 'x86_64') + '\n');
    return 0;
  },
};

/** `bash -c '...'`, `sh script.sh`, `bash -e script.sh`: a child shell on the same simulated node. */
function runShell(sh: Sh, argv: string[], st: ShState, io: IO): number {
  const args = argv.slice(1);
  const child = st.clone();
  child.funcs = new Map();
  for (const [k, v] of [...child.vars]) if (!v.exp) child.vars.delete(k);
  child.opts = { e: false, u: false, x: false, pipefail: false, f: false };
  let command: string | undefined;
  while (args.length && /^[-+]/.test(args[0]!)) {
    const a = args.shift()!;
    if (a === '--') break;
    if (a === '-c') {
      command = args.shift() ?? '';
      continue;
    }
    if (a === '-o' || a === '+o') {
      const o = args.shift();
      if (o === 'pipefail') child.opts.pipefail = a === '-o';
      continue;
    }
    for (const f of a.slice(1)) if (f === 'e' || f === 'u' || f === 'x') child.opts[f] = a[0] === '-';
  }
  try {
    if (command !== undefined) {
      if (args.length) child.params = args.slice(1);
      return sh.runText(command, child, io);
    }
    if (args.length === 0) return sh.runText(io.in.readAll(), child, io);
    const abs = sh.vfs.normalize(args[0]!, st.cwd);
    const text = sh.vfs.read(abs);
    if (text === undefined) {
      io.err.write(`${argv[0]}: ${args[0]}: No such file or directory\n`);
      return 127;
    }
    child.params = args.slice(1);
    return sh.runText(text, child, io);
  } catch (e) {
    if (e instanceof ExitSig) return e.code;
    if (e instanceof ReturnSig || e instanceof LoopSig) return child.status;
    throw e;
  }
}
