import { describe, expect, it } from 'vitest';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { addNode } from '../../testing/fleet.js';
import { CONNECTION_LOST_AFTER_SECONDS, PING_INTERVAL_SECONDS } from './instance.js';

const t = useEmulator();

async function info(id: string) {
  const out = await t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: [id] }] }));
  const i = out.InstanceInformationList![0];
  return { status: i.PingStatus, lastPing: i.LastPingDateTime!.getTime() / 1000 };
}

describe('ping status follows the virtual clock', () => {
  it('uses a 5-minute health ping and a 10-minute ConnectionLost threshold', () => {
    expect(PING_INTERVAL_SECONDS).toBe(300);
    expect(CONNECTION_LOST_AFTER_SECONDS).toBe(600);
  });

  it('advances LastPingDateTime every 5 minutes while the agent runs, and stays Online', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    const start = await info('i-00000000000000001');
    expect(start.status).toBe('Online');
    expect(TEST_START_SECONDS - start.lastPing).toBeGreaterThanOrEqual(0);
    expect(TEST_START_SECONDS - start.lastPing).toBeLessThan(300);
    await t.advance(300);
    expect((await info('i-00000000000000001')).lastPing).toBeCloseTo(start.lastPing + 300, 3);
    await t.advance(3 * 3600);
    const later = await info('i-00000000000000001');
    expect(later.status).toBe('Online');
    expect(later.lastPing).toBeCloseTo(start.lastPing + 300 + 3 * 3600, 3);
  });

  it('turns ConnectionLost 10 minutes after the last ping of a stopped agent, and Online again when it starts', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    const before = await info('i-00000000000000001');
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ AgentRunning: false });
    // Still Online: the service has not missed enough pings yet; the last ping stays where it was.
    expect(await info('i-00000000000000001')).toEqual(before);
    const lostAt = before.lastPing + 600 - TEST_START_SECONDS;
    await t.advance(Math.floor(lostAt) - 1);
    expect((await info('i-00000000000000001')).status).toBe('Online');
    await t.advance(2);
    expect(await info('i-00000000000000001')).toEqual({ status: 'ConnectionLost', lastPing: before.lastPing });
    await t.advance(86400);
    expect((await info('i-00000000000000001')).status).toBe('ConnectionLost');
    const res = await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ AgentRunning: true });
    expect(res.body.instance.PingStatus).toBe('Online');
    const back = await info('i-00000000000000001');
    expect(back.status).toBe('Online');
    // A starting agent pings at once.
    expect(back.lastPing).toBe(TEST_START_SECONDS + Math.floor(lostAt) + 1 + 86400);
  });

  it('forces ConnectionLost at once with PATCH PingStatus, and Inactive too', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001' });
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ PingStatus: 'ConnectionLost' });
    const lost = await info('i-00000000000000001');
    expect(lost.status).toBe('ConnectionLost');
    expect(TEST_START_SECONDS - lost.lastPing).toBeGreaterThanOrEqual(600);
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ PingStatus: 'Inactive' });
    expect((await info('i-00000000000000001')).status).toBe('Inactive');
    await t.http.patch('/_emulator/fleet/instances/i-00000000000000001').send({ PingStatus: 'Online' });
    expect((await info('i-00000000000000001')).status).toBe('Online');
  });

  it('creates offline nodes with a last ping in the past', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', PingStatus: 'ConnectionLost' });
    await addNode(t.http, { InstanceId: 'i-00000000000000002', PingStatus: 'ConnectionLost', LastPingDateTime: '2024-12-31T12:00:00Z' });
    const a = await info('i-00000000000000001');
    expect(a.status).toBe('ConnectionLost');
    expect(a.lastPing).toBeLessThanOrEqual(TEST_START_SECONDS - 600);
    expect(await info('i-00000000000000002')).toEqual({ status: 'ConnectionLost', lastPing: Date.UTC(2024, 11, 31, 12) / 1000 });
  });

  it('stays cheap: no scheduler task per node', async () => {
    await t.http.post('/_emulator/fleet/load').send({ groups: [{ Count: 50 }] });
    await t.http.post('/_emulator/fleet/instances/' + (await t.http.get('/_emulator/fleet/instances')).body.instances[0].InstanceId + '/stop-agent').send({});
    expect((await t.http.get('/_emulator/tasks')).body.tasks).toEqual([]);
  });
});
