import { describe, expect, it } from 'vitest';
import { Emulator } from '../../emulator.js';
import { TEST_START } from '../../testing/harness.js';
import { commandsInOrder, historySize } from './state.js';
import { DEFAULT_FLEET_FILE } from '../fleet/fixtures.js';
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
    expect(healthBody(emu).limits).toEqual({ commandsEvicted: 1, automationExecutionsEvicted: 0 });
    expect(() => emu.request('ssm', 'ListCommandInvocations', { CommandId: first }, caller)).not.toThrow();
    emu.close();
  });

  const caller = { account: '000000000000', region: 'us-east-1' };
  /** Sends a command to the default fleet's four Env=prod nodes (three Linux, one Windows) and lets it finish. */
  function sendToProd(emu: Emulator, commands: string[]): string {
    const id = (emu.request('ssm', 'SendCommand', { DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Env', Values: ['prod'] }], Parameters: { commands } }, caller) as { Command: { CommandId: string } }).Command.CommandId;
    emu.scheduler.advance(60_000);
    return id;
  }

  it('also caps invocations: one command to many nodes counts as many', () => {
    const emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'cap', fleet: DEFAULT_FLEET_FILE, limits: { maxInvocations: 10 } });
    const ids = [1, 2, 3, 4].map(() => sendToProd(emu, ['true']));
    const ctx = emu.context(caller.account, caller.region);
    // 4 invocations each: two commands (8) fit under 10, a third would make 12
    expect(commandsInOrder(ctx).map((c) => c.CommandId)).toEqual(ids.slice(2));
    expect(historySize(ctx).invocations).toBe(8);
    expect(healthBody(emu).limits).toEqual({ commandsEvicted: 2, automationExecutionsEvicted: 0 });
    emu.close();
  });

  it('also caps the output finished commands hold, counted when they finish; the one that just finished stays', () => {
    const line = 'x'.repeat(200);
    const emu = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'cap', fleet: DEFAULT_FLEET_FILE, limits: { maxOutputChars: 3000 } });
    const ctx = emu.context(caller.account, caller.region);
    const first = sendToProd(emu, [`echo ${line}`]);
    // three Linux nodes hold Output and Stdout of 201 characters each: 1,206
    expect(historySize(ctx).outputChars).toBe(1206);
    const second = sendToProd(emu, [`echo ${line}`]);
    expect(historySize(ctx).outputChars).toBe(2412);
    const third = sendToProd(emu, [`echo ${line}`]);
    expect(commandsInOrder(ctx).map((c) => c.CommandId)).toEqual([second, third]);
    expect(commandsInOrder(ctx).map((c) => c.CommandId)).not.toContain(first);
    // a single command over the whole cap is kept while it is the newest, dropped by the next one
    const big = sendToProd(emu, [`for i in 1 2 3 4 5 6 7 8 9 10; do echo ${line}; done`]);
    expect(commandsInOrder(ctx).map((c) => c.CommandId)).toEqual([big]);
    const after = sendToProd(emu, ['true']);
    expect(commandsInOrder(ctx).map((c) => c.CommandId)).toEqual([after]);
    emu.close();
  });
});
