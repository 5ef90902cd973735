/** Syntax tree of the sh dialect (see parser.ts). */

export type WordPart =
  | { t: 'lit'; v: string }
  | { t: 'sq'; v: string }
  | { t: 'esc'; v: string }
  | { t: 'dq'; parts: WordPart[] }
  | { t: 'param'; name: string; op?: string; arg?: Word; arg2?: Word; length?: boolean }
  | { t: 'cmd'; body: List }
  | { t: 'arith'; expr: Word }
  | { t: 'tilde'; user: string };

export interface Word {
  parts: WordPart[];
  line: number;
  /** Source text, for error messages and xtrace of unparsed pieces. */
  raw: string;
}

export interface Redir {
  fd: number;
  op: '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';
  target?: Word;
  /** Here-document body: a word (expanded) or literal text (quoted delimiter). */
  heredoc?: { body: Word | string };
}

export interface Assign {
  name: string;
  value: Word;
  append: boolean;
}

export type TestExpr =
  | { k: 'and' | 'or'; a: TestExpr; b: TestExpr }
  | { k: 'not'; a: TestExpr }
  | { k: 'unary'; op: string; w: Word }
  | { k: 'binary'; op: string; l: Word; r: Word }
  | { k: 'word'; w: Word };

export type Cmd =
  | { k: 'simple'; assigns: Assign[]; words: Word[]; redirs: Redir[]; line: number }
  | { k: 'if'; clauses: { cond: List; body: List }[]; else?: List; redirs: Redir[]; line: number }
  | { k: 'for'; name: string; items?: Word[]; body: List; redirs: Redir[]; line: number }
  | { k: 'while'; until: boolean; cond: List; body: List; redirs: Redir[]; line: number }
  | { k: 'case'; word: Word; items: { patterns: Word[]; body: List }[]; redirs: Redir[]; line: number }
  | { k: 'group'; body: List; redirs: Redir[]; line: number }
  | { k: 'subshell'; body: List; redirs: Redir[]; line: number }
  | { k: 'funcdef'; name: string; body: Cmd; line: number }
  | { k: 'dbrack'; expr: TestExpr; redirs: Redir[]; line: number }
  | { k: 'arith'; expr: Word; redirs: Redir[]; line: number };

export interface Pipeline {
  negate: boolean;
  cmds: Cmd[];
  line: number;
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; p: Pipeline }[];
}

export interface List {
  items: { ao: AndOr; bg: boolean }[];
}
