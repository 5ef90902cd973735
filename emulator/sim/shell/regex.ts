/**
 * A small regular-expression matcher for patterns that come from scripts (grep, [[ =~ ]],
 * PowerShell -match / -notmatch / Select-String / -split). Scripts are untrusted, and JavaScript's
 * backtracking RegExp can take exponential time on patterns such as (a+)+$, so patterns are compiled
 * to an NFA and run as a Pike VM: time is O(pattern x input), always.
 *
 * Flavours: 'bre' (grep), 'ere' (grep -E, bash =~), 'net' (PowerShell: ERE plus \d \w \s \b,
 * (?:...), lazy quantifiers treated as greedy). Back-references are not supported (\1 is a literal
 * "1"): matching them needs backtracking. Only a yes/no answer and the first match span are given.
 */

type Pred = (c: string) => boolean;
type Node =
  | { k: 'char'; pred: Pred }
  | { k: 'cat'; items: Node[] }
  | { k: 'alt'; items: Node[] }
  | { k: 'rep'; node: Node; min: number; max: number }
  | { k: 'bol' }
  | { k: 'eol' }
  | { k: 'wordb'; neg: boolean }
  | { k: 'empty' };

type Instr =
  | { op: 'char'; pred: Pred }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'assert'; kind: 'bol' | 'eol' | 'wordb' | 'nwordb' }
  | { op: 'match' };

export type Flavor = 'bre' | 'ere' | 'net';

export class RegexError extends Error {}

const MAX_REPEAT = 1000;
const MAX_PROGRAM = 50_000;

const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const CLASSES: Record<string, Pred> = {
  alpha: (c) => /[A-Za-z]/.test(c),
  digit: (c) => c >= '0' && c <= '9',
  alnum: (c) => /[A-Za-z0-9]/.test(c),
  upper: (c) => c >= 'A' && c <= 'Z',
  lower: (c) => c >= 'a' && c <= 'z',
  space: (c) => /\s/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
  print: (c) => c >= ' ' && c !== '\x7f',
  graph: (c) => c > ' ' && c !== '\x7f',
  cntrl: (c) => c < ' ' || c === '\x7f',
  word: (c) => isWord(c),
};
const ESCAPE_CLASSES: Record<string, Pred> = {
  d: CLASSES.digit!,
  D: (c) => !CLASSES.digit!(c),
  w: (c) => isWord(c),
  W: (c) => !isWord(c),
  s: CLASSES.space!,
  S: (c) => !CLASSES.space!(c),
};

class Parser {
  i = 0;
  constructor(
    readonly src: string,
    readonly flavor: Flavor,
  ) {}

  parse(): Node {
    const n = this.alt(0);
    if (this.i < this.src.length) throw new RegexError(`Unmatched ) or \\)`);
    return n;
  }

  private atAltBar(): boolean {
    if (this.flavor === 'bre') return this.src.startsWith('\\|', this.i);
    return this.src[this.i] === '|';
  }

  private atClose(depth: number): boolean {
    if (depth === 0) return false;
    if (this.flavor === 'bre') return this.src.startsWith('\\)', this.i);
    return this.src[this.i] === ')';
  }

  private alt(depth: number): Node {
    const items = [this.cat(depth)];
    while (this.i < this.src.length && this.atAltBar()) {
      this.i += this.flavor === 'bre' ? 2 : 1;
      items.push(this.cat(depth));
    }
    return items.length === 1 ? items[0]! : { k: 'alt', items };
  }

  private cat(depth: number): Node {
    const items: Node[] = [];
    const start = this.i;
    while (this.i < this.src.length && !this.atAltBar() && !this.atClose(depth)) {
      if (this.flavor !== 'bre' && this.src[this.i] === ')' && depth === 0) throw new RegexError('Unmatched ) or \\)');
      items.push(this.repeat(this.i === start));
    }
    if (items.length === 0) return { k: 'empty' };
    return items.length === 1 ? items[0]! : { k: 'cat', items };
  }

