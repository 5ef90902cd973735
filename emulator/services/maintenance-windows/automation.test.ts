import { describe, expect, it } from 'vitest';
import { RegisterTaskWithMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator, type TestEmulator } from '../../testing/harness.js';
import type { Area } from '../../core/operation.js';
import type { Ctx } from '../../core/context.js';
import { areas } from '../index.js';
import { automationStarter, automationUnavailable, automationWatchers, type AutomationOrigin } from '../../sim/automation/starter.js';
import type { StartAutomationExecutionRequest } from '../../generated/ssm/types.js';
import { addNodes, createWindow, executions, executionTasks, iid, invocations, registerTagTarget } from './testkit.js';

/** A stand-in Automation engine: executions end Success (or Failed for TargetDocument "Fail") a minute after they start. */
const started: { request: StartAutomationExecutionRequest; origin?: AutomationOrigin }[] = [];
const fakeAutomation: Area = {
  name: 'fake-automation',
  tasks: {
    'fake-automation.end': (task: { payload: { id: string; status: 'Success' | 'Failed'; origin: AutomationOrigin } }, ctx: Ctx) => {
      for (const w of ctx.emu.ports.all(automationWatchers)) if (w.kind === task.payload.origin.kind) w.settled(ctx, task.payload.id, task.payload.status, task.payload.origin);
    },
  },
  provides: [
    automationStarter.provide({
      start(ctx, request, origin) {
        const id = `auto-${started.length + 1}`;
        started.push({ request, origin });
        const status = request.Parameters?.Mode?.[0] === 'Fail' ? 'Failed' : 'Success';
        ctx.emu.scheduler.schedule({ at: ctx.now + 60_000, kind: 'fake-automation.end', account: ctx.account, region: ctx.region, payload: { id, status, origin } });
        return id;
      },
      status: () => undefined,
      stop: () => {},
    }),
  ],
};

async function automationWindow(t: TestEmulator, mode: string) {
  await addNodes(t, 2, () => ({ Tags: { Role: 'web' } }));
  const w = await createWindow(t);
  const target = await registerTagTarget(t, w);
  await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: w,
      TaskType: 'AUTOMATION',
      TaskArn: 'AWS-RestartEC2Instance',
      Targets: [{ Key: 'WindowTargetIds', Values: [target] }],
      MaxConcurrency: '1',
      MaxErrors: '1',
      TaskInvocationParameters: { Automation: { DocumentVersion: '$DEFAULT', Parameters: { InstanceId: ['{{RESOURCE_ID}}'], Note: ['{{TARGET_ID}} {{RESOURCE_TYPE}}'], Mode: [mode] } } },
    }),
  );
  await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
  return w;
}

describe('AUTOMATION tasks without an Automation engine', () => {
  const t = useEmulator({ areas: areas.filter((a) => a.name !== 'automation') });

  it('fail their invocations, saying Automation is not available; the parameters are still shown', async () => {
    const w = await automationWindow(t, 'Run');
    await t.advance(10);
    const [e] = await executions(t, w);
    expect(e!.Status).toBe('FAILED');
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    const invs = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    // MaxErrors 1: the second failure stops the task.
    expect(invs.map((i) => [i.Status, i.StatusDetails])).toEqual([
      ['FAILED', automationUnavailable()],
      ['FAILED', automationUnavailable()],
    ]);
    expect(JSON.parse(invs[0]!.Parameters!)).toEqual({
      documentName: 'AWS-RestartEC2Instance',
      documentVersion: '$DEFAULT',
      parameters: { InstanceId: [iid(1)], Note: [`${iid(1)} AWS::EC2::Instance`], Mode: ['Run'] },
    });
  });
});

describe('AUTOMATION tasks with an Automation engine (through the automationStarter port)', () => {
  const t = useEmulator({ areas: [...areas.filter((a) => a.name !== 'automation'), fakeAutomation] });

  it('start one execution per node with pseudo parameters replaced, and end as the executions end', async () => {
    started.length = 0;
    const w = await automationWindow(t, 'Run');
    await t.advance(30);
    let [e] = await executions(t, w);
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    expect(started.map((s) => s.request.Parameters!.InstanceId)).toEqual([[iid(1)]]);
    expect(started[0]!.origin!.kind).toBe('maintenance-window');
    await t.advance(120);
    [e] = await executions(t, w);
    expect(e!.Status).toBe('SUCCESS');
    const invs = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    expect(invs.map((i) => [i.ExecutionId, i.Status, i.StatusDetails])).toEqual([
      ['auto-1', 'SUCCESS', 'Success'],
      ['auto-2', 'SUCCESS', 'Success'],
    ]);
  });

  it('a failed Automation execution fails its invocation and the window execution', async () => {
    started.length = 0;
    const w = await automationWindow(t, 'Fail');
    await t.advance(300);
    const [e] = await executions(t, w);
    expect(e).toMatchObject({ Status: 'FAILED', StatusDetails: 'One or more tasks in the orchestration failed.' });
  });
});
