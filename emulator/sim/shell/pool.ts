/**
 * Runs the simulated shell on worker threads, so that a runaway script or session line (a fork bomb,
 * a loop to the step limit) costs the event loop nothing: health checks and other requests are
 * answered while it runs. Two users, each only for work that a short inline probe (INLINE_PROBE_STEPS,
 * probeScript) could not finish:
 *
 *   run(input, keep)            a whole script (runScript): Run Command through sim/commands/scripts.ts,
 *                               Session Manager's command sessions through sim/sessions/plugins.ts;
 *   adoptShell(input, history)  an interactive shell (openShell) that moves to one worker for good, its
 *                               state rebuilt there from the operations so far (sim/shell/offload.ts).
 *
 * The shell is pure: a worker computes exactly what the main thread would have (same code, same
 * input), so results stay deterministic whichever thread runs them. When no worker can start (a
 * layout without the worker file), or a worker dies, the work runs inline instead, with the same
 * results.
 *
 * Where the worker's code is: next to this module as worker.js (tsc's dist/), worker.js beside or
 * above the bundle chunk (dist/bundle/, scripts/bundle.mjs makes it), or worker.ts when running
 * from source (vitest, tsx), loaded through tsx's loader.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runScript, type RunScriptInput, type RunScriptResult } from './index.js';
import { DEFAULT_MAX_STEPS } from './runtime.js';
import type { ShellOp, ShellReply, ShellSessionInput } from './session.js';

/**
 * Steps a script or a session line may take inline, on the main thread; one that needs more goes to
 * a worker. Counted in steps, never wall time: a run that ends within the probe's budget has the
 * result the full budget gives (the step limit only matters when it is reached).
 */
export const INLINE_PROBE_STEPS = 40;

/** The script's result (streams cut to `keep` characters) when a probe finishes it; undefined when it needs a worker. */
export function probeScript(input: RunScriptInput, keep = Infinity): RunScriptResult | undefined {
  const max = input.maxSteps ?? DEFAULT_MAX_STEPS;
  const probe = headOf(runScript(max <= INLINE_PROBE_STEPS ? input : { ...input, maxSteps: INLINE_PROBE_STEPS }), keep);
  return max <= INLINE_PROBE_STEPS || probe.aborted !== 'step-limit' ? probe : undefined;
}

/** What a worker is asked (worker.ts answers { id, result } to those with an id). */
export type WorkerRequest =
  | { id: number; script: RunScriptInput; keep: number }
  | { id: number; shell: number; open?: { input: ShellSessionInput; history: readonly ShellOp[] }; op: ShellOp }
  | { close: number };

interface Job {
  resolve(result: unknown): void;
  /** The same result computed here: the worker died before answering. */
  fallback(): unknown;
}

/** A session shell kept on one worker (see adoptShell). */
export interface PooledShell {
  /** Applies an operation on the worker, after every earlier one; `fallback` computes the reply here if the worker dies first. */
  apply(op: ShellOp, fallback: () => ShellReply | undefined): Promise<ShellReply | undefined>;
  /** False once the worker is gone: its shells with it. */
  readonly alive: boolean;
  /** Forgets the shell on the worker. */
  close(): void;
}

/**
 * The result with each stream cut to its first `keep` characters: what crosses between threads
 * stays small (a fork bomb writes megabytes of errors; copying them to the main thread, and
 * collecting them there, would hold its event loop).
 */
export function headOf(r: RunScriptResult, keep: number): RunScriptResult {
  return r.stdout.length <= keep && r.stderr.length <= keep ? r : { ...r, stdout: r.stdout.slice(0, keep), stderr: r.stderr.slice(0, keep) };
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  alive: boolean;
}

