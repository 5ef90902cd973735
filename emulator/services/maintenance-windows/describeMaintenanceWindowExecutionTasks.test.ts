import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowExecutionTasksCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, createWindow, executions, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

const list = (input: ConstructorParameters<typeof DescribeMaintenanceWindowExecutionTasksCommand>[0]) => t.ssm.send(new DescribeMaintenanceWindowExecutionTasksCommand(input));

describe('DescribeMaintenanceWindowExecutionTasks', () => {
  it('lists the tasks the execution ran and filters on STATUS', async () => {
    await addNodes(t, 1, (k) => ({ Tags: { Role: 'web' }, Behaviors: [{ Match: 'fail', ExitCode: 1 }] }));
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['echo ok'], { Priority: 1 });
    await registerShellTask(t, w, [target], ['fail now'], { Priority: 1 });
    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    const all = (await list({ WindowExecutionId: e!.WindowExecutionId })).WindowExecutionTaskIdentities!;
    expect(all.map((x) => [x.TaskArn, x.TaskType, x.Status])).toEqual([
      ['AWS-RunShellScript', 'RUN_COMMAND', 'SUCCESS'],
      ['AWS-RunShellScript', 'RUN_COMMAND', 'FAILED'],
    ]);
    const failed = await list({ WindowExecutionId: e!.WindowExecutionId, Filters: [{ Key: 'STATUS', Values: ['FAILED'] }] });
    expect(failed.WindowExecutionTaskIdentities!.map((x) => x.TaskExecutionId)).toEqual([all[1]!.TaskExecutionId]);
  });

  it('answers DoesNotExistException for an unknown execution and ValidationException for a bad STATUS', async () => {
    await expectError(list({ WindowExecutionId: '11111111-2222-3333-4444-555555555555' }), 'DoesNotExistException');
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    await expectError(list({ WindowExecutionId: e!.WindowExecutionId, Filters: [{ Key: 'STATUS', Values: ['DONE'] }] }), 'ValidationException', /Invalid value DONE for filter STATUS/);
  });
});
