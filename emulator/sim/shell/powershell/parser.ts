/**
 * Parser of the PowerShell dialect: statements (pipelines, assignments, if/elseif/else, foreach,
 * for, while, do-while/until, try/catch/finally, throw, exit, return, break, continue, function),
 * commands with parameters and redirections, and expressions (strings with $var / $env:X / $(...)
 * interpolation, numbers, arrays, @(...), @{...}, ranges, arithmetic, comparison and logical
 * operators, -f, -replace, -split, -join, member access, method calls, indexing, [Type]::Member and
 * casts, script blocks). Keywords, operators and parameter names are case-insensitive.
 */
import { lineOf, lineStartsOf } from '../lines.js';

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'xstr'; parts: (string | Expr)[] }
  | { k: 'var'; name: string; scope?: string }
  | { k: 'sub'; body: Stmt[] }
  | { k: 'arr'; body: Stmt[] }
  | { k: 'hash'; entries: [Expr, Expr][] }
  | { k: 'list'; items: Expr[] }
  | { k: 'paren'; p: Stmt }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'member'; o: Expr; name: Expr; static?: boolean }
  | { k: 'call'; o: Expr; name: string; args: Expr[]; static?: boolean }
  | { k: 'index'; o: Expr; i: Expr }
  | { k: 'type'; name: string }
  | { k: 'cast'; type: string; e: Expr }
  | { k: 'block'; body: Stmt[]; text: string }
  | { k: 'incdec'; op: '++' | '--'; target: Expr; prefix: boolean };

export interface Arg {
  param?: string;
  value?: Expr;
  /** source text of a bare word, for commands that take paths */
  col: number;
}

export interface Redirect {
  from: string; // '1', '2', '*'
  append: boolean;
  target: Expr | 'merge';
}

export type PipeElem =
  | { k: 'cmd'; name: string | Expr; args: Arg[]; redirs: Redirect[]; col: number; endCol: number; nameEnd: number }
  | { k: 'expr'; e: Expr; redirs: Redirect[] };

export type Stmt =
  | { k: 'pipe'; elems: PipeElem[]; line: number; col: number; endCol: number }
  | { k: 'assign'; target: Expr; op: string; value: Stmt; line: number }
  | { k: 'if'; clauses: { cond: Stmt; body: Stmt[] }[]; else?: Stmt[]; line: number }
  | { k: 'foreach'; name: string; iter: Stmt; body: Stmt[]; line: number }
  | { k: 'for'; init?: Stmt; cond?: Stmt; step?: Stmt; body: Stmt[]; line: number }
  | { k: 'while'; cond: Stmt; body: Stmt[]; line: number }
  | { k: 'do'; body: Stmt[]; cond: Stmt; until: boolean; line: number }
  | { k: 'try'; body: Stmt[]; catches: Stmt[][]; fin?: Stmt[]; line: number }
  | { k: 'throw'; value?: Stmt; line: number; col: number; endCol: number }
  | { k: 'exit'; value?: Stmt; line: number }
  | { k: 'return'; value?: Stmt; line: number }
  | { k: 'break' | 'continue'; line: number }
  | { k: 'function'; name: string; params: { name: string; def?: Expr }[]; body: Stmt[]; line: number };

export class PsParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
    readonly id: string,
  ) {
    super(message);
  }
}

const COMPARISON = [
  'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin',
  'replace', 'split', 'join', 'is', 'isnot', 'as',
];
const COMP_RE = new RegExp(`^-(c|i)?(${COMPARISON.join('|')})(?![A-Za-z0-9_])`, 'i');

export class PsParser {
  pos = 0;
  private readonly lineStarts: number[];

  constructor(readonly src: string) {
    this.lineStarts = lineStartsOf(src);
  }

  lineAt(pos = this.pos): number {
    return lineOf(this.lineStarts, pos);
  }

  colAt(pos = this.pos): number {
    return pos - this.lineStarts[this.lineAt(pos) - 1]! + 1;
  }

  sourceLine(line: number): string {
    const s = this.lineStarts[line - 1] ?? this.src.length;
    const e = this.src.indexOf('\n', s);
    return this.src.slice(s, e < 0 ? undefined : e).replace(/\r$/, '');
  }

