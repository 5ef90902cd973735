import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowScheduleCommand, UpdateMaintenanceWindowCommand, type DescribeMaintenanceWindowScheduleCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, createWindow, expectError, iid, registerTagTarget } from './testkit.js';

const t = useEmulator();

const schedule = (input: DescribeMaintenanceWindowScheduleCommandInput) => t.ssm.send(new DescribeMaintenanceWindowScheduleCommand(input));

describe('DescribeMaintenanceWindowSchedule', () => {
  it("lists a window's upcoming runs in its zone, earliest first, with its offset applied", async () => {
    const id = await createWindow(t, { Name: 'seoul', Schedule: 'cron(0 2 ? * TUE#2 *)', ScheduleTimezone: 'Asia/Seoul', ScheduleOffset: 2 });
    const out = await schedule({ WindowId: id, MaxResults: 3 });
    expect(out.ScheduledWindowExecutions).toEqual([
      { WindowId: id, Name: 'seoul', ExecutionTime: '2025-01-16T02:00+09:00' },
      { WindowId: id, Name: 'seoul', ExecutionTime: '2025-02-13T02:00+09:00' },
      { WindowId: id, Name: 'seoul', ExecutionTime: '2025-03-13T02:00+09:00' },
    ]);
    expect(out.NextToken).toBeDefined();
  });

  it('pages with NextToken without repeating or skipping a run', async () => {
    const id = await createWindow(t, { Schedule: 'rate(1 day)' });
    const all = (await schedule({ WindowId: id, MaxResults: 10 })).ScheduledWindowExecutions!.map((e) => e.ExecutionTime);
    const first = await schedule({ WindowId: id, MaxResults: 4 });
    const second = await schedule({ WindowId: id, MaxResults: 6, NextToken: first.NextToken });
    expect([...first.ScheduledWindowExecutions!, ...second.ScheduledWindowExecutions!].map((e) => e.ExecutionTime)).toEqual(all);
    expect(all[0]).toBe('2025-01-02T00:00Z');
  });

  it('merges the runs of every window registered for a target, earliest first', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const daily = await createWindow(t, { Name: 'daily', Schedule: 'cron(0 3 * * ? *)' });
    const weekly = await createWindow(t, { Name: 'weekly', Schedule: 'cron(0 2 ? * FRI *)' });
    await createWindow(t, { Name: 'unrelated', Schedule: 'cron(0 1 * * ? *)' });
    await registerTagTarget(t, daily);
    await registerTagTarget(t, weekly);
    const out = await schedule({ Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }], ResourceType: 'INSTANCE', MaxResults: 4 });
    expect(out.ScheduledWindowExecutions!.map((e) => `${e.Name} ${e.ExecutionTime}`)).toEqual([
      'daily 2025-01-01T03:00Z',
      'daily 2025-01-02T03:00Z',
      'weekly 2025-01-03T02:00Z',
      'daily 2025-01-03T03:00Z',
    ]);
  });

  it('bounds the runs with ScheduledAfter and ScheduledBefore', async () => {
    const id = await createWindow(t, { Schedule: 'cron(0 2 ? * TUE *)' });
    const out = await schedule({
      WindowId: id,
      Filters: [
        { Key: 'ScheduledAfter', Values: ['2025-02-01T00:00:00Z'] },
        { Key: 'ScheduledBefore', Values: ['2025-02-20T00:00:00Z'] },
      ],
    });
    expect(out.ScheduledWindowExecutions!.map((e) => e.ExecutionTime)).toEqual(['2025-02-04T02:00Z', '2025-02-11T02:00Z', '2025-02-18T02:00Z']);
    expect(out.NextToken).toBeUndefined();
  });

  it('has no runs for a disabled window', async () => {
    const id = await createWindow(t);
    await t.ssm.send(new UpdateMaintenanceWindowCommand({ WindowId: id, Enabled: false }));
    expect((await schedule({ WindowId: id })).ScheduledWindowExecutions).toEqual([]);
  });

  it('answers DoesNotExistException for an unknown window and ValidationException for bad requests', async () => {
    await expectError(schedule({ WindowId: 'mw-0123456789abcdef0' }), 'DoesNotExistException', 'Maintenance window mw-0123456789abcdef0 does not exist');
    await expectError(schedule({ Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }] }), 'ValidationException', /ResourceType/);
    const id = await createWindow(t);
    await expectError(schedule({ WindowId: id, Filters: [{ Key: 'Status', Values: ['x'] }] }), 'ValidationException', /filter key Status is not supported/);
    await expectError(schedule({ WindowId: id, Filters: [{ Key: 'ScheduledAfter', Values: ['soon'] }] }), 'ValidationException', /Invalid value soon/);
    await expectError(schedule({ WindowId: id, NextToken: 'not-a-token' }), 'ValidationException', /NextToken/);
  });
});