  private repeat(first: boolean): Node {
    let node = this.atom(first);
    for (;;) {
      const c = this.src[this.i];
      let min: number, max: number;
      if (c === '*') {
        [min, max] = [0, Infinity];
        this.i++;
      } else if (this.flavor !== 'bre' && (c === '+' || c === '?')) {
        [min, max] = c === '+' ? [1, Infinity] : [0, 1];
        this.i++;
      } else if (this.flavor === 'bre' && (this.src.startsWith('\\+', this.i) || this.src.startsWith('\\?', this.i))) {
        [min, max] = this.src[this.i + 1] === '+' ? [1, Infinity] : [0, 1];
        this.i += 2;
      } else if (this.isBraceAt()) {
        [min, max] = this.brace();
      } else break;
      // .NET lazy (*?) and possessive (*+) forms: the match/no-match answer is the same.
      if (this.flavor === 'net' && (this.src[this.i] === '?' || this.src[this.i] === '+')) this.i++;
      if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new RegexError('Regular expression too big');
      if (max < min) throw new RegexError('Invalid content of \\{\\}');
      node = { k: 'rep', node, min, max };
    }
    return node;
  }

  private isBraceAt(): boolean {
    if (this.flavor === 'bre') return this.src.startsWith('\\{', this.i);
    return this.src[this.i] === '{' && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.i));
  }

  private brace(): [number, number] {
    this.i += this.flavor === 'bre' ? 2 : 1;
    const m = /^(\d+)(,(\d*))?/.exec(this.src.slice(this.i));
    if (!m) throw new RegexError('Invalid content of \\{\\}');
    this.i += m[0].length;
    const close = this.flavor === 'bre' ? '\\}' : '}';
    if (!this.src.startsWith(close, this.i)) throw new RegexError('Unmatched \\{');
    this.i += close.length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return [min, max];
  }

  private atom(first: boolean): Node {
    const s = this.src;
    const c = s[this.i]!;
    if (this.flavor === 'bre') {
      if (s.startsWith('\\(', this.i)) {
        this.i += 2;
        const n = this.alt(1);
        if (!s.startsWith('\\)', this.i)) throw new RegexError('Unmatched ( or \\(');
        this.i += 2;
        return n;
      }
      if (c === '*' && first) {
        this.i++;
        return lit('*');
      }
      if (c === '^') {
        this.i++;
        return first ? { k: 'bol' } : lit('^');
      }
      if (c === '$') {
        this.i++;
        const atEnd = this.i === s.length || s.startsWith('\\)', this.i) || s.startsWith('\\|', this.i);
        return atEnd ? { k: 'eol' } : lit('$');
      }
    } else {
      if (c === '(') {
        this.i++;
        if (this.flavor === 'net' && s[this.i] === '?') {
          // (?:...) and other group options: treated as a plain group.
          const m = /^\?[:imnsx-]*:?/.exec(s.slice(this.i));
          this.i += m ? m[0].length : 1;
        }
        const n = this.alt(1);
        if (s[this.i] !== ')') throw new RegexError('Unmatched ( or \\(');
        this.i++;
        return n;
      }
      if (c === '^') {
        this.i++;
        return { k: 'bol' };
      }
      if (c === '$') {
        this.i++;
        return { k: 'eol' };
      }
      if ((c === '*' || c === '+' || c === '?') && first) {
        if (this.flavor === 'net') throw new RegexError('Quantifier following nothing');
        this.i++;
        return lit(c);
      }
    }
    if (c === '.') {
      this.i++;
      return { k: 'char', pred: (x) => x !== '\n' };
    }
    if (c === '[') return this.bracket();
    if (c === '\\') {
      const d = s[this.i + 1];
      this.i += 2;
      if (d === undefined) throw new RegexError('Trailing backslash');
      if (ESCAPE_CLASSES[d]) return { k: 'char', pred: ESCAPE_CLASSES[d]! };
      if (d === 'b') return { k: 'wordb', neg: false };
      if (d === 'B') return { k: 'wordb', neg: true };
      if (d === 'n') return lit('\n');
      if (d === 't') return lit('\t');
      if (d === 'r' && this.flavor === 'net') return lit('\r');
      return lit(d);
    }
    this.i++;
    return lit(c);
  }

  private bracket(): Node {
    const s = this.src;
    this.i++;
    let neg = false;
    if (s[this.i] === '^') {
      neg = true;
      this.i++;
    }
    const preds: Pred[] = [];
    let firstChar = true;
    for (;;) {
      if (this.i >= s.length) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const c = s[this.i]!;
      if (c === ']' && !firstChar) {
        this.i++;
        break;
      }
      firstChar = false;
      if (s.startsWith('[:', this.i)) {
        const end = s.indexOf(':]', this.i + 2);
        const name = end < 0 ? '' : s.slice(this.i + 2, end);
        const p = CLASSES[name];
        if (!p) throw new RegexError('Invalid character class name');
        preds.push(p);
        this.i = end + 2;
        continue;
      }
      let lo = c;
      if (c === '\\' && this.flavor === 'net') {
        const d = s[this.i + 1] ?? '\\';
        this.i += 2;
        if (ESCAPE_CLASSES[d]) {
          preds.push(ESCAPE_CLASSES[d]!);
          continue;
        }
        lo = d === 'n' ? '\n' : d === 't' ? '\t' : d === 'r' ? '\r' : d;
      } else this.i++;
      if (s[this.i] === '-' && s[this.i + 1] !== undefined && s[this.i + 1] !== ']') {
        let hi = s[this.i + 1]!;
        this.i += 2;
        if (hi === '\\' && this.flavor === 'net') hi = s[this.i++] ?? '\\';
        if (hi < lo) throw new RegexError('Invalid range end');
        preds.push((x) => x >= lo && x <= hi);
      } else {
        const l = lo;
        preds.push((x) => x === l);
      }
    }
    return { k: 'char', pred: (x) => preds.some((p) => p(x)) !== neg };
  }
}

