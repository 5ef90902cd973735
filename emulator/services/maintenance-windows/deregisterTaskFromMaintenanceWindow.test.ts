import { describe, expect, it } from 'vitest';
import { DeregisterTaskFromMaintenanceWindowCommand, DescribeMaintenanceWindowTasksCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

describe('DeregisterTaskFromMaintenanceWindow', () => {
  it('removes the task and sends the deregistration event', async () => {
    const w = await createWindow(t);
    const task = await registerShellTask(t, w, [await registerTagTarget(t, w)]);
    expect(await t.ssm.send(new DeregisterTaskFromMaintenanceWindowCommand({ WindowId: w, WindowTaskId: task }))).toMatchObject({ WindowId: w, WindowTaskId: task });
    expect((await t.ssm.send(new DescribeMaintenanceWindowTasksCommand({ WindowId: w }))).Tasks).toEqual([]);
    expect(t.emu.events.list({ detailType: 'Maintenance Window Task Registration Notification' }).map((e) => e.detail.status)).toEqual(['REGISTERED', 'DEREGISTERED']);
  });

  it('answers DoesNotExistException for an unknown window or task', async () => {
    const w = await createWindow(t);
    await expectError(t.ssm.send(new DeregisterTaskFromMaintenanceWindowCommand({ WindowId: 'mw-0123456789abcdef0', WindowTaskId: '11111111-2222-3333-4444-555555555555' })), 'DoesNotExistException', /mw-0123456789abcdef0 does not exist/);
    await expectError(t.ssm.send(new DeregisterTaskFromMaintenanceWindowCommand({ WindowId: w, WindowTaskId: '11111111-2222-3333-4444-555555555555' })), 'DoesNotExistException', /task 11111111-2222-3333-4444-555555555555 does not exist/);
  });
});
