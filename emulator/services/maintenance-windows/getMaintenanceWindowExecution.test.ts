import { describe, expect, it } from 'vitest';
import { GetMaintenanceWindowExecutionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, createWindow, executions, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

describe('GetMaintenanceWindowExecution', () => {
  it('answers the status, times and task execution ids', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t, { Schedule: 'cron(0 2 * * ? *)' });
    await registerShellTask(t, w, [await registerTagTarget(t, w)]);
    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    const out = await t.ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: e!.WindowExecutionId }));
    expect(out).toMatchObject({ WindowExecutionId: e!.WindowExecutionId, Status: 'SUCCESS', TaskIds: [expect.stringMatching(/^[0-9a-f-]{36}$/)] });
    expect(out.StartTime!.toISOString()).toBe('2025-01-01T02:00:00.000Z');
    expect(out.EndTime!.getTime()).toBeGreaterThan(out.StartTime!.getTime());
  });

  it('answers DoesNotExistException for an unknown execution', async () => {
    await expectError(
      t.ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: '11111111-2222-3333-4444-555555555555' })),
      'DoesNotExistException',
      'Maintenance window execution 11111111-2222-3333-4444-555555555555 does not exist',
    );
  });
});
