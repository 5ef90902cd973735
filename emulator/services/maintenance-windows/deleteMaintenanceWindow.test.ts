import { describe, expect, it } from 'vitest';
import { DeleteMaintenanceWindowCommand, DescribeMaintenanceWindowsCommand, GetMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, executions, expectError } from './testkit.js';

const t = useEmulator();

describe('DeleteMaintenanceWindow', () => {
  it('deletes the window with its history, and it never opens again', async () => {
    const id = await createWindow(t, { Schedule: 'rate(1 day)' });
    await t.advance(86400);
    expect(await executions(t, id)).toHaveLength(1);
    expect(await t.ssm.send(new DeleteMaintenanceWindowCommand({ WindowId: id }))).toMatchObject({ WindowId: id });
    await expectError(t.ssm.send(new GetMaintenanceWindowCommand({ WindowId: id })), 'DoesNotExistException');
    expect(await executions(t, id)).toEqual([]);
    await t.advance(3 * 86400);
    expect((await t.ssm.send(new DescribeMaintenanceWindowsCommand({}))).WindowIdentities).toEqual([]);
    expect(t.emu.scheduler.list().filter((task) => task.kind.startsWith('maintenance-windows.'))).toEqual([]);
  });

  it('answers the id of a window that does not exist (the operation declares no DoesNotExistException)', async () => {
    expect(await t.ssm.send(new DeleteMaintenanceWindowCommand({ WindowId: 'mw-0123456789abcdef0' }))).toMatchObject({ WindowId: 'mw-0123456789abcdef0' });
  });
});
