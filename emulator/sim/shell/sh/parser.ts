/**
 * Parser of the sh dialect: a recursive-descent parser over characters (the shell's grammar is
 * context-sensitive, so words are read where they occur rather than by a separate lexer).
 *
 * Like bash, the program is parsed one complete command at a time (`nextCommand`), and each is run
 * before the next is parsed: a syntax error on line 10 is reported after lines 1-9 ran.
 *
 * Understood: simple commands with assignments and redirections (> >> < 2>&1 >&2 &> <<EOF <<-EOF
 * <<<), pipelines, ! , && || ; & and newlines, comments, quoting ('...', "...", \), parameter
 * expansion ($x ${x} ${x:-w} ${x:=w} ${x:+w} ${x:?w} ${#x} ${x#p} ${x##p} ${x%p} ${x%%p} ${x/p/r}
 * ${x//p/r} ${x^^} ${x,,} ${x:o:l}), $(...) and `...`, $((...)), if/elif/else, for, while, until,
 * case, { ...; }, ( ... ), functions (name() and function name), [[ ... ]] and (( ... )) (bash only).
 * Not understood (syntax errors or literal text): arrays, brace expansion, process substitution,
 * select, coprocesses, C-style for.
 */
import type { AndOr, Assign, Cmd, List, Pipeline, Redir, TestExpr, Word, WordPart } from './ast.js';
import { lineOf, lineStartsOf } from '../lines.js';

