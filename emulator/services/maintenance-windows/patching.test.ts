/**
 * A patch window: a RUN_COMMAND task of AWS-RunPatchBaseline runs Patch Manager's simulator on the
 * window's nodes, so the patch states and Patch compliance are the ones the window left.
 */
import { describe, expect, it } from 'vitest';
import { DescribeInstancePatchStatesCommand, ListComplianceItemsCommand, type InstancePatchState } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, createWindow, executions, executionTasks, invocations, registerShellTask, registerTagTarget } from './testkit.js';

describe('a maintenance window running AWS-RunPatchBaseline', () => {
  const t = useEmulator();

  it('scans, then installs and reboots, on its nodes; the patch states and compliance are the window\'s', async () => {
    const ids = await addNodes(t, 2, () => ({ Platform: 'amazon-linux-2023', Tags: { Role: 'web' } }));
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], [], {
      TaskArn: 'AWS-RunPatchBaseline',
      Priority: 1,
      TaskInvocationParameters: { RunCommand: { Parameters: { Operation: ['Scan'] } } },
    });
    await registerShellTask(t, w, [target], [], {
      TaskArn: 'AWS-RunPatchBaseline',
      Priority: 2,
      TaskInvocationParameters: { RunCommand: { Parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] } } },
    });
    await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});

    // After the scan and before the install ends, the nodes report missing patches.
    let states: InstancePatchState[] = [];
    for (let i = 0; i < 60 && states.length < 2; i++) {
      await t.advance(30);
      states = (await t.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids }))).InstancePatchStates ?? [];
    }
    expect(states.map((s) => [s.Operation, s.MissingCount! > 0])).toEqual([
      ['Scan', true],
      ['Scan', true],
    ]);

    await t.advance(3 * 3600);
    const [e] = await executions(t, w);
    expect(e!.Status).toBe('SUCCESS');
    const tasks = await executionTasks(t, e!.WindowExecutionId!);
    for (const te of tasks) {
      const invs = await invocations(t, e!.WindowExecutionId!, te.TaskExecutionId!);
      expect(invs.map((i) => i.Status)).toEqual(['SUCCESS', 'SUCCESS']);
    }
    states = (await t.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ids }))).InstancePatchStates ?? [];
    expect(states.map((s) => [s.Operation, s.MissingCount, s.RebootOption])).toEqual([
      ['Install', 0, 'RebootIfNeeded'],
      ['Install', 0, 'RebootIfNeeded'],
    ]);
    const compliance = await t.ssm.send(new ListComplianceItemsCommand({ ResourceIds: [ids[0]!], ResourceTypes: ['ManagedInstance'], Filters: [{ Key: 'ComplianceType', Values: ['Patch'] }] }));
    expect(compliance.ComplianceItems!.length).toBeGreaterThan(0);
    // Rebooted after the install: nothing pending, every approved patch compliant.
    expect(compliance.ComplianceItems!.every((i) => i.Status === 'COMPLIANT')).toBe(true);
  });
});
