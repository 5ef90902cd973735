import { describe, expect, it } from 'vitest';
import { Emulator } from '../emulator.js';
import { MAX_EVENTS } from './events.js';

describe('events', () => {
  it('keeps the newest MAX_EVENTS, oldest first, however many were emitted', () => {
    const emu = new Emulator({ clock: { mode: 'frozen', start: 0 }, seed: 'events' });
    const where = { account: '000000000000', region: 'us-east-1', now: 0 };
    const total = MAX_EVENTS + 2_345;
    for (let i = 0; i < total; i++) emu.events.emit(where, { source: 'test', detailType: 'Tick', detail: { i } });
    const list = emu.events.list();
    expect(list).toHaveLength(MAX_EVENTS);
    expect(list[0]!.detail.i).toBe(total - MAX_EVENTS);
    expect(list[list.length - 1]!.detail.i).toBe(total - 1);
    expect(emu.store.data.events.length).toBeLessThanOrEqual(MAX_EVENTS + 1_000);
    emu.close();
  });
});
