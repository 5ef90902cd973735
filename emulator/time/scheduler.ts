/**
 * One scheduler for every capability: pending work is data (a task in a priority queue kept in the
 * store), never a closure or a timer, so it persists, snapshots and replays.
 *
 * Engines register task kinds (expire a parameter, advance a command invocation, open a maintenance
 * window...). Running due tasks pops them in time order (ties in scheduling order), pins the clock to
 * each task's instant while it runs (so every timestamp it writes is exact), and lets tasks schedule
 * more tasks, which run in the same pass when they fall due before the target.
 *
 * Frozen clock: tasks run only on advance. Auto clock: like frozen, and each request first jumps to
 * the due tasks within the clock's horizon (runNextWithin). Real and scaled clocks: one unref'd timer wakes at the next
 * due task; every request also runs whatever is due first, so nothing is ever observed late.
 *
 * Two ways to run due tasks, with the same results:
 *   runDue / advance             synchronous, in one stretch (the in-process API, journal replay);
 *   runDueAsync / advanceAsync   what the HTTP server uses: the same tasks in the same order, but the
 *                                event loop gets a turn every SLICE_MS of work, and a task kind with a
 *                                `prepare` hook (definePrepare) gets its expensive pure work (a script
 *                                run by the simulated shell) computed off the main thread before it
 *                                runs. The caller holds the emulator's lock (Emulator.exclusive), so no
 *                                request sees state between two tasks.
 *   settle                       for callers that cannot wait for that lock (the in-process API, which
 *                                is synchronous): completes at once what a sliced run parked between
 *                                slices had left, so they do not see state between two tasks either.
 * Slicing is decided by wall time, which only says when to yield, never what a task computes.
 */
import { checkInstant, standsStill, type Clock } from './clock.js';
import type { Store } from '../state/store.js';

export interface Task<P = unknown> {
  id: number;
  /** Virtual epoch milliseconds when it falls due. */
  at: number;
  kind: string;
  account: string;
  region: string;
  /** A task with a key replaces the pending task with the same key (reschedule, cancel by key). */
  key?: string;
  payload: P;
}

export interface TaskRunContext {
  readonly account: string;
  readonly region: string;
  /** The task's instant, in epoch milliseconds. */
  readonly now: number;
}

export type TaskRunner<P = any> = (task: Task<P>, ctx: TaskRunContext) => void;
/**
 * Computes ahead what a task will need, without changing state (it runs on the state as it is just
 * before the task): a promise while that work is under way elsewhere, undefined when nothing is needed.
 */
export type TaskPreparer<P = any> = (task: Task<P>, ctx: TaskRunContext) => Promise<void> | undefined;

/** Wall milliseconds of task work after which runDueAsync gives the event loop a turn. */
export const SLICE_MS = 10;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const before = (a: Task, b: Task) => a.at < b.at || (a.at === b.at && a.id < b.id);

export class Scheduler {
  private runners = new Map<string, TaskRunner>();
  private preparers = new Map<string, TaskPreparer>();
  private settledListeners: (() => void)[] = [];
  /** Wakes the scheduler when the timer fires; the server replaces it with a sliced run under its lock. */
  wake: () => void = () => this.runDue(this.clock.now());
  /** key -> id of the live task with that key; tasks whose id differs were replaced or cancelled. */
  private keys = new Map<string, number>();
  private stale = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private running = false;
  /** A sliced run is under way but waits (for its next slice, or for prepared work): no task runs now. */
  private parked = false;
  /** Where the sliced run under way goes: its `until`, and the target of a sliced advance. */
  private sliced: { until: number; advanceTo?: number } | undefined;
  /** Tasks settle() ran for the sliced run under way (it reports them as its own). */
  private settledRan = 0;

  /** True while due tasks run (a request a task makes is part of the task's tick); false between two slices of a sliced run. */
  get isRunning(): boolean {
    return this.running && !this.parked;
  }

  /** Failures of task runners, surfaced by the control API instead of crashing the server. */
  readonly failures: { at: number; kind: string; error: string }[] = [];