function lit(ch: string): Node {
  return { k: 'char', pred: (x) => x === ch };
}

function compile(node: Node, prog: Instr[]): void {
  if (prog.length > MAX_PROGRAM) throw new RegexError('Regular expression too big');
  switch (node.k) {
    case 'char':
      prog.push({ op: 'char', pred: node.pred });
      return;
    case 'empty':
      return;
    case 'bol':
    case 'eol':
      prog.push({ op: 'assert', kind: node.k });
      return;
    case 'wordb':
      prog.push({ op: 'assert', kind: node.neg ? 'nwordb' : 'wordb' });
      return;
    case 'cat':
      for (const it of node.items) compile(it, prog);
      return;
    case 'alt': {
      // split L1, L2 ; L1: a ; jmp end ; L2: split ... (chain)
      const jumps: number[] = [];
      node.items.forEach((it, idx) => {
        if (idx < node.items.length - 1) {
          const split = prog.length;
          prog.push({ op: 'split', x: split + 1, y: -1 });
          compile(it, prog);
          jumps.push(prog.length);
          prog.push({ op: 'jmp', x: -1 });
          (prog[split] as { y: number }).y = prog.length;
        } else compile(it, prog);
      });
      for (const j of jumps) (prog[j] as { x: number }).x = prog.length;
      return;
    }
    case 'rep': {
      for (let n = 0; n < node.min; n++) compile(node.node, prog);
      if (node.max === Infinity) {
        const split = prog.length;
        prog.push({ op: 'split', x: split + 1, y: -1 });
        compile(node.node, prog);
        prog.push({ op: 'jmp', x: split });
        (prog[split] as { y: number }).y = prog.length;
      } else {
        const splits: number[] = [];
        for (let n = node.min; n < node.max; n++) {
          splits.push(prog.length);
          prog.push({ op: 'split', x: prog.length + 1, y: -1 });
          compile(node.node, prog);
        }
        for (const sp of splits) (prog[sp] as { y: number }).y = prog.length;
      }
      return;
    }
  }
}

export interface Regex {
  /** First match in s: [start, end), or undefined. */
  exec(s: string): [number, number] | undefined;
  test(s: string): boolean;
}

export function compileRegex(pattern: string, flavor: Flavor, ignoreCase = false): Regex {
  const ast = new Parser(pattern, flavor).parse();
  const prog: Instr[] = [];
  compile(ast, prog);
  prog.push({ op: 'match' });
  if (prog.length > MAX_PROGRAM) throw new RegexError('Regular expression too big');
  if (ignoreCase) {
    for (const ins of prog) {
      if (ins.op === 'char') {
        const p = ins.pred;
        ins.pred = (c) => p(c) || p(c.toLowerCase()) || p(c.toUpperCase());
      }
    }
  }
  return {
    exec: (s) => run(prog, s),
    test: (s) => run(prog, s) !== undefined,
  };
}

