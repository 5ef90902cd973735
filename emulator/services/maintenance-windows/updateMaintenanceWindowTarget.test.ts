import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowTargetsCommand, UpdateMaintenanceWindowTargetCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError, registerTagTarget } from './testkit.js';

const t = useEmulator();

const update = (input: ConstructorParameters<typeof UpdateMaintenanceWindowTargetCommand>[0]) => t.ssm.send(new UpdateMaintenanceWindowTargetCommand(input));

describe('UpdateMaintenanceWindowTarget', () => {
  it('changes the members given and answers the target (without its resource type)', async () => {
    const w = await createWindow(t);
    const id = await registerTagTarget(t, w, ['Role', 'web'], 'owner-1');
    const out = await update({ WindowId: w, WindowTargetId: id, Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }], Name: 'renamed' });
    expect(out).toEqual(expect.objectContaining({ WindowId: w, WindowTargetId: id, Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }], OwnerInformation: 'owner-1', Name: 'renamed' }));
    expect(out).not.toHaveProperty('ResourceType');
  });

  it('with Replace, needs Targets and clears the optional members not given', async () => {
    const w = await createWindow(t);
    const id = await registerTagTarget(t, w, ['Role', 'web'], 'owner-1');
    await expectError(update({ WindowId: w, WindowTargetId: id, Replace: true }), 'ValidationException', /Missing: Targets/);
    await update({ WindowId: w, WindowTargetId: id, Replace: true, Targets: [{ Key: 'tag:Role', Values: ['db'] }] });
    const [target] = (await t.ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: w }))).Targets!;
    expect(target).toEqual({ WindowId: w, WindowTargetId: id, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Role', Values: ['db'] }] });
  });

  it('refuses targets that do not suit the resource type, and unknown windows or targets', async () => {
    const w = await createWindow(t);
    const id = await registerTagTarget(t, w);
    await expectError(update({ WindowId: w, WindowTargetId: id, Targets: [{ Key: 'resource-groups:Name', Values: ['g'] }] }), 'ValidationException', /resource type INSTANCE/);
    await expectError(update({ WindowId: 'mw-0123456789abcdef0', WindowTargetId: id }), 'DoesNotExistException');
    await expectError(update({ WindowId: w, WindowTargetId: '11111111-2222-3333-4444-555555555555' }), 'DoesNotExistException', /does not exist/);
  });
});
