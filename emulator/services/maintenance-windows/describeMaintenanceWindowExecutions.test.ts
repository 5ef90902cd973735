import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowExecutionsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError } from './testkit.js';

const t = useEmulator();

const list = (input: ConstructorParameters<typeof DescribeMaintenanceWindowExecutionsCommand>[0]) => t.ssm.send(new DescribeMaintenanceWindowExecutionsCommand(input));

describe('DescribeMaintenanceWindowExecutions', () => {
  it('lists executions newest first and filters on ExecutedBefore / ExecutedAfter', async () => {
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    await t.advance(3 * 86400);
    const all = (await list({ WindowId: w })).WindowExecutions!;
    expect(all.map((e) => e.StartTime!.toISOString())).toEqual(['2025-01-03T02:00:00.000Z', '2025-01-02T02:00:00.000Z', '2025-01-01T02:00:00.000Z']);
    expect(all[0]).toMatchObject({ WindowId: w, Status: 'SUCCESS', StatusDetails: 'No tasks to execute.' });
    const after = await list({ WindowId: w, Filters: [{ Key: 'ExecutedAfter', Values: ['2025-01-02T00:00:00Z'] }] });
    expect(after.WindowExecutions).toHaveLength(2);
    const before = await list({ WindowId: w, Filters: [{ Key: 'ExecutedBefore', Values: ['2025-01-02T00:00:00Z'] }] });
    expect(before.WindowExecutions!.map((e) => e.StartTime!.toISOString())).toEqual(['2025-01-01T02:00:00.000Z']);
  });

  it('pages newest first', async () => {
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    await t.advance(12 * 86400);
    const first = await list({ WindowId: w, MaxResults: 10 });
    const second = await list({ WindowId: w, MaxResults: 10, NextToken: first.NextToken });
    expect(first.WindowExecutions).toHaveLength(10);
    expect(second.WindowExecutions!.map((e) => e.StartTime!.toISOString())).toEqual(['2025-01-02T02:00:00.000Z', '2025-01-01T02:00:00.000Z']);
  });

  it('answers an empty list for an unknown window (no DoesNotExistException is declared), and refuses bad filters', async () => {
    expect((await list({ WindowId: 'mw-0123456789abcdef0' })).WindowExecutions).toEqual([]);
    const w = await createWindow(t);
    await expectError(list({ WindowId: w, Filters: [{ Key: 'Status', Values: ['SUCCESS'] }] }), 'ValidationException', /filter key Status is not supported/);
    await expectError(list({ WindowId: w, Filters: [{ Key: 'ExecutedAfter', Values: ['yesterday'] }] }), 'ValidationException', /Invalid value yesterday/);
  });
});
