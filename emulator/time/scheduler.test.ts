import { describe, expect, it } from 'vitest';
import { Clock } from './clock.js';
import { Scheduler } from './scheduler.js';
import { Store } from '../state/store.js';

const T0 = Date.UTC(2025, 0, 1);
const setup = () => {
  const store = new Store([1, 2, 3, 4]);
  const clock = new Clock({ mode: 'frozen', start: T0 });
  const s = new Scheduler(() => store, clock);
  const log: string[] = [];
  return { store, clock, s, log };
};
const at = (seconds: number) => ({ at: T0 + seconds * 1000, account: 'a', region: 'r' });

describe('Scheduler', () => {
  it('advance runs due tasks in time order, each at its own instant, and ends at now + ms', () => {
    const { s, clock, log } = setup();
    s.define<string>('note', (task, ctx) => void log.push(`${task.payload}@${(ctx.now - T0) / 1000}:${(clock.now() - T0) / 1000}`));
    s.schedule({ ...at(30), kind: 'note', payload: 'c' });
    s.schedule({ ...at(10), kind: 'note', payload: 'a' });
    s.schedule({ ...at(20), kind: 'note', payload: 'b' });
    s.schedule({ ...at(90), kind: 'note', payload: 'later' });
    expect(s.advance(60_000)).toBe(3);
    expect(log).toEqual(['a@10:10', 'b@20:20', 'c@30:30']);
    expect(clock.now()).toBe(T0 + 60_000);
    expect(s.list().map((t) => t.payload)).toEqual(['later']);
  });

  it('ties run in scheduling order, and tasks may schedule tasks that run in the same advance', () => {
    const { s, log } = setup();
    s.define<number>('chain', (task, ctx) => {
      log.push(`n${task.payload}`);
      if (task.payload < 3) s.schedule({ at: ctx.now + 1000, account: 'a', region: 'r', kind: 'chain', payload: task.payload + 1 });
    });
    s.schedule({ ...at(1), kind: 'chain', payload: 0 });
    s.schedule({ ...at(1), kind: 'chain', payload: 10 });
    s.advance(10_000);
    expect(log).toEqual(['n0', 'n10', 'n1', 'n2', 'n3']);
  });

  it('a keyed task replaces the pending one with the same key; cancel removes it', () => {
    const { s, log } = setup();
    s.define<string>('k', (task) => void log.push(task.payload));
    s.schedule({ ...at(5), kind: 'k', key: 'x', payload: 'first' });
    s.schedule({ ...at(8), kind: 'k', key: 'x', payload: 'second' });
    s.schedule({ ...at(6), kind: 'k', key: 'y', payload: 'y' });
    expect(s.cancel('y')).toBe(true);
    expect(s.cancel('y')).toBe(false);
    s.advance(10_000);
    expect(log).toEqual(['second']);
  });

  it('a failing task is recorded and does not stop the others', () => {
    const { s, log } = setup();
    s.define('boom', () => {
      throw new Error('kaput');
    });
    s.define<string>('ok', (t) => void log.push(t.payload));
    s.schedule({ ...at(1), kind: 'boom', payload: null });
    s.schedule({ ...at(2), kind: 'ok', payload: 'after' });
    s.advance(5000);
    expect(log).toEqual(['after']);
    expect(s.failures[0].error).toContain('kaput');
  });

  it('the queue is plain data in the store: a rebuilt scheduler continues it', () => {
    const { s, store, clock, log } = setup();
    s.define<string>('k', (t) => void log.push(t.payload));
    s.schedule({ ...at(5), kind: 'k', key: 'x', payload: 'old' });
    s.schedule({ ...at(6), kind: 'k', key: 'x', payload: 'new' });
    const copy = JSON.parse(JSON.stringify(store.data));
    const store2 = new Store([0, 0, 0, 0]);
    store2.replace(copy);
    const s2 = new Scheduler(() => store2, clock);
    s2.define<string>('k', (t) => void log.push(`2:${t.payload}`));
    s2.rebuild();
    s2.advance(10_000);
    expect(log).toEqual(['2:new']);
  });

  it('a real-time clock fires due tasks from its own timer', async () => {
    const store = new Store([1, 2, 3, 4]);
    const clock = new Clock({ mode: 'scaled', rate: 1000, start: T0 });
    const s = new Scheduler(() => store, clock);
    let fired = 0;
    s.define('tick', () => void fired++);
    s.schedule({ at: clock.now() + 20_000, account: 'a', region: 'r', kind: 'tick', payload: null }); // 20 ms of wall time
    await new Promise((r) => setTimeout(r, 120));
    expect(fired).toBe(1);
    s.stop();
  });

  it('settle completes a sliced advance that waits half-way, in order; the advance then finds nothing left and counts it all', async () => {
    const { s, clock, log } = setup();
    let release!: () => void;
    const prepared = new Promise<void>((r) => (release = r));
    s.define<string>('note', (task, ctx) => void log.push(`${task.payload}@${(ctx.now - T0) / 1000}`));
    s.define<string>('slow', (task, ctx) => void log.push(`${task.payload}@${(ctx.now - T0) / 1000}`));
    // A task kind whose work is computed elsewhere first (a script on a worker): the run waits for it.
    s.definePrepare('slow', () => prepared);
    s.schedule({ ...at(10), kind: 'note', payload: 'a' });
    s.schedule({ ...at(20), kind: 'slow', payload: 'b' });
    s.schedule({ ...at(30), kind: 'note', payload: 'c' });
    s.schedule({ ...at(90), kind: 'note', payload: 'at-target' });
    const advance = s.advanceAsync(90_000);
    while (log.length < 1) await new Promise((r) => setImmediate(r));
    // Half-way: `a` ran at 10 s, the clock still says 0, and the run waits for b's preparation.
    expect(log).toEqual(['a@10']);
    expect(clock.now()).toBe(T0);
    expect(s.isRunning).toBe(false);
    expect(s.runDue(T0)).toBe(0);
    expect(s.settle()).toBe(3);
    expect(log).toEqual(['a@10', 'b@20', 'c@30', 'at-target@90']);
    expect(clock.now()).toBe(T0 + 90_000);
    expect(s.settle()).toBe(0);
    release();
    expect(await advance).toBe(4);
    expect(log).toHaveLength(4);
    expect(clock.now()).toBe(T0 + 90_000);
  });
});

describe('Scheduler: compaction while tasks run', () => {
  it('a task that cancels enough keyed tasks to compact the queue does not break the run it is part of (found by the soak: a 500 from SendCommand)', async () => {
    for (const mode of ['runDue', 'runDueAsync'] as const) {
      const { s, log } = setup();
      s.define<number>('far', () => void log.push('far'));
      s.define<number>('due', (task) => {
        log.push(`due${task.payload}`);
        if (task.payload === 1) for (let i = 0; i < 2000; i++) s.cancel(`far${i}`);
      });
      for (let i = 0; i < 3000; i++) s.schedule({ ...at(1e6), kind: 'far', key: `far${i}`, payload: i });
      for (let n = 1; n <= 5; n++) s.schedule({ ...at(n), kind: 'due', payload: n });
      const ran = mode === 'runDue' ? s.runDue(T0 + 10_000) : await s.runDueAsync(T0 + 10_000);
      expect(ran, mode).toBe(5);
      expect(log, mode).toEqual(['due1', 'due2', 'due3', 'due4', 'due5']);
      expect(s.list(), mode).toHaveLength(1000);
    }
  });
});
