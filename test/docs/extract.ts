/**
 * Docs are tests: the fenced code blocks of README.md and docs/*.md, with what each needs to run.
 *
 * Every block in a language the suite runs (sh, js, ts, python, yaml) is run, unless an HTML comment
 * right above it (blank lines allowed) says otherwise. Directives, in the comment `<!-- doc-test: ... -->`:
 *
 *   skip: REASON          not runnable (starts a server, needs Docker, a fragment of a file...); the
 *                         reason is required, so a reader of the source sees why
 *   expect: TEXT          the block's output (stdout, or what a JS/TS/Python block prints) contains TEXT
 *   fails                 the block is expected to fail (a command the example shows being refused)
 *   continues             the block goes on from the state the previous block left (otherwise every
 *                         block starts from the page's fresh emulator: its fleet, the clock at its start)
 *
 * A JS/TS or Python block that uses `ssm` without creating it gets the page's client, and SDK names
 * (…Command, waitUntil…, boto3) it uses without importing are imported: the reader has them from the
 * page's first example.
 *
 * A page can change its emulator with `<!-- doc-test-setup: fleet=none|default|PATH clock=auto|frozen -->`
 * (default: the shipped default fleet and the auto clock, so waiters and polling finish at once).
 */
export type BlockLang = 'sh' | 'js' | 'ts' | 'python' | 'yaml';

export interface DocBlock {
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's language as written (sh, bash, js, ...). */
  info: string;
  lang: BlockLang | undefined;
  code: string;
  skip?: string;
  expect?: string[];
  fails?: boolean;
  continues?: boolean;
}

export interface DocSetup {
  fleet: string;
  clock: 'auto' | 'frozen';
}

const LANGS: Record<string, BlockLang> = {
  sh: 'sh', bash: 'sh', shell: 'sh', console: 'sh',
  js: 'js', javascript: 'js', mjs: 'js',
  ts: 'ts', typescript: 'ts',
  python: 'python', py: 'python',
  yaml: 'yaml', yml: 'yaml',
};

export class DocDirectiveError extends Error {}

export function extractBlocks(markdown: string): { blocks: DocBlock[]; setup: DocSetup } {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  const setup: DocSetup = { fleet: 'default', clock: 'auto' };
  let pending: Pick<DocBlock, 'skip' | 'expect' | 'fails' | 'continues'> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    const setupMatch = /^<!--\s*doc-test-setup:(.*?)-->$/.exec(trimmed);
    if (setupMatch) {
      for (const kv of setupMatch[1]!.trim().split(/\s+/)) {
        const [k, v] = kv.split('=');
        if (k === 'fleet' && v) setup.fleet = v;
        else if (k === 'clock' && (v === 'auto' || v === 'frozen')) setup.clock = v;
        else throw new DocDirectiveError(`line ${i + 1}: doc-test-setup takes fleet=... and clock=auto|frozen, not ${kv}`);
      }
      continue;
    }
    const directive = /^<!--\s*doc-test:(.*?)-->$/.exec(trimmed);
    if (directive) {
      pending = parseDirective(directive[1]!, i + 1);
      continue;
    }
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)(.*)$/.exec(raw);
    if (fence) {
      const [, indent, marks, info] = fence;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        if (l.trim().startsWith(marks!) && l.trim().replace(/[`~]/g, '') === '') break;
        body.push(l.startsWith(indent!) ? l.slice(indent!.length) : l.trimStart());
      }
      blocks.push({ line: i + 1, info: info!, lang: LANGS[info!.toLowerCase()], code: body.join('\n') + '\n', ...pending });
      pending = undefined;
      i = j;
      continue;
    }
    // A directive applies to the next block only when nothing but blank lines separates them.
    if (trimmed !== '') pending = undefined;
  }
  return { blocks, setup };
}

function parseDirective(text: string, line: number): Pick<DocBlock, 'skip' | 'expect' | 'fails' | 'continues'> {
  const out: Pick<DocBlock, 'skip' | 'expect' | 'fails' | 'continues'> = {};
  // Several directives can share a comment, separated by ";".
  for (const part of text.split(/;\s*(?=skip|expect|fails|continues)/)) {
    const p = part.trim();
    if (p.startsWith('skip')) {
      const reason = p.replace(/^skip:?/, '').trim();
      if (!reason) throw new DocDirectiveError(`line ${line}: "doc-test: skip" needs a reason ("skip: starts a server")`);
      out.skip = reason;
    } else if (p.startsWith('expect:')) {
      (out.expect ??= []).push(p.slice('expect:'.length).trim());
    } else if (p === 'fails') out.fails = true;
    else if (p === 'continues') out.continues = true;
    else throw new DocDirectiveError(`line ${line}: unknown doc-test directive "${p}" (skip: REASON, expect: TEXT, fails, continues)`);
  }
  return out;
}
