import { describe, expect, it } from 'vitest';
import { CancelMaintenanceWindowExecutionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, createWindow, executions, executionTasks, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

const cancel = (WindowExecutionId: string) => t.ssm.send(new CancelMaintenanceWindowExecutionCommand({ WindowExecutionId }));

describe('CancelMaintenanceWindowExecution', () => {
  it('cancels the tasks that have not started; the running one finishes; CANCELLED after', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' }, Behaviors: [{ Match: 'slow', DurationSeconds: 120 }] }));
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['slow job'], { Priority: 1 });
    await registerShellTask(t, w, [target], ['echo skipped'], { Priority: 2 });
    await t.advance(2 * 3600 + 30);
    const [e] = await executions(t, w);
    expect(await cancel(e!.WindowExecutionId!)).toMatchObject({ WindowExecutionId: e!.WindowExecutionId });
    expect((await executions(t, w))[0]!.Status).toBe('CANCELLING');
    await t.advance(300);
    expect((await executions(t, w))[0]!.Status).toBe('CANCELLED');
    expect((await executionTasks(t, e!.WindowExecutionId!)).map((x) => x.Status)).toEqual(['SUCCESS']);
    const statuses = t.emu.events.list({ detailType: 'Maintenance Window Execution State-change Notification' }).map((x) => x.detail.status);
    expect(statuses).toEqual(['PENDING', 'IN_PROGRESS', 'CANCELLING', 'CANCELLED']);
  });

  it('leaves an execution that has ended as it is', async () => {
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    await cancel(e!.WindowExecutionId!);
    expect((await executions(t, w))[0]!.Status).toBe('SUCCESS');
  });

  it('answers DoesNotExistException for an unknown execution', async () => {
    await expectError(cancel('11111111-2222-3333-4444-555555555555'), 'DoesNotExistException', 'Maintenance window execution 11111111-2222-3333-4444-555555555555 does not exist');
  });
});
