import { describe, expect, it } from 'vitest';
import {
  CreateDocumentCommand, GetCommandInvocationCommand, GetParameterCommand, PutParameterCommand, SendCommandCommand, waitUntilCommandExecuted,
} from '@aws-sdk/client-ssm';
import { TEST_START, useEmulator } from '../testing/harness.js';

const fleet = {
  instances: [
    { InstanceId: 'i-0a1b2c3d4e5f60001', Platform: 'amazon-linux-2023', Tags: { Role: 'web' } },
    { InstanceId: 'i-0a1b2c3d4e5f60002', Platform: 'amazon-linux-2023', Tags: { Role: 'web' } },
  ],
};

describe('auto clock: frozen, but requests jump to the work that is due', () => {
  const t = useEmulator({ clock: { mode: 'auto', start: TEST_START }, fleet });

  it('waitUntilCommandExecuted finishes at once; virtual time moved only as far as the work', async () => {
    const { Command } = await t.ssm.send(new SendCommandCommand({
      DocumentName: 'AWS-RunShellScript',
      Targets: [{ Key: 'tag:Role', Values: ['web'] }],
      Parameters: { commands: ['echo "hello from $(hostname)"', 'sleep 30', 'uptime -p'] },
    }));
    expect(Command!.Status).toBe('Pending');
    const wall = performance.now();
    const result = await waitUntilCommandExecuted(
      { client: t.ssm, maxWaitTime: 10, minDelay: 1 },
      { CommandId: Command!.CommandId!, InstanceId: 'i-0a1b2c3d4e5f60001' },
    );
    expect(result.state).toBe('SUCCESS');
    expect(performance.now() - wall).toBeLessThan(900); // the first poll already saw Success: no waiter delay
    const out = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: Command!.CommandId!, InstanceId: 'i-0a1b2c3d4e5f60001' }));
    expect(out.StandardOutputContent).toMatch(/^hello from ip-[\d-]+\.ec2\.internal\nup \d+ minutes?\n$/);
    const elapsed = t.emu.clock.now() - TEST_START;
    expect(elapsed).toBeGreaterThanOrEqual(30_000);
    expect(elapsed).toBeLessThan(60_000);
  });

  it('time stands still while nothing is due', async () => {
    await t.ssm.send(new PutParameterCommand({ Name: '/a', Value: 'x', Type: 'String' }));
    await t.ssm.send(new GetParameterCommand({ Name: '/a' }));
    expect(t.emu.clock.now()).toBe(TEST_START);
  });

  it('work further away than the horizon waits for an explicit advance', async () => {
    await t.ssm.send(new PutParameterCommand({
      Name: '/flag', Value: 'on', Type: 'String', Tier: 'Advanced',
      Policies: JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: new Date(TEST_START + 3_600_000).toISOString() } }]),
    }));
    await t.ssm.send(new GetParameterCommand({ Name: '/flag' }));
    expect(t.emu.clock.now()).toBe(TEST_START);
    await t.advance(3600);
    await expect(t.ssm.send(new GetParameterCommand({ Name: '/flag' }))).rejects.toMatchObject({ name: 'ParameterNotFound' }); // AWS sends no message: the SDK's text is "UnknownError", its name the code
  });

  it('a new document is usable by the next request (Creating -> Active jumps one second)', async () => {
    await t.ssm.send(new CreateDocumentCommand({
      Name: 'Hello', DocumentType: 'Command',
      Content: JSON.stringify({ schemaVersion: '2.2', mainSteps: [{ action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['echo hi'] } }] }),
    }));
    const { Command } = await t.ssm.send(new SendCommandCommand({ DocumentName: 'Hello', InstanceIds: ['i-0a1b2c3d4e5f60002'] }));
    await waitUntilCommandExecuted({ client: t.ssm, maxWaitTime: 10, minDelay: 1 }, { CommandId: Command!.CommandId!, InstanceId: 'i-0a1b2c3d4e5f60002' });
  });

  it('GET /_emulator/clock reports mode auto; POST sets it', async () => {
    expect((await t.http.get('/_emulator/clock')).body.mode).toBe('auto');
    const r = await t.http.post('/_emulator/clock').send({ mode: 'frozen' });
    expect(r.body.mode).toBe('frozen');
  });
});