  constructor(
    private readonly store: () => Store,
    private readonly clock: Clock,
    private readonly onError: (task: Task, err: unknown) => void = () => {},
    /** Told after a pass that ran tasks (persistence journals it as a tick). */
    private readonly afterRun: (until: number, ran: number) => void = () => {},
  ) {
    clock.onChange(() => this.arm());
  }

  define<P>(kind: string, runner: TaskRunner<P>): void {
    if (this.runners.has(kind)) throw new Error(`task kind ${kind} is defined twice`);
    this.runners.set(kind, runner as TaskRunner);
  }

  /** A task kind's prepare hook (see TaskPreparer), used by runDueAsync. */
  definePrepare<P>(kind: string, preparer: TaskPreparer<P>): void {
    this.preparers.set(kind, preparer as TaskPreparer);
  }

  /** Called after each runDueAsync (prepared work that no task used can be dropped). */
  onSettled(listener: () => void): void {
    this.settledListeners.push(listener);
  }

  /** Whether a task falls due at or before `until` (a request can run at once when none does). */
  dueBy(until: number): boolean {
    const heap = this.heap;
    return heap.length > 0 && heap[0].at <= until;
  }

  private get heap(): Task[] {
    return this.store().data.scheduler.tasks;
  }

  schedule<P>(t: { at: number; kind: string; account: string; region: string; key?: string; payload: P }): number {
    if (!this.runners.has(t.kind)) throw new Error(`no runner for task kind ${t.kind}`);
    const sched = this.store().data.scheduler;
    const task: Task<P> = { id: ++sched.seq, at: t.at, kind: t.kind, account: t.account, region: t.region, payload: t.payload };
    if (t.key !== undefined) {
      task.key = t.key;
      if (this.keys.has(t.key)) this.stale++;
      this.keys.set(t.key, task.id);
    }
    this.push(task);
    if (t.at < this.timerAt) this.arm();
    return task.id;
  }

  /** Cancels the pending task with this key, if any. */
  cancel(key: string): boolean {
    if (!this.keys.delete(key)) return false;
    this.stale++;
    if (this.stale > 1024 && this.stale > this.heap.length / 2) this.compact();
    return true;
  }

  /** The pending task with this key (for tests and the control API). */
  pending(key: string): Task | undefined {
    const id = this.keys.get(key);
    return id === undefined ? undefined : this.heap.find((t) => t.id === id);
  }

  /** Live tasks in due order. */
  list(): Task[] {
    return this.heap.filter((t) => this.live(t)).sort((a, b) => (before(a, b) ? -1 : 1));
  }

  private live(t: Task): boolean {
    return t.key === undefined || this.keys.get(t.key) === t.id;
  }

  /** Runs every task due at or before `until` (virtual ms), in time order. Returns how many ran. */
  runDue(until: number): number {
    // A task that makes a request-like call must not re-enter; between two slices of a sliced run,
    // no task is running, and a synchronous caller may run what is due (see settle).
    if (this.isRunning) return 0;
    const heap = this.heap;
    if (!heap.length || heap[0].at > until) return 0;
    const [wasRunning, wasParked] = [this.running, this.parked];
    this.running = true;
    this.parked = false;
    let ran = 0;
    try {
      while (heap.length && heap[0].at <= until) {
        if (this.runNext()) ran++;
      }
    } finally {
      this.running = wasRunning;
      this.parked = wasParked;
    }
    if (ran) this.afterRun(until, ran);
    this.arm();
    return ran;
  }

  /** Pops the first task and runs it (false when it had been replaced or cancelled). */
  private runNext(): boolean {
    const task = this.pop()!;
    if (task.key !== undefined) {
      if (this.keys.get(task.key) !== task.id) {
        this.stale--;
        return false;
      }
      this.keys.delete(task.key);
    }
    const runner = this.runners.get(task.kind);
    this.clock.pin(task.at);
    try {
      runner?.(task, { account: task.account, region: task.region, now: task.at });
    } catch (err) {
      this.failures.push({ at: task.at, kind: task.kind, error: String((err as Error)?.stack ?? err) });
      if (this.failures.length > 100) this.failures.shift();
      this.onError(task, err);
    } finally {
      this.clock.pin(undefined);
    }
    return true;
  }

