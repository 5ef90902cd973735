/**
 * The simulated shell off the main thread (pool.ts starts it): runs one script per message, or one
 * operation of a session shell it keeps (opened, with the operations so far, by the first operation
 * that reaches it), and answers the result. The shell is pure, so a result computed here is the one
 * the main thread would have computed.
 */
import { parentPort } from 'node:worker_threads';
import { runScript } from './index.js';
import { headOf, type WorkerRequest } from './pool.js';
import { applyShellOp, replayShell, type ShellSession } from './session.js';

const shells = new Map<number, ShellSession>();

parentPort?.on('message', (msg: WorkerRequest) => {
  if ('close' in msg) return void shells.delete(msg.close);
  if ('script' in msg) {
    // Infinity crosses postMessage as null: no cut.
    return parentPort!.postMessage({ id: msg.id, result: headOf(runScript(msg.script), msg.keep ?? Infinity) });
  }
  let shell = shells.get(msg.shell);
  if (msg.open) shells.set(msg.shell, (shell = replayShell(msg.open.input, msg.open.history)));
  // Cannot happen (a shell's first operation opens it); if it did, the worker ends and the pool runs
  // its jobs inline, as for any worker that dies.
  if (!shell) throw new Error(`no shell ${msg.shell} on this worker`);
  parentPort!.postMessage({ id: msg.id, result: applyShellOp(shell, msg.op) });
});
