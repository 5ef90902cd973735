import { describe, expect, it } from 'vitest';
import { CreateMaintenanceWindowCommand, GetMaintenanceWindowCommand, ListTagsForResourceCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { createWindow, expectError } from './testkit.js';

const t = useEmulator();

const base = { Name: 'patch-window', Schedule: 'cron(0 2 ? * TUE *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false };

describe('CreateMaintenanceWindow', () => {
  it('creates an enabled window with an mw- id and stores every member as given', async () => {
    const id = await createWindow(t, {
      Description: 'weekly patching',
      StartDate: '2025-01-05T00:00:00+09:00',
      EndDate: '2026-01-01T00:00:00Z',
      ScheduleTimezone: 'Asia/Seoul',
      ScheduleOffset: 2,
      Tags: [{ Key: 'Team', Value: 'ops' }],
    });
    expect(id).toMatch(/^mw-[0-9a-f]{17}$/);
    const w = await t.ssm.send(new GetMaintenanceWindowCommand({ WindowId: id }));
    expect(w).toMatchObject({
      WindowId: id,
      Name: 'patch-window',
      Description: 'weekly patching',
      StartDate: '2025-01-05T00:00:00+09:00',
      EndDate: '2026-01-01T00:00:00Z',
      Schedule: 'cron(0 2 ? * TUE *)',
      ScheduleTimezone: 'Asia/Seoul',
      ScheduleOffset: 2,
      Duration: 3,
      Cutoff: 1,
      AllowUnassociatedTargets: false,
      Enabled: true,
    });
    expect(w.CreatedDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
    const tags = await t.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'MaintenanceWindow', ResourceId: id }));
    expect(tags.TagList).toEqual([{ Key: 'Team', Value: 'ops' }]);
  });

  it('accepts cron, rate and at schedules', async () => {
    for (const Schedule of ['cron(0 2 ? * TUE#2 *)', 'rate(7 days)', 'at(2025-03-01T10:00:00)', 'cron(0/30 * * * ? *)']) {
      await createWindow(t, { Schedule, Name: `w-${Schedule.length}-${Schedule.charCodeAt(5)}` });
    }
  });

  it('answers the first answer to a retry with the same ClientToken, and refuses the token with another request', async () => {
    const first = await t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, ClientToken: 'tok-1' }));
    const again = await t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, ClientToken: 'tok-1' }));
    expect(again.WindowId).toBe(first.WindowId);
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Name: 'other', ClientToken: 'tok-1' })), 'IdempotentParameterMismatch');
  });

  it('refuses a cutoff that is not smaller than the duration, in AWS words', async () => {
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Duration: 3, Cutoff: 3 })), 'ValidationException', 'Cuttoff was 3 but must be smaller than 2 (Duration - 1 )');
  });

  it('refuses bad schedules: syntax, rates faster than five minutes, offsets on a rate, unknown time zones', async () => {
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Schedule: 'every tuesday' })), 'ValidationException', /every tuesday is invalid/);
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Schedule: 'cron(0 2 * * *)' })), 'ValidationException', /six required fields/);
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Schedule: 'rate(1 minute)' })), 'ValidationException', /faster than five \(5\) minutes/);
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Schedule: 'rate(2 day)' })), 'ValidationException', /unit must be singular/);
    await expectError(
      t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Schedule: 'rate(7 days)', ScheduleOffset: 2 })),
      'ValidationException',
      'Schedule offsets are supported for cron expressions only.',
    );
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, ScheduleTimezone: 'Mars/Olympus' })), 'ValidationException', /Invalid ScheduleTimezone Mars\/Olympus/);
  });

  it('refuses dates that are not ISO 8601 or in the wrong order', async () => {
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, StartDate: 'next tuesday' })), 'ValidationException', /StartDate next tuesday is not a valid ISO-8601/);
    await expectError(
      t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, StartDate: '2025-06-01T00:00:00Z', EndDate: '2025-05-01T00:00:00Z' })),
      'ValidationException',
      /must be later than StartDate/,
    );
  });

  it('answers the model constraints (duration 1-24, cutoff 0-23, offset 1-6, name pattern)', async () => {
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Duration: 25 })), 'ValidationException', /Member must have value less than or equal to 24/);
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, ScheduleOffset: 7 })), 'ValidationException', /less than or equal to 6/);
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Name: 'no spaces allowed' })), 'ValidationException', /regular expression pattern/);
  });

  it('refuses reserved tag keys', async () => {
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Tags: [{ Key: 'aws:owner', Value: 'x' }] })), 'ValidationException');
  });

  it('stops at the quota of 50 windows with ResourceLimitExceededException', async () => {
    for (let i = 0; i < 50; i++) await createWindow(t, { Name: `window-${i}` });
    await expectError(t.ssm.send(new CreateMaintenanceWindowCommand({ ...base, Name: 'one-too-many' })), 'ResourceLimitExceededException', /maximum number of maintenance windows \(50\)/);
  });
});