/** Pike VM: leftmost match start, longest-so-far end among threads of that start (enough for -o style use). */
function run(prog: Instr[], s: string): [number, number] | undefined {
  const n = s.length;
  const mark = new Int32Array(prog.length).fill(-1);
  let gen = 0;
  type Thread = { pc: number; start: number };
  let best: [number, number] | undefined;

  const add = (list: Thread[], pc: number, start: number, pos: number) => {
    // iterative DFS to avoid deep recursion on long split chains
    const stack: number[] = [pc];
    while (stack.length) {
      const p = stack.pop()!;
      if (mark[p] === gen) continue;
      mark[p] = gen;
      const ins = prog[p]!;
      switch (ins.op) {
        case 'jmp':
          stack.push(ins.x);
          break;
        case 'split':
          stack.push(ins.y, ins.x);
          break;
        case 'assert': {
          const prev = pos > 0 ? s[pos - 1] : undefined;
          const next = pos < n ? s[pos] : undefined;
          const ok =
            ins.kind === 'bol' ? pos === 0
            : ins.kind === 'eol' ? pos === n
            : ins.kind === 'wordb' ? isWord(prev) !== isWord(next)
            : isWord(prev) === isWord(next);
          if (ok) stack.push(p + 1);
          break;
        }
        default:
          list.push({ pc: p, start });
      }
    }
  };

  let clist: Thread[] = [];
  gen++;
  add(clist, 0, 0, 0);
  for (let i = 0; ; i++) {
    // threads are kept in priority order of their start; a match ends threads that started later
    let matchedStart = -1;
    for (const t of clist) {
      if (prog[t.pc]!.op === 'match') {
        if (!best || t.start < best[0] || (t.start === best[0] && i > best[1])) best = [t.start, i];
        matchedStart = t.start;
        break;
      }
    }
    if (i >= n) break;
    const c = s[i]!;
    const nlist: Thread[] = [];
    gen++;
    for (const t of clist) {
      if (matchedStart >= 0 && t.start > matchedStart) continue;
      if (best && t.start > best[0]) continue;
      const ins = prog[t.pc]!;
      if (ins.op === 'char' && ins.pred(c)) add(nlist, t.pc + 1, t.start, i + 1);
    }
    if (!best) add(nlist, 0, i + 1, i + 1);
    clist = nlist;
    if (clist.length === 0 && best) break;
  }
  return best;
}

/**
 * Glob patterns (case, [[ == ]], PowerShell -like): * ? [...] with `\` escaping the next character.
 * Classic two-pointer matching with one backtrack point: O(pattern x input).
 */
export function globMatch(pattern: string, s: string, ignoreCase = false): boolean {
  type Tok = { k: 'lit'; c: string } | { k: 'any' } | { k: 'star' } | { k: 'set'; pred: Pred };
  const toks: Tok[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) toks.push({ k: 'lit', c: pattern[++i]! });
    else if (c === '*') {
      if (toks[toks.length - 1]?.k !== 'star') toks.push({ k: 'star' });
    } else if (c === '?') toks.push({ k: 'any' });
    else if (c === '[') {
      const end = findBracketEnd(pattern, i);
      if (end < 0) toks.push({ k: 'lit', c });
      else {
        const body = pattern.slice(i + 1, end);
        const neg = body[0] === '!' || body[0] === '^';
        const re = compileRegex(`[${neg ? '^' : ''}${neg ? body.slice(1) : body}]`, 'ere', ignoreCase);
        toks.push({ k: 'set', pred: (x) => re.test(x) });
        i = end;
      }
    } else toks.push({ k: 'lit', c });
  }
  const eq = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    const t = toks[p];
    if (t && t.k !== 'star' && (t.k === 'any' || (t.k === 'lit' ? eq(t.c, s[i]!) : t.pred(s[i]!)))) {
      p++;
      i++;
    } else if (t && t.k === 'star') {
      starP = p++;
      starI = i;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (toks[p]?.k === 'star') p++;
  return p === toks.length;
}

function findBracketEnd(p: string, open: number): number {
  let j = open + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p.startsWith('[:', j)) {
      const e = p.indexOf(':]', j + 2);
      if (e < 0) return -1;
      j = e + 1;
    } else if (p[j] === ']') return j;
  }
  return -1;
}
