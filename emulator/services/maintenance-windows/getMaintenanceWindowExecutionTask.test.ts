import { describe, expect, it } from 'vitest';
import { GetMaintenanceWindowExecutionTaskCommand, UpdateMaintenanceWindowTaskCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, createWindow, executions, executionTasks, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

describe('GetMaintenanceWindowExecutionTask', () => {
  it('answers the task as it ran, with its parameters, role and rate controls', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    const task = await registerShellTask(t, w, [await registerTagTarget(t, w)], ['echo df'], { Priority: 10, MaxConcurrency: '1', MaxErrors: '1' });
    await t.advance(3 * 3600);
    // A later change of the task does not rewrite history.
    await t.ssm.send(new UpdateMaintenanceWindowTaskCommand({ WindowId: w, WindowTaskId: task, Priority: 99 }));
    const [e] = await executions(t, w);
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    const out = await t.ssm.send(new GetMaintenanceWindowExecutionTaskCommand({ WindowExecutionId: e!.WindowExecutionId, TaskId: te!.TaskExecutionId }));
    expect(out).toMatchObject({
      WindowExecutionId: e!.WindowExecutionId,
      TaskExecutionId: te!.TaskExecutionId,
      TaskArn: 'AWS-RunShellScript',
      ServiceRole: 'arn:aws:iam::000000000000:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM',
      Type: 'RUN_COMMAND',
      TaskParameters: [{ commands: { Values: ['echo df'] } }],
      Priority: 10,
      MaxConcurrency: '1',
      MaxErrors: '1',
      Status: 'SUCCESS',
    });
  });

  it('answers DoesNotExistException for an unknown execution or task', async () => {
    const unknown = '11111111-2222-3333-4444-555555555555';
    await expectError(t.ssm.send(new GetMaintenanceWindowExecutionTaskCommand({ WindowExecutionId: unknown, TaskId: unknown })), 'DoesNotExistException', /execution 11111111-2222-3333-4444-555555555555 does not exist/);
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    await expectError(t.ssm.send(new GetMaintenanceWindowExecutionTaskCommand({ WindowExecutionId: e!.WindowExecutionId, TaskId: unknown })), 'DoesNotExistException', /task execution/);
  });
});
