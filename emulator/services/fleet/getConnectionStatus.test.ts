import { describe, expect, it } from 'vitest';
import { GetConnectionStatusCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError } from '../../testing/fleet.js';

const t = useEmulator();
const status = async (Target: string) => (await t.ssm.send(new GetConnectionStatusCommand({ Target }))).Status;

describe('GetConnectionStatus', () => {
  it('is connected while the agent runs and notconnected once it stops', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    const out = await t.ssm.send(new GetConnectionStatusCommand({ Target: 'i-00000000000000001' }));
    expect(out).toMatchObject({ Target: 'i-00000000000000001', Status: 'connected' });
    await t.http.post('/_emulator/fleet/instances/i-00000000000000001/stop-agent').send({});
    expect(await status('i-00000000000000001')).toBe('notconnected');
    await t.http.post('/_emulator/fleet/instances/i-00000000000000001/start-agent').send({});
    expect(await status('i-00000000000000001')).toBe('connected');
  });

  it('is notconnected for offline, stopped and unknown nodes', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000002', PingStatus: 'ConnectionLost' });
    await addNode(t.http, { InstanceId: 'i-00000000000000003', InstanceState: 'stopped' });
    expect(await status('i-00000000000000002')).toBe('notconnected');
    expect(await status('i-00000000000000003')).toBe('notconnected');
    expect(await status('i-0ffffffffffffffff')).toBe('notconnected');
  });

  it('refuses a missing or over-long Target (model)', async () => {
    await expectError(t.ssm.send(new GetConnectionStatusCommand({ Target: 'x'.repeat(401) })), 'ValidationException', /target/);
    const res = await t.rpc('GetConnectionStatus', {});
    expect(res.body.__type).toBe('ValidationException');
  });
});
