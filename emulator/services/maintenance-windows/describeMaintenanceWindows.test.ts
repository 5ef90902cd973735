import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowsCommand, UpdateMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError } from './testkit.js';

const t = useEmulator();

const describeWindows = (input: ConstructorParameters<typeof DescribeMaintenanceWindowsCommand>[0] = {}) => t.ssm.send(new DescribeMaintenanceWindowsCommand(input));

describe('DescribeMaintenanceWindows', () => {
  it('lists windows with their identity members, NextExecutionTime only when enabled', async () => {
    const a = await createWindow(t, { Name: 'My-First-Window', Description: 'first', Schedule: 'cron(0 2 ? * TUE *)' });
    const b = await createWindow(t, { Name: 'My-Disabled-Window' });
    await t.ssm.send(new UpdateMaintenanceWindowCommand({ WindowId: b, Enabled: false }));
    const out = await describeWindows();
    expect(out.WindowIdentities).toEqual([
      { WindowId: a, Name: 'My-First-Window', Description: 'first', Enabled: true, Duration: 3, Cutoff: 1, Schedule: 'cron(0 2 ? * TUE *)', NextExecutionTime: '2025-01-07T02:00Z' },
      { WindowId: b, Name: 'My-Disabled-Window', Enabled: false, Duration: 3, Cutoff: 1, Schedule: 'cron(0 2 ? * TUE *)' },
    ]);
  });

  it('filters on Enabled and on Name prefixes, as the user guide shows', async () => {
    await createWindow(t, { Name: 'My-First-Window' });
    const off = await createWindow(t, { Name: 'My-Disabled-Window' });
    await createWindow(t, { Name: 'Other-Window' });
    await t.ssm.send(new UpdateMaintenanceWindowCommand({ WindowId: off, Enabled: false }));
    const names = async (Filters: { Key: string; Values: string[] }[]) => (await describeWindows({ Filters })).WindowIdentities!.map((w) => w.Name);
    expect(await names([{ Key: 'Name', Values: ['My'] }])).toEqual(['My-First-Window', 'My-Disabled-Window']);
    expect(await names([{ Key: 'Enabled', Values: ['True'] }])).toEqual(['My-First-Window', 'Other-Window']);
    expect(await names([{ Key: 'Name', Values: ['My'] }, { Key: 'Enabled', Values: ['false'] }])).toEqual(['My-Disabled-Window']);
  });

  it('pages with MaxResults and NextToken', async () => {
    for (let i = 0; i < 12; i++) await createWindow(t, { Name: `window-${String(i).padStart(2, '0')}` });
    const first = await describeWindows({ MaxResults: 10 });
    expect(first.WindowIdentities).toHaveLength(10);
    const second = await describeWindows({ MaxResults: 10, NextToken: first.NextToken });
    expect(second.WindowIdentities!.map((w) => w.Name)).toEqual(['window-10', 'window-11']);
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses unknown filter keys, bad Enabled values and tokens it did not issue', async () => {
    await expectError(describeWindows({ Filters: [{ Key: 'Schedule', Values: ['x'] }] }), 'ValidationException', /filter key Schedule is not supported/);
    await expectError(describeWindows({ Filters: [{ Key: 'Enabled', Values: ['yes'] }] }), 'ValidationException', /Invalid value yes for filter Enabled/);
    await expectError(describeWindows({ NextToken: 'bogus' }), 'ValidationException', 'The specified NextToken is not valid.');
    await expectError(describeWindows({ MaxResults: 5 }), 'ValidationException', /greater than or equal to 10/);
  });

  it('is regional: another region sees none', async () => {
    await createWindow(t);
    expect((await t.client({ region: 'eu-west-1' }).send(new DescribeMaintenanceWindowsCommand({}))).WindowIdentities).toEqual([]);
  });
});
