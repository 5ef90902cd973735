import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';

const T0 = Date.UTC(2025, 0, 1);

describe('Clock', () => {
  it('real mode follows the wall clock from its start instant', () => {
    let wall = 1_000_000;
    const c = new Clock({ mode: 'real', start: T0 }, () => wall);
    expect(c.now()).toBe(T0);
    wall += 5_000;
    expect(c.now()).toBe(T0 + 5_000);
  });

  it('scaled mode moves rate x wall time', () => {
    let wall = 0;
    const c = new Clock({ mode: 'scaled', rate: 60, start: T0 }, () => wall);
    wall += 1_000;
    expect(c.now()).toBe(T0 + 60_000);
    expect(c.wallDelayUntil(T0 + 120_000)).toBe(1_000);
  });

  it('frozen mode moves only when set', () => {
    let wall = 0;
    const c = new Clock({ mode: 'frozen', start: T0 }, () => wall);
    wall += 10_000;
    expect(c.now()).toBe(T0);
    expect(c.wallDelayUntil(T0 + 1)).toBe(Infinity);
    c.set({ now: T0 + 42 });
    expect(c.now()).toBe(T0 + 42);
  });

  it('changing mode keeps time continuous', () => {
    let wall = 0;
    const c = new Clock({ mode: 'real', start: T0 }, () => wall);
    wall += 3_000;
    c.set({ mode: 'frozen' });
    expect(c.now()).toBe(T0 + 3_000);
    wall += 3_000;
    expect(c.now()).toBe(T0 + 3_000);
    c.set({ mode: 'scaled', rate: 10 });
    wall += 1_000;
    expect(c.now()).toBe(T0 + 13_000);
    expect(c.describe()).toEqual({ now: new Date(T0 + 13_000).toISOString(), mode: 'scaled', rate: 10 });
  });

  it('a pinned instant wins over the mode while the scheduler runs a task', () => {
    const c = new Clock({ mode: 'real', start: T0 }, () => 0);
    c.pin(T0 + 99);
    expect(c.now()).toBe(T0 + 99);
    c.pin(undefined);
    expect(c.now()).toBe(T0);
  });

  it('snapshot and restore: frozen stays put, real keeps its offset from wall time', () => {
    let wall = 0;
    const frozen = new Clock({ mode: 'frozen', start: T0 }, () => wall);
    const snap = frozen.snapshot();
    wall += 50_000;
    const back = new Clock({}, () => wall);
    back.restore(snap);
    expect(back.now()).toBe(T0);
    const real = new Clock({ mode: 'real', start: T0 }, () => wall);
    const s2 = real.snapshot();
    wall += 7_000;
    const r2 = new Clock({}, () => wall);
    r2.restore(s2);
    expect(r2.now()).toBe(T0 + 7_000);
  });
});

describe('the clock refuses instants it cannot stand at', () => {
  it('set and advance beyond 9999-12-31 (or to a non-number) throw ClockRangeError and change nothing', async () => {
    const { ClockRangeError } = await import('./clock.js');
    const { Scheduler } = await import('./scheduler.js');
    const { Store } = await import('../state/store.js');
    const clock = new Clock({ mode: 'frozen', start: Date.UTC(2025, 0, 1) });
    const store = new Store([1, 2, 3, 4]);
    const scheduler = new Scheduler(() => store, clock);
    expect(() => clock.set({ now: 8.64e15 + 1 })).toThrow(ClockRangeError);
    expect(() => clock.set({ now: Number.NaN })).toThrow(ClockRangeError);
    expect(() => clock.set({ rate: Infinity })).toThrow(ClockRangeError);
    expect(() => scheduler.advance(1e308 * 1000)).toThrow(/between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z/);
    expect(clock.now()).toBe(Date.UTC(2025, 0, 1));
    expect(clock.describe().now).toBe('2025-01-01T00:00:00.000Z');
  });
});
