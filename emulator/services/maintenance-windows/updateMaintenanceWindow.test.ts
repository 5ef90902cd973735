import { describe, expect, it } from 'vitest';
import { GetMaintenanceWindowCommand, UpdateMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { createWindow, executions, expectError } from './testkit.js';

const t = useEmulator();

const update = (input: ConstructorParameters<typeof UpdateMaintenanceWindowCommand>[0]) => t.ssm.send(new UpdateMaintenanceWindowCommand(input));
const get = (id: string) => t.ssm.send(new GetMaintenanceWindowCommand({ WindowId: id }));

describe('UpdateMaintenanceWindow', () => {
  it('changes only the members given and answers the window', async () => {
    const id = await createWindow(t, { Description: 'first', ScheduleTimezone: 'Europe/Berlin' });
    await t.advance(60);
    const out = await update({ WindowId: id, Duration: 5, Cutoff: 2 });
    expect(out).toMatchObject({ WindowId: id, Name: 'patch-window', Description: 'first', ScheduleTimezone: 'Europe/Berlin', Duration: 5, Cutoff: 2, Enabled: true });
    const w = await get(id);
    expect(w.ModifiedDate!.getTime() / 1000).toBe(TEST_START_SECONDS + 60);
    expect(w.CreatedDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
  });

  it('with Replace, needs the members create needs and clears optional ones not given', async () => {
    const id = await createWindow(t, { Description: 'gone soon', ScheduleTimezone: 'Asia/Tokyo', StartDate: '2025-01-02T00:00:00Z' });
    await expectError(update({ WindowId: id, Replace: true, Name: 'x-window' }), 'ValidationException', /Replace is true.*Missing: Schedule, Duration, Cutoff, AllowUnassociatedTargets/);
    const out = await update({ WindowId: id, Replace: true, Name: 'replaced', Schedule: 'rate(1 day)', Duration: 2, Cutoff: 0, AllowUnassociatedTargets: true });
    expect(out.Description).toBeUndefined();
    expect(out.ScheduleTimezone).toBeUndefined();
    expect(out.StartDate).toBeUndefined();
    expect((await get(id)).Schedule).toBe('rate(1 day)');
  });

  it('reschedules: a new schedule takes effect, and a disabled window does not open', async () => {
    const id = await createWindow(t, { Schedule: 'cron(0 2 ? * TUE *)' });
    await update({ WindowId: id, Schedule: 'cron(0 4 * * ? *)' });
    expect((await get(id)).NextExecutionTime).toBe('2025-01-01T04:00Z');
    await update({ WindowId: id, Enabled: false });
    await t.advance(2 * 86400);
    expect(await executions(t, id)).toEqual([]);
    await update({ WindowId: id, Enabled: true });
    await t.advance(86400);
    expect(await executions(t, id)).toHaveLength(1);
  });

  it('sends the window state-change event when it is disabled or enabled', async () => {
    const id = await createWindow(t);
    await update({ WindowId: id, Enabled: false });
    await update({ WindowId: id, Description: 'no state change' });
    const events = t.emu.events.list({ detailType: 'Maintenance Window State-change Notification' });
    expect(events.map((e) => e.detail)).toEqual([{ 'window-id': id, status: 'DISABLED' }]);
    expect(events[0]!.resources).toEqual([`arn:aws:ssm:us-east-1:000000000000:maintenancewindow/${id}`]);
  });

  it('checks the result as a whole: cutoff against the new or old duration, offsets, dates', async () => {
    const id = await createWindow(t, { Duration: 3, Cutoff: 1 });
    await expectError(update({ WindowId: id, Cutoff: 3 }), 'ValidationException', 'Cuttoff was 3 but must be smaller than 2 (Duration - 1 )');
    await expectError(update({ WindowId: id, Schedule: 'rate(2 hours)', ScheduleOffset: 1 }), 'ValidationException', 'Schedule offsets are supported for cron expressions only.');
    await expectError(update({ WindowId: id, StartDate: '2025-03-01T00:00:00Z', EndDate: '2025-02-01T00:00:00Z' }), 'ValidationException', /must be later than StartDate/);
    expect((await get(id)).Cutoff).toBe(1);
  });

  it('answers DoesNotExistException for an unknown window', async () => {
    await expectError(update({ WindowId: 'mw-0123456789abcdef0', Name: 'xyz' }), 'DoesNotExistException', 'Maintenance window mw-0123456789abcdef0 does not exist');
  });
});
