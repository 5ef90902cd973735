import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Emulator } from '../../emulator.js';
import { Persistence } from '../../state/persistence.js';
import { TEST_START } from '../../testing/harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('maintenance windows under --data-dir', () => {
  it('replay to the same state, byte for byte: executions opened by the scheduler, a cancel, ticks in between', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssm-mw-replay-'));
    dirs.push(dir);
    const fleet = resolve(import.meta.dirname, '../../../fixtures/fleets/default.yaml');
    const make = () => new Emulator({ clock: { mode: 'frozen', start: TEST_START }, seed: 'mw-replay', fleet });
    const a = make();
    await new Persistence(a, dir).open();
    const caller = { account: '000000000000', region: 'us-east-1' };
    const call = (op: string, input: Record<string, unknown>) => a.request('ssm', op, input, caller) as Record<string, any>;
    const { WindowId } = call('CreateMaintenanceWindow', { Name: 'hourly', Schedule: 'rate(1 hour)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: true });
    const { WindowTargetId } = call('RegisterTargetWithMaintenanceWindow', { WindowId, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Environment', Values: ['prod', 'staging'] }] });
    call('RegisterTaskWithMaintenanceWindow', {
      WindowId,
      TaskType: 'RUN_COMMAND',
      TaskArn: 'AWS-RunShellScript',
      Targets: [{ Key: 'WindowTargetIds', Values: [WindowTargetId] }],
      MaxConcurrency: '1',
      MaxErrors: '1',
      TaskInvocationParameters: { RunCommand: { Parameters: { commands: ['echo {{WINDOW_EXECUTION_ID}}; sleep 5'] } } },
    });
    call('RegisterTaskWithMaintenanceWindow', { WindowId, TaskType: 'LAMBDA', TaskArn: 'SSMnotify', Priority: 2 });
    a.scheduler.advance(3600_000 + 2_000);
    const [running] = (call('DescribeMaintenanceWindowExecutions', { WindowId }).WindowExecutions as { WindowExecutionId: string }[]);
    call('CancelMaintenanceWindowExecution', { WindowExecutionId: running!.WindowExecutionId });
    a.scheduler.advance(3 * 3600_000);
    // No close(): as if the process died here.
    const before = JSON.stringify(a.snapshot({ copy: false }).store);
    expect((call('DescribeMaintenanceWindowExecutions', { WindowId }).WindowExecutions as unknown[]).length).toBe(4);
    const b = make();
    await new Persistence(b, dir).open();
    expect(JSON.stringify(b.snapshot({ copy: false }).store)).toBe(before);
    expect(b.clock.now()).toBe(a.clock.now());
  });
});