  private fail(msg: string, id: string): never {
    throw new PsParseError(msg, this.lineAt(), this.colAt(), id);
  }

  private peek(o = 0): string | undefined {
    return this.src[this.pos + o];
  }

  private at(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private atWordCI(w: string): boolean {
    return this.src.slice(this.pos, this.pos + w.length).toLowerCase() === w && !/[A-Za-z0-9_-]/.test(this.src[this.pos + w.length] ?? '');
  }

  /** Spaces, tabs, comments and backtick line continuations (not newlines). */
  private ws(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r' || c === '\f') this.pos++;
      else if (c === '`' && (this.peek(1) === '\n' || (this.peek(1) === '\r' && this.peek(2) === '\n'))) this.pos += this.peek(1) === '\n' ? 2 : 3;
      else if (c === '#') {
        const e = this.src.indexOf('\n', this.pos);
        this.pos = e < 0 ? this.src.length : e;
      } else if (this.at('<#')) {
        const e = this.src.indexOf('#>', this.pos + 2);
        this.pos = e < 0 ? this.src.length : e + 2;
      } else return;
    }
  }

  /** Whitespace including newlines. */
  private wsnl(): void {
    for (;;) {
      this.ws();
      if (this.peek() === '\n') this.pos++;
      else return;
    }
  }

  private expect(c: string, id: string, msg: string): void {
    this.wsnl();
    if (!this.at(c)) this.fail(msg, id);
    this.pos += c.length;
  }

  // ---------------------------------------------------------------- statements

  program(): Stmt[] {
    const body = this.statements(undefined);
    if (this.pos < this.src.length) this.fail(`Unexpected token '${this.peek()}' in expression or statement.`, 'UnexpectedToken');
    return body;
  }

  private statements(close: string | undefined): Stmt[] {
    const out: Stmt[] = [];
    for (;;) {
      this.ws();
      const c = this.peek();
      if (c === undefined) {
        if (close) this.fail(`Missing closing '${close}' in statement block or type definition.`, 'MissingEndCurlyBrace');
        break;
      }
      if (c === '\n' || c === ';') {
        this.pos++;
        continue;
      }
      if (close && this.at(close)) break;
      if (c === '}' || c === ')') this.fail(`Unexpected token '${c}' in expression or statement.`, 'UnexpectedToken');
      out.push(this.statement());
    }
    return out;
  }

  private block(): Stmt[] {
    this.wsnl();
    if (this.peek() !== '{') this.fail("Missing statement block.", 'MissingStatementBlock');
    this.pos++;
    const body = this.statements('}');
    this.pos++;
    return body;
  }

  private condition(kw: string): Stmt {
    this.ws();
    if (this.peek() !== '(') this.fail(`Missing '(' after '${kw}' in ${kw} statement.`, 'MissingOpenParenthesisInIfStatement');
    this.pos++;
    this.wsnl();
    const s = this.pipelineOrAssign();
    this.expect(')', 'MissingEndParenthesisAfterStatement', `Missing closing ')' after expression in '${kw}' statement.`);
    return s;
  }

