/**
 * The in-process API as a test suite uses it: imported by the package's name (package.json
 * "exports" -> dist/index.js, built by `npm ci`'s prepare step), one emulator per suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetParameterCommand, PutParameterCommand, SSMClient, DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { startEmulator, FleetControlError, type RunningEmulator } from 'ssm-emulator';

let emu: RunningEmulator;
let ssm: SSMClient;

beforeAll(async () => {
  emu = await startEmulator({
    clock: { mode: 'frozen', start: '2025-01-01T00:00:00Z' },
    fleet: { groups: [{ Count: 3, Platform: 'amazon-linux-2023', Tags: { Env: 'test' } }] },
    seed: 'package-test',
  });
  ssm = new SSMClient({ endpoint: emu.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
});
afterAll(async () => {
  ssm.destroy();
  await emu.stop();
});

describe("startEmulator() from the package's name", () => {
  it('listens on a free port and serves SDK calls, with the requested fleet', async () => {
    expect(emu.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await ssm.send(new PutParameterCommand({ Name: '/pkg/x', Value: 'v', Type: 'String' }));
    expect((await ssm.send(new GetParameterCommand({ Name: '/pkg/x' }))).Parameter?.Value).toBe('v');
    expect((await ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList).toHaveLength(3);
  });

  it('exposes the clock, events, snapshots and reset', async () => {
    expect(emu.clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    emu.clock.advance(3600);
    expect(emu.clock.now().toISOString()).toBe('2025-01-01T01:00:00.000Z');
    expect(emu.events({ detailType: 'Parameter Store Change' }).length).toBeGreaterThan(0);
    const snap = emu.snapshot();
    emu.reset();
    await expect(ssm.send(new GetParameterCommand({ Name: '/pkg/x' }))).rejects.toMatchObject({ name: 'ParameterNotFound' });
    emu.restore(snap);
    expect((await ssm.send(new GetParameterCommand({ Name: '/pkg/x' }))).Parameter?.Value).toBe('v');
  });

  it('has a fleet handle: add, list, stop an agent, remove, with refusals as FleetControlError', async () => {
    const node = emu.fleet.add({ InstanceId: 'i-0123456789abcdef0', Platform: 'ubuntu-22.04', Tags: { Role: 'db' } });
    expect(node).toMatchObject({ InstanceId: 'i-0123456789abcdef0', PlatformType: 'Linux', PingStatus: 'Online' });
    expect(emu.fleet.list().map((n) => n.InstanceId)).toContain('i-0123456789abcdef0');
    emu.fleet.stopAgent('i-0123456789abcdef0');
    emu.clock.advance(3600);
    const info = await ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }] }));
    expect(info.InstanceInformationList?.[0]?.PingStatus).toBe('ConnectionLost');
    emu.fleet.remove('i-0123456789abcdef0');
    expect(() => emu.fleet.remove('i-0123456789abcdef0')).toThrow(FleetControlError);
    expect(() => emu.fleet.add({ Platform: 'no-such-os' })).toThrow(/Platform/);
  });
});
