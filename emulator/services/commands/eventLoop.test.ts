/**
 * A runaway script does not hold the event loop: while a fork bomb sent to the default fleet runs to
 * the shell's step limit, health checks are answered; and a run's result is the same as when the
 * scheduler runs it in one stretch (the in-process API's synchronous advance).
 */
import { describe, expect, it } from 'vitest';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DescribeInstanceInformationCommand, ListCommandInvocationsCommand, SendCommandCommand } from '@aws-sdk/client-ssm';
import { TEST_START, useEmulator } from '../../testing/harness.js';
import { DEFAULT_FLEET_FILE } from '../../sim/fleet/fixtures.js';
import { Emulator } from '../../emulator.js';

const t = useEmulator({ fleet: DEFAULT_FLEET_FILE });
const FORK_BOMB = [':(){ :|:& };:'];
const LOOP = ['f() { echo x; }', 'while true; do f; done'];

async function sendToFleet(commands: string[]): Promise<string> {
  const nodes = (await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList!;
  const linux = nodes.filter((n) => n.PlatformType === 'Linux').map((n) => n.InstanceId!);
  const out = await t.ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: linux, Parameters: { commands } }));
  return out.Command!.CommandId!;
}

describe('runaway scripts and the event loop', () => {
  it('health is answered while a fork bomb runs on the default fleet, and the runs end as before', async () => {
    const commandId = await sendToFleet(FORK_BOMB);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const order: string[] = [];
    let advancing = true;
    const advanced = t.http
      .post('/_emulator/clock/advance')
      .send({ seconds: 3600 })
      .then((res) => {
        advancing = false;
        order.push('advanced');
        return res;
      });
    // Health checks one after another while the advance (which runs every fork bomb) is in flight.
    while (advancing) {
      const h = await t.http.get('/_emulator/health');
      expect(h.status).toBe(200);
      if (advancing) order.push('health');
    }
    const res = await advanced;
    delay.disable();
    expect(res.status).toBe(200);
    // Health answered more than once before the advance finished: the scripts did not hold the loop.
    expect(order.indexOf('advanced')).toBeGreaterThanOrEqual(2);
    console.log(`health answered ${order.length - 1} times during the advance; worst event-loop delay ${(delay.max / 1e6).toFixed(1)} ms`);

    const invocations = (await t.ssm.send(new ListCommandInvocationsCommand({ CommandId: commandId, Details: true }))).CommandInvocations!;
    expect(invocations.length).toBeGreaterThan(0);
    for (const inv of invocations) {
      expect(inv.Status).toBe('Failed');
      expect(inv.CommandPlugins![0].ResponseCode).toBe(1);
      expect(inv.CommandPlugins![0].Output).toContain('maximum function nesting level exceeded');
    }

    // The same command on an emulator whose clock is advanced in one synchronous stretch: same results.
    const inline = new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'test', fleet: DEFAULT_FLEET_FILE });
    const caller = { account: '000000000000', region: 'us-east-1' };
    const ids = invocations.map((i) => i.InstanceId!).sort();
    inline.scheduler.advance(t.emu.clock.now() - 3_600_000 - TEST_START);
    const sent = inline.request('ssm', 'SendCommand', { DocumentName: 'AWS-RunShellScript', InstanceIds: ids, Parameters: { commands: FORK_BOMB } }, caller) as { Command: { CommandId: string } };
    inline.scheduler.advance(3_600_000);
    const expected = inline.request('ssm', 'ListCommandInvocations', { CommandId: sent.Command.CommandId, Details: true }, caller) as { CommandInvocations: unknown[] };
    type Inv = { InstanceId?: string; Status?: string; CommandPlugins?: { Status?: string; ResponseCode?: number; Output?: string }[] };
    const view = (list: Inv[], id: string) =>
      list
        .map((i) => ({ id: i.InstanceId, status: i.Status, plugins: i.CommandPlugins!.map((p) => ({ status: p.Status, code: p.ResponseCode, output: p.Output!.replaceAll(id, 'ID') })) }))
        .sort((a, b) => a.id!.localeCompare(b.id!));
    expect(view(invocations, commandId)).toEqual(view(expected.CommandInvocations as Inv[], sent.Command.CommandId));
    inline.close();
  }, 120_000);

  it('an endless loop calling a function, sent three times in a row, never stops health from answering', async () => {
    for (let i = 0; i < 3; i++) await sendToFleet(LOOP);
    let done = false;
    const advanced = t.advance(600).then(() => (done = true));
    let answered = 0;
    while (!done) {
      const h = await t.http.get('/_emulator/health');
      if (h.status === 200 && !done) answered++;
    }
    await advanced;
    expect(answered).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
