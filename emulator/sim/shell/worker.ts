/**
 * The simulated shell off the main thread (pool.ts starts it): runs one script per message and
 * answers its result. runScript is pure, so a result computed here is the one the main thread would
 * have computed.
 */
import { parentPort } from 'node:worker_threads';
import { runScript, type RunScriptInput } from './index.js';
import { headOf } from './pool.js';

parentPort?.on('message', (msg: { id: number; input: RunScriptInput; keep: number | null }) => {
  // Infinity crosses postMessage as null: no cut.
  parentPort!.postMessage({ id: msg.id, result: headOf(runScript(msg.input), msg.keep ?? Infinity) });
});
