import { describe, expect, it } from 'vitest';
import { GetCommandInvocationCommand, GetMaintenanceWindowExecutionTaskInvocationCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, createWindow, executions, executionTasks, expectError, iid, invocations, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

describe('GetMaintenanceWindowExecutionTaskInvocation', () => {
  it('answers one invocation; its ExecutionId is the Run Command command on the node', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    const target = await registerTagTarget(t, w, ['Role', 'web'], 'ops');
    await registerShellTask(t, w, [target], ['echo hello']);
    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    const [listed] = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    const out = await t.ssm.send(
      new GetMaintenanceWindowExecutionTaskInvocationCommand({ WindowExecutionId: e!.WindowExecutionId, TaskId: te!.TaskExecutionId, InvocationId: listed!.InvocationId }),
    );
    expect(out).toMatchObject({ InvocationId: listed!.InvocationId, ExecutionId: listed!.ExecutionId, Status: 'SUCCESS', OwnerInformation: 'ops', WindowTargetId: target });
    const cmd = await t.ssm.send(new GetCommandInvocationCommand({ CommandId: out.ExecutionId, InstanceId: iid(1) }));
    expect(cmd.StandardOutputContent).toBe('hello\n');
  });

  it('answers DoesNotExistException for an unknown invocation', async () => {
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    const unknown = '11111111-2222-3333-4444-555555555555';
    await expectError(
      t.ssm.send(new GetMaintenanceWindowExecutionTaskInvocationCommand({ WindowExecutionId: e!.WindowExecutionId, TaskId: unknown, InvocationId: unknown })),
      'DoesNotExistException',
    );
  });
});
