/**
 * An interactive shell whose runaway lines run on a worker thread: what Session Manager's shell
 * sessions use (sim/sessions/plugins.ts), so that `:(){ :|:& };:` or `while true; do :; done` typed
 * into a session never holds the event loop.
 *
 * As with Run Command's scripts (sim/commands/scripts.ts), each line first runs inline with a small
 * step budget (INLINE_PROBE_STEPS); a line that ends within it is done, with the result the full
 * budget gives. A line that does not has left the inline shell half-way through it, so the shell
 * moves to a worker for good: the worker rebuilds it from the session's input and the operations so
 * far (replayShell: a shell is a pure function of them), then runs the line with its full budget.
 * Every later operation goes to that worker, in order.
 *
 *   const shell = new OffloadedShell(input);
 *   shell.prompt();                                        // "sh-5.2$ "
 *   const r = shell.run('while true; do :; done', now);    // a ShellReply, or a promise of one
 *   shell.resize(120, 40);                                 // applied after the pending line
 *   shell.close();                                         // forgets the worker's copy
 *
 * Deterministic: a reply is what the inline shell would have given, whichever thread computed it.
 * Without workers the shell is rebuilt inline and lines run there with their full budget; a worker
 * that dies hands its shell back the same way. The operations are kept for that while a worker may
 * need them, up to HISTORY_MAX_CHARS: a shell that outgrows them moves to a worker at once and keeps
 * none (losing that worker then ends the shell, with a message).
 */
import { DEFAULT_MAX_STEPS } from './runtime.js';
import { INLINE_PROBE_STEPS, scriptPool, type PooledShell, type ScriptPool } from './pool.js';
import { applyShellOp, openShell, replayShell, type ShellOp, type ShellReply, type ShellSession, type ShellSessionInput } from './session.js';

/** Characters of operations (the text typed) kept to rebuild a shell; past them a shell lives on a worker without a way back. */
export const HISTORY_MAX_CHARS = 4 * 1024 * 1024;

const sizeOf = (op: ShellOp) => ('run' in op ? op.run.length : 0) + 32;

export class OffloadedShell {
  /** The shell while it lives on the main thread. */
  private local: ShellSession | undefined;
  /** The shell once a worker holds it. */
  private remote: PooledShell | undefined;
  /** Every operation so far, in order (undefined once past HISTORY_MAX_CHARS). */
  private history: ShellOp[] | undefined = [];
  private historyChars = 0;
  /** No worker to move to: lines run inline with their full budget. */
  private inlineOnly = false;
  private prompts: { prompt: string; continuationPrompt: string };
  private readonly input: ShellSessionInput;
  private readonly budget: number;

  constructor(
    input: ShellSessionInput,
    private readonly pool: ScriptPool = scriptPool,
  ) {
    // A copy: the node's lists (services, packages) change later, and a rebuild starts from what this shell started from.
    this.input = structuredClone(input);
    this.budget = Math.max(1, input.maxStepsPerLine ?? DEFAULT_MAX_STEPS);
    this.local = openShell(this.input);
    this.prompts = { prompt: this.local.prompt(), continuationPrompt: this.local.continuationPrompt() };
  }

  /** Where the shell is (tests, the bench). */
  get where(): 'inline' | 'worker' {
    return this.remote ? 'worker' : 'inline';
  }

  prompt(): string {
    return this.local ? this.local.prompt() : this.prompts.prompt;
  }

  continuationPrompt(): string {
    return this.local ? this.local.continuationPrompt() : this.prompts.continuationPrompt;
  }

  /** Runs a line at virtual instant `now`: its reply at once, or a promise of it (a worker runs it). One line at a time. */
  run(text: string, now: number): ShellReply | Promise<ShellReply> {
    const op: ShellOp = { run: text, now };
    this.takeBackIfLost();
    if (this.local) {
      const probing = !this.inlineOnly && this.budget > INLINE_PROBE_STEPS;
      const reply = applyShellOp(this.local, probing ? { ...op, maxSteps: INLINE_PROBE_STEPS } : op)!;
      if (!probing || reply.aborted !== 'step-limit') {
        this.record(op);
        return reply;
      }
      // The inline shell stopped half-way through the line: a worker takes over from the operations before it.
      this.local = undefined;
      if (!this.moveToWorker()) return this.runInline(op);
    }
    if (!this.remote) return lost();
    return this.viaWorker(op) as Promise<ShellReply>;
  }

  resize(cols: number, rows: number): void {
    const op: ShellOp = { resize: { cols, rows } };
    this.takeBackIfLost();
    if (this.local) {
      applyShellOp(this.local, op);
      this.record(op);
    } else if (this.remote) void this.viaWorker(op);
  }

  close(): void {
    this.remote?.close();
    this.remote = undefined;
    this.local = undefined;
    this.history = undefined;
  }

  private record(op: ShellOp): void {
    // Without a worker to move to, nothing will rebuild the shell: what made it need not be kept.
    if (this.inlineOnly) this.history = undefined;
    if (!this.history) return;
    this.history.push(op);
    this.historyChars += sizeOf(op);
    if (this.historyChars <= HISTORY_MAX_CHARS) return;
    // Too much to keep: the shell goes to a worker now, while its operations can still rebuild it there.
    if (this.local && this.moveToWorker()) this.local = undefined;
    this.history = undefined;
  }

  /** Hands the shell (as the history made it) to a worker; false when none can take it. */
  private moveToWorker(): boolean {
    this.remote = this.history ? this.pool.adoptShell(this.input, this.history) : undefined;
    if (!this.remote) this.inlineOnly = true;
    return this.remote !== undefined;
  }

  private viaWorker(op: ShellOp): Promise<ShellReply | undefined> {
    const before = this.history?.length;
    this.record(op);
    return this.remote!.apply(op, () => this.rebuildAndApply(before, op)).then((reply) => {
      if (reply) this.prompts = { prompt: reply.prompt, continuationPrompt: reply.continuationPrompt };
      return reply;
    });
  }

  /** No worker: the shell is rebuilt here from the operations before `op`, which then runs with its full budget. */
  private runInline(op: ShellOp): ShellReply {
    return this.rebuildAndApply(this.history!.length, op)!;
  }

  private rebuildAndApply(before: number | undefined, op: ShellOp): ShellReply | undefined {
    this.remote = undefined;
    this.inlineOnly = true;
    if (before === undefined || !this.history) return lost();
    this.local = replayShell(this.input, this.history.slice(0, before));
    const reply = applyShellOp(this.local, op);
    // As a worker's fallback, `op` is in the history already; from runInline it is not yet.
    if (this.history.length === before) this.record(op);
    return reply;
  }

  /** A worker that died while the shell sat idle on it: the shell comes back here. */
  private takeBackIfLost(): void {
    if (!this.remote || this.remote.alive) return;
    this.remote = undefined;
    this.inlineOnly = true;
    this.local = this.history ? replayShell(this.input, this.history) : undefined;
  }
}

/** The reply when a shell is gone with its worker and could not be rebuilt (a defect: workers do not die). */
function lost(): ShellReply {
  return { output: 'the simulated shell was lost (its worker thread stopped)\n', status: 1, durationMs: 0, exited: 1, prompt: '', continuationPrompt: '' };
}
