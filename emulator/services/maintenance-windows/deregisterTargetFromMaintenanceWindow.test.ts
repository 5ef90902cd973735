import { describe, expect, it } from 'vitest';
import { DeregisterTargetFromMaintenanceWindowCommand, DescribeMaintenanceWindowTargetsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

const deregister = (input: ConstructorParameters<typeof DeregisterTargetFromMaintenanceWindowCommand>[0]) => t.ssm.send(new DeregisterTargetFromMaintenanceWindowCommand(input));

describe('DeregisterTargetFromMaintenanceWindow', () => {
  it('removes the target and sends the deregistration event', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    expect(await deregister({ WindowId: w, WindowTargetId: target })).toMatchObject({ WindowId: w, WindowTargetId: target });
    expect((await t.ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: w }))).Targets).toEqual([]);
    const events = t.emu.events.list({ detailType: 'Maintenance Window Target Registration Notification' }).map((e) => e.detail.status);
    expect(events).toEqual(['REGISTERED', 'DEREGISTERED']);
  });

  it('with Safe, refuses a target a task still names (TargetInUseException); without it, removes it', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const task = await registerShellTask(t, w, [target]);
    await expectError(deregister({ WindowId: w, WindowTargetId: target, Safe: true }), 'TargetInUseException', new RegExp(`referenced by task\\(s\\) ${task}`));
    await deregister({ WindowId: w, WindowTargetId: target });
    expect((await t.ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: w }))).Targets).toEqual([]);
  });

  it('answers DoesNotExistException for an unknown window or target', async () => {
    const w = await createWindow(t);
    await expectError(deregister({ WindowId: 'mw-0123456789abcdef0', WindowTargetId: '11111111-2222-3333-4444-555555555555' }), 'DoesNotExistException', /Maintenance window mw-0123456789abcdef0 does not exist/);
    await expectError(deregister({ WindowId: w, WindowTargetId: '11111111-2222-3333-4444-555555555555' }), 'DoesNotExistException', /target 11111111-2222-3333-4444-555555555555 does not exist/);
  });
});
