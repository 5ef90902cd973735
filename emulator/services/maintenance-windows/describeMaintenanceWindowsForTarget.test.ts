import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowsForTargetCommand, RegisterTargetWithMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, createWindow, expectError, iid, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

const forTarget = (input: ConstructorParameters<typeof DescribeMaintenanceWindowsForTargetCommand>[0]) => t.ssm.send(new DescribeMaintenanceWindowsForTargetCommand(input));

describe('DescribeMaintenanceWindowsForTarget', () => {
  it("lists the windows whose targets or tasks cover a node, by tag today or by id", async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const byTag = await createWindow(t, { Name: 'by-tag' });
    await registerTagTarget(t, byTag, ['Role', 'web']);
    const byId = await createWindow(t, { Name: 'by-id' });
    await t.ssm.send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId: byId, ResourceType: 'INSTANCE', Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }] }));
    const byTask = await createWindow(t, { Name: 'by-task', AllowUnassociatedTargets: true });
    await registerShellTask(t, byTask, [], ['date'], { Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }] });
    const other = await createWindow(t, { Name: 'other' });
    await registerTagTarget(t, other, ['Role', 'db']);
    const out = await forTarget({ Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }], ResourceType: 'INSTANCE' });
    expect(out.WindowIdentities).toEqual([
      { WindowId: byTag, Name: 'by-tag' },
      { WindowId: byId, Name: 'by-id' },
      { WindowId: byTask, Name: 'by-task' },
    ]);
  });

  it('finds the windows of a resource group', async () => {
    const w = await createWindow(t, { Name: 'group-window' });
    await t.ssm.send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId: w, ResourceType: 'RESOURCE_GROUP', Targets: [{ Key: 'resource-groups:Name', Values: ['prod-web'] }] }));
    expect((await forTarget({ Targets: [{ Key: 'resource-groups:Name', Values: ['prod-web'] }], ResourceType: 'RESOURCE_GROUP' })).WindowIdentities).toEqual([{ WindowId: w, Name: 'group-window' }]);
    expect((await forTarget({ Targets: [{ Key: 'resource-groups:Name', Values: ['other'] }], ResourceType: 'RESOURCE_GROUP' })).WindowIdentities).toEqual([]);
  });

  it('pages, and refuses a token it did not issue', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    for (let i = 0; i < 3; i++) await registerTagTarget(t, await createWindow(t, { Name: `w-${i}-x` }));
    const first = await forTarget({ Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }], ResourceType: 'INSTANCE', MaxResults: 2 });
    const second = await forTarget({ Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }], ResourceType: 'INSTANCE', MaxResults: 2, NextToken: first.NextToken });
    expect([...first.WindowIdentities!, ...second.WindowIdentities!].map((w) => w.Name)).toEqual(['w-0-x', 'w-1-x', 'w-2-x']);
    await expectError(forTarget({ Targets: [{ Key: 'InstanceIds', Values: [iid(1)] }], ResourceType: 'INSTANCE', NextToken: 'nope' }), 'ValidationException');
  });
});
