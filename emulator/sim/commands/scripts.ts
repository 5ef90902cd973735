/**
 * How the Run Command engine runs a script step without holding the event loop.
 *
 * A step's outcome is needed synchronously, inside the scheduler task that starts the step (its
 * duration decides when the step ends). So the HTTP server's scheduler (Scheduler.runDueAsync)
 * first asks the task's `prepare` hook (runner.ts runPrepares) for the scripts the task will run,
 * computes those off the main thread (shell/pool.ts) while the event loop stays free, and keeps the
 * results here; the task then runs as it always did and finds its script's result ready.
 *
 *   prepareScripts(emu, start)  calls `start` (a simulator's pure start()) in collect mode: a script
 *                               that a short inline probe finishes is kept at once; a longer one is
 *                               recorded, `start` is unwound, and the promise resolves once the
 *                               pool has computed it. Returns undefined when nothing needs the pool.
 *   runScriptFor(emu, input)    what simulators call: the prepared result when there is one (taken,
 *                               so it is used once), else runScript inline (in-process use, tests
 *                               that advance the clock directly, a prediction that missed).
 *
 * Determinism: runScript is pure and a result is looked up by its whole input, so a run's output,
 * status and duration are the same whichever path computed them. The probe (shell/pool.ts
 * probeScript) is counted in steps, never wall time: a probe that ends before its step budget is the
 * full run's result, because the step limit only matters when it is reached.
 */
import { createHash } from 'node:crypto';
import type { Runtime } from '../../core/runtime.js';
import { runScript, type RunScriptInput, type RunScriptResult } from '../shell/index.js';
import { headOf, probeScript, scriptPool } from '../shell/pool.js';
import { MAX_PLUGIN_OUTPUT, MAX_STDERR, MAX_STDOUT } from './output.js';

/**
 * How much of each stream a result keeps, whichever path computed it: more than any reader of a
 * script's outcome uses (the engine keeps the first MAX_STDOUT / MAX_STDERR characters, and the
 * Output summary depends on the lengths only up to MAX_PLUGIN_OUTPUT), so cutting changes nothing
 * a caller sees, while a fork bomb's megabytes of errors never reach the main thread.
 */
export const KEPT_STREAM_CHARS = 2 * Math.max(MAX_STDOUT, MAX_STDERR, MAX_PLUGIN_OUTPUT);

const prepared = new WeakMap<Runtime, Map<string, RunScriptResult>>();
/** Set while prepareScripts calls a simulator: the inputs that need the pool. */
let collecting: RunScriptInput[] | undefined;
const COLLECT = Symbol('collect');

const keyOf = (input: RunScriptInput) => createHash('sha256').update(JSON.stringify(input)).digest('base64');

function cacheOf(emu: Runtime): Map<string, RunScriptResult> {
  let c = prepared.get(emu);
  if (!c) {
    prepared.set(emu, (c = new Map()));
    // Results prepared for tasks that did not use them (cancelled, replaced) go when the run settles.
    const cache = c;
    emu.scheduler.onSettled(() => cache.clear());
  }
  return c;
}

/** The result of a script a simulator runs (see the header). */
export function runScriptFor(emu: Runtime, input: RunScriptInput): RunScriptResult {
  const cache = prepared.get(emu);
  if (cache?.size || collecting) {
    const key = keyOf(input);
    const hit = cache?.get(key);
    if (hit) {
      if (!collecting) cache!.delete(key);
      return hit;
    }
    if (collecting) {
      const probe = probeScript(input, KEPT_STREAM_CHARS);
      if (probe) {
        cacheOf(emu).set(key, probe);
        return probe;
      }
      collecting.push(input);
      throw COLLECT;
    }
  }
  return headOf(runScript(input), KEPT_STREAM_CHARS);
}

/**
 * Prepares the scripts `start` runs (see the header): undefined when every one is ready, else a
 * promise that resolves once the pool has computed the rest.
 */
export function prepareScripts(emu: Runtime, start: () => void): Promise<void> | undefined {
  const needed = collect(start);
  if (!needed.length) return undefined;
  return (async () => {
    // A simulator may run more than one script: each round computes what the previous one found.
    for (let pending = needed, round = 0; pending.length && round < 8; pending = collect(start), round++) {
      const results = await Promise.all(pending.map((input) => scriptPool.run(input, KEPT_STREAM_CHARS)));
      pending.forEach((input, i) => cacheOf(emu).set(keyOf(input), results[i]));
    }
  })();
}

function collect(start: () => void): RunScriptInput[] {
  const needed: RunScriptInput[] = [];
  collecting = needed;
  try {
    start();
  } catch (err) {
    // COLLECT unwound a simulator; anything else is the real task's to report when it runs.
    if (err !== COLLECT) return [];
  } finally {
    collecting = undefined;
  }
  return needed;
}