export class ShSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** The offending source line, which bash echoes on a second line (`...'). */
    readonly sourceLine?: string,
  ) {
    super(message);
  }
}

const RESERVED_TERMINATORS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

type WordMode = 'normal' | 'brace' | 'brace-slash' | 'regex' | 'dbrack';

export class ShParser {
  pos = 0;
  private readonly lineStarts: number[];
  private pendingHeredocs: { redir: Redir; delim: string; strip: boolean; quoted: boolean }[] = [];

  constructor(
    readonly src: string,
    readonly bash: boolean,
    readonly lineOffset = 0,
  ) {
    this.lineStarts = lineStartsOf(src);
  }

  lineAt(pos = this.pos): number {
    return lineOf(this.lineStarts, pos) + this.lineOffset;
  }

  private sourceLine(line: number): string {
    const i = line - 1 - this.lineOffset;
    const start = this.lineStarts[i] ?? this.src.length;
    const end = this.src.indexOf('\n', start);
    return this.src.slice(start, end < 0 ? undefined : end);
  }

  private err(token: string | undefined, pos = this.pos): never {
    const line = this.lineAt(pos);
    if (token === undefined) throw new ShSyntaxError('syntax error: unexpected end of file', this.lineAt(this.src.length));
    throw new ShSyntaxError(`syntax error near unexpected token \`${token}'`, line, this.sourceLine(line));
  }

  private eof(): boolean {
    return this.pos >= this.src.length;
  }

  private peek(o = 0): string | undefined {
    return this.src[this.pos + o];
  }

  private at(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** Blanks, line continuations and comments (a comment runs to the end of the line). */
  private skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') this.pos += 2;
      else if (c === '#') {
        const e = this.src.indexOf('\n', this.pos);
        this.pos = e < 0 ? this.src.length : e;
      } else return;
    }
  }

  /** Consumes one newline, then the bodies of here-documents opened on that line. */
  private newline(): void {
    this.pos++;
    const pending = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const h of pending) {
      let body = '';
      for (;;) {
        if (this.eof()) break; // bash warns and takes the rest of the script as the body
        const e = this.src.indexOf('\n', this.pos);
        let line = this.src.slice(this.pos, e < 0 ? undefined : e);
        this.pos = e < 0 ? this.src.length : e + 1;
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim || line.replace(/\r$/, '') === h.delim) break;
        body += line + '\n';
      }
      h.redir.heredoc = { body: h.quoted ? body : this.subWord(body, 'heredoc') };
    }
  }

  private skipLinebreaks(): void {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '\n') this.newline();
      else return;
    }
  }

  /** The next word if it is plain unquoted text (a candidate reserved word), without consuming it. */
  private peekPlainWord(): string | undefined {
    let j = this.pos;
    while (j < this.src.length && /[A-Za-z0-9_{}![\]!-]/.test(this.src[j]!)) j++;
    if (j === this.pos) return undefined;
    const next = this.src[j];
    if (next !== undefined && !/[\s;&|<>()]/.test(next)) return undefined;
    return this.src.slice(this.pos, j);
  }

  private takeReserved(word: string): boolean {
    this.skipBlanks();
    if (this.peekPlainWord() === word) {
      this.pos += word.length;
      return true;
    }
    return false;
  }

  private expectReserved(word: string): void {
    this.skipLinebreaks();
    if (!this.takeReserved(word)) this.err(this.eof() ? undefined : (this.peekPlainWord() ?? this.peek()));
  }

  // ---------------------------------------------------------------- lists

  /** The next complete command of the program (one line's list), or undefined at the end. */
  nextCommand(): List | undefined {
    this.skipLinebreaks();
    if (this.eof()) return undefined;
    const list = this.list(true);
    if (list.items.length === 0) {
      const w = this.peekPlainWord();
      this.err(w ?? this.peek());
    }
    return list;
  }

  /** Parses a whole program (backticks, eval, sourced files). */
  program(): List {
    const items: List['items'] = [];
    for (;;) {
      const l = this.nextCommand();
      if (!l) break;
      items.push(...l.items);
    }
    return { items };
  }

  private atListEnd(): boolean {
    this.skipBlanks();
    if (this.eof()) return true;
    const c = this.peek();
    if (c === ')') return true;
    if (this.at(';;') || this.at(';&')) return true;
    const w = this.peekPlainWord();
    return w !== undefined && RESERVED_TERMINATORS.has(w);
  }

  private list(topLevel: boolean): List {
    const items: List['items'] = [];
    for (;;) {
      if (!topLevel) this.skipLinebreaks();
      if (this.atListEnd()) break;
      const ao = this.andOr();
      this.skipBlanks();
      const c = this.peek();
      if (c === ';' && this.peek(1) !== ';' && this.peek(1) !== '&') {
        this.pos++;
        items.push({ ao, bg: false });
        if (topLevel) {
          this.skipBlanks();
          if (this.peek() === '\n') {
            this.newline();
            break;
          }
        }
      } else if (c === '&' && this.peek(1) !== '&') {
        this.pos++;
        items.push({ ao, bg: true });
        if (topLevel) {
          this.skipBlanks();
          if (this.peek() === '\n') {
            this.newline();
            break;
          }
        }
      } else if (c === '\n') {
        this.newline();
        items.push({ ao, bg: false });
        if (topLevel) break;
      } else {
        items.push({ ao, bg: false });
        if (topLevel && !this.eof()) this.err(this.peekPlainWord() ?? this.tokenAt());
        break;
      }
    }
    return { items };
  }

  private tokenAt(): string {
    for (const t of [';;', '&&', '||', '>>', '<<', ';', '&', '|', '(', ')', '<', '>']) if (this.at(t)) return t;
    return this.peek() ?? '';
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlanks();
      if (this.at('&&') || this.at('||')) {
        const op = this.src.slice(this.pos, this.pos + 2) as '&&' | '||';
        this.pos += 2;
        this.skipLinebreaks();
        rest.push({ op, p: this.pipeline() });
      } else break;
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    this.skipBlanks();
    const line = this.lineAt();
    let negate = false;
    if (this.peekPlainWord() === '!') {
      this.pos++;
      negate = true;
    }
    const cmds = [this.command()];
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '|' && this.peek(1) !== '|') {
        this.pos += this.peek(1) === '&' ? 2 : 1;
        this.skipLinebreaks();
        cmds.push(this.command());
      } else break;
    }
    return { negate, cmds, line };
  }

  // ---------------------------------------------------------------- commands

  private command(): Cmd {
    this.skipBlanks();
    const line = this.lineAt();
    if (this.eof()) this.err(undefined);
    const w = this.peekPlainWord();
    if (w !== undefined) {
      if (RESERVED_TERMINATORS.has(w) || w === 'in') this.err(w);
      switch (w) {
        case 'if': return this.ifCmd(line);
        case 'for': return this.forCmd(line);
        case 'while': case 'until': return this.whileCmd(line, w === 'until');
        case 'case': return this.caseCmd(line);
        case '{': {
          this.pos++;
          const body = this.list(false);
          this.expectReserved('}');
          return { k: 'group', body, redirs: this.redirs(), line };
        }
        case '[[':
          if (this.bash) return this.dbrack(line);
          break;
        case 'function':
          if (this.bash) return this.functionKeyword(line);
          break;
      }
    }
    const c = this.peek();
    if (c === '(') {
      if (this.bash && this.peek(1) === '(') {
        const expr = this.arithText(2, '))');
        return { k: 'arith', expr, redirs: this.redirs(), line };
      }
      this.pos++;
      const body = this.list(false);
      this.skipLinebreaks();
      if (this.peek() !== ')') this.err(this.eof() ? undefined : this.tokenAt());
      this.pos++;
      return { k: 'subshell', body, redirs: this.redirs(), line };
    }
    if (c === ')' || c === ';' || c === '|' || c === '&') this.err(this.tokenAt());
    return this.simple(line);
  }

  private ifCmd(line: number): Cmd {
    this.pos += 2;
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.list(false);
      this.expectReserved('then');
      const body = this.list(false);
      clauses.push({ cond, body });
      this.skipLinebreaks();
      if (this.takeReserved('elif')) continue;
      if (this.takeReserved('else')) {
        elseBody = this.list(false);
        this.expectReserved('fi');
        break;
      }
      this.expectReserved('fi');
      break;
    }
    return { k: 'if', clauses, else: elseBody, redirs: this.redirs(), line };
  }

  private forCmd(line: number): Cmd {
    this.pos += 3;
    this.skipBlanks();
    if (this.at('((')) this.err('((');
    const name = this.peekPlainWord();
    if (!name || !NAME_RE.test(name)) this.err(name ?? this.tokenAt());
    this.pos += name.length;
    this.skipBlanks();
    let items: Word[] | undefined;
    if (this.peek() === ';') this.pos++;
    this.skipLinebreaks();
    if (this.takeReserved('in')) {
      items = [];
      for (;;) {
        this.skipBlanks();
        const c = this.peek();
        if (c === undefined || c === ';' || c === '\n' || c === '&' || c === '|' || c === ')' || c === '(') break;
        items.push(this.nonEmptyWord('normal'));
      }
      if (this.peek() === ';') this.pos++;
    }
    this.expectReserved('do');
    const body = this.list(false);
    this.expectReserved('done');
    return { k: 'for', name, items, body, redirs: this.redirs(), line };
  }

  private whileCmd(line: number, until: boolean): Cmd {
    this.pos += until ? 5 : 5;
    const cond = this.list(false);
    this.expectReserved('do');
    const body = this.list(false);
    this.expectReserved('done');
    return { k: 'while', until, cond, body, redirs: this.redirs(), line };
  }

  private caseCmd(line: number): Cmd {
    this.pos += 4;
    this.skipBlanks();
    const word = this.word('normal');
    this.skipLinebreaks();
    if (!this.takeReserved('in')) this.err(this.peekPlainWord() ?? this.tokenAt());
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.skipLinebreaks();
      if (this.takeReserved('esac')) break;
      if (this.eof()) this.err(undefined);
      if (this.peek() === '(') this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        patterns.push(this.word('normal'));
        this.skipBlanks();
        if (this.peek() === '|') {
          this.pos++;
          continue;
        }
        if (this.peek() === ')') {
          this.pos++;
          break;
        }
        this.err(this.eof() ? undefined : this.tokenAt());
      }
      const body = this.list(false);
      items.push({ patterns, body });
      this.skipLinebreaks();
      if (this.at(';;') || this.at(';&')) {
        this.pos += this.at(';;&') ? 3 : 2;
        continue;
      }
      if (this.takeReserved('esac')) break;
      this.err(this.eof() ? undefined : (this.peekPlainWord() ?? this.tokenAt()));
    }
    return { k: 'case', word, items, redirs: this.redirs(), line };
  }

  private functionKeyword(line: number): Cmd {
    this.pos += 8;
    this.skipBlanks();
    const name = this.peekPlainWord() ?? this.src.slice(this.pos).match(/^[^\s();&|<>]+/)?.[0];
    if (!name) this.err(this.tokenAt());
    this.pos += name.length;
    this.skipBlanks();
    if (this.at('()')) this.pos += 2;
    else if (this.peek() === '(') {
      this.pos++;
      this.skipBlanks();
      if (this.peek() !== ')') this.err(this.tokenAt());
      this.pos++;
    }
    this.skipLinebreaks();
    return { k: 'funcdef', name, body: this.command(), line };
  }

  private simple(line: number): Cmd {
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === undefined || c === '\n' || c === ';' || c === '&' && this.peek(1) !== '>' || c === '|' || c === ')') break;
      if (c === '(') {
        if (words.length === 1 && assigns.length === 0 && redirs.length === 0 && /^\(\s*\)/.test(this.src.slice(this.pos))) {
          const name = words[0]!.raw;
          this.pos = this.src.indexOf(')', this.pos) + 1;
          this.skipLinebreaks();
          return { k: 'funcdef', name, body: this.command(), line };
        }
        this.err('(');
      }
      const r = this.redir();
      if (r) {
        redirs.push(r);
        continue;
      }
      const w = this.word('normal');
      const first = w.parts[0];
      if (words.length === 0 && first?.t === 'lit') {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.v);
        if (m) {
          if (this.peek() === '(') this.err('(');
          const rest = first.v.slice(m[0].length);
          const parts: WordPart[] = rest ? [{ t: 'lit', v: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
          assigns.push({ name: m[1]!, append: m[2] === '+', value: { parts, line: w.line, raw: w.raw.slice(m[0].length) } });
          continue;
        }
      }
      words.push(w);
    }
    if (assigns.length === 0 && words.length === 0 && redirs.length === 0) this.err(this.eof() ? undefined : this.tokenAt());
    return { k: 'simple', assigns, words, redirs, line };
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (;;) {
      this.skipBlanks();
      const r = this.redir();
      if (!r) return out;
      out.push(r);
    }
  }

  private redir(): Redir | undefined {
    const m = /^(\d*)(&>>|&>|<<<|<<-|<<|>>|>\||>&|<&|<>|>|<)/.exec(this.src.slice(this.pos, this.pos + 8));
    if (!m) return undefined;
    if (m[1] && m[2]!.startsWith('&')) return undefined;
    this.pos += m[0].length;
    const op = m[2] as Redir['op'];
    const fd = m[1] ? Number(m[1]) : op.startsWith('<') && op !== '<>' ? 0 : op === '<>' ? 0 : 1;
    this.skipBlanks();
    const c = this.peek();
    if (c === undefined || c === '\n' || c === ';' || c === '|' || c === '&' || c === '<' || c === '>' || c === '(' || c === ')') {
      this.err(c === undefined || c === '\n' ? 'newline' : this.tokenAt());
    }
    const redir: Redir = { fd, op };
    if (op === '<<' || op === '<<-') {
      const start = this.pos;
      const w = this.word('normal');
      const quoted = w.parts.some((p) => p.t !== 'lit');
      const delim = w.parts.map((p) => (p.t === 'lit' || p.t === 'sq' || p.t === 'esc' ? p.v : p.t === 'dq' ? p.parts.map((q) => ('v' in q ? q.v : '')).join('') : '')).join('');
      void start;
      this.pendingHeredocs.push({ redir, delim, strip: op === '<<-', quoted });
      redir.heredoc = { body: '' };
      return redir;
    }
    redir.target = this.word('normal');
    return redir;
  }

  // ---------------------------------------------------------------- [[ ]]

  private dbrack(line: number): Cmd {
    this.pos += 2;
    type Tok = { op: string } | { w: Word };
    const toks: Tok[] = [];
    let regexNext = false;
    for (;;) {
      this.skipBlanks();
      if (this.peek() === '\n') {
        this.newline();
        continue;
      }
      if (this.eof()) this.err(undefined);
      if (this.at(']]') && /[\s;&|)]|$/.test(this.src[this.pos + 2] ?? '')) {
        this.pos += 2;
        break;
      }
      if (regexNext) {
        toks.push({ w: this.nonEmptyWord('regex') });
        regexNext = false;
        continue;
      }
      const op = ['&&', '||', '(', ')', '!', '<', '>'].find((o) => this.at(o) && (o !== '!' || /[\s]/.test(this.src[this.pos + 1] ?? ' ')));
      if (op) {
        this.pos += op.length;
        toks.push(op === '<' || op === '>' ? { w: { parts: [{ t: 'lit', v: op }], line: this.lineAt(), raw: op } } : { op });
        continue;
      }
      const w = this.nonEmptyWord('dbrack');
      toks.push({ w });
      if (w.raw === '=~') regexNext = true;
    }
    let i = 0;
    const isOp = (t: Tok | undefined, o: string) => t !== undefined && 'op' in t && t.op === o;
    const wordOf = (t: Tok | undefined): Word => {
      if (!t) this.err(']]');
      if ('op' in t) this.err(t.op);
      return t.w;
    };
    const BIN = new Set(['==', '=', '!=', '<', '>', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
    const UN = /^-[a-zA-Z]$/;
    const orE = (): TestExpr => {
      let a = andE();
      while (isOp(toks[i], '||')) {
        i++;
        a = { k: 'or', a, b: andE() };
      }
      return a;
    };
    const andE = (): TestExpr => {
      let a = notE();
      while (isOp(toks[i], '&&')) {
        i++;
        a = { k: 'and', a, b: notE() };
      }
      return a;
    };
    const notE = (): TestExpr => {
      if (isOp(toks[i], '!')) {
        i++;
        return { k: 'not', a: notE() };
      }
      if (isOp(toks[i], '(')) {
        i++;
        const e = orE();
        if (!isOp(toks[i], ')')) this.err(']]');
        i++;
        return e;
      }
      const w = wordOf(toks[i++]);
      const next = toks[i];
      if (next && 'w' in next && BIN.has(next.w.raw)) {
        i++;
        return { k: 'binary', op: next.w.raw, l: w, r: wordOf(toks[i++]) };
      }
      if (UN.test(w.raw) && next && 'w' in next) {
        i++;
        return { k: 'unary', op: w.raw, w: next.w };
      }
      return { k: 'word', w };
    };
    if (toks.length === 0) this.err(']]');
    const expr = orE();
    if (i < toks.length) {
      const t = toks[i]!;
      this.err('op' in t ? t.op : t.w.raw);
    }
    return { k: 'dbrack', expr, redirs: this.redirs(), line };
  }

  // ---------------------------------------------------------------- words

  /** Text of $(( ... )) / (( ... )) from `skip` chars ahead to the matching `close`. */
  private arithText(skip: number, close: string): Word {
    const line = this.lineAt();
    this.pos += skip;
    const start = this.pos;
    let depth = 0;
    while (!this.eof()) {
      const c = this.peek();
      if (depth === 0 && this.at(close)) break;
      if (c === '(') depth++;
      else if (c === ')') depth--;
      this.pos++;
    }
    if (this.eof()) this.err(undefined);
    const text = this.src.slice(start, this.pos);
    this.pos += close.length;
    const w = this.subWord(text, 'heredoc');
    return { ...w, line };
  }

  /** Parses text as a word in which only $, ` and \ are special (here-documents, arithmetic). */
  private subWord(text: string, _kind: 'heredoc'): Word {
    const sub = new ShParser(text, this.bash, this.lineAt() - 1);
    const parts = sub.dqParts(true);
    return { parts, line: this.lineAt(), raw: text };
  }

  /** A word that must consume input: at an operator it is a syntax error (loops rely on progress). */
  private nonEmptyWord(mode: WordMode): Word {
    const start = this.pos;
    const w = this.word(mode);
    if (this.pos === start) this.err(this.eof() ? undefined : this.tokenAt());
    return w;
  }

  word(mode: WordMode): Word {
    const start = this.pos;
    const line = this.lineAt();
    const parts: WordPart[] = [];
    let buf = '';
    const flush = () => {
      if (buf) parts.push({ t: 'lit', v: buf });
      buf = '';
    };
    let braceDepth = 0;
    while (!this.eof()) {
      const c = this.peek()!;
      if (mode === 'normal' || mode === 'regex' || mode === 'dbrack') {
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
        if (mode === 'regex') {
          if ((c === '&' && this.peek(1) === '&') || (c === '|' && this.peek(1) === '|')) break;
          if (c === ']' && this.peek(1) === ']') break;
          if (c === ';') break;
        } else if (c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')') break;
      } else {
        if (c === '}' && braceDepth === 0) break;
        if (mode === 'brace-slash' && c === '/') break;
        if (c === '{') braceDepth++;
        if (c === '}') braceDepth--;
      }
      if (c === '\\') {
        const n = this.peek(1);
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        flush();
        if (n === undefined) {
          parts.push({ t: 'lit', v: '\\' });
          this.pos++;
        } else {
          parts.push({ t: 'esc', v: n });
          this.pos += 2;
        }
        continue;
      }
      if (c === "'") {
        flush();
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShSyntaxError("unexpected EOF while looking for matching `''", this.lineAt(this.src.length));
        parts.push({ t: 'sq', v: this.src.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        flush();
        this.pos++;
        parts.push({ t: 'dq', parts: this.dqParts(false) });
        continue;
      }
      if (c === '$') {
        const p = this.dollar();
        if (p) {
          flush();
          parts.push(p);
        } else {
          buf += '$';
        }
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.backtick());
        continue;
      }
      if (c === '~' && this.pos === start && mode === 'normal') {
        const m = /^~([A-Za-z0-9_.-]*)(?=$|[\s/;&|<>()])/.exec(this.src.slice(this.pos));
        if (m) {
          parts.push({ t: 'tilde', user: m[1]! });
          this.pos += m[0].length;
          continue;
        }
      }
      buf += c;
      this.pos++;
    }
    flush();
    return { parts, line, raw: this.src.slice(start, this.pos) };
  }

  /** Inside "...": (after the opening quote) up to the closing quote; `toEnd` reads to the end of input. */
  dqParts(toEnd: boolean): WordPart[] {
    const parts: WordPart[] = [];
    let buf = '';
    const flush = () => {
      if (buf) parts.push({ t: 'lit', v: buf });
      buf = '';
    };
    for (;;) {
      if (this.eof()) {
        if (toEnd) break;
        throw new ShSyntaxError('unexpected EOF while looking for matching `"\'', this.lineAt(this.src.length));
      }
      const c = this.peek()!;
      if (c === '"' && !toEnd) {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.peek(1);
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (n === '$' || n === '`' || n === '\\' || (n === '"' && !toEnd)) {
          flush();
          parts.push({ t: 'esc', v: n });
          this.pos += 2;
          continue;
        }
        buf += '\\';
        this.pos++;
        continue;
      }
      if (c === '$') {
        const p = this.dollar();
        if (p) {
          flush();
          parts.push(p);
        } else buf += '$';
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.backtick());
        continue;
      }
      buf += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  private backtick(): WordPart {
    const line = this.lineAt();
    let j = this.pos + 1;
    let inner = '';
    for (;;) {
      if (j >= this.src.length) throw new ShSyntaxError('unexpected EOF while looking for matching ``\'', this.lineAt(this.src.length));
      const c = this.src[j]!;
      if (c === '`') break;
      if (c === '\\' && (this.src[j + 1] === '`' || this.src[j + 1] === '\\' || this.src[j + 1] === '$')) {
        inner += this.src[j + 1];
        j += 2;
        continue;
      }
      inner += c;
      j++;
    }
    this.pos = j + 1;
    const sub = new ShParser(inner, this.bash, line - 1);
    return { t: 'cmd', body: sub.program() };
  }

  /** At `$`: an expansion, or undefined when the `$` is literal. */
  private dollar(): WordPart | undefined {
    const n = this.peek(1);
    if (n === '(' && this.peek(2) === '(') {
      return { t: 'arith', expr: this.arithText(3, '))') };
    }
    if (n === '(') {
      this.pos += 2;
      const body = this.list(false);
      this.skipLinebreaks();
      if (this.peek() !== ')') this.err(this.eof() ? undefined : this.tokenAt());
      this.pos++;
      return { t: 'cmd', body };
    }
    if (n === '{') return this.braceParam();
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos + 1))!;
      this.pos += 1 + m[0].length;
      return { t: 'param', name: m[0] };
    }
    if (n !== undefined && /[0-9?$#!@*\-]/.test(n)) {
      this.pos += 2;
      return { t: 'param', name: n };
    }
    if (n === "'" && this.bash) {
      // $'...' ANSI-C quoting
      const end = this.findAnsiEnd(this.pos + 2);
      const raw = this.src.slice(this.pos + 2, end);
      this.pos = end + 1;
      return { t: 'sq', v: ansiC(raw) };
    }
    this.pos++;
    return undefined;
  }

  private findAnsiEnd(j: number): number {
    while (j < this.src.length) {
      if (this.src[j] === '\\') j += 2;
      else if (this.src[j] === "'") return j;
      else j++;
    }
    throw new ShSyntaxError("unexpected EOF while looking for matching `''", this.lineAt(this.src.length));
  }

  private braceParam(): WordPart {
    const start = this.pos;
    this.pos += 2;
    const bad = (): never => {
      const end = this.src.indexOf('}', this.pos);
      const text = this.src.slice(start, end < 0 ? undefined : end + 1);
      throw new ShSyntaxError(`${text}: bad substitution`, this.lineAt(start));
    };
    let length = false;
    if (this.peek() === '#' && this.peek(1) !== '}' && /[A-Za-z_0-9?$#!@*\-]/.test(this.peek(1) ?? '')) {
      length = true;
      this.pos++;
    }
    let name: string;
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*\-])/.exec(this.src.slice(this.pos));
    if (!m) bad();
    name = m![0];
    this.pos += name.length;
    if (this.peek() === '}') {
      this.pos++;
      return { t: 'param', name, length };
    }
    if (length) bad();
    const ops = [':-', ':=', ':+', ':?', '##', '%%', '//', '^^', ',,', '-', '=', '+', '?', '#', '%', '/', '^', ',', ':'];
    const op = ops.find((o) => this.at(o));
    if (!op) bad();
    this.pos += op!.length;
    if (op === '/' || op === '//') {
      const pat = this.word('brace-slash');
      let rep: Word | undefined;
      if (this.peek() === '/') {
        this.pos++;
        rep = this.word('brace');
      }
      if (this.peek() !== '}') bad();
      this.pos++;
      return { t: 'param', name, op, arg: pat, arg2: rep };
    }
    const arg = this.word('brace');
    if (this.peek() !== '}') throw new ShSyntaxError('unexpected EOF while looking for matching `}\'', this.lineAt(this.src.length));
    this.pos++;
    return { t: 'param', name, op, arg };
  }
}

/** $'...' escapes. */
export function ansiC(raw: string): string {
  return raw.replace(/\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'e': case 'E': return '\x1b';
      case 'f': return '\f';
      case 'v': return '\v';
      case 'x': return String.fromCharCode(parseInt(e.slice(1), 16));
      default:
        if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
        return e;
    }
  });
}
