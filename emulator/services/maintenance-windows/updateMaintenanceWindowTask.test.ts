import { describe, expect, it } from 'vitest';
import { GetMaintenanceWindowTaskCommand, RegisterTaskWithMaintenanceWindowCommand, UpdateMaintenanceWindowTaskCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

const update = (input: ConstructorParameters<typeof UpdateMaintenanceWindowTaskCommand>[0]) => t.ssm.send(new UpdateMaintenanceWindowTaskCommand(input));
const get = (WindowId: string, WindowTaskId: string) => t.ssm.send(new GetMaintenanceWindowTaskCommand({ WindowId, WindowTaskId }));

describe('UpdateMaintenanceWindowTask', () => {
  it('changes the members given; TaskInvocationParameters are replaced as a whole', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const id = await registerShellTask(t, w, [target], ['date'], { TaskInvocationParameters: { RunCommand: { Comment: 'c', OutputS3BucketName: 'old-bucket', Parameters: { commands: ['date'] } } } });
    const out = await update({ WindowId: w, WindowTaskId: id, Priority: 7, TaskInvocationParameters: { RunCommand: { OutputS3BucketName: 'new-bucket' } } });
    expect(out).toMatchObject({ WindowId: w, WindowTaskId: id, Priority: 7, MaxConcurrency: '10', MaxErrors: '0', TaskArn: 'AWS-RunShellScript' });
    expect(out).not.toHaveProperty('TaskType');
    expect((await get(w, id)).TaskInvocationParameters).toEqual({ RunCommand: { OutputS3BucketName: 'new-bucket' } });
  });

  it('with Replace, needs TaskArn and clears the optional members not given (as Terraform updates)', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const id = await registerShellTask(t, w, [target], ['date'], { Name: 'named', CutoffBehavior: 'CANCEL_TASK' });
    await expectError(update({ WindowId: w, WindowTaskId: id, Replace: true }), 'ValidationException', /Missing: TaskArn/);
    await update({ WindowId: w, WindowTaskId: id, Replace: true, TaskArn: 'AWS-RunShellScript', Priority: 1, Targets: [{ Key: 'WindowTargetIds', Values: [target] }], MaxConcurrency: '2', MaxErrors: '1' });
    const task = await get(w, id);
    expect(task).toMatchObject({ Priority: 1, MaxConcurrency: '2', MaxErrors: '1' });
    expect(task.Name).toBeUndefined();
    expect(task.CutoffBehavior).toBeUndefined();
    expect(task.TaskInvocationParameters).toBeUndefined();
  });

  it('checks the result as at registration: Run Command needs targets, targetless tasks take no rate controls', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const shell = await registerShellTask(t, w, [target]);
    await expectError(update({ WindowId: w, WindowTaskId: shell, Targets: [] }), 'ValidationException', /For Run Command tasks/);
    const { WindowTaskId: auto } = await t.ssm.send(new RegisterTaskWithMaintenanceWindowCommand({ WindowId: w, TaskType: 'AUTOMATION', TaskArn: 'AWS-PublishSNSNotification' }));
    await expectError(update({ WindowId: w, WindowTaskId: auto, MaxErrors: '2' }), 'ValidationException', /without targets do not support MaxErrors/);
    await expectError(update({ WindowId: w, WindowTaskId: auto, TaskInvocationParameters: { Lambda: { Qualifier: '1' } } }), 'ValidationException', /can only contain Automation/);
  });

  it('a task whose targets are removed becomes targetless, with the "1" placeholders', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const { WindowTaskId } = await t.ssm.send(
      new RegisterTaskWithMaintenanceWindowCommand({ WindowId: w, TaskType: 'AUTOMATION', TaskArn: 'AWS-RestartEC2Instance', Targets: [{ Key: 'WindowTargetIds', Values: [target] }], MaxConcurrency: '5', MaxErrors: '2' }),
    );
    await update({ WindowId: w, WindowTaskId, Targets: [] });
    expect(await get(w, WindowTaskId!)).toMatchObject({ Targets: [], MaxConcurrency: '1', MaxErrors: '1' });
  });

  it('answers DoesNotExistException for an unknown window or task', async () => {
    const w = await createWindow(t);
    await expectError(update({ WindowId: 'mw-0123456789abcdef0', WindowTaskId: '11111111-2222-3333-4444-555555555555' }), 'DoesNotExistException');
    await expectError(update({ WindowId: w, WindowTaskId: '11111111-2222-3333-4444-555555555555' }), 'DoesNotExistException', /does not exist/);
  });
});