  statement(): Stmt {
    const line = this.lineAt();
    const kw = /^[A-Za-z]+/.exec(this.src.slice(this.pos))?.[0]?.toLowerCase();
    if (kw && this.atWordCI(kw)) {
      switch (kw) {
        case 'if': {
          this.pos += 2;
          const clauses = [{ cond: this.condition('if'), body: this.block() }];
          let elseBody: Stmt[] | undefined;
          for (;;) {
            const save = this.pos;
            this.wsnl();
            if (this.atWordCI('elseif')) {
              this.pos += 6;
              clauses.push({ cond: this.condition('elseif'), body: this.block() });
            } else if (this.atWordCI('else')) {
              this.pos += 4;
              elseBody = this.block();
              break;
            } else {
              this.pos = save;
              break;
            }
          }
          return { k: 'if', clauses, else: elseBody, line };
        }
        case 'foreach': {
          this.pos += 7;
          this.ws();
          if (this.peek() !== '(') this.fail("Missing opening '(' after keyword 'foreach'.", 'MissingOpenParenthesisAfterKeyword');
          this.pos++;
          this.wsnl();
          const v = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(this.src.slice(this.pos));
          if (!v) this.fail("Missing variable name after foreach.", 'MissingVariableNameAfterForeach');
          this.pos += v![0].length;
          this.wsnl();
          if (!this.atWordCI('in')) this.fail("Missing 'in' after variable in foreach loop.", 'MissingInInForeach');
          this.pos += 2;
          this.wsnl();
          const iter = this.pipelineOrAssign();
          this.expect(')', 'MissingEndParenthesisAfterForeach', "Missing closing ')' after expression in 'foreach' statement.");
          return { k: 'foreach', name: v![1]!, iter, body: this.block(), line };
        }
        case 'for': {
          this.pos += 3;
          this.ws();
          if (this.peek() !== '(') this.fail("Missing opening '(' after keyword 'for'.", 'MissingOpenParenthesisAfterKeyword');
          this.pos++;
          const part = (end: string): Stmt | undefined => {
            this.wsnl();
            if (this.at(end)) {
              this.pos++;
              return undefined;
            }
            const s = this.pipelineOrAssign();
            this.wsnl();
            if (this.at(end)) this.pos++;
            else if (end === ';' && this.peek() === '\n') this.pos++;
            return s;
          };
          const init = part(';');
          const cond = part(';');
          const step = part(')');
          return { k: 'for', init, cond, step, body: this.block(), line };
        }
        case 'while': {
          this.pos += 5;
          return { k: 'while', cond: this.condition('while'), body: this.block(), line };
        }
        case 'do': {
          this.pos += 2;
          const body = this.block();
          this.wsnl();
          const until = this.atWordCI('until');
          if (!until && !this.atWordCI('while')) this.fail("Missing while or until keyword in do loop.", 'MissingWhileOrUntilInDoWhile');
          this.pos += until ? 5 : 5;
          return { k: 'do', body, cond: this.condition(until ? 'until' : 'while'), until, line };
        }
        case 'try': {
          this.pos += 3;
          const body = this.block();
          const catches: Stmt[][] = [];
          let fin: Stmt[] | undefined;
          for (;;) {
            const save = this.pos;
            this.wsnl();
            if (this.atWordCI('catch')) {
              this.pos += 5;
              this.ws();
              while (this.peek() === '[') {
                const e = this.src.indexOf(']', this.pos);
                this.pos = e < 0 ? this.src.length : e + 1;
                this.ws();
                if (this.peek() === ',') {
                  this.pos++;
                  this.wsnl();
                }
              }
              catches.push(this.block());
            } else if (this.atWordCI('finally')) {
              this.pos += 7;
              fin = this.block();
              break;
            } else {
              this.pos = save;
              break;
            }
          }
          if (catches.length === 0 && !fin) this.fail('The Try statement is missing its Catch or Finally block.', 'MissingCatchOrFinally');
          return { k: 'try', body, catches, fin, line };
        }
        case 'throw':
        case 'exit':
        case 'return': {
          const col = this.colAt();
          this.pos += kw.length;
          this.ws();
          const c = this.peek();
          const value = c === undefined || c === '\n' || c === ';' || c === '}' || c === ')' ? undefined : this.pipelineOrAssign();
          if (kw === 'throw') return { k: 'throw', value, line, col, endCol: this.colAt() };
          return { k: kw as 'exit' | 'return', value, line };
        }
        case 'break':
        case 'continue':
          this.pos += kw.length;
          return { k: kw as 'break' | 'continue', line };
        case 'function':
        case 'filter': {
          this.pos += kw.length;
          this.ws();
          const m = /^[A-Za-z_][A-Za-z0-9_:-]*/.exec(this.src.slice(this.pos));
          if (!m) this.fail('Missing name after function keyword.', 'MissingNameAfterKeyword');
          this.pos += m![0].length;
          this.ws();
          let params: { name: string; def?: Expr }[] = [];
          if (this.peek() === '(') {
            this.pos++;
            params = this.paramList(')');
          }
          this.wsnl();
          if (this.peek() !== '{') this.fail('Missing function body in function declaration.', 'MissingFunctionBody');
          this.pos++;
          this.wsnl();
          if (this.atWordCI('param')) {
            this.pos += 5;
            this.ws();
            this.expect('(', 'MissingOpenParenthesis', "Missing '(' in param block.");
            params = this.paramList(')');
          }
          const body = this.statements('}');
          this.pos++;
          return { k: 'function', name: m![0], params, body, line };
        }
        case 'param': {
          // a script-level param() block: the agent passes no arguments, so defaults apply
          this.pos += 5;
          this.ws();
          this.expect('(', 'MissingOpenParenthesis', "Missing '(' in param block.");
          const params = this.paramList(')');
          const stmts: Stmt = {
            k: 'pipe',
            line,
            col: 1,
            endCol: 1,
            elems: [],
          };
          void stmts;
          return { k: 'function', name: '', params, body: [], line };
        }
      }
    }
    return this.pipelineOrAssign();
  }

