/**
 * The one source of time in the emulator. Nothing else reads the wall clock (handlers, engines and
 * schedules all call clock.now()).
 *
 * Modes:
 *   real    virtual time moves with wall time (rate 1), from wherever it was set;
 *   scaled  virtual time moves at `rate` x wall time (60 = an hour a minute);
 *   frozen  virtual time moves only when set or advanced;
 *   auto    frozen, but each API request first runs the work due within AUTO_HORIZON_MS of its
 *           arrival, jumping time from one due task to the next (fake timers' "run to next timer"):
 *           SDK waiters and polling loops see work finish at once, and time stands still otherwise.
 *
 * Represented as an anchor pair: at wall instant `anchorWall` the virtual time was `anchorVirtual`.
 * That pair is plain data, so it persists and snapshots with the rest of the state.
 */
export type ClockMode = 'real' | 'scaled' | 'frozen' | 'auto';
export const CLOCK_MODES: readonly ClockMode[] = ['real', 'scaled', 'frozen', 'auto'];

/**
 * How far ahead of a request an auto clock looks for due work: far enough for a command's delivery,
 * its sleeps and the document and policy steps a test waits on; short enough that a recurring
 * schedule (an association every 30 minutes, a daily sweep) does not move time on every request.
 */
export const AUTO_HORIZON_MS = 10 * 60_000;

/** Modes in which virtual time stands still between explicit moves. */
export const standsStill = (mode: ClockMode) => mode === 'frozen' || mode === 'auto';

/**
 * The instants the virtual clock can stand at: 1970-01-01 to 9999-12-31T23:59:59.999Z. Every
 * timestamp the emulator writes must be an ISO-8601 date with a four-digit year and an epoch-seconds
 * number the SDKs read; beyond that range JavaScript dates stop (8.64e15 ms) and so would the server.
 */
export const MIN_INSTANT = 0;
export const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A clock change outside [MIN_INSTANT, MAX_INSTANT]; nothing changed. */
export class ClockRangeError extends Error {}

/** Refuses an instant the clock cannot stand at (what the control API answers with 400). */
export function checkInstant(ms: number, what = 'the clock'): void {
  if (!Number.isFinite(ms) || ms < MIN_INSTANT || ms > MAX_INSTANT) {
    throw new ClockRangeError(`${what} must stay between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z.`);
  }
}

export interface ClockState {
  mode: ClockMode;
  rate: number;
  anchorVirtual: number;
  anchorWall: number;
}

/** Wall time in milliseconds. The only call to Date.now() in the emulator lives here. */
export type WallSource = () => number;

export class Clock {
  private state: ClockState;
  /** While the scheduler runs a task, time stands at the task's instant (see Scheduler.advance). */
  private pinned: number | undefined;
  private listeners: (() => void)[] = [];

  constructor(
    init: { mode?: ClockMode; rate?: number; start?: number } = {},
    private readonly wall: WallSource = Date.now,
  ) {
    const now = wall();
    const mode = init.mode ?? 'real';
    this.state = {
      mode,
      rate: mode === 'scaled' ? (init.rate ?? 60) : 1,
      anchorVirtual: init.start ?? now,
      anchorWall: now,
    };
  }

  /** Virtual now, in epoch milliseconds. */
  now(): number {
    if (this.pinned !== undefined) return this.pinned;
    const s = this.state;
    if (standsStill(s.mode)) return s.anchorVirtual;
    return Math.floor(s.anchorVirtual + (this.wall() - s.anchorWall) * s.rate);
  }

  get mode(): ClockMode {
    return this.state.mode;
  }

  get rate(): number {
    return this.state.rate;
  }

  /** Wall milliseconds until virtual time reaches `virtualMs` (Infinity when frozen or auto). */
  wallDelayUntil(virtualMs: number): number {
    if (standsStill(this.state.mode)) return Infinity;
    return Math.max(0, (virtualMs - this.now()) / this.state.rate);
  }

  /** Changes mode, rate or the current instant, keeping time continuous for what is not given. */
  set(change: { now?: number; mode?: ClockMode; rate?: number }): void {
    if (change.now !== undefined) checkInstant(change.now);
    if (change.rate !== undefined && !(Number.isFinite(change.rate) && change.rate > 0 && change.rate <= 1e9)) {
      throw new ClockRangeError('rate must be a number greater than 0 and at most 1e9.');
    }
    const current = this.now();
    const mode = change.mode ?? this.state.mode;
    let rate = change.rate ?? this.state.rate;
    if (mode === 'real') rate = 1;
    if (mode === 'scaled' && change.rate === undefined && this.state.mode !== 'scaled') rate = 60;
    this.state = { mode, rate, anchorVirtual: change.now ?? current, anchorWall: this.wall() };
    this.changed();
  }

  /** Used by the scheduler while it runs a due task; `undefined` unpins. */
  pin(at: number | undefined): void {
    this.pinned = at;
  }

  /** Called whenever time jumps or its speed changes (the scheduler re-arms its timer). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  snapshot(): ClockState {
    const wall = this.wall();
    return { ...this.state, anchorVirtual: this.now(), anchorWall: wall };
  }

  restore(state: ClockState): void {
    // A real clock keeps its offset from wall time (time passed while the emulator was down, as it
    // does on AWS); a scaled clock resumes from the saved instant; a frozen one is where it was.
    this.state = state.mode === 'real' ? { ...state } : { ...state, anchorWall: this.wall() };
    this.changed();
  }

  describe(): { now: string; mode: ClockMode; rate: number } {
    return { now: new Date(this.now()).toISOString(), mode: this.state.mode, rate: this.state.rate };
  }
}