function workerSource(): { file: URL } | { code: string } | undefined {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const url = new URL('./worker.ts', here).href;
    // From source: register tsx's loader in the worker, then load the worker module.
    return { code: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })` };
  }
  for (const candidate of ['./worker.js', '../worker.js']) {
    const file = new URL(candidate, here);
    if (existsSync(fileURLToPath(file))) return { file };
  }
  return undefined;
}

export class ScriptPool {
  private slots: Slot[] = [];
  private next = 0;
  private seq = 0;
  private shells = 0;
  private broken = false;
  private readonly size: number;

  constructor(size = Math.max(1, Math.min(4, availableParallelism() - 1))) {
    this.size = size;
  }

  /** The script's result (streams cut to `keep` characters, headOf), computed on a worker (inline when workers are unavailable). */
  run(input: RunScriptInput, keep = Infinity): Promise<RunScriptResult> {
    const inline = () => headOf(runScript(input), keep);
    const slot = this.slot();
    if (!slot) return Promise.resolve(inline());
    return this.post(slot, (id) => ({ id, script: input, keep }), inline);
  }

  /**
   * Moves an interactive shell to a worker: the worker opens it from `input` and applies `history`,
   * so it holds the shell those operations made; every apply() then goes to that worker, in order.
   * Undefined when no worker can start.
   */
  adoptShell(input: ShellSessionInput, history: readonly ShellOp[]): PooledShell | undefined {
    const slot = this.slot();
    if (!slot) return undefined;
    const shell = ++this.shells;
    // A copy of the history: the caller goes on adding to its own before the first apply() posts it.
    let open: { input: ShellSessionInput; history: readonly ShellOp[] } | undefined = { input, history: history.slice() };
    return {
      get alive() {
        return slot.alive;
      },
      apply: (op, fallback) => {
        const first = open;
        open = undefined;
        return this.post(slot, (id) => ({ id, shell, op, ...(first && { open: first }) }), fallback);
      },
      close: () => {
        if (slot.alive) slot.worker.postMessage({ close: shell } satisfies WorkerRequest);
      },
    };
  }

  /** Starts the workers now (a server at start-up), so that starting one never falls in a request. */
  warm(): void {
    while (!this.broken && this.slots.length < this.size) this.slot();
  }

  /** Stops the workers (tests; the process exits without it, as the workers are unref'd when idle). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) s.alive = false;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private post<T>(slot: Slot, request: (id: number) => WorkerRequest, fallback: () => T): Promise<T> {
    return new Promise((resolve) => {
      const id = ++this.seq;
      slot.jobs.set(id, { resolve: resolve as (r: unknown) => void, fallback });
      if (slot.jobs.size === 1) slot.worker.ref();
      slot.worker.postMessage(request(id));
    });
  }

  private slot(): Slot | undefined {
    if (this.broken) return undefined;
    if (this.slots.length < this.size) {
      const src = workerSource();
      if (!src) {
        this.broken = true;
        return undefined;
      }
      this.slots.push(this.start(src));
    }
    const s = this.slots[this.next++ % this.slots.length];
    return s;
  }

  private start(src: { file: URL } | { code: string }): Slot {
    const worker = 'file' in src ? new Worker(src.file) : new Worker(src.code, { eval: true });
    const slot: Slot = { worker, jobs: new Map(), alive: true };
    worker.unref();
    worker.on('message', (msg: { id: number; result: unknown }) => {
      const job = slot.jobs.get(msg.id);
      if (!job) return;
      slot.jobs.delete(msg.id);
      if (!slot.jobs.size) worker.unref();
      job.resolve(msg.result);
    });
    const fail = () => {
      // A worker that cannot start or dies: its jobs and every later one run inline (same results).
      const closed = !slot.alive;
      slot.alive = false;
      if (!closed) this.broken = true;
      this.slots = this.slots.filter((s) => s !== slot);
      const jobs = [...slot.jobs.values()];
      slot.jobs.clear();
      for (const job of jobs) job.resolve(job.fallback());
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (slot.jobs.size || (code !== 0 && slot.alive)) fail();
      slot.alive = false;
    });
    return slot;
  }
}

/** One pool per process: scripts of every emulator in it share the workers. */
export const scriptPool = new ScriptPool();