  private paramList(close: string): { name: string; def?: Expr }[] {
    const params: { name: string; def?: Expr }[] = [];
    for (;;) {
      this.wsnl();
      if (this.at(close)) {
        this.pos++;
        return params;
      }
      if (this.peek() === '[') {
        // attributes and type constraints: [Parameter(Mandatory)] [string]
        let depth = 0;
        do {
          if (this.peek() === '[') depth++;
          else if (this.peek() === ']') depth--;
          this.pos++;
        } while (depth > 0 && this.pos < this.src.length);
        continue;
      }
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(this.src.slice(this.pos));
      if (!m) this.fail(`Unexpected token '${this.peek()}' in parameter list.`, 'UnexpectedToken');
      this.pos += m![0].length;
      this.ws();
      let def: Expr | undefined;
      if (this.peek() === '=') {
        this.pos++;
        this.ws();
        def = this.expr();
      }
      params.push({ name: m![1]!, def });
    }
  }

  private pipelineOrAssign(): Stmt {
    const line = this.lineAt();
    if (this.peek() === '$' || (this.peek() === '[' && /^\[[A-Za-z]/.test(this.src.slice(this.pos)))) {
      const save = this.pos;
      try {
        const target = this.postfix(this.primary());
        this.ws();
        const m = /^(=(?!=)|\+=|-=|\*=|\/=|%=)/.exec(this.src.slice(this.pos));
        if (m && (target.k === 'var' || target.k === 'member' || target.k === 'index' || target.k === 'cast')) {
          this.pos += m[0].length;
          this.wsnl();
          const value = this.statement();
          return { k: 'assign', target, op: m[0], value, line };
        }
      } catch (e) {
        if (!(e instanceof PsParseError)) throw e;
      }
      this.pos = save;
    }
    return this.pipeline();
  }

  private pipeline(): Stmt {
    const line = this.lineAt();
    const col = this.colAt();
    const elems: PipeElem[] = [];
    for (;;) {
      this.ws();
      elems.push(this.pipeElem());
      this.ws();
      if (this.peek() === '|' && this.peek(1) !== '|') {
        this.pos++;
        this.wsnl();
        continue;
      }
      break;
    }
    return { k: 'pipe', elems, line, col, endCol: this.colAt() };
  }

  private isCommandStart(): boolean {
    const c = this.peek();
    if (c === undefined) return false;
    if (c === '&' && this.peek(1) !== '&') return true;
    if (c === '.' && (this.peek(1) === ' ' || this.peek(1) === '\t')) return true;
    if (/[A-Za-z_\\/~?*]/.test(c)) return true;
    if (c === '.' && /[\\/.]/.test(this.peek(1) ?? '')) return true;
    return false;
  }

  private pipeElem(): PipeElem {
    if (!this.isCommandStart()) {
      const e = this.expr();
      return { k: 'expr', e, redirs: this.redirections() };
    }
    const col = this.colAt();
    let name: string | Expr;
    if (this.peek() === '&' || (this.peek() === '.' && /\s/.test(this.peek(1) ?? ''))) {
      this.pos++;
      this.ws();
      name = this.isCommandStart() ? this.bareword() : this.postfix(this.primary());
    } else name = this.bareword();
    const nameEnd = this.colAt();
    const args: Arg[] = [];
    const redirs: Redirect[] = [];
    for (;;) {
      this.ws();
      const c = this.peek();
      if (c === undefined || c === '\n' || c === ';' || c === '}' || c === ')' || (c === '|' && this.peek(1) !== '|')) break;
      if (c === '&' && this.peek(1) === '&') this.fail("The token '&&' is not a valid statement separator in this version.", 'InvalidEndOfLine');
      const r = this.redirection();
      if (r) {
        redirs.push(r);
        continue;
      }
      const acol = this.colAt();
      const pm = /^-([A-Za-z_][A-Za-z0-9_]*)(:?)/.exec(this.src.slice(this.pos));
      if (pm && !/^-\d/.test(this.src.slice(this.pos))) {
        this.pos += pm[0].length;
        if (pm[2]) {
          this.ws();
          args.push({ param: pm[1], value: this.argValue(), col: acol });
        } else args.push({ param: pm[1], col: acol });
        continue;
      }
      if (c === '-' && this.peek(1) === '-' && /\s/.test(this.peek(2) ?? ' ')) {
        this.pos += 2;
        continue;
      }
      args.push({ value: this.argValue(), col: acol });
    }
    return { k: 'cmd', name, args, redirs, col, endCol: this.colAt(), nameEnd };
  }

  /** A command argument: an expression when it starts like one, else a bare word; commas make arrays. */
  private argValue(): Expr {
    const one = (): Expr => {
      const c = this.peek();
      if (c === '$' || c === '(' || c === '@' || c === "'" || c === '"' || c === '{' || (c === '[' && /^\[[A-Za-z]/.test(this.src.slice(this.pos)))) {
        return this.postfix(this.primary());
      }
      if (c !== undefined && /[0-9]/.test(c) && /^\d+(\.\d+)?(kb|mb|gb)?(?=[\s;|)},]|$)/i.test(this.src.slice(this.pos))) return this.primary();
      return { k: 'str', v: this.bareword() };
    };
    const first = one();
    this.ws();
    if (this.peek() !== ',') return first;
    const items = [first];
    while (this.peek() === ',') {
      this.pos++;
      this.wsnl();
      items.push(one());
      this.ws();
    }
    return { k: 'list', items };
  }

