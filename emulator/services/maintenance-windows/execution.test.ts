import { describe, expect, it } from 'vitest';
import { GetMaintenanceWindowExecutionCommand, ListCommandsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, advanceTo, createWindow, executions, executionTasks, invocations, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

describe('a window on the virtual clock', () => {
  it('opens at its cron time and runs its Run Command task on the tagged nodes', async () => {
    await addNodes(t, 3, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w, ['Role', 'web'], 'team-a');
    await registerShellTask(t, w, [target], ['echo hi']);
    await advanceTo(t, '2025-01-07T02:10:00Z'); // 2025-01-07 is a Tuesday
    const [e] = await executions(t, w);
    expect(e).toMatchObject({ Status: 'SUCCESS' });
    expect(e!.StartTime!.toISOString()).toBe('2025-01-07T02:00:00.000Z');
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    expect(te).toMatchObject({ Status: 'SUCCESS', TaskArn: 'AWS-RunShellScript', TaskType: 'RUN_COMMAND' });
    const invs = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    expect(invs).toHaveLength(3);
    expect(invs.every((i) => i.Status === 'SUCCESS' && i.OwnerInformation === 'team-a' && i.WindowTargetId === target)).toBe(true);
    const cmds = (await t.ssm.send(new ListCommandsCommand({}))).Commands!;
    expect(cmds.map((c) => c.CommandId).sort()).toEqual(invs.map((i) => i.ExecutionId).sort());
    const got = await t.ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: e!.WindowExecutionId }));
    expect(got.TaskIds).toEqual([te!.TaskExecutionId]);
  });
});
