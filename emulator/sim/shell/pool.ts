/**
 * Runs scripts of the simulated shell on worker threads, so that a runaway script (a fork bomb, a
 * loop to the step limit) costs the event loop nothing: health checks and other requests are
 * answered while it runs. The Run Command engine uses it through sim/commands/scripts.ts, only for
 * scripts that a short inline probe could not finish.
 *
 * runScript is pure: a worker computes exactly what the main thread would have (same code, same
 * input), so the results stay deterministic whichever thread runs them. When no worker can start (a
 * layout without the worker file), scripts run inline, as before.
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

interface Job {
  resolve(r: RunScriptResult): void;
  input: RunScriptInput;
  keep: number;
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
  private broken = false;
  private readonly size: number;

  constructor(size = Math.max(1, Math.min(4, availableParallelism() - 1))) {
    this.size = size;
  }

  /** The script's result (streams cut to `keep` characters, headOf), computed on a worker (inline when workers are unavailable). */
  run(input: RunScriptInput, keep = Infinity): Promise<RunScriptResult> {
    const slot = this.slot();
    if (!slot) return Promise.resolve(headOf(runScript(input), keep));
    return new Promise((resolve) => {
      const id = ++this.seq;
      slot.jobs.set(id, { resolve, input, keep });
      if (slot.jobs.size === 1) slot.worker.ref();
      slot.worker.postMessage({ id, input, keep });
    });
  }

  /** Starts the workers now (a server at start-up), so that starting one never falls in a request. */
  warm(): void {
    while (!this.broken && this.slots.length < this.size) this.slot();
  }

  /** Stops the workers (tests; the process exits without it, as the workers are unref'd when idle). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
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
    const slot: Slot = { worker, jobs: new Map() };
    worker.unref();
    worker.on('message', (msg: { id: number; result: RunScriptResult }) => {
      const job = slot.jobs.get(msg.id);
      if (!job) return;
      slot.jobs.delete(msg.id);
      if (!slot.jobs.size) worker.unref();
      job.resolve(msg.result);
    });
    const fail = () => {
      // A worker that cannot start or dies: its jobs and every later one run inline (same results).
      this.broken = true;
      this.slots = this.slots.filter((s) => s !== slot);
      for (const job of slot.jobs.values()) job.resolve(headOf(runScript(job.input), job.keep));
      slot.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (slot.jobs.size) fail();
      else if (code !== 0) this.broken = true;
    });
    return slot;
  }
}

/** One pool per process: scripts of every emulator in it share the workers. */
export const scriptPool = new ScriptPool();
