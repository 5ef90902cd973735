/**
 * Interpreter of the sh dialect. Executes the tree from parser.ts against simulated state only:
 * variables, functions, a virtual working directory and file system, and the run's virtual clock.
 * Commands are the builtins and simulated utilities of commands.ts; anything else is
 * "command not found" (exit 127), reported with the script path and line as bash (or dash) does.
 */
import type { Facts } from '../facts.js';
import type { Machine } from '../machine.js';
import { Abort, checkSize, MAX_STREAM_CHARS, type Runtime } from '../runtime.js';
import { compileRegex, globMatch, RegexError } from '../regex.js';
import { compileUserRegex, type UserRegex } from '../../../core/regex.js';
import type { Vfs } from '../vfs.js';
import type { AndOr, Cmd, List, Pipeline, Redir, TestExpr, Word, WordPart } from './ast.js';
import { ShParser, ShSyntaxError } from './parser.js';
import { commandImpl, isKnownCommand } from './commands.js';
import type { SystemState } from '../system.js';
import type { CommandStub } from '../types.js';

// ------------------------------------------------------------------ control flow

/**
 * The shell stops. `shellExit` tells the `exit` builtin and errexit (which end an interactive shell
 * too) from a fatal error (a syntax error in eval, `${x?}`, an unbound variable under set -u),
 * which ends a script but only abandons the current line of an interactive shell.
 */
export class ExitSig {
  constructor(
    readonly code: number,
    readonly shellExit = false,
  ) {}
}
export class ReturnSig {
  constructor(readonly code: number) {}
}
/** An expansion error ($((1/0)), bad substitution at run time): the command fails with status 1. */
export class ExpansionError {
  constructor(readonly code = 1) {}
}
export class LoopSig {
  constructor(
    readonly kind: 'break' | 'continue',
    public n: number,
  ) {}
}

// ------------------------------------------------------------------ I/O

export interface Sink {
  write(s: string): void;
}

export class BufSink implements Sink {
  private chunks: string[] = [];
  private len = 0;
  write(s: string): void {
    this.len += s.length;
    if (this.len > MAX_STREAM_CHARS) throw new Abort('output-limit', 'the simulated shell stopped the script: a pipe carried more than 8 MiB');
    this.chunks.push(s);
  }
  text(): string {
    return this.chunks.join('');
  }
}

export const NULL_SINK: Sink = { write: () => undefined };

export class InStream {
  pos = 0;
  constructor(readonly data: string) {}
  readAll(): string {
    const s = this.data.slice(this.pos);
    this.pos = this.data.length;
    return s;
  }
  /** One line without its newline, or undefined at end of input. */
  readLine(): { line: string; eol: boolean } | undefined {
    if (this.pos >= this.data.length) return undefined;
    const e = this.data.indexOf('\n', this.pos);
    const line = this.data.slice(this.pos, e < 0 ? undefined : e);
    this.pos = e < 0 ? this.data.length : e + 1;
    return { line, eol: e >= 0 };
  }
}

export interface IO {
  in: InStream;
  out: Sink;
  err: Sink;
}

// ------------------------------------------------------------------ state

interface Var {
  v: string;
  exp: boolean;
  ro?: boolean;
}

export class ShState {
  vars = new Map<string, Var>();
  funcs = new Map<string, Cmd>();
  params: string[] = [];
  opts = { e: false, u: false, x: false, pipefail: false, f: false };
  cwd = '/';
  status = 0;
  line = 0;
  funcDepth = 0;
  locals: Map<string, Var | undefined>[] = [];
  lastSubst: number | undefined;
  lastBg = '';

  clone(): ShState {
    const s = new ShState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.funcs = new Map(this.funcs);
    s.params = [...this.params];
    s.opts = { ...this.opts };
    s.cwd = this.cwd;
    s.status = this.status;
    s.line = this.line;
    s.funcDepth = this.funcDepth;
    s.lastBg = this.lastBg;
    return s;
  }
}

type Seg = { text: string; quoted: boolean; split: boolean } | { brk: true };

// ------------------------------------------------------------------ interpreter

export interface ShOptions {
  rt: Runtime;
  facts: Facts;
  machine: Machine;
  vfs: Vfs;
  scriptPath: string;
  bash: boolean;
  pid: number;
  random: () => number;
  stubs: CommandStub[];
  system: SystemState;
  /** An interactive shell (a Session Manager session): bash's messages carry no line number. */
  interactive?: boolean;
}

/** What one line of an interactive shell did (runInteractive). */
export interface InteractiveResult {
  /** The input ends inside a construct (an open quote, `if` without `fi`, a trailing `|`): more lines are needed. */
  incomplete?: boolean;
  /** The shell ended (`exit`, errexit): its exit status. */
  exit?: number;
}

export class Sh {
  readonly rt: Runtime;
  readonly facts: Facts;
  readonly machine: Machine;
  readonly vfs: Vfs;
  readonly scriptPath: string;
  readonly bash: boolean;
  readonly pid: number;
  readonly random: () => number;
  readonly stubs: { re: UserRegex; stub: CommandStub }[];
  /** The node's services and packages (systemctl, yum, apt-get... read and change them). */
  readonly system: SystemState;
  hostname: string;
  readonly interactive: boolean;

  constructor(o: ShOptions) {
    this.interactive = o.interactive ?? false;
    this.rt = o.rt;
    this.facts = o.facts;
    this.machine = o.machine;
    this.vfs = o.vfs;
    this.scriptPath = o.scriptPath;
    this.bash = o.bash;
    this.pid = o.pid;
    this.random = o.random;
    this.system = o.system;
    this.hostname = o.facts.hostname;
    this.stubs = [];
    for (const stub of o.stubs) {
      try {
        this.stubs.push({ re: compileUserRegex(stub.Match, { dialect: 'ecma' }), stub });
      } catch {
        // a stub whose pattern cannot be compiled never matches
      }
    }
  }

