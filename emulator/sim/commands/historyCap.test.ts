import { describe, expect, it } from 'vitest';
import { Emulator } from '../../emulator.js';
import { TEST_START } from '../../testing/harness.js';
import { commandsInOrder } from './state.js';
import { MAX_COMMANDS } from './timing.js';
import { healthBody } from '../../control/health.js';

describe('Run Command history is bounded', () => {
  it(`keeps at most ${MAX_COMMANDS} commands a region (a lower limit here), dropping the oldest finished ones first, and counts them in health`, () => {
    const limit = 40;
    const emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'cap', limits: { maxCommands: limit } });
    const caller = { account: '000000000000', region: 'us-east-1' };
    const send = () =>
      (emu.request('ssm', 'SendCommand', { DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Role', Values: ['none'] }], Parameters: { commands: ['true'] } }, caller) as { Command: { CommandId: string } })
        .Command.CommandId;
    const first = send();
    for (let i = 1; i < limit; i++) send();
    emu.scheduler.advance(1000);
    const ctx = emu.context(caller.account, caller.region);
    expect(commandsInOrder(ctx)).toHaveLength(limit);
    const newest = send();
    emu.scheduler.advance(1000);
    const ids = commandsInOrder(ctx).map((c) => c.CommandId);
    expect(ids).toHaveLength(limit);
    expect(ids).not.toContain(first);
    expect(ids.at(-1)).toBe(newest);
    expect(healthBody(emu).limits).toEqual({ commandsEvicted: 1 });
    expect(() => emu.request('ssm', 'ListCommandInvocations', { CommandId: first }, caller)).not.toThrow();
    emu.close();
  });
});
