import { describe, expect, it } from 'vitest';
import { UpdateMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, executions } from './testkit.js';

const t = useEmulator();

describe('/_emulator/maintenance-windows', () => {
  it('GET upcoming lists the next openings across every window, earliest first', async () => {
    const daily = await createWindow(t, { Name: 'daily', Schedule: 'cron(0 3 * * ? *)' });
    const seoul = await createWindow(t, { Name: 'seoul', Schedule: 'cron(0 9 * * ? *)', ScheduleTimezone: 'Asia/Seoul' });
    const off = await createWindow(t, { Name: 'off', Schedule: 'cron(0 1 * * ? *)' });
    await t.ssm.send(new UpdateMaintenanceWindowCommand({ WindowId: off, Enabled: false }));
    await createWindow(t, { Name: 'weekly' });
    const res = await t.http.get('/_emulator/maintenance-windows/upcoming?count=3&region=us-east-1');
    expect(res.status).toBe(200);
    expect(res.body.executions).toEqual([
      // Seoul's 09:00 of January 1 is the creation instant itself, so its first run is the next day's.
      { account: '000000000000', region: 'us-east-1', windowId: daily, name: 'daily', executionTime: '2025-01-01T03:00:00.000Z', scheduledTime: '2025-01-01T03:00Z' },
      { account: '000000000000', region: 'us-east-1', windowId: seoul, name: 'seoul', executionTime: '2025-01-02T00:00:00.000Z', scheduledTime: '2025-01-02T09:00+09:00' },
      { account: '000000000000', region: 'us-east-1', windowId: daily, name: 'daily', executionTime: '2025-01-02T03:00:00.000Z', scheduledTime: '2025-01-02T03:00Z' },
    ]);
    expect((await t.http.get('/_emulator/maintenance-windows/upcoming?count=0')).status).toBe(400);
  });

  it('POST {id}/open opens a window now; 404 for one that does not exist', async () => {
    const w = await createWindow(t);
    const res = await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'SUCCESS', windowExecutionId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await executions(t, w)).map((e) => e.WindowExecutionId)).toEqual([res.body.windowExecutionId]);
    const missing = await t.http.post('/_emulator/maintenance-windows/mw-0123456789abcdef0/open').send({});
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('WindowNotFound');
  });

  it('outcomes: set one or a fixture of several, list them, clear them; bad ones are refused', async () => {
    const set = await t.http.post('/_emulator/maintenance-windows/outcomes').send({ outcomes: [{ Status: 'FAILED' }, { TaskArn: 'fn', Status: 'TIMED_OUT', DurationSeconds: 60 }] });
    expect(set.status).toBe(200);
    expect((await t.http.get('/_emulator/maintenance-windows/outcomes')).body.outcomes).toEqual([
      { TaskArn: '*', Outcome: { Status: 'FAILED' } },
      { TaskArn: 'fn', Outcome: { Status: 'TIMED_OUT', DurationSeconds: 60 } },
    ]);
    const bad = await t.http.post('/_emulator/maintenance-windows/outcomes').send({ Status: 'MAYBE' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Status must be one of SUCCESS, FAILED, TIMED_OUT/);
    expect((await t.http.delete('/_emulator/maintenance-windows/outcomes')).status).toBe(200);
    expect((await t.http.get('/_emulator/maintenance-windows/outcomes')).body.outcomes).toEqual([]);
  });
});
