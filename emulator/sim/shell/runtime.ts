/**
 * What both dialects share while a script runs: the virtual clock of the run, the step counter,
 * the two output streams and the guards that keep a hostile or runaway script from hanging or
 * exhausting the emulator (step limit, time limit, output and string size limits).
 *
 * Guards unwind the interpreter with an Abort, which no script construct can catch (not `|| true`,
 * not a subshell, not PowerShell's try/catch).
 */
import type { Machine } from './machine.js';
import type { Facts } from './facts.js';
import type { Vfs } from './vfs.js';
import type { CommandStub } from './types.js';
import type { SystemState } from './system.js';

export const DEFAULT_COMMAND_COST_MS = 10;
export const DEFAULT_MAX_STEPS = 100_000;
export const DEFAULT_TIMEOUT_MS = 172_800_000;
/** Largest amount of output (per stream) and largest single string a script may build. */
export const MAX_STREAM_CHARS = 8 * 1024 * 1024;
export const MAX_STRING_CHARS = 1024 * 1024;
/** Largest array a PowerShell script may build (ranges, array repetition). */
export const MAX_ARRAY_ITEMS = 1_000_000;
/**
 * What an sh builtin says when a script asks it for a value past MAX_STRING_CHARS (a printf width of
 * a billion, seq 1 1e9): the failure of a node that cannot allocate it, as the C library reports it
 * (strerror(ENOMEM)) after the command's name. [unverified: bash writes the gigabyte on a large host]
 */
export const OUT_OF_MEMORY = 'write error: Cannot allocate memory';

/** What both dialect interpreters get for one run (index.ts builds it from RunScriptInput). */
export interface DialectRun {
  script: string;
  facts: Facts;
  /** The machine under the node (cpus, memory, boot time, processes: machine.ts). */
  machine: Machine;
  rt: Runtime;
  vfs: Vfs;
  env: Record<string, string>;
  cwd: string;
  scriptPath: string;
  stubs: CommandStub[];
  /** The node's services and packages as this run sees and changes them. */
  system: SystemState;
}

export class Abort {
  constructor(
    readonly kind: 'step-limit' | 'output-limit' | 'timeout',
    readonly message: string,
  ) {}
}

export class Runtime {
  /** Virtual instant the current run (or, in a shell session, the current line) started at. */
  start: number;
  elapsed = 0;
  /**
   * A terminal: standard error goes into the same stream as standard output, in write order, as
   * both reach a pty (a Session Manager shell). stderr() is then empty.
   */
  mergeErr = false;
  steps = 0;
  /** The step budget of the current run or line (beginLine can lower it for one line: a probe). */
  private limit: number;
  private out: string[] = [];
  private err: string[] = [];
  private outLen = 0;
  private errLen = 0;

  constructor(
    start: number,
    readonly commandCostMs: number,
    readonly maxSteps: number,
    readonly timeoutMs: number,
  ) {
    this.start = start;
    this.limit = maxSteps;
  }

  /** Virtual "now" inside the script (start + elapsed). */
  now(): number {
    return this.start + this.elapsed;
  }

  /** One statement/command; charges commandCostMs when `cost`. */
  step(cost: boolean): void {
    this.steps++;
    if (this.steps > this.limit) {
      throw new Abort('step-limit', `the simulated shell stopped the script after ${this.limit} steps (step limit)`);
    }
    if (cost) this.advance(this.commandCostMs);
  }

  /** Moves virtual time; stops the run at the time limit. */
  advance(ms: number): void {
    if (!(ms > 0)) return;
    if (this.elapsed + ms > this.timeoutMs) {
      this.elapsed = this.timeoutMs;
      throw new Abort('timeout', 'execution timed out');
    }
    this.elapsed += ms;
  }

  writeOut(s: string): void {
    if (!s) return;
    this.outLen += s.length;
    if (this.outLen > MAX_STREAM_CHARS) throw new Abort('output-limit', `the simulated shell stopped the script: more than ${MAX_STREAM_CHARS} characters of output`);
    this.out.push(s);
  }

  writeErr(s: string): void {
    if (!s) return;
    if (this.mergeErr) return this.writeOut(s);
    this.errLen += s.length;
    if (this.errLen > MAX_STREAM_CHARS) throw new Abort('output-limit', `the simulated shell stopped the script: more than ${MAX_STREAM_CHARS} characters of error output`);
    this.err.push(s);
  }

  stdout(): string {
    return this.out.join('');
  }

  stderr(): string {
    return this.err.join('');
  }

  /**
   * A shell session's next line: a fresh budget of steps (maxSteps, or fewer for a probe) and time
   * from `start`, and empty output streams (the previous line's output was taken).
   */
  beginLine(start: number, steps = this.maxSteps): void {
    this.limit = Math.min(steps, this.maxSteps);
    this.start = start;
    this.elapsed = 0;
    this.steps = 0;
    this.out = [];
    this.err = [];
    this.outLen = 0;
    this.errLen = 0;
  }
}

/** Guards a string a script builds (variables, captured output, file content). */
export function checkSize(s: string): string {
  if (s.length > MAX_STRING_CHARS) {
    throw new Abort('output-limit', `the simulated shell stopped the script: a value grew past ${MAX_STRING_CHARS} characters`);
  }
  return s;
}

/** A deterministic PRNG (mulberry32) for $RANDOM / Get-Random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
