import { describe, expect, it } from 'vitest';
import { controlClient, ControlClientError } from './client.js';
import { TEST_START, useEmulator } from '../testing/harness.js';

describe('controlClient: the control API from another process', () => {
  const t = useEmulator({ fleet: 'default' });

  it('reads and moves the clock', async () => {
    const c = controlClient(t.endpoint);
    expect(await c.clock.get()).toMatchObject({ now: new Date(TEST_START).toISOString(), mode: 'frozen' });
    expect((await c.clock.advance('1h30m')).now).toBe(new Date(TEST_START + 5_400_000).toISOString());
    expect((await c.clock.advance(30)).now).toBe(new Date(TEST_START + 5_430_000).toISOString());
    expect((await c.clock.set({ mode: 'auto' })).mode).toBe('auto');
  });

  it('lists, adds, changes, stops and removes nodes; loads fixtures', async () => {
    const c = controlClient(t.endpoint);
    expect((await c.fleet.list()).length).toBe(7);
    const node = await c.fleet.add({ Platform: 'ubuntu-22.04', Tags: { Role: 'db' } });
    const id = node.InstanceId as string;
    expect((await c.fleet.update(id, { Tags: { Role: 'cache' } })).Tags).toEqual([{ Key: 'Role', Value: 'cache' }]);
    expect((await c.fleet.stopAgent(id)).AgentRunning).toBe(false);
    await c.fleet.remove(id);
    expect((await c.fleet.load('instances:\n  - Platform: windows-2022\n')).loaded).toBe(1);
    await expect(c.fleet.remove('i-00000000000000bad')).rejects.toBeInstanceOf(ControlClientError);
  });

  it('snapshots, resets and restores; lists tasks and events', async () => {
    const c = controlClient(t.endpoint);
    const snap = await c.snapshot();
    await c.reset();
    await c.restore(snap);
    expect(Array.isArray(await c.tasks())).toBe(true);
    expect(Array.isArray(await c.events())).toBe(true);
  });
});