  /**
   * runDue in slices (see the header): the same tasks, in the same order, with the same results,
   * but the event loop is never held for long. The caller holds the emulator's lock.
   */
  async runDueAsync(until: number): Promise<number> {
    if (this.running || !this.dueBy(until)) return 0;
    this.running = true;
    // An advance (advanceToAsync) says where it goes itself.
    const own = this.sliced === undefined;
    if (own) this.sliced = { until };
    let ran = 0;
    const prepared = new Set<number>();
    let sliceStart = performance.now();
    // `parked` is set across every await, and cleared in this function's own continuation (no
    // microtask runs between): a synchronous caller that gets a turn meanwhile may complete the run
    // (settle), and none can see it between two tasks otherwise.
    const long = () => performance.now() - sliceStart >= SLICE_MS;
    const resumed = () => {
      this.parked = false;
      sliceStart = performance.now();
    };
    try {
      while (this.dueBy(until)) {
        const top = this.heap[0];
        if (this.live(top) && this.preparers.has(top.kind) && !prepared.has(top.id)) {
          // Everything due at this instant is prepared together: the pool computes it in parallel.
          // (The batch includes `top`, so this branch is taken once per task.)
          const batch = this.heap.filter((t) => t.at === top.at && this.live(t) && this.preparers.has(t.kind) && !prepared.has(t.id));
          const pending: Promise<void>[] = [];
          for (const task of batch) {
            prepared.add(task.id);
            const p = this.prepare(task);
            if (p) pending.push(p);
            if (long()) {
              this.parked = true;
              await turn();
              resumed();
            }
          }
          if (pending.length) {
            this.parked = true;
            await Promise.all(pending); // prepare() never rejects
            resumed();
          }
          continue;
        }
        if (this.runNext()) ran++;
        if (long()) {
          this.parked = true;
          await turn();
          resumed();
        }
      }
    } finally {
      this.running = false;
      if (own) this.sliced = undefined;
      for (const l of this.settledListeners) l();
    }
    if (ran) this.afterRun(until, ran);
    this.arm();
    return ran + this.takeSettled();
  }

  private takeSettled(): number {
    const ran = this.settledRan;
    this.settledRan = 0;
    return ran;
  }

  /**
   * For a caller that cannot wait for the emulator's lock (the in-process API): completes now, in one
   * synchronous stretch, what the sliced run under way had left (its due tasks, and the rest of a
   * sliced advance: the clock's move and what then falls due), so the caller sees the state after
   * it, never between two tasks. Tasks whose scripts were being computed off the main thread compute
   * them inline, with the same results. The sliced run then finds nothing left to do. Does nothing
   * while a task runs, or when no sliced run is under way.
   */
  settle(): number {
    const sliced = this.sliced;
    if (!sliced || this.isRunning) return 0;
    let ran = this.runDue(sliced.until);
    const target = sliced.advanceTo;
    if (target !== undefined) {
      sliced.advanceTo = undefined;
      this.clock.set({ now: target });
      ran += this.runDue(target);
    }
    this.settledRan += ran;
    return ran;
  }

  private prepare(task: Task): Promise<void> | undefined {
    try {
      // A failed preparation only loses the head start: the task computes inline when it runs.
      return this.preparers.get(task.kind)!(task, { account: task.account, region: task.region, now: task.at })?.catch(() => {});
    } catch {
      return undefined;
    }
  }

  /** When the earliest live task falls due (replaced and cancelled tasks are dropped on the way). */
  nextAt(): number | undefined {
    const heap = this.heap;
    while (heap.length) {
      const top = heap[0]!;
      if (this.live(top)) return top.at;
      this.pop();
      this.stale--;
    }
    return undefined;
  }