  private bareword(): string {
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined || /[\s;|)}(,{]/.test(c)) break;
      if (c === '`' && this.peek(1) !== undefined) {
        out += this.peek(1);
        this.pos += 2;
        continue;
      }
      if (c === '"' || c === "'") {
        const e = this.primary();
        out += e.k === 'str' ? e.v : '';
        continue;
      }
      out += c;
      this.pos++;
    }
    if (out === '') this.fail(`Unexpected token '${this.peek() ?? ''}' in expression or statement.`, 'UnexpectedToken');
    return out;
  }

  private redirection(): Redirect | undefined {
    const m = /^(\*|[1-6])?(>>|>)(&1)?/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    const from = m[1] ?? '1';
    if (m[3]) return { from, append: false, target: 'merge' };
    this.ws();
    const c = this.peek();
    const target = c === '$' || c === '(' || c === '"' || c === "'" ? this.postfix(this.primary()) : { k: 'str' as const, v: this.bareword() };
    return { from, append: m[2] === '>>', target };
  }

  private redirections(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      this.ws();
      const r = this.redirection();
      if (!r) return out;
      out.push(r);
    }
  }

  // ---------------------------------------------------------------- expressions

  expr(): Expr {
    return this.logical();
  }

  private opAhead(re: RegExp): string | undefined {
    this.ws();
    const m = re.exec(this.src.slice(this.pos));
    return m ? m[0] : undefined;
  }

  private logical(): Expr {
    let l = this.comparison();
    for (;;) {
      const op = this.opAhead(/^-(and|or|xor)(?![A-Za-z0-9_])/i);
      if (!op) return l;
      this.pos += op.length;
      this.wsnl();
      l = { k: 'bin', op: op.toLowerCase(), l, r: this.comparison() };
    }
  }

  private comparison(): Expr {
    if (this.opAhead(/^-(split|join)(?![A-Za-z0-9_])/i)) {
      const op = this.opAhead(/^-(split|join)/i)!;
      this.pos += op.length;
      this.ws();
      return { k: 'un', op: op.toLowerCase(), e: this.additive() };
    }
    let l = this.additive();
    for (;;) {
      const op = this.opAhead(COMP_RE);
      if (!op) return l;
      this.pos += op.length;
      this.wsnl();
      l = { k: 'bin', op: op.toLowerCase(), l, r: this.additive() };
    }
  }

  private additive(): Expr {
    let l = this.multiplicative();
    for (;;) {
      this.ws();
      const c = this.peek();
      if ((c === '+' || c === '-') && this.peek(1) !== '=' && this.peek(1) !== c && !(c === '-' && /[A-Za-z]/.test(this.peek(1) ?? ''))) {
        this.pos++;
        this.wsnl();
        l = { k: 'bin', op: c, l, r: this.multiplicative() };
      } else return l;
    }
  }

  private multiplicative(): Expr {
    let l = this.format();
    for (;;) {
      this.ws();
      const c = this.peek();
      if ((c === '*' || c === '/' || c === '%') && this.peek(1) !== '=') {
        this.pos++;
        this.wsnl();
        l = { k: 'bin', op: c, l, r: this.format() };
      } else return l;
    }
  }

  private format(): Expr {
    let l = this.comma();
    for (;;) {
      const op = this.opAhead(/^-f(?![A-Za-z0-9_])/i);
      if (!op) return l;
      this.pos += 2;
      this.wsnl();
      l = { k: 'bin', op: '-f', l, r: this.comma() };
    }
  }

  private comma(): Expr {
    const first = this.range();
    this.ws();
    if (this.peek() !== ',') return first;
    const items = [first];
    while (this.peek() === ',') {
      this.pos++;
      this.wsnl();
      items.push(this.range());
      this.ws();
    }
    return { k: 'list', items };
  }

  private range(): Expr {
    const l = this.unary();
    this.ws();
    if (this.at('..')) {
      this.pos += 2;
      this.ws();
      return { k: 'bin', op: '..', l, r: this.unary() };
    }
    return l;
  }

  private unary(): Expr {
    this.ws();
    const c = this.peek();
    if (c === '!') {
      this.pos++;
      return { k: 'un', op: '-not', e: this.unary() };
    }
    const not = this.opAhead(/^-not(?![A-Za-z0-9_])/i);
    if (not) {
      this.pos += 4;
      this.ws();
      return { k: 'un', op: '-not', e: this.unary() };
    }
    if ((c === '-' || c === '+') && this.peek(1) !== c) {
      this.pos++;
      return { k: 'un', op: c, e: this.unary() };
    }
    if ((c === '+' || c === '-') && this.peek(1) === c) {
      this.pos += 2;
      return { k: 'incdec', op: c === '+' ? '++' : '--', target: this.unary(), prefix: true };
    }
    if (c === '[' && /^\[[A-Za-z]/.test(this.src.slice(this.pos))) {
      const t = this.typeName();
      this.ws();
      if (this.at('::')) return this.postfix({ k: 'type', name: t }, true);
      const n = this.peek();
      if (n !== undefined && !/[\s;|)},\]=]/.test(n)) return { k: 'cast', type: t, e: this.unary() };
      return this.postfix({ k: 'type', name: t });
    }
    return this.postfix(this.primary());
  }

  private typeName(): string {
    let depth = 0;
    const start = this.pos;
    do {
      if (this.peek() === '[') depth++;
      else if (this.peek() === ']') depth--;
      this.pos++;
    } while (depth > 0 && this.pos < this.src.length);
    return this.src.slice(start + 1, this.pos - 1).trim().toLowerCase().replace(/^system\./, '');
  }

  private postfix(e: Expr, staticFirst = false): Expr {
    let first = staticFirst;
    for (;;) {
      const c = this.peek();
      if (c === '.' && this.peek(1) !== '.' || this.at('::') || first) {
        const isStatic = this.at('::');
        this.pos += isStatic ? 2 : 1;
        first = false;
        let name: Expr;
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos));
        if (m) {
          this.pos += m[0].length;
          name = { k: 'str', v: m[0] };
        } else if (this.peek() === '$' || this.peek() === '"' || this.peek() === "'" || this.peek() === '(') name = this.primary();
        else this.fail("Missing property name after reference operator.", 'MissingPropertyName');
        if (this.peek() === '(' && name.k === 'str') {
          this.pos++;
          const args: Expr[] = [];
          this.wsnl();
          if (this.peek() !== ')') {
            for (;;) {
              this.wsnl();
              args.push(this.range());
              this.wsnl();
              if (this.peek() === ',') {
                this.pos++;
                continue;
              }
              break;
            }
          }
          this.expect(')', 'MissingEndParenthesisInMethodCall', "Missing closing ')' in expression.");
          e = { k: 'call', o: e, name: name.v, args, static: isStatic };
        } else e = { k: 'member', o: e, name, static: isStatic };
        continue;
      }
      if (c === '[' ) {
        this.pos++;
        this.wsnl();
        const i = this.expr();
        this.expect(']', 'MissingEndSquareBracket', "Array index expression is missing or not valid.");
        e = { k: 'index', o: e, i };
        continue;
      }
      if ((c === '+' && this.peek(1) === '+') || (c === '-' && this.peek(1) === '-')) {
        if (e.k === 'var' || e.k === 'member' || e.k === 'index') {
          this.pos += 2;
          e = { k: 'incdec', op: c === '+' ? '++' : '--', target: e, prefix: false };
          continue;
        }
      }
      return e;
    }
  }

  primary(): Expr {
    this.ws();
    const c = this.peek();
    if (c === undefined) this.fail('You must provide a value expression following the operator.', 'ExpectedValueExpression');
    if (c === '$') {
      if (this.peek(1) === '(') {
        this.pos += 2;
        const body = this.statements(')');
        this.pos++;
        return { k: 'sub', body };
      }
      if (this.peek(1) === '{') {
        const e = this.src.indexOf('}', this.pos);
        const name = this.src.slice(this.pos + 2, e < 0 ? undefined : e);
        this.pos = e < 0 ? this.src.length : e + 1;
        return varExpr(name);
      }
      const m = /^\$(?:([A-Za-z]+):)?([A-Za-z0-9_]+|\?|\^|\$)/.exec(this.src.slice(this.pos));
      if (!m) {
        this.pos++;
        return { k: 'str', v: '$' };
      }
      this.pos += m[0].length;
      return varExpr(m[1] ? `${m[1]}:${m[2]}` : m[2]!);
    }
    if (c === '@') {
      if (this.peek(1) === '(') {
        this.pos += 2;
        const body = this.statements(')');
        this.pos++;
        return { k: 'arr', body };
      }
      if (this.peek(1) === '{') {
        this.pos += 2;
        const entries: [Expr, Expr][] = [];
        for (;;) {
          this.wsnl();
          if (this.peek() === ';') {
            this.pos++;
            continue;
          }
          if (this.peek() === '}') {
            this.pos++;
            break;
          }
          if (this.peek() === undefined) this.fail("Missing closing '}' in statement block or type definition.", 'MissingEndCurlyBrace');
          const km = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
          let key: Expr;
          if (km) {
            this.pos += km[0].length;
            key = { k: 'str', v: km[0] };
          } else key = this.unary();
          this.ws();
          if (this.peek() !== '=') this.fail("Missing '=' operator after key in hash literal.", 'MissingEqualsInHashLiteral');
          this.pos++;
          this.wsnl();
          const value = this.statement();
          entries.push([key, value.k === 'pipe' && value.elems.length === 1 && value.elems[0]!.k === 'expr' ? value.elems[0]!.e : { k: 'paren', p: value }]);
        }
        return { k: 'hash', entries };
      }
      if (this.peek(1) === '"' || this.peek(1) === "'") return this.hereString();
    }
    if (c === '(') {
      this.pos++;
      this.wsnl();
      if (this.peek() === ')') {
        this.pos++;
        return { k: 'list', items: [] };
      }
      const p = this.pipelineOrAssign();
      this.expect(')', 'MissingEndParenthesisInExpression', "Missing closing ')' in expression.");
      return { k: 'paren', p };
    }
    if (c === '{') {
      const start = this.pos;
      this.pos++;
      const body = this.statements('}');
      this.pos++;
      return { k: 'block', body, text: this.src.slice(start + 1, this.pos - 1) };
    }
    if (c === "'") {
      let v = '';
      let j = this.pos + 1;
      for (;;) {
        if (j >= this.src.length) this.fail('The string is missing the terminator: \'.', 'TerminatorExpectedAtEndOfString');
        if (this.src[j] === "'") {
          if (this.src[j + 1] === "'") {
            v += "'";
            j += 2;
            continue;
          }
          break;
        }
        v += this.src[j++];
      }
      this.pos = j + 1;
      return { k: 'str', v };
    }
    if (c === '"') {
      this.pos++;
      return this.expandable('"');
    }
    const num = /^(0x[0-9a-fA-F]+|\d+(\.\d+)?([eE][-+]?\d+)?|\.\d+)(kb|mb|gb|tb)?[lLdD]?(?![A-Za-z0-9_])/i.exec(this.src.slice(this.pos));
    if (num) {
      this.pos += num[0].length;
      const mult = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[num[4]?.toLowerCase() as 'kb'] ?? 1;
      return { k: 'num', v: Number(num[1]) * mult };
    }
    if (/[A-Za-z_]/.test(c)) {
      // a bare word in expression position (e.g. a command inside a pipeline element): treat as command
      const p = this.pipeline();
      return { k: 'paren', p };
    }
    this.fail(`Unexpected token '${c}' in expression or statement.`, 'UnexpectedToken');
  }

  private hereString(): Expr {
    const quote = this.peek(1)!;
    const start = this.src.indexOf('\n', this.pos);
    const endMarker = `\n${quote}@`;
    const end = this.src.indexOf(endMarker, start);
    if (start < 0 || end < 0) this.fail('The string is missing the terminator: ' + quote + '@.', 'TerminatorExpectedAtEndOfString');
    const text = this.src.slice(start + 1, end).replace(/\r$/, '');
    this.pos = end + endMarker.length;
    if (quote === "'") return { k: 'str', v: text };
    const sub = new PsParser(text);
    return sub.expandable(undefined);
  }

  /** Body of an expandable string, after the opening quote (or the whole text when `close` is undefined). */
  expandable(close: string | undefined): Expr {
    const parts: (string | Expr)[] = [];
    let buf = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) {
        if (close) this.fail('The string is missing the terminator: ".', 'TerminatorExpectedAtEndOfString');
        break;
      }
      if (close && c === '"') {
        if (this.peek(1) === '"') {
          buf += '"';
          this.pos += 2;
          continue;
        }
        this.pos++;
        break;
      }
      if (c === '`') {
        const n = this.peek(1) ?? '';
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };
        buf += map[n] ?? n;
        this.pos += 2;
        continue;
      }
      if (c === '$' && (this.peek(1) === '(' || this.peek(1) === '{' || /[A-Za-z0-9_?^$]/.test(this.peek(1) ?? ''))) {
        if (buf) parts.push(buf);
        buf = '';
        if (this.peek(1) === '(') {
          this.pos += 2;
          const body = this.statements(')');
          this.pos++;
          parts.push({ k: 'sub', body });
        } else {
          const m = /^\$(?:([A-Za-z]+):(?=[A-Za-z0-9_]))?([A-Za-z0-9_]+|\?|\^|\$)/.exec(this.src.slice(this.pos));
          if (this.peek(1) === '{') parts.push(this.primary());
          else if (m) {
            this.pos += m[0].length;
            parts.push(varExpr(m[1] ? `${m[1]}:${m[2]}` : m[2]!));
          } else {
            buf += '$';
            this.pos++;
          }
        }
        continue;
      }
      buf += c;
      this.pos++;
    }
    if (buf) parts.push(buf);
    return { k: 'xstr', parts };
  }
}

function varExpr(name: string): Expr {
  const i = name.indexOf(':');
  if (i > 0) {
    const scope = name.slice(0, i).toLowerCase();
    const rest = name.slice(i + 1);
    if (scope === 'env') return { k: 'var', name: rest, scope: 'env' };
    if (['script', 'global', 'local', 'private', 'using'].includes(scope)) return { k: 'var', name: rest };
    return { k: 'var', name: rest, scope };
  }
  return { k: 'var', name };
}
