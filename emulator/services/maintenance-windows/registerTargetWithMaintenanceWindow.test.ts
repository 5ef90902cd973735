import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowTargetsCommand, RegisterTargetWithMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError } from './testkit.js';

const t = useEmulator();

const register = (input: ConstructorParameters<typeof RegisterTargetWithMaintenanceWindowCommand>[0]) => t.ssm.send(new RegisterTargetWithMaintenanceWindowCommand(input));

describe('RegisterTargetWithMaintenanceWindow', () => {
  it('registers instance, tag and resource-group targets with a UUID id, kept as given', async () => {
    const w = await createWindow(t);
    const ids = await register({ WindowId: w, ResourceType: 'INSTANCE', Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0', 'mi-0123456789abcdef0'] }], Name: 'by-id', Description: 'two nodes', OwnerInformation: 'team-a' });
    const tags = await register({ WindowId: w, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Patch Group', Values: ['web', 'db'] }, { Key: 'tag-key', Values: ['Env'] }] });
    const group = await register({
      WindowId: w,
      ResourceType: 'RESOURCE_GROUP',
      Targets: [
        { Key: 'resource-groups:Name', Values: ['prod-web'] },
        { Key: 'resource-groups:ResourceTypeFilters', Values: ['AWS::EC2::INSTANCE'] },
      ],
    });
    for (const r of [ids, tags, group]) expect(r.WindowTargetId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const listed = (await t.ssm.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: w }))).Targets!;
    expect(listed[0]).toEqual({
      WindowId: w,
      WindowTargetId: ids.WindowTargetId,
      ResourceType: 'INSTANCE',
      Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0', 'mi-0123456789abcdef0'] }],
      OwnerInformation: 'team-a',
      Name: 'by-id',
      Description: 'two nodes',
    });
    expect(listed.map((x) => x.ResourceType)).toEqual(['INSTANCE', 'INSTANCE', 'RESOURCE_GROUP']);
  });

  it('sends the target registration event', async () => {
    const w = await createWindow(t);
    const { WindowTargetId } = await register({ WindowId: w, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Role', Values: ['web'] }] });
    const [e] = t.emu.events.list({ detailType: 'Maintenance Window Target Registration Notification' });
    expect(e!.detail).toEqual({ 'window-target-id': WindowTargetId, 'window-id': w, status: 'REGISTERED' });
    expect(e!.resources).toEqual([`arn:aws:ssm:us-east-1:000000000000:maintenancewindow/${w}`, `arn:aws:ssm:us-east-1:000000000000:windowtarget/${WindowTargetId}`]);
  });

  it('honours ClientToken: a retry answers the same target, another request with the token is refused', async () => {
    const w = await createWindow(t);
    const input = { WindowId: w, ResourceType: 'INSTANCE' as const, Targets: [{ Key: 'tag:Role', Values: ['web'] }], ClientToken: 'c1' };
    const a = await register(input);
    const b = await register(input);
    expect(b.WindowTargetId).toBe(a.WindowTargetId);
    await expectError(register({ ...input, Name: 'renamed' }), 'IdempotentParameterMismatch');
  });

  it('refuses target forms that do not suit the resource type', async () => {
    const w = await createWindow(t);
    await expectError(register({ WindowId: w, ResourceType: 'INSTANCE', Targets: [{ Key: 'resource-groups:Name', Values: ['g'] }] }), 'ValidationException', /not supported for resource type INSTANCE/);
    await expectError(register({ WindowId: w, ResourceType: 'RESOURCE_GROUP', Targets: [{ Key: 'tag:Role', Values: ['web'] }] }), 'ValidationException', /not supported for resource type RESOURCE_GROUP/);
    await expectError(
      register({ WindowId: w, ResourceType: 'RESOURCE_GROUP', Targets: [{ Key: 'resource-groups:ResourceTypeFilters', Values: ['AWS::EC2::Instance'] }] }),
      'ValidationException',
      /requires the key resource-groups:Name/,
    );
    await expectError(register({ WindowId: w, ResourceType: 'INSTANCE', Targets: [{ Key: 'InstanceIds', Values: ['*'] }] }), 'ValidationException');
  });

  it('answers DoesNotExistException for an unknown window and stops at 100 targets', async () => {
    await expectError(register({ WindowId: 'mw-0123456789abcdef0', ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:A', Values: ['b'] }] }), 'DoesNotExistException', 'Maintenance window mw-0123456789abcdef0 does not exist');
    const w = await createWindow(t);
    for (let i = 0; i < 100; i++) await register({ WindowId: w, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:N', Values: [String(i)] }] });
    await expectError(register({ WindowId: w, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:N', Values: ['x'] }] }), 'ResourceLimitExceededException', /maximum number of targets \(100\)/);
  });
});
