/**
 * The simulated shell off the main thread (pool.ts starts it): runs one script per message and
 * answers its result. runScript is pure, so a result computed here is the one the main thread would
 * have computed.
 */
import { parentPort } from 'node:worker_threads';
import { runScript, type RunScriptInput } from './index.js';

parentPort?.on('message', (msg: { id: number; input: RunScriptInput }) => {
  parentPort!.postMessage({ id: msg.id, result: runScript(msg.input) });
});
