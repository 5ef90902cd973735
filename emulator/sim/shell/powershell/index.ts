/**
 * Interpreter of the PowerShell dialect (aws:runPowerShellScript). Windows nodes behave as Windows
 * PowerShell 5.1 run by the agent (`powershell.exe -InputFormat None -Noninteractive -NoProfile
 * -ExecutionPolicy unrestricted -f _script.ps1`), other nodes as pwsh 7.
 *
 * Exit code, as the agent reports it: `exit N` gives N; an uncaught terminating error (throw,
 * -ErrorAction Stop, $ErrorActionPreference = 'Stop') gives 1; otherwise 0, even when commands
 * failed: AWS's documentation says PowerShell scripts must call `exit` explicitly for Run Command to
 * capture a failure, and a not-recognized command or Write-Error alone leaves the exit code at 0.
 *
 * Error records are written to stderr in the shape powershell.exe gives when its output is
 * redirected (NormalView: "<cmd> : <message>", "At <script>:<line> char:<col>", the source line
 * with ~ markers, CategoryInfo, FullyQualifiedErrorId), lines wrapped at 79 columns as the host's
 * 80-column buffer does; pwsh 7 uses its ConciseView. Wording of the messages follows PowerShell's
 * resources (CommandNotFoundException, ItemNotFoundException, WriteErrorException, RuntimeException);
 * line wrapping and the pwsh view are modelled from observed output, unverified in every detail.
 */
import { dotnetFormat, psDefaultDate, psInvariantDate, strftime } from '../datefmt.js';
import { compileRegex, globMatch, RegexError } from '../regex.js';
import { compileUserRegex, type UserRegex } from '../../../core/regex.js';
import { splitOnChars, trimChars } from '../chars.js';
import { computerInfo, ipconfigText, processTable, systeminfoText } from '../machine.js';
import { Abort, checkSize, MAX_ARRAY_ITEMS, MAX_STRING_CHARS, type DialectRun, type Runtime } from '../runtime.js';
import type { CommandStub } from '../types.js';
import { INSTALL_MS, REMOVE_MS, type ServiceFact } from '../system.js';
import { PsParseError, PsParser, type Arg, type Expr, type PipeElem, type Redirect, type Stmt } from './parser.js';

export type PsRun = DialectRun;

// ------------------------------------------------------------------ values

class PsHash {
  m = new Map<string, [unknown, unknown]>();
  get(k: unknown): unknown {
    return this.m.get(String(k).toLowerCase())?.[1];
  }
  set(k: unknown, v: unknown): void {
    const key = String(k).toLowerCase();
    this.m.set(key, [this.m.get(key)?.[0] ?? k, v]);
  }
}
class PsDate {
  constructor(readonly ms: number) {}
}
class PsVersion {
  constructor(readonly parts: number[]) {}
  toString(): string {
    return this.parts.join('.');
  }
}
class PsPath {
  constructor(readonly path: string) {}
}
class ScriptBlock {
  constructor(
    readonly body: Stmt[],
    readonly text: string,
  ) {}
}
/** A plain object with properties (Measure-Object's result, and the like). */
class PsObject {
  constructor(readonly props: Record<string, unknown>) {}
}
/** An object PowerShell shows as a list (Format-List) by default. */
class PsList extends PsObject {}
class PsType {
  constructor(readonly name: string) {}
}
/**
 * A row of one of the tables the service and package cmdlets print (Get-Service's
 * ServiceController, Install-Package's and Get-Package's SoftwareIdentity): consecutive rows of a
 * kind share one table, as Out-Default formats a stream of objects of one type.
 */
class PsRow extends PsObject {
  constructor(
    readonly kind: TableKind,
    props: Record<string, unknown>,
  ) {
    super(props);
  }
}
type TableKind = 'service' | 'installed' | 'package';
/** Column headings and widths (PowerShell's format data; the last column is not padded). */
const TABLES: Record<TableKind, { cols: string[]; widths: number[]; type: string }> = {
  service: { cols: ['Status', 'Name', 'DisplayName'], widths: [8, 18, 38], type: 'System.ServiceProcess.ServiceController' },
  installed: { cols: ['Name', 'Version', 'Source', 'Summary'], widths: [30, 16, 16, 70], type: 'Microsoft.PackageManagement.Packaging.SoftwareIdentity' },
  package: { cols: ['Name', 'Version', 'Source', 'ProviderName'], widths: [30, 16, 32, 12], type: 'Microsoft.PackageManagement.Packaging.SoftwareIdentity' },
};

interface ErrorRecord {
  message: string;
  /** CategoryInfo: "<category>: (<target>:String) [<activity>], <reason>" */
  category: string;
  target: string;
  activity: string;
  reason: string;
  fqid: string;
  /** the "<name> : " prefix of the message (NormalView), '' for none */
  prefix: string;
  pos?: { line: number; col: number; len: number };
  /** pwsh ConciseView first-line label ("Exception", "Get-Content", ...) */
  label?: string;
}
class PsErrorValue {
  constructor(readonly rec: ErrorRecord) {}
}

// ------------------------------------------------------------------ signals

class ExitSig {
  constructor(readonly code: number) {}
}
class ReturnSig {
  constructor(readonly values: unknown[]) {}
}
class LoopSig {
  constructor(readonly kind: 'break' | 'continue') {}
}
/** A terminating error: statement-terminating (the script goes on) or script-terminating (throw). */
class PsThrow {
  constructor(
    readonly rec: ErrorRecord,
    readonly scriptTerminating: boolean,
  ) {}
}

// ------------------------------------------------------------------ interpreter

const NATIVE = new Set(['hostname', 'whoami', 'hostname.exe', 'whoami.exe', 'ipconfig', 'ipconfig.exe', 'systeminfo', 'systeminfo.exe']);
/** Programs only Windows has (pwsh on Linux and macOS: "not recognized"). */
const WINDOWS_ONLY = new Set(['ipconfig', 'ipconfig.exe', 'systeminfo', 'systeminfo.exe', 'get-computerinfo', 'gin']);
const WINDOWS_SYSTEM_CMDLETS = new Set([
  'get-service', 'start-service', 'stop-service', 'restart-service', 'set-service', 'install-package', 'uninstall-package', 'get-package',
]);

export function runPowerShell(o: PsRun): number {
  return new Ps(o).run();
}

/** An interactive PowerShell (a Session Manager session on Windows): one host, many input lines. */
export interface PowerShellHost {
  /** Runs one input line; see Ps.runInteractive. */
  run(text: string): { incomplete?: boolean; exit?: number };
  /** $? after the last line. */
  succeeded(): boolean;
  /** The current location ($PWD), for the prompt. */
  location(): string;
}

/** A PowerShell host whose variables, functions, environment and location last across lines. */
export function openPowerShell(o: PsRun): PowerShellHost {
  const ps = new Ps(o);
  return { run: (text) => ps.runInteractive(text), location: () => ps.location, succeeded: () => ps.succeeded };
}

/** Parse errors that mean "the statement goes on on the next line" (the console's >> prompt). */
const INCOMPLETE_PARSE = new Set(['MissingEndCurlyBrace', 'TerminatorExpectedAtEndOfString', 'MissingEndParenthesisInExpression', 'ExpectedValueExpression']);

class Ps {
  private readonly nl: string;
  private readonly windows: boolean;
  private readonly core: boolean;
  private scopes: Map<string, unknown>[] = [new Map()];
  private funcs = new Map<string, Extract<Stmt, { k: 'function' }>>();
  private env = new Map<string, [string, string]>();
  private cwd: string;
  private ok = true;
  /** set by a non-terminating error inside the statement being run; becomes $? afterwards */
  private stmtFailed = false;
  private lastExit: number | null = null;
  private tryDepth = 0;
  private parser!: PsParser;
  private stubs: { re: UserRegex; stub: CommandStub }[] = [];
  private errors: unknown[] = [];

  constructor(private readonly o: PsRun) {
    this.windows = o.facts.os === 'windows';
    this.core = o.facts.psEdition === 'Core';
    this.nl = this.windows ? '\r\n' : '\n';
    this.cwd = o.cwd;
    for (const [k, v] of Object.entries(o.env)) this.setEnv(k, v);
    for (const s of o.stubs) {
      try {
        this.stubs.push({ re: compileUserRegex(s.Match, { dialect: 'ecma' }), stub: s });
      } catch {
        // never matches
      }
    }
  }

  private get rt(): Runtime {
    return this.o.rt;
  }

  private envKey(k: string): string {
    return this.windows ? k.toLowerCase() : k;
  }
  private setEnv(k: string, v: string | null): void {
    if (v === null || v === '') this.env.delete(this.envKey(k));
    else this.env.set(this.envKey(k), [this.env.get(this.envKey(k))?.[0] ?? k, v]);
  }
  private getEnv(k: string): string | undefined {
    return this.env.get(this.envKey(k))?.[1];
  }

  run(): number {
    try {
      return this.runProgram();
    } finally {
      this.closeTable();
    }
  }

  private runProgram(): number {
    try {
      this.parser = new PsParser(this.o.script);
      let program: Stmt[];
      try {
        program = this.parser.program();
      } catch (e) {
        if (!(e instanceof PsParseError)) throw e;
        // A parse error stops the whole script before anything runs (powershell -File exits 1).
        this.writeError({
          message: e.message, category: 'ParserError', target: '', activity: '', reason: 'ParseException', fqid: e.id,
          prefix: '', pos: { line: e.line, col: e.col, len: 0 }, label: 'ParserError',
        }, true);
        return 1;
      }
      this.execBlock(program, (v) => this.emit(v), true);
      return 0;
    } catch (e) {
      if (e instanceof ExitSig) return e.code;
      if (e instanceof PsThrow) {
        this.writeError(e.rec, true);
        return 1;
      }
      if (e instanceof ReturnSig) {
        for (const v of e.values) this.emit(v);
        return 0;
      }
      if (e instanceof LoopSig) return 0;
      throw e;
    }
  }

  get location(): string {
    return this.cwd;
  }

  get succeeded(): boolean {
    return this.ok;
  }

