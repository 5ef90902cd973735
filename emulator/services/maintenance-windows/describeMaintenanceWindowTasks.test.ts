import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowTasksCommand, RegisterTaskWithMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

const describeTasks = (input: ConstructorParameters<typeof DescribeMaintenanceWindowTasksCommand>[0]) => t.ssm.send(new DescribeMaintenanceWindowTasksCommand(input));

describe('DescribeMaintenanceWindowTasks', () => {
  it('lists tasks with Type (not TaskType) and filters on WindowTaskId, TaskArn, Priority and TaskType', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const shell = await registerShellTask(t, w, [target], ['df'], { Priority: 3 });
    const { WindowTaskId: auto } = await t.ssm.send(new RegisterTaskWithMaintenanceWindowCommand({ WindowId: w, TaskType: 'AUTOMATION', TaskArn: 'AWS-PublishSNSNotification', Priority: 1 }));
    const all = (await describeTasks({ WindowId: w })).Tasks!;
    expect(all.map((x) => [x.WindowTaskId, x.Type, x.Priority])).toEqual([
      [shell, 'RUN_COMMAND', 3],
      [auto, 'AUTOMATION', 1],
    ]);
    expect(all[0]).not.toHaveProperty('TaskType');
    const ids = async (Filters: { Key: string; Values: string[] }[]) => (await describeTasks({ WindowId: w, Filters })).Tasks!.map((x) => x.WindowTaskId);
    expect(await ids([{ Key: 'Priority', Values: ['3'] }])).toEqual([shell]);
    expect(await ids([{ Key: 'TaskType', Values: ['AUTOMATION'] }])).toEqual([auto]);
    expect(await ids([{ Key: 'TaskArn', Values: ['AWS-RunShellScript'] }])).toEqual([shell]);
    expect(await ids([{ Key: 'WindowTaskId', Values: [auto!] }, { Key: 'Priority', Values: ['1'] }])).toEqual([auto]);
  });

  it('answers DoesNotExistException for an unknown window and ValidationException for bad filters', async () => {
    await expectError(describeTasks({ WindowId: 'mw-0123456789abcdef0' }), 'DoesNotExistException');
    const w = await createWindow(t);
    await expectError(describeTasks({ WindowId: w, Filters: [{ Key: 'Priority', Values: ['high'] }] }), 'ValidationException', /Invalid value high for filter Priority/);
    await expectError(describeTasks({ WindowId: w, Filters: [{ Key: 'TaskType', Values: ['SHELL'] }] }), 'ValidationException', /Invalid value SHELL/);
  });
});
