/**
 * The in-process API (startEmulator) and the server's sliced scheduler runs: the API's calls are
 * synchronous, so they cannot wait for the lock (Emulator.exclusive); a call made while a sliced run
 * is half-way through completes that run first, synchronously, and so never sees the state between
 * two tasks (Emulator.immediate).
 */
import { describe, expect, it } from 'vitest';
import { SSMClient } from '@aws-sdk/client-ssm';
import { startEmulator } from './index.js';
import { advanceHalfWay } from './testing/sliced.js';

const INVOCATION = 'EC2 Command Invocation Status-change Notification';

describe('the in-process API during a sliced scheduler run', () => {
  it('sees the state after a clock advance under way over HTTP, never half of it', async () => {
    const emu = await startEmulator({ clock: { mode: 'frozen', start: '2025-01-01T00:00:00Z' }, fleet: 'default' });
    const ssm = new SSMClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    let advance: { done: Promise<Response> } | undefined;
    try {
      const linux = emu.fleet.list().filter((n) => n.PlatformType === 'Linux').map((n) => n.InstanceId as string);
      advance = await advanceHalfWay({ emu: emu.emulator, ssm, endpoint: emu.endpoint, instanceIds: linux, seconds: 3600 });
      const failed = () => emu.events({ detailType: INVOCATION }).filter((e) => e.detail.status === 'Failed');

      // Synchronous calls now see the advance done: the clock moved, every fork bomb Failed at the step limit.
      expect(emu.clock.now().toISOString()).toBe('2025-01-01T01:00:00.500Z');
      expect(failed().map((e) => e.detail['instance-id']).sort()).toEqual([...linux].sort());
      expect(emu.clock.advance(0)).toBe(0);

      const res = await advance.done;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { now: string }).now).toBe('2025-01-01T01:00:00.500Z');
      // Nothing ran twice.
      expect(failed()).toHaveLength(linux.length);
    } finally {
      await advance?.done.catch(() => undefined);
      ssm.destroy();
      await emu.stop();
    }
  }, 120_000);
});