  /**
   * One line typed at the console: parsed whole (an unfinished statement asks for more input and
   * runs nothing), then run in the host's state. Errors are written and the console goes on; only
   * `exit` ends it.
   */
  runInteractive(text: string): { incomplete?: boolean; exit?: number } {
    try {
      this.parser = new PsParser(text);
      let program: Stmt[];
      try {
        program = this.parser.program();
      } catch (e) {
        if (!(e instanceof PsParseError)) throw e;
        if (INCOMPLETE_PARSE.has(e.id)) return { incomplete: true };
        this.ok = false;
        this.writeError({
          message: e.message, category: 'ParserError', target: '', activity: '', reason: 'ParseException', fqid: e.id,
          prefix: '', pos: { line: e.line, col: e.col, len: 0 }, label: 'ParserError',
        }, true);
        return {};
      }
      this.execBlock(program, (v) => this.emit(v), true);
    } catch (e) {
      if (e instanceof ExitSig) return { exit: e.code };
      this.ok = false;
      if (e instanceof PsThrow) this.writeError(e.rec, true);
      else if (e instanceof ReturnSig) for (const v of e.values) this.emit(v);
      else if (!(e instanceof LoopSig)) throw e;
    }
    return {};
  }

  // ---------------------------------------------------------------- output

  /** The table whose rows are being written (its heading is out, its closing blank lines not yet). */
  private openTable: TableKind | undefined;

  private emit(v: unknown): void {
    const kind = v instanceof PsRow ? v.kind : undefined;
    if (this.openTable && kind !== this.openTable) this.closeTable();
    if (kind) {
      if (!this.openTable) this.rt.writeOut(this.tableHeading(kind));
      this.openTable = kind;
      this.rt.writeOut(this.tableRow(v as PsRow));
      return;
    }
    this.rt.writeOut(checkSize(this.formatOut(v)));
  }

  private closeTable(): void {
    if (this.openTable) this.rt.writeOut(this.nl + this.nl);
    this.openTable = undefined;
  }

