import { describe, expect, it } from 'vitest';
import { GetMaintenanceWindowCommand, UpdateMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError } from './testkit.js';

const t = useEmulator();

const next = async (id: string) => (await t.ssm.send(new GetMaintenanceWindowCommand({ WindowId: id }))).NextExecutionTime;

describe('GetMaintenanceWindow', () => {
  it('answers NextExecutionTime as AWS writes it: in the schedule zone, minutes unless seconds matter', async () => {
    // The clock starts on Wednesday 2025-01-01T00:00:00Z.
    expect(await next(await createWindow(t, { Name: 'utc-cron', Schedule: 'cron(0 2 ? * TUE *)' }))).toBe('2025-01-07T02:00Z');
    expect(await next(await createWindow(t, { Name: 'la-cron', Schedule: 'cron(0 9 ? * WED *)', ScheduleTimezone: 'America/Los_Angeles' }))).toBe('2025-01-01T09:00-08:00');
    expect(await next(await createWindow(t, { Name: 'rate', Schedule: 'rate(1 day)' }))).toBe('2025-01-02T00:00Z');
    expect(await next(await createWindow(t, { Name: 'at-once', Schedule: 'at(2025-02-01T10:30:15)', ScheduleTimezone: 'Asia/Kolkata' }))).toBe('2025-02-01T10:30:15+05:30');
  });

  it('applies the offset in calendar days of the zone (second Tuesday, Seoul, two days later)', async () => {
    const id = await createWindow(t, { Schedule: 'cron(0 2 ? * TUE#2 *)', ScheduleTimezone: 'Asia/Seoul', ScheduleOffset: 2 });
    expect(await next(id)).toBe('2025-01-16T02:00+09:00');
  });

  it('follows the zone across daylight saving time: a 02:30 run in the skipped hour runs when it ends', async () => {
    await t.http.post('/_emulator/clock').send({ now: '2025-03-03T00:00:00Z' });
    const id = await createWindow(t, { Schedule: 'cron(30 2 ? * SUN *)', ScheduleTimezone: 'America/New_York' });
    expect(await next(id)).toBe('2025-03-09T03:00-04:00');
    await t.advance(7 * 86400);
    expect(await next(id)).toBe('2025-03-16T02:30-04:00');
  });

  it("respects StartDate, as in the user guide's example (first run Wednesday 2021-01-06 at 9 AM Pacific)", async () => {
    await t.http.post('/_emulator/clock').send({ now: '2020-12-01T00:00:00Z' });
    const id = await createWindow(t, { Schedule: 'cron(0 09 ? * WED *)', ScheduleTimezone: 'America/Los_Angeles', StartDate: '2021-01-01T00:00:00-08:00' });
    expect(await next(id)).toBe('2021-01-06T09:00-08:00');
  });

  it('leaves NextExecutionTime out when the window is disabled or its EndDate has passed', async () => {
    const id = await createWindow(t);
    await t.ssm.send(new UpdateMaintenanceWindowCommand({ WindowId: id, Enabled: false }));
    expect(await next(id)).toBeUndefined();
    const ended = await createWindow(t, { Name: 'ended', EndDate: '2025-01-05T00:00:00Z' });
    expect(await next(ended)).toBeUndefined();
  });

  it('answers DoesNotExistException for an unknown window, in AWS words', async () => {
    await expectError(t.ssm.send(new GetMaintenanceWindowCommand({ WindowId: 'mw-0123456789abcdef0' })), 'DoesNotExistException', 'Maintenance window mw-0123456789abcdef0 does not exist');
  });
});