  /** "<script>: line N: " (bash) or "<script>: N: " (dash). */
  prefix(st: ShState): string {
    if (this.bash) return this.interactive ? `${this.scriptPath}: ` : `${this.scriptPath}: line ${st.line}: `;
    return `${this.scriptPath}: ${st.line}: `;
  }

  /**
   * One input line of an interactive shell, in `st` (which keeps variables, functions and the
   * working directory from line to line). The whole text is parsed first: when it ends inside a
   * construct, nothing runs and more input is asked for; a syntax error is reported and the shell
   * goes on ($? = 2), as an interactive shell does. `lineNo` numbers the line (dash's messages
   * carry it).
   */
  runInteractive(text: string, st: ShState, io: IO, lineNo: number): InteractiveResult {
    const parser = new ShParser(text, this.bash, lineNo - 1);
    const lists: List[] = [];
    try {
      for (let list = parser.nextCommand(); list; list = parser.nextCommand()) lists.push(list);
    } catch (e) {
      if (!(e instanceof ShSyntaxError)) throw e;
      if (e.message.includes('end of file') || e.message.includes('unexpected EOF')) return { incomplete: true };
      st.line = e.line;
      this.syntaxError(e, st, io);
      st.status = 2;
      return {};
    }
    try {
      for (const list of lists) this.execList(list, st, io, false);
    } catch (e) {
      if (e instanceof ExitSig) {
        if (e.shellExit) return { exit: e.code };
        st.status = e.code;
      } else if (e instanceof ReturnSig || e instanceof LoopSig) {
        // `return` or `break` at the prompt: bash complains and goes on; the status stays.
      } else throw e;
    }
    return {};
  }

  /** Runs a program text in `st` (the script itself, eval, source, sh -c). Returns the status. */
  runText(text: string, st: ShState, io: IO, lineOffset = 0): number {
    const parser = new ShParser(text, this.bash, lineOffset);
    for (;;) {
      let list: List | undefined;
      try {
        list = parser.nextCommand();
      } catch (e) {
        if (!(e instanceof ShSyntaxError)) throw e;
        st.line = e.line;
        this.syntaxError(e, st, io);
        throw new ExitSig(2);
      }
      if (!list) break;
      this.execList(list, st, io, false);
    }
    return st.status;
  }