  private tableHeading(kind: TableKind): string {
    const t = TABLES[kind];
    const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(t.widths[i]!) : c)).join(' ');
    return `${this.nl}${line(t.cols)}${this.nl}${line(t.cols.map((c) => '-'.repeat(c.length)))}${this.nl}`;
  }

  private tableRow(r: PsRow): string {
    const t = TABLES[r.kind];
    // Format-Table cuts a value that does not fit its column and ends it with "...".
    const fit = (v: string, w: number) => (v.length > w ? v.slice(0, w - 3) + '...' : v);
    return t.cols.map((c, i) => {
      const v = fit(this.str(r.props[c]), t.widths[i]!);
      return i < t.cols.length - 1 ? v.padEnd(t.widths[i]!) : v;
    }).join(' ') + this.nl;
  }

  private formatOut(v: unknown): string {
    const nl = this.nl;
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) {
      // Rows of one kind in a row form one table (Out-String of Get-Service).
      let out = '';
      let open: TableKind | undefined;
      for (const x of v) {
        const kind = x instanceof PsRow ? x.kind : undefined;
        if (open && kind !== open) out += nl + nl;
        if (kind && kind !== open) out += this.tableHeading(kind);
        open = kind;
        out += kind ? this.tableRow(x as PsRow) : this.formatOut(x);
      }
      return open ? out + nl + nl : out;
    }
    if (v instanceof PsRow) return this.formatOut([v]);
    if (v instanceof PsDate) return `${nl}${psDefaultDate(v.ms)}${nl}${nl}${nl}`;
    if (v instanceof PsVersion) {
      const heads = ['Major', 'Minor', 'Build', 'Revision'];
      const vals = [0, 1, 2, 3].map((i) => String(v.parts[i] ?? -1));
      const w = heads.map((h, i) => Math.max(h.length, vals[i]!.length));
      const row = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(w[i]!) : c)).join('  ');
      return `${nl}${row(heads)}${nl}${row(w.map((x) => '-'.repeat(x)))}${nl}${row(vals)}${nl}${nl}${nl}`;
    }
    if (v instanceof PsHash) {
      const keys = [...v.m.values()].map(([k]) => String(k));
      const kw = Math.max(30, ...keys.map((k) => k.length)) + 1;
      let s = `${nl}${'Name'.padEnd(kw)}Value${nl}${'----'.padEnd(kw)}-----${nl}`;
      for (const [k, val] of v.m.values()) s += `${String(k).padEnd(kw)}${this.str(val)}${nl}`;
      return s + nl;
    }
    if (v instanceof PsList) {
      // Format-List: "Name : value", names padded to the longest (Get-ComputerInfo's default view).
      const w = Math.max(...Object.keys(v.props).map((k) => k.length));
      return `${nl}${Object.entries(v.props).map(([k, val]) => `${k.padEnd(w)} : ${this.str(val)}`).join(nl)}${nl}${nl}${nl}`;
    }
    if (v instanceof PsPath) return `${nl}Path${nl}${'-'.repeat(Math.max(4, 4))}${nl}${v.path}${nl}${nl}${nl}`;
    if (v instanceof PsErrorValue) return this.renderError(v.rec);
    return this.str(v) + nl;
  }

  /** String conversion as PowerShell does for interpolation and -join. */
  private str(v: unknown): string {
    if (v === null || v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
    if (Array.isArray(v)) return v.map((x) => this.str(x)).join(' ');
    if (v instanceof PsDate) return psInvariantDate(v.ms);
    if (v instanceof PsVersion) return v.toString();
    if (v instanceof PsPath) return v.path;
    if (v instanceof PsHash) return 'System.Collections.Hashtable';
    if (v instanceof ScriptBlock) return v.text;
    if (v instanceof PsErrorValue) return v.rec.message;
    if (v instanceof PsType) return v.name;
    if (v instanceof PsRow) return v.kind === 'service' ? TABLES.service.type : TABLES[v.kind].type;
    return String(v);
  }

  /** Word wrap at 79 columns (the 80-column buffer of a redirected powershell.exe). */
  private wrap(line: string, hard: boolean, indent = ''): string[] {
    const W = 79;
    if (line.length <= W) return [line];
    const out: string[] = [];
    let rest = line;
    while (rest.length > W) {
      let cut = W;
      if (!hard) {
        const sp = rest.lastIndexOf(' ', W - 1);
        if (sp > 0) cut = sp + 1;
      }
      out.push(rest.slice(0, cut));
      rest = indent + rest.slice(cut);
    }
    out.push(rest);
    return out;
  }

  private renderError(rec: ErrorRecord): string {
    const nl = this.nl;
    const path = this.o.scriptPath;
    if (this.core) {
      if (!rec.pos) return `${rec.label ? rec.label + ': ' : ''}${rec.message}${nl}`;
      const src = this.parser.sourceLine(rec.pos.line);
      const ln = String(rec.pos.line).padStart(4);
      const mark = ' '.repeat(Math.max(0, rec.pos.col - 1)) + '~'.repeat(Math.max(1, rec.pos.len));
      return `${rec.label ? rec.label + ': ' : ''}${path}:${rec.pos.line}${nl}Line |${nl}${ln} |  ${src}${nl}     |  ${mark}${nl}     | ${rec.message}${nl}`;
    }
    const lines: string[] = [];
    const first = (rec.prefix ? `${rec.prefix} : ` : '') + rec.message;
    for (const l of first.split('\n')) lines.push(...this.wrap(l, false));
    if (rec.pos) {
      lines.push(...this.wrap(`At ${path}:${rec.pos.line} char:${rec.pos.col}`, true));
      const src = this.parser.sourceLine(rec.pos.line);
      lines.push(`+ ${src}`);
      lines.push(`+ ${' '.repeat(Math.max(0, rec.pos.col - 1))}${'~'.repeat(Math.max(1, rec.pos.len))}`);
    }
    lines.push(...this.wrap(`    + CategoryInfo          : ${rec.category}: (${rec.target}:${rec.target === '' ? '' : 'String'}) [${rec.activity}], ${rec.reason}`, true, '   '));
    lines.push(...this.wrap(`    + FullyQualifiedErrorId : ${rec.fqid}`, true, '   '));
    lines.push(' ');
    return lines.join(nl) + nl;
  }

  private writeError(rec: ErrorRecord, _terminating: boolean): void {
    this.errors.unshift(new PsErrorValue(rec));
    if (this.errors.length > 256) this.errors.pop();
    this.rt.writeErr(checkSize(this.renderError(rec)));
  }

  /** A non-terminating error: written, $? false; becomes terminating under -ErrorAction Stop. */
  private nonTerminating(rec: ErrorRecord, args?: Map<string, unknown>): void {
    this.stmtFailed = true;
    const pref = String(args?.get('erroraction') ?? this.getVar('ErrorActionPreference') ?? 'Continue').toLowerCase();
    if (pref === 'stop') throw new PsThrow(rec, true);
    if (pref === 'silentlycontinue' || pref === 'ignore') return;
    if (this.tryDepth > 0 && pref === 'stop') throw new PsThrow(rec, true);
    this.writeError(rec, false);
  }

  // ---------------------------------------------------------------- variables

  private getVar(name: string): unknown {
    const k = name.toLowerCase();
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(k)) return this.scopes[i]!.get(k);
    switch (k) {
      case 'true': return true;
      case 'false': return false;
      case 'null': return null;
      case '?': return this.ok;
      case 'lastexitcode': return this.lastExit;
      case 'pwd': return new PsPath(this.cwd);
      case 'pid': return 4000 + (this.o.rt.start % 1000);
      case 'home': return this.windows ? 'C:\\Windows\\system32\\config\\systemprofile' : '/';
      case 'psscriptroot': return this.o.vfs.parent(this.o.vfs.normalize(this.o.scriptPath, this.o.vfs.root()));
      case 'pscommandpath': return this.o.scriptPath;
      case 'erroractionpreference': return 'Continue';
      case 'error': return this.errors;
      case 'psversiontable': {
        const h = new PsHash();
        const parts = this.o.facts.psVersion.split('.').map(Number);
        h.set('PSVersion', new PsVersion(parts));
        h.set('PSEdition', this.o.facts.psEdition);
        if (!this.core) {
          h.set('PSCompatibleVersions', '1.0 2.0 3.0 4.0 5.0 5.1');
          h.set('BuildVersion', new PsVersion([10, 0, parts[2] ?? 0, parts[3] ?? 0]));
          h.set('CLRVersion', new PsVersion([4, 0, 30319, 42000]));
        } else {
          h.set('GitCommitId', this.o.facts.psVersion);
          h.set('OS', this.o.facts.os === 'macos' ? 'Darwin 23.6.0' : `Linux ${this.o.facts.kernel}`);
          h.set('Platform', 'Unix');
        }
        h.set('WSManStackVersion', new PsVersion([3, 0]));
        h.set('PSRemotingProtocolVersion', new PsVersion([2, 3]));
        h.set('SerializationVersion', new PsVersion([1, 1, 0, 1]));
        return h;
      }
      case 'iswindows': return this.core ? this.windows : undefined;
      case 'islinux': return this.core ? this.o.facts.os === 'linux' : undefined;
      case 'ismacos': return this.core ? this.o.facts.os === 'macos' : undefined;
    }
    return undefined;
  }

  private setVar(name: string, v: unknown): void {
    const k = name.toLowerCase();
    if (k === 'lastexitcode') {
      this.lastExit = typeof v === 'number' ? v : Number(v);
      return;
    }
    if (['true', 'false', 'null', '?'].includes(k)) {
      if (k === 'null') return;
      throw new PsThrow(this.simpleError(`Cannot overwrite variable ${name} because it is read-only or constant.`, 'WriteError', name, 'SessionStateUnauthorizedAccessException', 'VariableNotWritable'), false);
    }
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i]!.has(k) && i === this.scopes.length - 1) break;
    }
    this.scopes[this.scopes.length - 1]!.set(k, v);
  }

  private simpleError(message: string, category: string, target: string, reason: string, fqid: string): ErrorRecord {
    return { message, category, target, activity: '', reason, fqid, prefix: '' };
  }

  /**
   * A string or array past the simulated node's limits ("x" * 1e9, 1..1e9, "{0,999999999}" -f 1):
   * .NET's OutOfMemoryException, a statement-terminating error that try/catch can handle.
   */
  private outOfMemory(): PsThrow {
    return new PsThrow(this.simpleError("Exception of type 'System.OutOfMemoryException' was thrown.", 'OperationStopped', '', 'OutOfMemoryException', 'System.OutOfMemoryException'), false);
  }

  /** A width or length a script asks for: at most MAX_STRING_CHARS. */
  private size(n: number): number {
    if (n > MAX_STRING_CHARS) throw this.outOfMemory();
    return n;
  }

  // ---------------------------------------------------------------- statements

  private execBlock(stmts: Stmt[], out: (v: unknown) => void, top = false): void {
    for (const s of stmts) {
      try {
        this.execStmt(s, out);
      } catch (e) {
        if (e instanceof PsThrow && !e.scriptTerminating && this.tryDepth === 0) {
          // statement-terminating: report it and go on with the next statement
          this.ok = false;
          this.writeError(e.rec, false);
          continue;
        }
        throw e;
      }
    }
    void top;
  }

  private execStmt(s: Stmt, out: (v: unknown) => void): void {
    switch (s.k) {
      case 'pipe': {
        const vals = this.pipeline(s);
        for (const v of vals) out(v);
        return;
      }
      case 'assign': {
        this.rt.step(true);
        const vals = this.stmtValue(s.value);
        this.assign(s.target, s.op, vals);
        return;
      }
      case 'if': {
        this.rt.step(false);
        for (const c of s.clauses) {
          if (this.truthy(this.stmtValue(c.cond))) {
            this.execBlock(c.body, out);
            return;
          }
        }
        if (s.else) this.execBlock(s.else, out);
        return;
      }
      case 'foreach': {
        const items = this.enumerate(this.stmtValue(s.iter));
        for (const it of items) {
          this.rt.step(false);
          this.setVar(s.name, it);
          if (this.loopBody(s.body, out) === 'break') break;
        }
        return;
      }
      case 'for': {
        if (s.init) this.execStmt(s.init, () => undefined);
        for (;;) {
          this.rt.step(false);
          if (s.cond && !this.truthy(this.stmtValue(s.cond))) break;
          if (this.loopBody(s.body, out) === 'break') break;
          if (s.step) this.execStmt(s.step, () => undefined);
        }
        return;
      }
      case 'while': {
        for (;;) {
          this.rt.step(false);
          if (!this.truthy(this.stmtValue(s.cond))) break;
          if (this.loopBody(s.body, out) === 'break') break;
        }
        return;
      }
      case 'do': {
        for (;;) {
          this.rt.step(false);
          if (this.loopBody(s.body, out) === 'break') break;
          const c = this.truthy(this.stmtValue(s.cond));
          if (s.until ? c : !c) break;
        }
        return;
      }
      case 'try': {
        this.rt.step(false);
        try {
          this.tryDepth++;
          try {
            this.execBlock(s.body, out);
          } finally {
            this.tryDepth--;
          }
        } catch (e) {
          if (!(e instanceof PsThrow) || s.catches.length === 0) {
            if (s.fin) this.execBlock(s.fin, out);
            throw e;
          }
          this.errors.unshift(new PsErrorValue(e.rec));
          this.scopes[this.scopes.length - 1]!.set('_', new PsErrorValue(e.rec));
          this.scopes[this.scopes.length - 1]!.set('psitem', new PsErrorValue(e.rec));
          try {
            this.execBlock(s.catches[0]!, out);
          } finally {
            if (s.fin) this.execBlock(s.fin, out);
          }
          return;
        }
        if (s.fin) this.execBlock(s.fin, out);
        return;
      }
      case 'throw': {
        this.rt.step(true);
        const v = s.value ? this.stmtValue(s.value) : [];
        const val = v.length === 1 ? v[0] : v.length === 0 ? null : v;
        if (val instanceof PsErrorValue) throw new PsThrow(val.rec, true);
        const msg = val === null ? 'ScriptHalted' : this.str(val);
        throw new PsThrow({
          message: msg, category: 'OperationStopped', target: val === null ? '' : msg, activity: '', reason: 'RuntimeException',
          fqid: msg, prefix: '', pos: { line: s.line, col: s.col, len: Math.max(1, s.endCol - s.col) }, label: 'Exception',
        }, true);
      }
      case 'exit': {
        this.rt.step(true);
        const v = s.value ? this.stmtValue(s.value) : [];
        const n = v.length ? Number(this.str(v[0])) : 0;
        const code = Number.isFinite(n) ? Math.trunc(n) | 0 : 0;
        this.lastExit = code;
        throw new ExitSig(code);
      }
      case 'return': {
        const v = s.value ? this.stmtValue(s.value) : [];
        throw new ReturnSig(v);
      }
      case 'break':
      case 'continue':
        throw new LoopSig(s.k);
      case 'function':
        if (s.name === '') {
          // script-level param(): defaults become variables
          for (const p of s.params) this.setVar(p.name, p.def ? this.eval(p.def) : null);
        } else this.funcs.set(s.name.toLowerCase(), s);
        return;
    }
  }

  private loopBody(body: Stmt[], out: (v: unknown) => void): 'break' | undefined {
    try {
      this.execBlock(body, out);
    } catch (e) {
      if (e instanceof LoopSig) return e.kind === 'break' ? 'break' : undefined;
      throw e;
    }
    return undefined;
  }

  /** Output of a statement used as a value. */
  private stmtValue(s: Stmt): unknown[] {
    const out: unknown[] = [];
    if (s.k === 'pipe' && s.elems.length === 1 && s.elems[0]!.k === 'expr' && s.elems[0]!.redirs.length === 0) {
      return this.enumerate(this.eval(s.elems[0]!.e));
    }
    this.execStmt(s, (v) => out.push(v));
    return out;
  }

  private assign(target: Expr, op: string, vals: unknown[]): void {
    let v: unknown = vals.length === 1 ? vals[0] : vals.length === 0 ? null : vals;
    if (op !== '=') v = this.binop(op[0]!, this.eval(target), v);
    if (target.k === 'cast') {
      v = this.cast(target.type, v);
      target = target.e;
    }
    if (target.k === 'var') {
      if (target.scope === 'env') this.setEnv(target.name, v === null ? null : this.str(v));
      else this.setVar(target.name, v);
      return;
    }
    if (target.k === 'member') {
      const o = this.eval(target.o);
      const name = this.str(this.eval(target.name));
      if (o instanceof PsHash) o.set(name, v);
      return;
    }
    if (target.k === 'index') {
      const o = this.eval(target.o);
      const i = this.eval(target.i);
      if (o instanceof PsHash) o.set(i, v);
      else if (Array.isArray(o)) {
        const n = Number(i);
        if (n >= 0 && n < o.length) o[n] = v;
        else throw new PsThrow(this.simpleError('Index was outside the bounds of the array.', 'OperationStopped', '', 'IndexOutOfRangeException', 'System.IndexOutOfRangeException'), false);
      }
    }
  }

  // ---------------------------------------------------------------- pipelines and commands

  private pipeline(s: Extract<Stmt, { k: 'pipe' }>): unknown[] {
    let input: unknown[] | undefined;
    const outer = this.stmtFailed;
    this.stmtFailed = false;
    try {
      for (const el of s.elems) {
        this.rt.step(true);
        input = this.element(el, input, s);
      }
    } finally {
      // $? of the next statement: false when this one reported an error
      const failed = this.stmtFailed;
      this.stmtFailed = outer || failed;
      this.ok = !failed;
    }
    return input ?? [];
  }

  private element(el: PipeElem, input: unknown[] | undefined, s: Extract<Stmt, { k: 'pipe' }>): unknown[] {
    let result: unknown[];
    if (el.k === 'expr') {
      result = this.enumerate(this.eval(el.e));
    } else {
      const name = typeof el.name === 'string' ? el.name : this.str(this.eval(el.name));
      const args = el.args.map((a) => ({ ...a, v: a.value ? this.evalArg(a.value) : undefined }));
      result = this.command(name, args, input, { line: s.line, col: el.col, nameLen: el.nameEnd - el.col, len: el.endCol - el.col });
    }
    return this.redirect(el.redirs, result);
  }

  private redirect(redirs: Redirect[], result: unknown[]): unknown[] {
    for (const r of redirs) {
      if (r.target === 'merge') continue;
      if (r.from !== '1' && r.from !== '*') continue;
      const t = this.eval(r.target);
      if (t === null || t === undefined || (r.target.k === 'var' && r.target.name.toLowerCase() === 'null')) return [];
      const text = result.map((v) => this.formatOut(v)).join('');
      this.writeFile(this.str(t), text, r.append);
      return [];
    }
    return result;
  }

  private evalArg(e: Expr): unknown {
    const v = this.eval(e);
    return v;
  }

  private resolvePath(p: string): string {
    let s = p;
    if (s.startsWith('~')) s = (this.windows ? 'C:\\Windows\\system32\\config\\systemprofile' : '/root') + s.slice(1);
    if (this.windows && /^env:/i.test(s)) return s;
    return this.o.vfs.normalize(s, this.cwd);
  }

  private writeFile(p: string, text: string, append: boolean): boolean {
    const abs = this.resolvePath(p);
    const r = this.o.vfs.write(abs, text, append);
    if (r !== 'ok') {
      this.nonTerminating({
        message: `Could not find a part of the path '${abs}'.`, category: 'OpenError', target: '', activity: 'Out-File',
        reason: 'DirectoryNotFoundException', fqid: 'FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand', prefix: 'Out-File',
      });
      return false;
    }
    return true;
  }

  private commandNotFound(name: string, pos: { line: number; col: number; nameLen: number }): never {
    const message = this.core
      ? `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.${this.nl === '\r\n' ? ' ' : '\n'}Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`
      : `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`;
    throw new PsThrow({
      message, category: 'ObjectNotFound', target: name, activity: '', reason: 'CommandNotFoundException', fqid: 'CommandNotFoundException',
      prefix: name, pos: { line: pos.line, col: pos.col, len: pos.nameLen },
    }, false);
  }

  private command(
    rawName: string,
    args: (Arg & { v: unknown })[],
    input: unknown[] | undefined,
    pos: { line: number; col: number; nameLen: number; len: number },
  ): unknown[] {
    const name = rawName.toLowerCase();
    const positional = args.filter((a) => !a.param).map((a) => a.v);
    const named = new Map<string, unknown>();
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (!a.param) continue;
      named.set(a.param.toLowerCase(), a.value ? a.v : true);
    }
    const param = (...names: string[]): unknown => {
      for (const n of names) if (named.has(n)) return named.get(n);
      return undefined;
    };
    // parameters given as "-Name value": a switch followed by a positional value
    const withValues = (names: string[]) => {
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a.param && !a.value && names.some((n) => n.startsWith(a.param!.toLowerCase()) && a.param!.length >= 1)) {
          const next = args[i + 1];
          if (next && !next.param) {
            named.set(names.find((n) => n.startsWith(a.param!.toLowerCase()))!, next.v);
            const idx = positional.indexOf(next.v);
            if (idx >= 0) positional.splice(idx, 1);
            i++;
          }
        }
      }
    };
    // common parameters every cmdlet takes
    for (const a of args) if (a.param && /^ea$/i.test(a.param)) a.param = 'ErrorAction';
    withValues(['erroraction', 'warningaction', 'informationaction']);
    const cmdline = [rawName, ...args.map((a) => (a.param ? `-${a.param}` : '') + (a.value ? (a.param ? ' ' : '') + this.str(a.v) : ''))].join(' ');
    const stub = this.stubs.find((s) => s.re.test(cmdline));
    if (stub) {
      if (stub.stub.Stderr) this.rt.writeErr(stub.stub.Stderr);
      this.rt.advance((stub.stub.DurationSeconds ?? 0) * 1000);
      this.lastExit = stub.stub.ExitCode ?? 0;
      if (this.lastExit !== 0) this.stmtFailed = true;
      return stub.stub.Stdout ? stub.stub.Stdout.replace(/\r?\n$/, '').split(/\r?\n/) : [];
    }
    const fn = this.funcs.get(name);
    if (fn) return this.callFunction(fn, args, input);
    const errPos = { line: pos.line, col: pos.col, len: pos.len };
    const inputs = input ?? [];
    switch (name) {
      case 'write-output':
      case 'echo':
      case 'write': {
        return [...inputs, ...positional.flatMap((v) => this.enumerate(v))];
      }
      case 'write-host': {
        withValues(['separator', 'foregroundcolor', 'backgroundcolor', 'object']);
        const sep = param('separator') !== undefined ? this.str(param('separator')) : ' ';
        const objs = [...(param('object') !== undefined ? [param('object')] : []), ...positional, ...inputs];
        const text = objs.map((o) => (Array.isArray(o) ? o.map((x) => this.str(x)).join(sep) : this.str(o))).join(sep);
        this.rt.writeOut(text + (param('nonewline') ? '' : this.nl));
        return [];
      }
      case 'write-warning': {
        withValues(['message']);
        this.rt.writeOut(`WARNING: ${this.str(param('message') ?? positional[0] ?? '')}${this.nl}`);
        return [];
      }
      case 'write-verbose':
      case 'write-debug':
      case 'write-information':
      case 'write-progress':
        return [];
      case 'write-error': {
        withValues(['message', 'category', 'erroraction', 'errorid']);
        const msg = this.str(param('message') ?? positional[0] ?? inputs[0] ?? '');
        const scriptName = this.o.vfs.basename(this.o.vfs.normalize(this.o.scriptPath, this.o.vfs.root()));
        this.nonTerminating({
          message: msg, category: 'NotSpecified', target: '', activity: 'Write-Error', reason: 'WriteErrorException',
          fqid: `Microsoft.PowerShell.Commands.WriteErrorException,${scriptName}`, prefix: this.o.scriptPath, label: 'Write-Error',
        }, named);
        return [];
      }
      case 'start-sleep':
      case 'sleep': {
        withValues(['seconds', 'milliseconds', 'duration']);
        const ms = param('milliseconds', 'm') !== undefined ? Number(this.str(param('milliseconds', 'm'))) : Number(this.str(param('seconds', 's') ?? positional[0] ?? 0)) * 1000;
        if (!Number.isFinite(ms) || ms < 0) {
          throw new PsThrow(this.simpleError(`Cannot validate argument on parameter 'Seconds'.`, 'InvalidData', '', 'ParameterBindingValidationException', 'ParameterArgumentValidationError,Microsoft.PowerShell.Commands.StartSleepCommand'), false);
        }
        this.rt.advance(ms);
        return [];
      }
      case 'hostname':
      case 'hostname.exe':
        this.lastExit = 0;
        return [this.o.facts.hostname];
      case 'whoami':
      case 'whoami.exe':
        this.lastExit = 0;
        return [this.o.facts.user];
      case 'ipconfig':
      case 'ipconfig.exe':
      case 'systeminfo':
      case 'systeminfo.exe':
      case 'get-computerinfo':
      case 'gin':
      case 'get-process':
      case 'gps':
        if (this.windows || !WINDOWS_ONLY.has(name)) return this.systemInfo(name, positional, named, errPos);
        break;
      case 'get-date': {
        withValues(['format', 'uformat', 'date']);
        let ms = this.rt.now();
        const d = param('date') ?? positional[0];
        if (d instanceof PsDate) ms = d.ms;
        else if (d !== undefined) {
          const t = Date.parse(this.str(d));
          if (!Number.isNaN(t)) ms = t;
        }
        if (param('format') !== undefined) return [dotnetFormat(this.str(param('format')), ms)];
        if (param('uformat') !== undefined) return [strftime(this.str(param('uformat')), ms)];
        return [new PsDate(ms)];
      }
      case 'get-location':
      case 'pwd':
      case 'gl':
        return [new PsPath(this.cwd)];
      case 'set-location':
      case 'cd':
      case 'sl':
      case 'chdir': {
        withValues(['path', 'literalpath']);
        const p = this.str(param('path', 'literalpath') ?? positional[0] ?? (this.windows ? 'C:\\Windows\\system32\\config\\systemprofile' : '/root'));
        const abs = this.resolvePath(p);
        if (!this.o.vfs.isDir(abs)) {
          this.nonTerminating({
            message: `Cannot find path '${abs}' because it does not exist.`, category: 'ObjectNotFound', target: abs, activity: 'Set-Location',
            reason: 'ItemNotFoundException', fqid: 'PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand', prefix: 'Set-Location', pos: errPos, label: 'Set-Location',
          }, named);
          return [];
        }
        this.cwd = this.o.vfs.display(abs);
        return [];
      }
      case 'get-content':
      case 'gc':
      case 'cat':
      case 'type': {
        withValues(['path', 'literalpath', 'totalcount', 'first', 'head', 'tail', 'last']);
        const out: unknown[] = [];
        for (const pv of this.enumerate(param('path', 'literalpath') ?? positional[0])) {
          const p = this.str(pv);
          if (/^env:/i.test(p)) {
            const v = this.getEnv(p.slice(4));
            if (v !== undefined) out.push(v);
            continue;
          }
          const abs = this.resolvePath(p);
          const text = this.o.vfs.read(abs);
          if (text === undefined) {
            this.nonTerminating({
              message: this.o.vfs.isDir(abs) ? `Access to the path '${abs}' is denied.` : `Cannot find path '${abs}' because it does not exist.`,
              category: 'ObjectNotFound', target: abs, activity: 'Get-Content', reason: 'ItemNotFoundException',
              fqid: 'PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand', prefix: 'Get-Content', pos: errPos, label: 'Get-Content',
            }, named);
            continue;
          }
          if (param('raw')) {
            out.push(text);
            continue;
          }
          let ls = text.split(/\r?\n/);
          if (ls[ls.length - 1] === '') ls.pop();
          const head = param('totalcount', 'first', 'head');
          const tail = param('tail', 'last');
          if (head !== undefined) ls = ls.slice(0, Number(head));
          if (tail !== undefined) ls = ls.slice(-Number(tail));
          out.push(...ls);
        }
        return out;
      }
      case 'set-content':
      case 'add-content':
      case 'out-file': {
        withValues(['path', 'filepath', 'value', 'encoding', 'literalpath']);
        const p = this.str(param('path', 'filepath', 'literalpath') ?? positional[0]);
        const values = param('value') !== undefined ? this.enumerate(param('value')) : positional.length > 1 ? this.enumerate(positional[1]) : inputs;
        const text = name === 'out-file' ? values.map((v) => this.formatOut(v)).join('') : values.map((v) => this.str(v) + this.nl).join('');
        this.writeFile(p, text, name === 'add-content' || !!param('append'));
        return [];
      }
      case 'test-path': {
        withValues(['path', 'literalpath', 'pathtype']);
        const p = this.str(param('path', 'literalpath') ?? positional[0] ?? '');
        if (/^env:/i.test(p)) return [this.getEnv(p.slice(4)) !== undefined];
        const abs = this.resolvePath(p);
        const type = String(param('pathtype') ?? 'any').toLowerCase();
        return [type === 'leaf' ? this.o.vfs.isFile(abs) : type === 'container' ? this.o.vfs.isDir(abs) : this.o.vfs.exists(abs)];
      }
      case 'new-item':
      case 'mkdir':
      case 'md': {
        withValues(['path', 'itemtype', 'name', 'value']);
        let p = this.str(param('path') ?? positional[0] ?? '.');
        if (param('name') !== undefined) p = `${p}${this.windows ? '\\' : '/'}${this.str(param('name'))}`;
        const abs = this.resolvePath(p);
        const dir = name !== 'new-item' || String(param('itemtype') ?? 'file').toLowerCase() === 'directory';
        if (dir) this.o.vfs.mkdir(abs, true);
        else this.o.vfs.write(abs, param('value') !== undefined ? this.str(param('value')) : '', false);
        return [];
      }
      case 'remove-item':
      case 'rm':
      case 'del': {
        withValues(['path', 'literalpath']);
        for (const pv of this.enumerate(param('path', 'literalpath') ?? positional[0])) {
          const abs = this.resolvePath(this.str(pv));
          if (this.o.vfs.remove(abs, !!param('recurse') || !!param('force')) === 'missing') {
            this.nonTerminating({
              message: `Cannot find path '${abs}' because it does not exist.`, category: 'ObjectNotFound', target: abs, activity: 'Remove-Item',
              reason: 'ItemNotFoundException', fqid: 'PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand', prefix: 'Remove-Item', pos: errPos, label: 'Remove-Item',
            }, named);
          }
        }
        return [];
      }
      case 'out-null':
        return [];
      case 'out-string':
        return [inputs.map((v) => this.formatOut(v)).join('')];
      case 'out-host':
      case 'out-default':
        for (const v of inputs) this.emit(v);
        return [];
      case 'select-object':
      case 'select': {
        withValues(['first', 'last', 'skip', 'expandproperty']);
        let r = inputs;
        if (param('skip') !== undefined) r = r.slice(Number(param('skip')));
        if (param('first') !== undefined) r = r.slice(0, Number(param('first')));
        if (param('last') !== undefined) r = r.slice(-Number(param('last')));
        if (param('expandproperty') !== undefined) r = r.map((o) => this.member(o, this.str(param('expandproperty'))));
        return r;
      }
      case 'where-object':
      case 'where':
      case '?':
      case 'foreach-object':
      case 'foreach':
      case '%': {
        const block = positional[0] ?? param('process', 'filterscript');
        if (!(block instanceof ScriptBlock)) return inputs;
        const out: unknown[] = [];
        const isWhere = name.startsWith('w') || name === '?';
        for (const it of inputs) {
          this.rt.step(false);
          const vals = this.invokeBlock(block, it);
          if (isWhere) {
            if (this.truthy(vals)) out.push(it);
          } else out.push(...vals);
        }
        return out;
      }
      case 'measure-object': {
        return [new PsObject({ Count: inputs.length })];
      }
      case 'sort-object':
      case 'sort': {
        const r = [...inputs].sort((a, b) => this.compare(a, b));
        return param('descending') ? r.reverse() : param('unique') ? r.filter((v, i) => i === 0 || this.compare(v, r[i - 1]) !== 0) : r;
      }
      case 'select-string':
      case 'sls': {
        withValues(['pattern', 'path']);
        const pat = this.str(param('pattern') ?? positional[0]);
        let re;
        try {
          re = compileRegex(pat, 'net', !param('casesensitive'));
        } catch {
          return [];
        }
        const lines = inputs.map((v) => this.str(v));
        return lines.filter((l) => (param('notmatch') ? !re.test(l) : re.test(l)));
      }
      case 'convertto-json': {
        withValues(['depth', 'inputobject']);
        const v = param('inputobject') ?? (inputs.length === 1 ? inputs[0] : inputs);
        return [this.toJson(v, 0)];
      }
      case 'get-command':
      case 'gcm': {
        const n = this.str(positional[0] ?? '');
        if (!this.isCommand(n)) this.commandNotFoundNonTerminating(n, named, errPos);
        return this.isCommand(n) ? [n] : [];
      }
      case 'invoke-expression':
      case 'iex': {
        const text = this.str(positional[0] ?? inputs[0] ?? '');
        const sub = new PsParser(text);
        const prog = sub.program();
        const out: unknown[] = [];
        const saved = this.parser;
        this.parser = sub;
        try {
          this.execBlock(prog, (v) => out.push(v));
        } finally {
          this.parser = saved;
        }
        return out;
      }
      case 'get-service':
      case 'gsv':
      case 'start-service':
      case 'sasv':
      case 'stop-service':
      case 'spsv':
      case 'restart-service':
      case 'set-service':
      case 'install-package':
      case 'uninstall-package':
      case 'get-package': {
        // Windows PowerShell's service and PackageManagement cmdlets; pwsh on Linux and macOS has none of them here.
        if (!this.windows) break;
        withValues(['name', 'displayname', 'startuptype', 'status', 'requiredversion', 'minimumversion', 'providername', 'source', 'inputobject']);
        return this.systemCmdlet(name, positional, param, named, inputs, errPos);
      }
      case 'get-random': {
        withValues(['minimum', 'maximum']);
        const min = Number(param('minimum') ?? 0);
        const max = Number(param('maximum') ?? positional[0] ?? 2147483647);
        return [min + ((this.rt.steps * 2654435761) % Math.max(1, max - min))];
      }
    }
    this.commandNotFound(rawName, { line: pos.line, col: pos.col, nameLen: pos.nameLen });
  }

  /** ipconfig, systeminfo, Get-ComputerInfo, Get-Process: from the node's machine (../machine.ts). */
  private systemInfo(name: string, positional: unknown[], named: Map<string, unknown>, errPos: { line: number; col: number; len: number }): unknown[] {
    const m = this.o.machine;
    const f = this.o.facts;
    this.lastExit = 0;
    if (name.startsWith('ipconfig')) {
      this.rt.writeOut(ipconfigText(f, m, positional.some((p) => /^[/-]all$/i.test(this.str(p))) || named.has('all')));
      return [];
    }
    if (name.startsWith('systeminfo')) {
      this.rt.writeOut(systeminfoText(f, m));
      return [];
    }
    if (name === 'get-computerinfo' || name === 'gin') return [new PsList(computerInfo(f, m))];
    const wanted = [...(named.has('name') && named.get('name') !== true ? [named.get('name')] : []), ...positional].flatMap((v) => this.enumerate(v)).map((v) => this.str(v));
    const r = processTable(m, wanted.length ? wanted : undefined, this.nl);
    for (const n of r.missing) {
      this.nonTerminating({
        message: `Cannot find a process with the name "${n}". Verify the process name and call the cmdlet again.`, category: 'ObjectNotFound', target: n,
        activity: 'Get-Process', reason: 'ProcessCommandException', fqid: 'NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand',
        prefix: 'Get-Process', pos: errPos, label: 'Get-Process',
      }, named);
    }
    this.rt.writeOut(r.out);
    return [];
  }

  // ---------------------------------------------------------------- services and packages

  private serviceRow(sv: ServiceFact): PsRow {
    return new PsRow('service', { Status: sv.Status, Name: sv.Name, DisplayName: sv.DisplayName ?? sv.Name, StartType: sv.StartType ?? 'Manual', ServiceName: sv.Name, ServiceType: sv.ServiceType ?? 'Win32OwnProcess' });
  }

  /** The services a cmdlet names (-Name, positional, or ServiceController objects piped in). */
  private namedServices(positional: unknown[], param: (...n: string[]) => unknown, inputs: unknown[]): string[] {
    const given = param('name', 'inputobject') ?? positional[0];
    const names = this.enumerate(given).map((v) => (v instanceof PsRow ? this.str(v.props.Name) : this.str(v)));
    for (const v of inputs) names.push(v instanceof PsRow ? this.str(v.props.Name) : this.str(v));
    return names;
  }

  private systemCmdlet(
    name: string,
    positional: unknown[],
    param: (...n: string[]) => unknown,
    named: Map<string, unknown>,
    inputs: unknown[],
    pos: { line: number; col: number; len: number },
  ): unknown[] {
    const sys = this.o.system;
    const cmdlet = {
      'get-service': 'GetService', gsv: 'GetService', 'start-service': 'StartService', sasv: 'StartService', 'stop-service': 'StopService',
      spsv: 'StopService', 'restart-service': 'RestartService', 'set-service': 'SetService',
    }[name];
    const label = cmdlet ? `${cmdlet.replace(/^(Get|Start|Stop|Restart|Set)/, '$1-')}` : '';
    const notFound = (n: string) =>
      this.nonTerminating({
        message: `Cannot find any service with service name '${n}'.`, category: 'ObjectNotFound', target: n, activity: label,
        reason: 'ServiceCommandException', fqid: `NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.${cmdlet}Command`, prefix: label, pos, label,
      }, named);
    switch (name) {
      case 'get-service':
      case 'gsv': {
        const byDisplay = param('displayname');
        const patterns = byDisplay !== undefined ? this.enumerate(byDisplay).map((v) => this.str(v)) : this.namedServices(positional, param, inputs);
        const all = [...sys.allServices()].sort((a, b) => (a.Name.toLowerCase() < b.Name.toLowerCase() ? -1 : 1));
        if (patterns.length === 0) return all.map((sv) => this.serviceRow(sv));
        const out: unknown[] = [];
        for (const p of patterns) {
          const hits = all.filter((sv) => globMatch(p, byDisplay !== undefined ? (sv.DisplayName ?? sv.Name) : sv.Name, true));
          // A wildcard pattern that matches nothing is no error; a plain name is.
          if (hits.length === 0 && !/[*?[]/.test(p)) {
            if (byDisplay !== undefined) {
              this.nonTerminating({
                message: `Cannot find any service with display name '${p}'.`, category: 'ObjectNotFound', target: p, activity: label,
                reason: 'ServiceCommandException', fqid: 'NoServiceFoundForGivenDisplayName,Microsoft.PowerShell.Commands.GetServiceCommand', prefix: label, pos, label,
              }, named);
            } else notFound(p);
          }
          out.push(...hits.map((sv) => this.serviceRow(sv)));
        }
        return out;
      }
      case 'start-service':
      case 'sasv':
      case 'stop-service':
      case 'spsv':
      case 'restart-service':
      case 'set-service': {
        const out: unknown[] = [];
        for (const n of this.namedServices(positional, param, inputs)) {
          this.rt.step(true);
          const sv = sys.service(n);
          if (!sv) {
            notFound(n);
            continue;
          }
          const startup = param('startuptype');
          if (name === 'set-service' && startup !== undefined) {
            const t = this.str(startup).toLowerCase();
            const type = t === 'automatic' ? 'Automatic' : t === 'manual' ? 'Manual' : t === 'disabled' ? 'Disabled' : undefined;
            if (!type) {
              throw new PsThrow(this.simpleError(`Cannot bind parameter 'StartupType'. Cannot convert value "${this.str(startup)}" to type "System.ServiceProcess.ServiceStartMode". Error: "Unable to match the identifier name ${this.str(startup)} to a valid enumerator name. Specify one of the following enumerator names and try again:${this.nl}Boot, System, Automatic, Manual, Disabled"`, 'InvalidArgument', '', 'ParameterBindingException', 'CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.SetServiceCommand'), false);
            }
            sys.updateService(sv, { StartType: type });
          }
          const status = param('status') === undefined ? undefined : this.str(param('status')).toLowerCase();
          const wanted =
            name === 'set-service' ? (status === undefined ? undefined : status === 'running' ? 'start' : 'stop')
            : name === 'stop-service' || name === 'spsv' ? 'stop'
            : 'start';
          if (wanted === 'start' && sv.StartType === 'Disabled') {
            this.nonTerminating({
              message: `Service '${sv.DisplayName ?? sv.Name} (${sv.Name})' cannot be started due to the following error: Cannot start service ${sv.Name} on computer '.'.`,
              category: 'OpenError', target: sv.Name, activity: label, reason: 'ServiceCommandException',
              fqid: `${cmdlet === 'RestartService' ? 'StartServiceFailed' : 'CouldNotStartService'},Microsoft.PowerShell.Commands.${cmdlet}Command`, prefix: label, pos, label,
            }, named);
            continue;
          }
          if (wanted) sys.updateService(sv, { Status: wanted === 'start' ? 'Running' : 'Stopped' });
          if (param('passthru')) out.push(this.serviceRow(sv));
        }
        return out;
      }
      case 'install-package': {
        const out: unknown[] = [];
        for (const n of this.enumerate(param('name') ?? positional[0]).map((v) => this.str(v))) {
          const avail = sys.available(n);
          if (!avail) {
            this.nonTerminating({
              message: `No match was found for the specified search criteria and package name '${n}'. Try Get-PackageSource to see all available registered package sources.`,
              category: 'ObjectNotFound', target: 'Microsoft.PowerShell.PackageManagement.Cmdlets.InstallPackage', activity: 'Install-Package', reason: 'Exception',
              fqid: 'NoMatchFoundForCriteria,Microsoft.PowerShell.PackageManagement.Cmdlets.InstallPackage', prefix: 'Install-Package', pos, label: 'Install-Package',
            }, named);
            continue;
          }
          this.rt.advance(INSTALL_MS);
          const rec = sys.packageRecord(avail, this.rt.now());
          sys.install(rec, avail.service);
          out.push(new PsRow('installed', { Name: rec.Name, Version: rec.Version, Source: 'PSGallery', Summary: rec.Summary ?? '' }));
        }
        return out;
      }
      case 'uninstall-package':
      case 'get-package': {
        const wanted = this.enumerate(param('name') ?? positional[0]).map((v) => this.str(v));
        const found = wanted.length ? wanted.map((n) => [n, sys.package(n)] as const) : sys.allPackages().map((p) => [p.Name, p] as const);
        const out: unknown[] = [];
        const activity = name === 'get-package' ? 'Get-Package' : 'Uninstall-Package';
        for (const [n, p] of found) {
          if (!p) {
            this.nonTerminating({
              message: `No package found for '${n}'.`, category: 'ObjectNotFound', target: `Microsoft.PowerShell.PackageManagement.Cmdlets.${activity.replace('-', '')}`,
              activity, reason: 'Exception', fqid: `NoMatchFound,Microsoft.PowerShell.PackageManagement.Cmdlets.${activity.replace('-', '')}`, prefix: activity, pos, label: activity,
            }, named);
            continue;
          }
          if (name === 'uninstall-package') {
            this.rt.advance(REMOVE_MS);
            sys.remove(p.Name);
          }
          out.push(new PsRow('package', { Name: p.Name, Version: p.Version, Source: p.Publisher === 'PSGallery' ? 'https://www.powershellgallery.com/api/v2' : '', ProviderName: p.Publisher === 'PSGallery' ? 'PowerShellGet' : 'Programs' }));
        }
        return out;
      }
    }
    return [];
  }

  private commandNotFoundNonTerminating(n: string, named: Map<string, unknown>, pos: { line: number; col: number; len: number }): void {
    this.nonTerminating({
      message: `The term '${n}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
      category: 'ObjectNotFound', target: n, activity: 'Get-Command', reason: 'CommandNotFoundException',
      fqid: 'CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand', prefix: 'Get-Command', pos,
    }, named);
  }

  private isCommand(n: string): boolean {
    const k = n.toLowerCase();
    if (this.funcs.has(k) || (NATIVE.has(k) && (this.windows || !WINDOWS_ONLY.has(k)))) return true;
    return [
      'write-output', 'write-host', 'write-error', 'write-warning', 'write-verbose', 'start-sleep', 'get-date', 'get-location',
      'set-location', 'get-content', 'set-content', 'add-content', 'out-file', 'test-path', 'new-item', 'remove-item', 'out-null',
      'out-string', 'select-object', 'where-object', 'foreach-object', 'measure-object', 'sort-object', 'select-string',
      'convertto-json', 'get-command', 'invoke-expression', 'get-random', 'get-process', 'gps',
      ...(this.windows ? ['get-computerinfo', 'gin'] : []),
    ].includes(k) || (this.windows && WINDOWS_SYSTEM_CMDLETS.has(k));
  }

  private callFunction(fn: Extract<Stmt, { k: 'function' }>, args: (Arg & { v: unknown })[], input: unknown[] | undefined): unknown[] {
    if (this.scopes.length > 100) {
      throw new PsThrow(this.simpleError('The script failed due to call depth overflow.', 'InvalidOperation', '', 'ScriptCallDepthException', 'CallDepthOverflow'), true);
    }
    const scope = new Map<string, unknown>();
    const rest: unknown[] = [];
    const used = new Set<string>();
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const p = a.param ? fn.params.find((x) => x.name.toLowerCase().startsWith(a.param!.toLowerCase())) : undefined;
      if (p) {
        if (a.value) scope.set(p.name.toLowerCase(), a.v);
        else if (args[i + 1] && !args[i + 1]!.param) scope.set(p.name.toLowerCase(), args[++i]!.v);
        else scope.set(p.name.toLowerCase(), true);
        used.add(p.name.toLowerCase());
      } else if (!a.param) rest.push(a.v);
    }
    for (const p of fn.params) {
      if (used.has(p.name.toLowerCase())) continue;
      if (rest.length) scope.set(p.name.toLowerCase(), rest.shift());
      else scope.set(p.name.toLowerCase(), p.def ? this.eval(p.def) : null);
    }
    scope.set('args', rest);
    scope.set('input', input ?? []);
    return this.runInScope(scope, fn.body);
  }

  private invokeBlock(b: ScriptBlock, it: unknown): unknown[] {
    return this.runInScope(new Map<string, unknown>([['_', it], ['psitem', it]]), b.body);
  }

  /** Runs a function or script block body in its own variable scope; `return` ends it with values. */
  private runInScope(scope: Map<string, unknown>, body: Stmt[]): unknown[] {
    this.scopes.push(scope);
    const out: unknown[] = [];
    try {
      this.execBlock(body, (v) => out.push(v));
    } catch (e) {
      if (e instanceof ReturnSig) out.push(...e.values);
      else throw e;
    } finally {
      this.scopes.pop();
    }
    return out;
  }

  private toJson(v: unknown, depth: number): string {
    const pad = '    '.repeat(depth + 1);
    const end = '    '.repeat(depth);
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) return v.length ? `[${this.nl}${v.map((x) => pad + this.toJson(x, depth + 1)).join(',' + this.nl)}${this.nl}${end}]` : '[]';
    if (v instanceof PsHash) {
      const entries = [...v.m.values()].map(([k, x]) => `${pad}${JSON.stringify(String(k))}:  ${this.toJson(x, depth + 1)}`);
      return entries.length ? `{${this.nl}${entries.join(',' + this.nl)}${this.nl}${end}}` : '{}';
    }
    return JSON.stringify(this.str(v));
  }

  // ---------------------------------------------------------------- expressions

  private enumerate(v: unknown): unknown[] {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    if (v === null) return [null];
    return [v];
  }

  private truthy(v: unknown): boolean {
    if (Array.isArray(v)) {
      if (v.length === 0) return false;
      if (v.length === 1) return this.truthy(v[0]);
      return true;
    }
    if (v === null || v === undefined) return false;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    return true;
  }

  eval(e: Expr): unknown {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'xstr':
        return checkSize(e.parts.map((p) => (typeof p === 'string' ? p : this.str(this.eval(p)))).join(''));
      case 'var':
        if (e.scope === 'env') return this.getEnv(e.name) ?? null;
        return this.getVar(e.name) ?? null;
      case 'sub': {
        const out: unknown[] = [];
        this.execBlock(e.body, (v) => out.push(v));
        return out.length === 0 ? null : out.length === 1 ? out[0] : out;
      }
      case 'arr': {
        const out: unknown[] = [];
        this.execBlock(e.body, (v) => out.push(v));
        return out;
      }
      case 'hash': {
        const h = new PsHash();
        for (const [k, v] of e.entries) h.set(this.eval(k), this.eval(v));
        return h;
      }
      case 'list':
        return e.items.map((x) => this.eval(x));
      case 'paren': {
        const vals = this.stmtValue(e.p);
        if (e.p.k === 'assign') return this.eval(e.p.target);
        return vals.length === 1 ? vals[0] : vals.length === 0 ? null : vals;
      }
      case 'block':
        return new ScriptBlock(e.body, e.text);
      case 'type':
        return new PsType(e.name);
      case 'cast':
        return this.cast(e.type, this.eval(e.e));
      case 'un': {
        const v = this.eval(e.e);
        if (e.op === '-not') return !this.truthy(v);
        if (e.op === '-') return -this.num(v);
        if (e.op === '+') return this.num(v);
        if (e.op === '-join') return this.enumerate(v).map((x) => this.str(x)).join('');
        if (e.op === '-split') return this.str(v).trim().split(/\s+/);
        return v;
      }
      case 'bin':
        return this.evalBin(e);
      case 'member':
        return this.member(this.eval(e.o), this.str(this.eval(e.name)), e.static);
      case 'call':
        return this.call(this.eval(e.o), e.name, e.args.map((a) => this.eval(a)), e.static);
      case 'index': {
        const o = this.eval(e.o);
        const i = this.eval(e.i);
        if (o instanceof PsHash) return o.get(i) ?? null;
        if (Array.isArray(o) || typeof o === 'string') {
          const idxs = this.enumerate(i).map((x) => this.num(x));
          const pick = (n: number) => (n < 0 ? o[o.length + n] : o[n]) ?? null;
          return idxs.length === 1 ? pick(idxs[0]!) : idxs.map(pick);
        }
        return null;
      }
      case 'incdec': {
        const cur = this.num(this.eval(e.target));
        const next = e.op === '++' ? cur + 1 : cur - 1;
        this.assign(e.target, '=', [next]);
        return e.prefix ? next : undefined;
      }
    }
  }

  private num(v: unknown): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v === null || v === undefined || v === '') return 0;
    if (Array.isArray(v) && v.length === 1) return this.num(v[0]);
    const s = this.str(v).trim();
    const n = /^0x[0-9a-f]+$/i.test(s) ? parseInt(s, 16) : Number(s);
    if (Number.isNaN(n)) {
      throw new PsThrow(this.simpleError(`Cannot convert value "${s}" to type "System.Int32". Error: "Input string was not in a correct format."`, 'InvalidArgument', '', 'RuntimeException', 'InvalidCastFromStringToInteger'), false);
    }
    return n;
  }

  private cast(type: string, v: unknown): unknown {
    const t = type.replace(/\[\]$/, '');
    if (type.endsWith('[]') || t === 'array') return this.enumerate(v).map((x) => (t === 'array' ? x : this.cast(t, x)));
    switch (t) {
      case 'int': case 'int32': case 'int64': case 'long': return Math.round(this.num(v));
      case 'double': case 'float': case 'decimal': return this.num(v);
      case 'string': return this.str(v);
      case 'bool': case 'boolean': return this.truthy(v);
      case 'datetime': {
        if (v instanceof PsDate) return v;
        const ms = Date.parse(this.str(v));
        return Number.isNaN(ms) ? null : new PsDate(ms);
      }
      case 'version': return new PsVersion(this.str(v).split('.').map(Number));
      case 'hashtable': return v;
      case 'void': return undefined;
    }
    return v;
  }

  private compare(a: unknown, b: unknown, cs = false): number {
    if (typeof a === 'number' || typeof b === 'number') {
      const x = this.num(a);
      const y = typeof a === 'number' ? Number(this.str(b)) : this.num(b);
      if (Number.isNaN(y)) return this.str(a) < this.str(b) ? -1 : 1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a instanceof PsDate && b instanceof PsDate) return a.ms - b.ms;
    if (typeof a === 'boolean') return a === this.truthy(b) ? 0 : 1;
    const x = cs ? this.str(a) : this.str(a).toLowerCase();
    const y = cs ? this.str(b) : this.str(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private regex(p: string, cs: boolean) {
    try {
      return compileRegex(p, 'net', !cs);
    } catch (e) {
      if (e instanceof RegexError) {
        throw new PsThrow(this.simpleError(`The regular expression pattern ${p} is not valid.`, 'InvalidOperation', p, 'RuntimeException', 'InvalidRegularExpression'), false);
      }
      throw e;
    }
  }

  private evalBin(e: Extract<Expr, { k: 'bin' }>): unknown {
    if (e.op === '-and') return this.truthy(this.eval(e.l)) && this.truthy(this.eval(e.r));
    if (e.op === '-or') return this.truthy(this.eval(e.l)) || this.truthy(this.eval(e.r));
    const l = this.eval(e.l);
    const r = this.eval(e.r);
    if (e.op === '-xor') return this.truthy(l) !== this.truthy(r);
    if (e.op === '..') {
      const a = this.num(l);
      const b = this.num(r);
      if (!(Math.abs(b - a) < MAX_ARRAY_ITEMS)) throw this.outOfMemory();
      const out: number[] = [];
      for (let i = a; a <= b ? i <= b : i >= b; i += a <= b ? 1 : -1) out.push(i);
      return out;
    }
    if (e.op === '-f') {
      const args = this.enumerate(r);
      return this.str(l).replace(/\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}/g, (_m, i: string, w?: string, f?: string) => {
        const v = args[Number(i)];
        let s = f && v instanceof PsDate ? dotnetFormat(f, v.ms) : f && typeof v === 'number' && /^[Nn]\d*$/.test(f) ? v.toFixed(Number(f.slice(1) || 2)) : f && typeof v === 'number' && /^0+$/.test(f) ? String(v).padStart(f.length, '0') : this.str(v);
        if (w) s = Number(w) < 0 ? s.padEnd(this.size(-Number(w))) : s.padStart(this.size(Number(w)));
        return s;
      });
    }
    if (['+', '-', '*', '/', '%'].includes(e.op)) return this.binop(e.op, l, r);
    const m = /^-(c|i)?(.+)$/.exec(e.op)!;
    const cs = m[1] === 'c';
    const op = m[2]!;
    if (Array.isArray(l) && !['contains', 'notcontains', 'join', 'replace', 'split', 'is', 'isnot', 'as'].includes(op)) {
      return l.filter((x) => this.truthy(this.compareOp(op, x, r, cs)));
    }
    return this.compareOp(op, l, r, cs);
  }

  private compareOp(op: string, l: unknown, r: unknown, cs: boolean): unknown {
    switch (op) {
      case 'eq': return l === null || r === null ? l === r : this.compare(l, r, cs) === 0;
      case 'ne': return l === null || r === null ? l !== r : this.compare(l, r, cs) !== 0;
      case 'gt': return this.compare(l, r, cs) > 0;
      case 'ge': return this.compare(l, r, cs) >= 0;
      case 'lt': return this.compare(l, r, cs) < 0;
      case 'le': return this.compare(l, r, cs) <= 0;
      case 'like': return globMatch(this.str(r).replace(/`(.)/g, '\\$1'), this.str(l), !cs);
      case 'notlike': return !globMatch(this.str(r).replace(/`(.)/g, '\\$1'), this.str(l), !cs);
      case 'match': return this.regex(this.str(r), cs).test(this.str(l));
      case 'notmatch': return !this.regex(this.str(r), cs).test(this.str(l));
      case 'contains': return this.enumerate(l).some((x) => this.compare(x, r, cs) === 0);
      case 'notcontains': return !this.enumerate(l).some((x) => this.compare(x, r, cs) === 0);
      case 'in': return this.enumerate(r).some((x) => this.compare(l, x, cs) === 0);
      case 'notin': return !this.enumerate(r).some((x) => this.compare(l, x, cs) === 0);
      case 'join': return this.enumerate(l).map((x) => this.str(x)).join(this.str(r));
      case 'split': {
        const s = this.str(l);
        const re = this.regex(this.str(this.enumerate(r)[0]), cs);
        return this.regexSplit(s, re);
      }
      case 'replace': {
        const [pat, rep] = this.enumerate(r);
        const re = this.regex(this.str(pat), cs);
        return this.enumerate(l).length > 1
          ? this.enumerate(l).map((x) => this.regexReplace(this.str(x), re, this.str(rep ?? '')))
          : this.regexReplace(this.str(l), re, this.str(rep ?? ''));
      }
      case 'is':
      case 'isnot': {
        const t = r instanceof PsType ? r.name : this.str(r).toLowerCase();
        const is = t === 'string' ? typeof l === 'string' : t === 'int' || t === 'int32' ? Number.isInteger(l) : t === 'bool' ? typeof l === 'boolean' : t === 'array' ? Array.isArray(l) : t === 'datetime' ? l instanceof PsDate : t === 'hashtable' ? l instanceof PsHash : false;
        return op === 'is' ? is : !is;
      }
      case 'as':
        return r instanceof PsType ? this.cast(r.name, l) : l;
    }
    return false;
  }

  private regexSplit(s: string, re: ReturnType<typeof compileRegex>): string[] {
    const out: string[] = [];
    let rest = s;
    for (let guard = 0; guard < 100_000; guard++) {
      const m = re.exec(rest);
      if (!m || m[1] === 0) break;
      if (m[0] === m[1]) {
        out.push(rest.slice(0, m[0] + 1));
        rest = rest.slice(m[0] + 1);
        continue;
      }
      out.push(rest.slice(0, m[0]));
      rest = rest.slice(m[1]);
    }
    out.push(rest);
    return out;
  }

  private regexReplace(s: string, re: ReturnType<typeof compileRegex>, rep: string): string {
    let out = '';
    let rest = s;
    for (let guard = 0; guard < 100_000; guard++) {
      const m = re.exec(rest);
      if (!m) break;
      out += rest.slice(0, m[0]) + rep.replace(/\$0/g, rest.slice(m[0], m[1]));
      if (m[1] === m[0]) {
        out += rest.slice(m[0], m[0] + 1);
        rest = rest.slice(m[0] + 1);
        if (rest === '' ) break;
        continue;
      }
      rest = rest.slice(m[1]);
      checkSize(out);
    }
    return out + rest;
  }

  private binop(op: string, l: unknown, r: unknown): unknown {
    if (op === '+') {
      if (Array.isArray(l)) return checkArray([...l, ...this.enumerate(r)]);
      if (typeof l === 'string') return checkSize(l + this.str(r));
      if (l instanceof PsHash && r instanceof PsHash) {
        const h = new PsHash();
        for (const [k, v] of l.m.values()) h.set(k, v);
        for (const [k, v] of r.m.values()) h.set(k, v);
        return h;
      }
      if (l instanceof PsDate) return new PsDate(l.ms + this.num(r));
      return this.num(l) + this.num(r);
    }
    if (op === '*') {
      if (typeof l === 'string') {
        const n = Math.max(0, Math.floor(this.num(r)));
        if (!(l.length * n <= MAX_STRING_CHARS)) throw this.outOfMemory();
        return l.repeat(n);
      }
      if (Array.isArray(l)) {
        const n = Math.max(0, Math.floor(this.num(r)));
        if (!(l.length * n <= MAX_ARRAY_ITEMS)) throw this.outOfMemory();
        return Array.from({ length: n }, () => l).flat();
      }
      return this.num(l) * this.num(r);
    }
    const a = this.num(l);
    const b = this.num(r);
    if ((op === '/' || op === '%') && b === 0) {
      throw new PsThrow(this.simpleError('Attempted to divide by zero.', 'NotSpecified', '', 'RuntimeException', 'RuntimeException'), false);
    }
    if (op === '-') return a - b;
    if (op === '/') return a / b;
    return a % b;
  }

  private member(o: unknown, name: string, isStatic = false): unknown {
    const n = name.toLowerCase();
    if (isStatic && o instanceof PsType) return this.staticMember(o.name, n);
    if (o instanceof PsHash) {
      if (n === 'count') return o.m.size;
      if (n === 'keys') return [...o.m.values()].map(([k]) => k);
      if (n === 'values') return [...o.m.values()].map(([, v]) => v);
      return o.get(name) ?? null;
    }
    if (o instanceof PsObject) {
      const key = Object.keys(o.props).find((k) => k.toLowerCase() === n);
      return key === undefined ? null : o.props[key];
    }
    if (o instanceof PsVersion) return ({ major: o.parts[0], minor: o.parts[1], build: o.parts[2] ?? -1, revision: o.parts[3] ?? -1 } as Record<string, unknown>)[n] ?? null;
    if (o instanceof PsDate) {
      const d = new Date(o.ms);
      const map: Record<string, unknown> = {
        year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(), dayofweek: dotnetFormat('dddd', o.ms), dayofyear: Number(strftime('%j', o.ms)),
        date: new PsDate(o.ms - (o.ms % 86_400_000)), ticks: o.ms * 10_000 + 621355968000000000,
      };
      return map[n] ?? null;
    }
    if (o instanceof PsPath) return n === 'path' || n === 'providerpath' ? o.path : null;
    if (o instanceof PsErrorValue) {
      if (n === 'exception') {
        const h = new PsHash();
        h.set('Message', o.rec.message);
        return h;
      }
      if (n === 'message') return o.rec.message;
      if (n === 'fullyqualifiederrorid') return o.rec.fqid;
      if (n === 'categoryinfo') return `${o.rec.category}: (${o.rec.target}:String) [${o.rec.activity}], ${o.rec.reason}`;
      return null;
    }
    if (typeof o === 'string') return n === 'length' ? o.length : null;
    if (Array.isArray(o)) {
      if (n === 'count' || n === 'length') return o.length;
      return o.map((x) => this.member(x, name)).filter((x) => x !== null);
    }
    if (o === null || o === undefined) return n === 'count' ? 0 : null;
    return n === 'count' || n === 'length' ? 1 : null;
  }

  private staticMember(type: string, n: string): unknown {
    if (type === 'environment') {
      if (n === 'machinename') return this.o.facts.hostname.split('.')[0]!.toUpperCase().slice(0, 15);
      if (n === 'username') return this.windows ? 'SYSTEM' : this.o.facts.user;
      if (n === 'newline') return this.nl;
      if (n === 'processorcount') return 2;
      if (n === 'is64bitoperatingsystem') return true;
      if (n === 'currentdirectory') return this.cwd;
    }
    if (type === 'math' && n === 'pi') return Math.PI;
    if (type === 'datetime' && (n === 'now' || n === 'utcnow')) return new PsDate(this.rt.now());
    if (type === 'string' && n === 'empty') return '';
    if (type === 'int' || type === 'int32') return n === 'maxvalue' ? 2147483647 : n === 'minvalue' ? -2147483648 : null;
    return null;
  }

  private call(o: unknown, name: string, args: unknown[], isStatic = false): unknown {
    const n = name.toLowerCase();
    if (isStatic && o instanceof PsType) {
      const t = o.name;
      if (t === 'environment' && n === 'getenvironmentvariable') return this.getEnv(this.str(args[0])) ?? null;
      if (t === 'environment' && n === 'setenvironmentvariable') {
        this.setEnv(this.str(args[0]), args[1] === null ? null : this.str(args[1]));
        return undefined;
      }
      if ((t === 'net.dns' || t === 'dns') && n === 'gethostname') return this.o.facts.hostname;
      if (t === 'math') {
        const x = args.map((a) => this.num(a));
        const fn: Record<string, (...v: number[]) => number> = {
          round: (v, d = 0) => Number(v!.toFixed(d)), floor: Math.floor, ceiling: Math.ceil, abs: Math.abs, max: Math.max, min: Math.min,
          sqrt: Math.sqrt, pow: Math.pow, truncate: Math.trunc,
        };
        if (fn[n]) return fn[n]!(...x);
      }
      if (t === 'string' && n === 'isnullorempty') return args[0] === null || args[0] === undefined || this.str(args[0]) === '';
      if (t === 'string' && n === 'isnullorwhitespace') return args[0] === null || args[0] === undefined || this.str(args[0]).trim() === '';
      if (t === 'string' && n === 'join') return this.enumerate(args[1]).map((x) => this.str(x)).join(this.str(args[0]));
      if (t === 'datetime' && n === 'parse') {
        const ms = Date.parse(this.str(args[0]));
        return Number.isNaN(ms) ? null : new PsDate(ms);
      }
      if (t === 'io.file' && (n === 'exists' || n === 'readalltext')) {
        const text = this.o.vfs.read(this.resolvePath(this.str(args[0])));
        return n === 'exists' ? text !== undefined : (text ?? null);
      }
      if (t === 'io.path' && n === 'combine') return args.map((a) => this.str(a)).join(this.windows ? '\\' : '/');
      if (t === 'guid' && n === 'newguid') return '00000000-0000-4000-8000-' + String(this.rt.steps).padStart(12, '0');
      throw new PsThrow(this.simpleError(`Method invocation failed because [${t}] does not contain a method named '${name}'.`, 'InvalidOperation', '', 'RuntimeException', 'MethodNotFound'), false);
    }
    if (o instanceof PsDate) {
      const d = o.ms;
      const add: Record<string, number> = { addmilliseconds: 1, addseconds: 1e3, addminutes: 6e4, addhours: 3.6e6, adddays: 8.64e7 };
      if (add[n]) return new PsDate(d + this.num(args[0]) * add[n]!);
      if (n === 'tostring') return args.length ? dotnetFormat(this.str(args[0]), d) : psInvariantDate(d);
      if (n === 'touniversaltime' || n === 'tolocaltime') return o;
      if (n === 'tofiletime') return d * 10_000 + 116444736000000000;
    }
    if (n === 'tostring') return o instanceof PsVersion ? o.toString() : this.str(o);
    if (typeof o === 'string') {
      const a0 = args[0] === undefined ? '' : this.str(args[0]);
      switch (n) {
        case 'toupper': case 'toupperinvariant': return o.toUpperCase();
        case 'tolower': case 'tolowerinvariant': return o.toLowerCase();
        case 'trim': return args.length ? trimChars(o, a0, true, true) : o.trim();
        case 'trimstart': return args.length ? trimChars(o, a0, true, false) : o.trimStart();
        case 'trimend': return args.length ? trimChars(o, a0, false, true) : o.trimEnd();
        case 'contains': return o.includes(a0);
        case 'startswith': return o.startsWith(a0);
        case 'endswith': return o.endsWith(a0);
        case 'replace': return o.split(a0).join(this.str(args[1] ?? ''));
        case 'split': return splitOnChars(o, a0 || ' ');
        case 'substring': return args.length > 1 ? o.substr(this.num(args[0]), this.num(args[1])) : o.slice(this.num(args[0]));
        case 'indexof': return o.indexOf(a0);
        case 'padleft': return o.padStart(this.size(this.num(args[0])), args[1] === undefined ? ' ' : this.str(args[1]));
        case 'padright': return o.padEnd(this.size(this.num(args[0])), args[1] === undefined ? ' ' : this.str(args[1]));
        case 'equals': return o === a0;
      }
    }
    if (o instanceof PsHash) {
      if (n === 'containskey' || n === 'contains') return o.m.has(this.str(args[0]).toLowerCase());
      if (n === 'add') {
        o.set(args[0], args[1]);
        return undefined;
      }
      if (n === 'remove') {
        o.m.delete(this.str(args[0]).toLowerCase());
        return undefined;
      }
    }
    if (Array.isArray(o) && n === 'contains') return o.some((x) => this.compare(x, args[0]) === 0);
    const typeName = o === null || o === undefined ? 'null-valued expression' : typeof o === 'string' ? 'System.String' : typeof o === 'number' ? 'System.Int32' : 'System.Object';
    if (o === null || o === undefined) {
      throw new PsThrow(this.simpleError('You cannot call a method on a null-valued expression.', 'InvalidOperation', '', 'RuntimeException', 'InvokeMethodOnNull'), false);
    }
    throw new PsThrow(this.simpleError(`Method invocation failed because [${typeName}] does not contain a method named '${name}'.`, 'InvalidOperation', '', 'RuntimeException', 'MethodNotFound'), false);
  }
}

function checkArray<T>(a: T[]): T[] {
  if (a.length > MAX_ARRAY_ITEMS) throw new Abort('output-limit', `the simulated shell stopped the script: an array grew past ${MAX_ARRAY_ITEMS} items`);
  return a;
}