  /**
   * The auto clock's jump: moves time to each task due at or before `limit` in turn, running it (and
   * what it schedules within the limit). Time stops at the last task that ran, never at the limit.
   */
  runNextWithin(limit: number): number {
    if (this.running) return 0;
    let ran = 0;
    for (let next = this.nextAt(); next !== undefined && next <= limit; next = this.nextAt()) {
      ran += this.advanceTo(Math.max(next, this.clock.now()));
    }
    return ran;
  }

  /**
   * Moves virtual time forward by `ms`, running everything that falls due in between in time order,
   * then leaves the clock at exactly now + ms (in any mode).
   */
  advance(ms: number): number {
    const target = this.clock.now() + ms;
    return this.advanceTo(target);
  }

  advanceTo(target: number): number {
    // Refused before anything runs: a target the clock cannot reach would stop it half-way.
    checkInstant(target, 'advancing the clock: the target time');
    const ran = this.runDue(target);
    this.clock.set({ now: target });
    return ran + this.runDue(target);
  }

  /** advance() in slices (runDueAsync): what the control API's clock routes use. */
  async advanceAsync(ms: number): Promise<number> {
    return this.advanceToAsync(this.clock.now() + ms);
  }

  async advanceToAsync(target: number): Promise<number> {
    checkInstant(target, 'advancing the clock: the target time');
    const sliced: { until: number; advanceTo?: number } = { until: target, advanceTo: target };
    this.sliced = sliced;
    try {
      const ran = await this.runDueAsync(target);
      // Unless settle() has moved the clock already.
      if (sliced.advanceTo !== undefined) {
        sliced.advanceTo = undefined;
        this.clock.set({ now: target });
      }
      return ran + (await this.runDueAsync(target)) + this.takeSettled();
    } finally {
      this.sliced = undefined;
    }
  }

  /** After a snapshot restore: rebuild the key index from the stored heap. */
  rebuild(): void {
    this.keys.clear();
    this.stale = 0;
    const heap = this.heap;
    // Later ids win for a key, as schedule() replaces earlier ones.
    const sorted = [...heap].sort((a, b) => a.id - b.id);
    for (const t of sorted) if (t.key !== undefined) this.keys.set(t.key, t.id);
    for (const t of heap) if (t.key !== undefined && this.keys.get(t.key) !== t.id) this.stale++;
    this.arm();
  }

  /** Drops tasks of one scope (reset of an account/region) or all. */
  clear(filter?: (t: Task) => boolean): void {
    const sched = this.store().data.scheduler;
    sched.tasks = filter ? sched.tasks.filter((t) => !filter(t)) : [];
    this.heapify();
    this.rebuild();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  /** (Re)arms the wall-clock timer for the next due task in real and scaled modes. */
  arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    const next = this.heap[0];
    if (!next || standsStill(this.clock.mode)) return;
    const delay = this.clock.wallDelayUntil(next.at);
    this.timerAt = next.at;
    // setTimeout holds at most ~24.8 days; a later task re-arms when this one fires.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.wake();
      this.arm();
    }, Math.min(Math.ceil(delay), 2 ** 31 - 1));
    this.timer.unref();
  }

  /**
   * Drops replaced and cancelled tasks, in place: a run under way (runDue, runDueAsync) holds the
   * array, and a task it runs may cancel enough tasks to get here (a new array would leave that run
   * popping one array while it looks at the other).
   */
  private compact(): void {
    const h = this.heap;
    let kept = 0;
    for (const t of h) if (this.live(t)) h[kept++] = t;
    h.length = kept;
    this.stale = 0;
    this.heapify();
  }

  // ---- binary heap over store.data.scheduler.tasks ----
  private heapify(): void {
    const h = this.heap;
    for (let i = (h.length >> 1) - 1; i >= 0; i--) this.down(i);
  }
  private push(t: Task): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  private pop(): Task | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }
  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l], h[m])) m = l;
      if (r < h.length && before(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
