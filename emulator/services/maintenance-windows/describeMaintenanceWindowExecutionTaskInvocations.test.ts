import { describe, expect, it } from 'vitest';
import { DescribeMaintenanceWindowExecutionTaskInvocationsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, createWindow, executions, executionTasks, expectError, iid, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

const list = (input: ConstructorParameters<typeof DescribeMaintenanceWindowExecutionTaskInvocationsCommand>[0]) =>
  t.ssm.send(new DescribeMaintenanceWindowExecutionTaskInvocationsCommand(input));

describe('DescribeMaintenanceWindowExecutionTaskInvocations', () => {
  it('lists one invocation per node, filters on STATUS and pages', async () => {
    await addNodes(t, 12, (k) => ({ Tags: { Role: 'web' }, Behaviors: k === 3 ? [{ Match: 'work', ExitCode: 1 }] : [] }));
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    await registerShellTask(t, w, [await registerTagTarget(t, w)], ['echo work'], { MaxConcurrency: '12', MaxErrors: '5' });
    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    const ids = { WindowExecutionId: e!.WindowExecutionId, TaskId: te!.TaskExecutionId };
    const first = await list({ ...ids, MaxResults: 10 });
    const second = await list({ ...ids, MaxResults: 10, NextToken: first.NextToken });
    expect(first.WindowExecutionTaskInvocationIdentities).toHaveLength(10);
    expect(second.WindowExecutionTaskInvocationIdentities).toHaveLength(2);
    const failed = (await list({ ...ids, Filters: [{ Key: 'STATUS', Values: ['FAILED'] }] })).WindowExecutionTaskInvocationIdentities!;
    expect(failed.map((i) => JSON.parse(i.Parameters!).instanceIds)).toEqual([[iid(3)]]);
    expect(failed[0]).toMatchObject({ TaskType: 'RUN_COMMAND', Status: 'FAILED', StatusDetails: 'Failed', WindowExecutionId: e!.WindowExecutionId, TaskExecutionId: te!.TaskExecutionId });
  });

  it('answers DoesNotExistException for an unknown execution or task', async () => {
    const unknown = '11111111-2222-3333-4444-555555555555';
    await expectError(list({ WindowExecutionId: unknown, TaskId: unknown }), 'DoesNotExistException');
  });
});