  private syntaxError(e: ShSyntaxError, st: ShState, io: IO): void {
    if (this.bash) {
      io.err.write(`${this.prefix(st)}${e.message}\n`);
      // An interactive bash does not echo the offending line back.
      if (e.sourceLine !== undefined && !this.interactive) io.err.write(`${this.prefix(st)}\`${e.sourceLine.trim()}'\n`);
    } else {
      const m = /unexpected token `(.*)'/.exec(e.message);
      const text = m ? `Syntax error: "${m[1]}" unexpected` : e.message.includes('end of file') ? 'Syntax error: end of file unexpected' : `Syntax error: ${e.message}`;
      io.err.write(`${this.prefix(st)}${text}\n`);
    }
  }

  // ---------------------------------------------------------------- lists

  execList(list: List, st: ShState, io: IO, cond: boolean): number {
    for (const item of list.items) {
      if (item.bg) {
        // A background job runs to completion here (the simulation has one thread of time); $! is a
        // plausible pid and the list goes on with status 0, as it would after `cmd &`.
        const sub = st.clone();
        try {
          this.execAndOr(item.ao, sub, io, true);
        } catch (e) {
          if (!(e instanceof ExitSig)) throw e;
        }
        st.lastBg = String(this.pid + 1 + (this.rt.steps % 500));
        st.status = 0;
      } else this.execAndOr(item.ao, st, io, cond);
    }
    return st.status;
  }

  private execAndOr(ao: AndOr, st: ShState, io: IO, cond: boolean): number {
    let s = this.execPipeline(ao.first, st, io, cond || ao.rest.length > 0);
    ao.rest.forEach((r, i) => {
      if ((r.op === '&&' && s === 0) || (r.op === '||' && s !== 0)) {
        s = this.execPipeline(r.p, st, io, cond || i < ao.rest.length - 1);
      }
    });
    return s;
  }

  private execPipeline(p: Pipeline, st: ShState, io: IO, cond: boolean): number {
    let s: number;
    if (p.cmds.length === 1) {
      s = this.execCmd(p.cmds[0]!, st, io, cond || p.negate);
    } else {
      let input = io.in;
      const statuses: number[] = [];
      p.cmds.forEach((c, i) => {
        const last = i === p.cmds.length - 1;
        const buf = new BufSink();
        const sub = st.clone();
        let cs: number;
        try {
          cs = this.execCmd(c, sub, { in: input, out: last ? io.out : buf, err: io.err }, cond || p.negate);
        } catch (e) {
          if (e instanceof ExitSig) cs = e.code;
          else if (e instanceof ReturnSig || e instanceof LoopSig) cs = 0;
          else throw e;
        }
        statuses.push(cs);
        input = new InStream(buf.text());
      });
      s = statuses[statuses.length - 1]!;
      if (st.opts.pipefail) s = [...statuses].reverse().find((x) => x !== 0) ?? 0;
    }
    if (p.negate) s = s === 0 ? 1 : 0;
    st.status = s;
    if (!cond && !p.negate && s !== 0 && st.opts.e) throw new ExitSig(s, true);
    return s;
  }

  // ---------------------------------------------------------------- commands

  execCmd(c: Cmd, st: ShState, io: IO, cond: boolean): number {
    try {
      return this.execCmdInner(c, st, io, cond);
    } catch (e) {
      if (e instanceof ExpansionError) return (st.status = e.code);
      throw e;
    }
  }

  private execCmdInner(c: Cmd, st: ShState, io: IO, cond: boolean): number {
    if (c.k === 'simple') return this.execSimple(c, st, io);
    if (c.k === 'funcdef') {
      this.rt.step(false);
      st.funcs.set(c.name, c.body);
      st.status = 0;
      return 0;
    }
    this.rt.step(c.k === 'dbrack' || c.k === 'arith');
    st.line = c.line;
    const rio = this.applyRedirs(c.redirs, st, io);
    if (rio === undefined) return (st.status = 1);
    switch (c.k) {
      case 'group':
        return this.execList(c.body, st, rio, cond);
      case 'subshell': {
        const sub = st.clone();
        try {
          this.execList(c.body, sub, rio, cond);
          st.status = sub.status;
        } catch (e) {
          if (e instanceof ExitSig) st.status = e.code;
          else if (e instanceof ReturnSig || e instanceof LoopSig) st.status = sub.status;
          else throw e;
        }
        return st.status;
      }
      case 'if': {
        for (const cl of c.clauses) {
          if (this.execList(cl.cond, st, rio, true) === 0) return this.execList(cl.body, st, rio, cond);
        }
        if (c.else) return this.execList(c.else, st, rio, cond);
        return (st.status = 0);
      }
      case 'while': {
        let last = 0;
        for (;;) {
          this.rt.step(false);
          const t = this.execList(c.cond, st, rio, true);
          if ((t === 0) === c.until) break;
          const r = this.loopBody(c.body, st, rio, cond);
          last = st.status;
          if (r === 'break') break;
        }
        return (st.status = last);
      }
      case 'for': {
        const items = c.items ? c.items.flatMap((w) => this.expandWord(w, st, rio)) : [...st.params];
        let last = 0;
        for (const it of items) {
          this.rt.step(false);
          this.setVar(st, c.name, it);
          const r = this.loopBody(c.body, st, rio, cond);
          last = st.status;
          if (r === 'break') break;
        }
        return (st.status = last);
      }
      case 'case': {
        const subject = this.expandNoSplit(c.word, st, rio);
        for (const item of c.items) {
          if (item.patterns.some((p) => globMatch(this.expandPattern(p, st, rio), subject))) {
            return this.execList(item.body, st, rio, cond);
          }
        }
        return (st.status = 0);
      }
      case 'dbrack': {
        const r = this.evalTest(c.expr, st, rio);
        return (st.status = r);
      }
      case 'arith': {
        const v = this.arith(this.expandNoSplit(c.expr, st, rio), st);
        return (st.status = v === 0n ? 1 : 0);
      }
    }
  }

  private loopBody(body: List, st: ShState, io: IO, cond: boolean): 'break' | 'continue' | undefined {
    try {
      this.execList(body, st, io, cond);
    } catch (e) {
      if (e instanceof LoopSig) {
        if (e.n > 1) {
          e.n--;
          throw e;
        }
        return e.kind;
      }
      throw e;
    }
    return undefined;
  }

  private execSimple(c: Extract<Cmd, { k: 'simple' }>, st: ShState, io: IO): number {
    this.rt.step(true);
    st.line = c.line;
    st.lastSubst = undefined;
    const argv: string[] = [];
    for (const w of c.words) argv.push(...this.expandWord(w, st, io));
    const values = c.assigns.map((a) => ({ a, v: this.expandNoSplit(a.value, st, io) }));
    if (argv.length === 0) {
      for (const { a, v } of values) {
        if (!this.assign(st, io, a.name, a.append ? (this.getVar(st, a.name) ?? '') + v : v)) return (st.status = 1);
      }
      if (st.opts.x && values.length) this.trace(st, io, values.map(({ a, v }) => `${a.name}=${quoteForTrace(v)}`));
      const rio = this.applyRedirs(c.redirs, st, io);
      if (rio === undefined) return (st.status = 1);
      return (st.status = st.lastSubst ?? 0);
    }
    const rio = this.applyRedirs(c.redirs, st, io);
    if (rio === undefined) return (st.status = 1);
    if (st.opts.x) this.trace(st, rio, [...values.map(({ a, v }) => `${a.name}=${quoteForTrace(v)}`), ...argv.map(quoteForTrace)]);
    // Prefix assignments (FOO=1 cmd) apply to this command only.
    const saved: [string, Var | undefined][] = [];
    for (const { a, v } of values) {
      saved.push([a.name, st.vars.get(a.name)]);
      st.vars.set(a.name, { v, exp: true });
    }
    try {
      return (st.status = this.run(argv, st, rio));
    } finally {
      for (const [name, old] of saved) {
        if (old) st.vars.set(name, old);
        else st.vars.delete(name);
      }
    }
  }

  private trace(st: ShState, io: IO, words: string[]): void {
    io.err.write(`+ ${words.join(' ')}\n`);
  }

  /** Runs argv: functions, stubs, builtins and simulated utilities, else "command not found". */
  run(argv: string[], st: ShState, io: IO, skipFunctions = false): number {
    const name = argv[0]!;
    if (!skipFunctions) {
      const fn = st.funcs.get(name);
      if (fn) return this.callFunction(fn, argv, st, io);
    }
    if (this.stubs.length) {
      const line = argv.join(' ');
      const hit = this.stubs.find((s) => s.re.test(line));
      if (hit) {
        if (hit.stub.Stdout) io.out.write(hit.stub.Stdout);
        if (hit.stub.Stderr) io.err.write(hit.stub.Stderr);
        this.rt.advance((hit.stub.DurationSeconds ?? 0) * 1000);
        return hit.stub.ExitCode ?? 0;
      }
    }
    let cmdName = name;
    if (name.includes('/')) {
      const abs = this.vfs.normalize(name, st.cwd);
      const dir = this.vfs.parent(abs);
      const base = this.vfs.basename(abs);
      if (['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin'].includes(dir) && isKnownCommand(base, this.bash, this.facts) && !this.vfs.isFile(abs)) {
        cmdName = base;
      } else if (this.vfs.isFile(abs)) {
        return this.runScriptFile(abs, argv.slice(1), st, io, name);
      } else if (this.vfs.isDir(abs)) {
        io.err.write(`${this.prefix(st)}${name}: Is a directory\n`);
        return 126;
      } else {
        io.err.write(`${this.prefix(st)}${name}: No such file or directory\n`);
        return 127;
      }
    }
    const impl = commandImpl(cmdName, this.bash, this.facts);
    if (impl) return impl(this, [cmdName, ...argv.slice(1)], st, io);
    return this.notFound(name, st, io);
  }

  /** bash's "command not found" (dash: "not found"), exit 127; also for a utility this node's image lacks. */
  notFound(name: string, st: ShState, io: IO): number {
    io.err.write(this.bash ? `${this.prefix(st)}${name}: command not found\n` : `${this.prefix(st)}${name}: not found\n`);
    return 127;
  }

  callFunction(fn: Cmd, argv: string[], st: ShState, io: IO): number {
    if (st.funcDepth >= 200) {
      io.err.write(`${this.prefix(st)}${argv[0]}: maximum function nesting level exceeded (200)\n`);
      throw new ExitSig(1);
    }
    const savedParams = st.params;
    st.params = argv.slice(1);
    st.funcDepth++;
    st.locals.push(new Map());
    try {
      return this.execCmd(fn, st, io, false);
    } catch (e) {
      if (e instanceof ReturnSig) return (st.status = e.code);
      throw e;
    } finally {
      st.funcDepth--;
      const locals = st.locals.pop()!;
      for (const [k, old] of locals) {
        if (old) st.vars.set(k, old);
        else st.vars.delete(k);
      }
      st.params = savedParams;
    }
  }

  /** `bash file`, `./file`, `sh file`: a script from the virtual file system, in a child shell. */
  runScriptFile(abs: string, args: string[], st: ShState, io: IO, shown: string): number {
    const text = this.vfs.read(abs) ?? '';
    const child = st.clone();
    child.params = args;
    child.funcs = new Map();
    for (const [k, v] of [...child.vars]) if (!v.exp) child.vars.delete(k);
    void shown;
    try {
      return this.runText(text, child, io);
    } catch (e) {
      if (e instanceof ExitSig) return e.code;
      if (e instanceof ReturnSig || e instanceof LoopSig) return child.status;
      throw e;
    }
  }

  // ---------------------------------------------------------------- variables

  getVar(st: ShState, name: string): string | undefined {
    return st.vars.get(name)?.v;
  }

  setVar(st: ShState, name: string, v: string, exp?: boolean): void {
    const old = st.vars.get(name);
    st.vars.set(name, { v: checkSize(v), exp: exp ?? old?.exp ?? false, ro: old?.ro });
  }

  /** Assignment that respects readonly; false (after the message) when refused. */
  assign(st: ShState, io: IO, name: string, v: string): boolean {
    if (st.vars.get(name)?.ro) {
      io.err.write(`${this.prefix(st)}${name}: readonly variable\n`);
      return false;
    }
    this.setVar(st, name, v);
    return true;
  }

  exported(st: ShState): [string, string][] {
    return [...st.vars].filter(([, v]) => v.exp).map(([k, v]) => [k, v.v]);
  }

  // ---------------------------------------------------------------- redirections

  applyRedirs(redirs: Redir[], st: ShState, io: IO): IO | undefined {
    if (redirs.length === 0) return io;
    const fds: (Sink | undefined)[] = [undefined, io.out, io.err];
    let input = io.in;
    for (const r of redirs) {
      if (r.heredoc) {
        const body = typeof r.heredoc.body === 'string' ? r.heredoc.body : this.expandNoSplit(r.heredoc.body, st, io);
        input = new InStream(body);
        continue;
      }
      const target = this.expandNoSplit(r.target!, st, io);
      if (r.op === '<<<') {
        input = new InStream(target + '\n');
        continue;
      }
      if (r.op === '>&' || r.op === '<&') {
        if (target === '-') {
          fds[r.fd] = NULL_SINK;
          continue;
        }
        if (/^\d+$/.test(target)) {
          const src = fds[Number(target)];
          if (src === undefined && Number(target) !== 0) {
            io.err.write(`${this.prefix(st)}${target}: Bad file descriptor\n`);
            return undefined;
          }
          fds[r.fd] = src;
          continue;
        }
        if (r.op === '<&') {
          io.err.write(`${this.prefix(st)}${target}: ambiguous redirect\n`);
          return undefined;
        }
        // `>&file` is `&>file` in bash
        const sink = this.fileSink(target, false, st, io);
        if (!sink) return undefined;
        fds[1] = sink;
        fds[2] = sink;
        continue;
      }
      if (r.op === '<' || r.op === '<>') {
        if (target === '/dev/null') {
          input = new InStream('');
          continue;
        }
        const abs = this.vfs.normalize(target, st.cwd);
        const content = this.vfs.read(abs);
        if (content === undefined) {
          io.err.write(`${this.prefix(st)}${target}: ${this.vfs.isDir(abs) ? 'Is a directory' : 'No such file or directory'}\n`);
          return undefined;
        }
        input = new InStream(content);
        continue;
      }
      const append = r.op === '>>' || r.op === '&>>';
      const sink = this.fileSink(target, append, st, io);
      if (!sink) return undefined;
      if (r.op === '&>' || r.op === '&>>') {
        fds[1] = sink;
        fds[2] = sink;
      } else fds[r.fd] = sink;
    }
    return { in: input, out: fds[1] ?? NULL_SINK, err: fds[2] ?? NULL_SINK };
  }

  private fileSink(target: string, append: boolean, st: ShState, io: IO): Sink | undefined {
    if (target === '/dev/null') return NULL_SINK;
    if (target === '/dev/stdout') return io.out;
    if (target === '/dev/stderr') return io.err;
    if (target === '') {
      io.err.write(`${this.prefix(st)}: No such file or directory\n`);
      return undefined;
    }
    const abs = this.vfs.normalize(target, st.cwd);
    const r = this.vfs.write(abs, '', append);
    if (r !== 'ok') {
      io.err.write(`${this.prefix(st)}${target}: ${r === 'isdir' ? 'Is a directory' : 'No such file or directory'}\n`);
      return undefined;
    }
    return { write: (s) => void this.vfs.write(abs, s, true) };
  }

  // ---------------------------------------------------------------- expansion

  /** Expands a word to fields (parameter/command/arithmetic expansion, field splitting, quote removal). */
  expandWord(w: Word, st: ShState, io: IO): string[] {
    const segs = this.segments(w.parts, st, io, false);
    return this.split(segs, st);
  }

  /** Expands a word to one string, without field splitting (assignments, case words, targets). */
  expandNoSplit(w: Word, st: ShState, io: IO): string {
    const segs = this.segments(w.parts, st, io, false);
    return segs.map((s) => ('brk' in s ? ' ' : s.text)).join('');
  }

  /** Expands a word to a glob pattern: quoted characters are escaped so they match literally. */
  expandPattern(w: Word, st: ShState, io: IO): string {
    return this.segments(w.parts, st, io, false)
      .map((s) => ('brk' in s ? ' ' : s.quoted ? s.text.replace(/[*?[\]\\]/g, '\\$&') : s.text))
      .join('');
  }

  private split(segs: Seg[], st: ShState): string[] {
    const ifs = this.getVar(st, 'IFS') ?? ' \t\n';
    const fields: string[] = [];
    let cur = '';
    let has = false;
    for (const s of segs) {
      if ('brk' in s) {
        fields.push(cur);
        cur = '';
        has = false;
        continue;
      }
      if (!s.split) {
        cur += s.text;
        if (s.quoted || s.text) has = true;
        continue;
      }
      for (const ch of s.text) {
        if (ifs.includes(ch)) {
          const ws = ch === ' ' || ch === '\t' || ch === '\n';
          if (has || !ws) fields.push(cur);
          cur = '';
          has = false;
        } else {
          cur += ch;
          has = true;
        }
      }
    }
    if (has) fields.push(cur);
    return fields;
  }

  private segments(parts: WordPart[], st: ShState, io: IO, inDq: boolean): Seg[] {
    const out: Seg[] = [];
    for (const p of parts) {
      switch (p.t) {
        case 'lit':
          out.push({ text: p.v, quoted: inDq, split: false });
          break;
        case 'sq':
        case 'esc':
          out.push({ text: p.v, quoted: true, split: false });
          break;
        case 'dq': {
          const inner = this.segments(p.parts, st, io, true);
          if (inner.length === 0) out.push({ text: '', quoted: true, split: false });
          else out.push(...inner);
          break;
        }
        case 'tilde': {
          const home = p.user === '' ? (this.getVar(st, 'HOME') ?? '/root') : p.user === 'root' ? '/root' : `/home/${p.user}`;
          out.push({ text: home, quoted: true, split: false });
          break;
        }
        case 'cmd': {
          const text = this.commandSubst(p.body, st, io);
          out.push({ text, quoted: inDq, split: !inDq });
          break;
        }
        case 'arith': {
          const text = String(this.arith(this.expandNoSplit(p.expr, st, io), st));
          out.push({ text, quoted: inDq, split: !inDq });
          break;
        }
        case 'param':
          out.push(...this.param(p, st, io, inDq));
          break;
      }
    }
    return out;
  }

  commandSubst(body: List, st: ShState, io: IO): string {
    const sub = st.clone();
    // bash does not pass `set -e` into command substitutions (unless inherit_errexit); dash does.
    if (this.bash) sub.opts.e = false;
    const buf = new BufSink();
    try {
      this.execList(body, sub, { in: new InStream(''), out: buf, err: io.err }, false);
    } catch (e) {
      if (e instanceof ExitSig) sub.status = e.code;
      else if (!(e instanceof ReturnSig || e instanceof LoopSig)) throw e;
    }
    st.lastSubst = sub.status;
    st.line = sub.line;
    return checkSize(buf.text().replace(/\n+$/, ''));
  }

  private special(name: string, st: ShState): string | undefined {
    switch (name) {
      case '?': return String(st.status);
      case '$': return String(this.pid);
      case '#': return String(st.params.length);
      case '0': return this.scriptPath;
      case '!': return st.lastBg;
      case '-': return (st.opts.e ? 'e' : '') + (st.opts.u ? 'u' : '') + (st.opts.x ? 'x' : '') + (this.bash ? 'hB' : '');
      case 'LINENO': return String(st.line);
      case 'RANDOM': return this.bash ? String(Math.floor(this.random() * 32768)) : undefined;
      case 'SECONDS': return this.bash ? String(Math.floor(this.rt.elapsed / 1000)) : undefined;
      case 'EPOCHSECONDS': return this.bash ? String(Math.floor(this.rt.now() / 1000)) : undefined;
      case 'PPID': return String(this.pid - 1);
      case 'UID': case 'EUID': return this.bash ? (this.facts.user === 'root' ? '0' : '1000') : undefined;
      case 'HOSTNAME': return this.bash ? (st.vars.get('HOSTNAME')?.v ?? this.hostname) : undefined;
      case 'BASH_VERSION': return this.bash ? (st.vars.get('BASH_VERSION')?.v ?? '5.2.15(1)-release') : undefined;
    }
    if (/^[0-9]+$/.test(name)) return st.params[Number(name) - 1];
    return undefined;
  }

  private lookup(name: string, st: ShState): string | undefined {
    const v = st.vars.get(name);
    if (v) return v.v;
    return this.special(name, st);
  }

  private param(p: Extract<WordPart, { t: 'param' }>, st: ShState, io: IO, inDq: boolean): Seg[] {
    const split = !inDq;
    if (p.name === '@' || p.name === '*') {
      if (p.length) return [{ text: String(st.params.length), quoted: inDq, split }];
      if (p.name === '@' && inDq) {
        const segs: Seg[] = [];
        st.params.forEach((a, i) => {
          if (i > 0) segs.push({ brk: true });
          segs.push({ text: a, quoted: true, split: false });
        });
        return segs;
      }
      const ifs = this.getVar(st, 'IFS') ?? ' ';
      return [{ text: st.params.join(inDq ? ifs.slice(0, 1) : ' '), quoted: inDq, split }];
    }
    let val = this.lookup(p.name, st);
    if (p.length) {
      if (val === undefined && st.opts.u) this.unbound(p.name, st, io);
      return [{ text: String([...(val ?? '')].length), quoted: inDq, split }];
    }
    const op = p.op;
    const isNull = val === undefined || (op?.startsWith(':') && val === '');
    switch (op) {
      case undefined:
        break;
      case ':-':
      case '-':
        if (isNull) return this.segments(p.arg!.parts, st, io, inDq).map((s) => ('brk' in s ? s : { ...s, split: split && !s.quoted }));
        break;
      case ':=':
      case '=':
        if (isNull) {
          val = this.expandNoSplit(p.arg!, st, io);
          this.setVar(st, p.name, val);
        }
        break;
      case ':+':
      case '+':
        if (isNull) return [];
        return this.segments(p.arg!.parts, st, io, inDq).map((s) => ('brk' in s ? s : { ...s, split: split && !s.quoted }));
      case ':?':
      case '?':
        if (isNull) {
          const msg = this.expandNoSplit(p.arg!, st, io) || (val === undefined ? 'parameter null or not set' : 'parameter null or not set');
          io.err.write(`${this.prefix(st)}${p.name}: ${msg}\n`);
          throw new ExitSig(this.bash ? 1 : 2);
        }
        break;
      case '#':
      case '##':
      case '%':
      case '%%':
        if (val !== undefined) val = this.trim(val, this.expandPattern(p.arg!, st, io), op);
        break;
      case '/':
      case '//':
        if (val !== undefined) {
          const rep = p.arg2 ? this.expandNoSplit(p.arg2, st, io) : '';
          val = this.replace(val, this.expandPattern(p.arg!, st, io), rep, op === '//');
        }
        break;
      case '^^':
      case '^':
        if (val !== undefined) val = op === '^^' ? val.toUpperCase() : val.slice(0, 1).toUpperCase() + val.slice(1);
        break;
      case ',,':
      case ',':
        if (val !== undefined) val = op === ',,' ? val.toLowerCase() : val.slice(0, 1).toLowerCase() + val.slice(1);
        break;
      case ':': {
        if (val !== undefined) {
          const spec = this.expandNoSplit(p.arg!, st, io);
          const [o, l] = splitOnce(spec, ':');
          let off = Number(this.arith(o, st));
          if (off < 0) off = Math.max(0, val.length + off);
          let len = l === undefined ? val.length : Number(this.arith(l, st));
          if (len < 0) len = Math.max(0, val.length - off + len);
          val = val.substr(off, len);
        }
        break;
      }
    }
    if (val === undefined) {
      if (st.opts.u) this.unbound(p.name, st, io);
      return inDq ? [{ text: '', quoted: true, split: false }] : [];
    }
    return [{ text: val, quoted: inDq, split }];
  }

  private unbound(name: string, st: ShState, io: IO): never {
    io.err.write(`${this.prefix(st)}${name}: ${this.bash ? 'unbound variable' : 'parameter not set'}\n`);
    throw new ExitSig(this.bash ? 1 : 2);
  }

  /** Guards the quadratic pattern operations against huge values. */
  private patternBudget(val: string, pat: string): void {
    if (val.length * val.length * Math.max(1, pat.length) > 2e8) {
      throw new Abort('step-limit', 'the simulated shell stopped the script: a pattern operation on a very long value');
    }
  }

  private trim(val: string, pat: string, op: string): string {
    this.patternBudget(val, pat);
    const n = val.length;
    if (op === '#' || op === '##') {
      const lens = op === '#' ? range(0, n) : range(0, n).reverse();
      for (const l of lens) if (globMatch(pat, val.slice(0, l))) return val.slice(l);
    } else {
      const starts = op === '%' ? range(0, n).reverse() : range(0, n);
      for (const s of starts) if (globMatch(pat, val.slice(s))) return val.slice(0, s);
    }
    return val;
  }

  private replace(val: string, pat: string, rep: string, all: boolean): string {
    this.patternBudget(val, pat);
    let anchor: '' | '#' | '%' = '';
    if (pat.startsWith('#') || pat.startsWith('%')) {
      anchor = pat[0] as '#' | '%';
      pat = pat.slice(1);
    }
    if (pat === '') return val;
    let out = '';
    let i = 0;
    while (i <= val.length) {
      if (anchor === '#' && i > 0) break;
      let matched = -1;
      for (let e = val.length; e > i; e--) {
        if (anchor === '%' && e !== val.length) break;
        if (globMatch(pat, val.slice(i, e))) {
          matched = e;
          break;
        }
      }
      if (matched >= 0) {
        out += rep;
        i = matched;
        if (!all) return out + val.slice(i);
      } else {
        if (i < val.length) out += val[i];
        i++;
      }
    }
    return out + val.slice(i);
  }

  // ---------------------------------------------------------------- arithmetic

  arith(expr: string, st: ShState, depth = 0): bigint {
    return new Arith(expr, this, st, depth).run();
  }

  // ---------------------------------------------------------------- [[ ]]

  private evalTest(e: TestExpr, st: ShState, io: IO): number {
    const t = (x: TestExpr): boolean => {
      switch (x.k) {
        case 'and': return t(x.a) && t(x.b);
        case 'or': return t(x.a) || t(x.b);
        case 'not': return !t(x.a);
        case 'word': return this.expandNoSplit(x.w, st, io) !== '';
        case 'unary': {
          const r = fileTest(this, x.op, this.expandNoSplit(x.w, st, io), st);
          if (r === undefined) {
            io.err.write(`${this.prefix(st)}conditional binary operator expected\n`);
            throw new TestError();
          }
          return r;
        }
        case 'binary': {
          const l = this.expandNoSplit(x.l, st, io);
          if (x.op === '==' || x.op === '=' || x.op === '!=') {
            const m = globMatch(this.expandPattern(x.r, st, io), l);
            return x.op === '!=' ? !m : m;
          }
          if (x.op === '=~') {
            const re = this.expandNoSplit(x.r, st, io);
            try {
              return compileRegex(re, 'ere').test(l);
            } catch (err) {
              if (err instanceof RegexError) throw new TestError(2);
              throw err;
            }
          }
          const r = this.expandNoSplit(x.r, st, io);
          if (x.op === '<') return l < r;
          if (x.op === '>') return l > r;
          const a = this.arith(l || '0', st);
          const b = this.arith(r || '0', st);
          return compareInts(x.op, a, b) ?? false;
        }
      }
    };
    try {
      return t(e) ? 0 : 1;
    } catch (err) {
      if (err instanceof TestError) return err.code;
      throw err;
    }
  }
}

class TestError {
  constructor(readonly code = 2) {}
}

export function compareInts(op: string, a: bigint, b: bigint): boolean | undefined {
  switch (op) {
    case '-eq': return a === b;
    case '-ne': return a !== b;
    case '-lt': return a < b;
    case '-le': return a <= b;
    case '-gt': return a > b;
    case '-ge': return a >= b;
  }
  return undefined;
}

/** -e -f -d ... on the virtual file system; undefined for an unknown operator. */
export function fileTest(sh: Sh, op: string, arg: string, st: ShState): boolean | undefined {
  const abs = () => sh.vfs.normalize(arg, st.cwd);
  switch (op) {
    case '-z': return arg === '';
    case '-n': return arg !== '';
    case '-e': case '-a': return arg !== '' && (sh.vfs.exists(abs()) || arg === '/dev/null');
    case '-f': return arg !== '' && sh.vfs.isFile(abs());
    case '-d': return arg !== '' && sh.vfs.isDir(abs());
    case '-s': return arg !== '' && (sh.vfs.read(abs())?.length ?? 0) > 0;
    case '-r': case '-w': return arg !== '' && (sh.vfs.exists(abs()) || arg === '/dev/null');
    case '-x': {
      if (arg === '') return false;
      const a = abs();
      if (sh.vfs.isDir(a)) return true;
      if (sh.vfs.isFile(a)) return (sh.vfs.read(a) ?? '').startsWith('#!');
      const dir = sh.vfs.parent(a);
      return ['/bin', '/usr/bin', '/sbin', '/usr/sbin'].includes(dir) && isKnownCommand(sh.vfs.basename(a), true, sh.facts);
    }
    case '-L': case '-h': case '-b': case '-c': case '-p': case '-S': case '-t': case '-g': case '-u': case '-k': case '-O': case '-G': case '-N':
      return false;
    case '-v': return st.vars.has(arg);
  }
  return undefined;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

function range(a: number, b: number): number[] {
  const r: number[] = [];
  for (let i = a; i <= b; i++) r.push(i);
  return r;
}

export function quoteForTrace(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// ------------------------------------------------------------------ $(( )) arithmetic

class ArithError {
  constructor(readonly message: string) {}
}

const wrap = (x: bigint) => BigInt.asIntN(64, x);

/** Shell arithmetic: 64-bit integers, C operators, variables by name, assignments. */
class Arith {
  private toks: string[];
  private i = 0;
  constructor(
    readonly src: string,
    readonly sh: Sh,
    readonly st: ShState,
    readonly depth: number,
  ) {
    this.toks = src.match(/0[xX][0-9a-fA-F]+|\d+#[0-9A-Za-z@_]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=|>>=|\+\+|--|&&|\|\||<=|>=|==|!=|<<|>>|[-+*/%&|^]=|\S/g) ?? [];
  }

  run(): bigint {
    if (this.depth > 20) throw this.fail('expression recursion level exceeded');
    try {
      if (this.toks.length === 0) return 0n;
      const v = this.comma();
      if (this.i < this.toks.length) throw new ArithError(`syntax error in expression (error token is "${this.toks.slice(this.i).join(' ')}")`);
      return v;
    } catch (e) {
      if (e instanceof ArithError) throw this.fail(e.message);
      throw e;
    }
  }

  private fail(msg: string): ExpansionError {
    // bash: "line N: <expr>: <message>"; the command is abandoned with status 1 and the script goes on.
    this.sh.rt.writeErr(`${this.sh.prefix(this.st)}${this.src.trim()}: ${msg}\n`);
    return new ExpansionError(1);
  }

  private peek(): string | undefined {
    return this.toks[this.i];
  }

  private eat(t: string): boolean {
    if (this.toks[this.i] === t) {
      this.i++;
      return true;
    }
    return false;
  }

  private comma(): bigint {
    let v = this.assign();
    while (this.eat(',')) v = this.assign();
    return v;
  }

  private assign(): bigint {
    const t = this.peek();
    const op = this.toks[this.i + 1];
    if (t && /^[A-Za-z_]/.test(t) && op && /^(=|\*\*=|[-+*/%&|^]=|<<=|>>=)$/.test(op)) {
      this.i += 2;
      const rhs = this.assign();
      const cur = this.varValue(t);
      const v = op === '=' ? rhs : this.binop(op.slice(0, -1), cur, rhs);
      this.sh.setVar(this.st, t, String(v));
      return v;
    }
    return this.ternary();
  }

  private ternary(): bigint {
    const c = this.binary(1);
    if (this.eat('?')) {
      const a = this.assign();
      if (!this.eat(':')) throw new ArithError('`:\' expected for conditional expression');
      const b = this.assign();
      return c !== 0n ? a : b;
    }
    return c;
  }

  private static PREC: Record<string, number> = {
    '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
    '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
  };

  /** Precedence climbing; ** is right-associative. */
  private binary(min: number): bigint {
    let l = this.unary();
    for (;;) {
      const op = this.peek();
      const p = op === undefined ? undefined : Arith.PREC[op];
      if (p === undefined || p < min) break;
      this.i++;
      if (op === '&&') {
        const r = this.binary(p + 1);
        l = l !== 0n && r !== 0n ? 1n : 0n;
      } else if (op === '||') {
        const r = this.binary(p + 1);
        l = l !== 0n || r !== 0n ? 1n : 0n;
      } else {
        const r = op === '**' ? this.binary(p) : this.binary(p + 1);
        l = this.binop(op!, l, r);
      }
    }
    return l;
  }

  private binop(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '*': return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) throw new ArithError(`division by 0 (error token is "${this.toks.slice(this.i - 1).join('') || '0'}")`);
        return wrap(op === '/' ? a / b : a % b);
      case '**': {
        if (b < 0n) throw new ArithError('exponent less than 0');
        let r = 1n;
        let base = a;
        let e = b;
        while (e > 0n) {
          if (e & 1n) r = wrap(r * base);
          base = wrap(base * base);
          e >>= 1n;
        }
        return r;
      }
      case '<<': return wrap(a << (b & 63n));
      case '>>': return a >> (b & 63n);
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
    }
    throw new ArithError(`syntax error: operand expected (error token is "${op}")`);
  }

  private unary(): bigint {
    const t = this.peek();
    if (t === '-') { this.i++; return wrap(-this.unary()); }
    if (t === '+') { this.i++; return this.unary(); }
    if (t === '!') { this.i++; return this.unary() === 0n ? 1n : 0n; }
    if (t === '~') { this.i++; return ~this.unary(); }
    if (t === '++' || t === '--') {
      this.i++;
      const name = this.peek();
      if (!name || !/^[A-Za-z_]/.test(name)) throw new ArithError('syntax error: operand expected');
      this.i++;
      const v = wrap(this.varValue(name) + (t === '++' ? 1n : -1n));
      this.sh.setVar(this.st, name, String(v));
      return v;
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const t = this.peek();
    if (t === undefined) throw new ArithError('syntax error: operand expected (error token is "")');
    if (t === '(') {
      this.i++;
      const v = this.comma();
      if (!this.eat(')')) throw new ArithError('missing `)\'');
      return v;
    }
    if (/^[A-Za-z_]/.test(t)) {
      this.i++;
      const v = this.varValue(t);
      const n = this.peek();
      if (n === '++' || n === '--') {
        this.i++;
        this.sh.setVar(this.st, t, String(wrap(v + (n === '++' ? 1n : -1n))));
      }
      return v;
    }
    if (/^\d/.test(t)) {
      this.i++;
      return parseNumber(t);
    }
    throw new ArithError(`syntax error: operand expected (error token is "${this.toks.slice(this.i).join(' ')}")`);
  }

  private varValue(name: string): bigint {
    const raw = this.sh.getVar(this.st, name);
    if (raw === undefined || raw.trim() === '') {
      if (this.st.opts.u && !this.st.vars.has(name)) throw new ArithError(`${name}: unbound variable`);
      return 0n;
    }
    if (/^\s*-?\d+\s*$/.test(raw)) return wrap(BigInt(raw.trim()));
    return this.sh.arith(raw, this.st, this.depth + 1);
  }
}

function parseNumber(t: string): bigint {
  if (/^0[xX]/.test(t)) return wrap(BigInt(t));
  const based = /^(\d+)#(.+)$/.exec(t);
  if (based) {
    const base = Number(based[1]);
    let v = 0n;
    for (const ch of based[2]!) {
      const d = parseInt(ch, 36);
      if (Number.isNaN(d) || d >= base) throw new ArithError(`value too great for base (error token is "${t}")`);
      v = wrap(v * BigInt(base) + BigInt(d));
    }
    return v;
  }
  if (/^0[0-7]+$/.test(t)) return wrap(BigInt('0o' + t.slice(1)));
  if (/^0\d+$/.test(t)) throw new ArithError(`value too great for base (error token is "${t}")`);
  return wrap(BigInt(t));
}
