import { describe, expect, it } from 'vitest';
import { CancelMaintenanceWindowExecutionCommand, CreateDocumentCommand, GetAutomationExecutionCommand, RegisterTaskWithMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
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

/** Two web nodes, a window targeting them with one AUTOMATION task, opened now. */
async function automationWindow(t: TestEmulator, taskArn: string, automation: { DocumentVersion?: string; Parameters: Record<string, string[]> }, rate = '1') {
  await addNodes(t, 2, () => ({ Tags: { Role: 'web' } }));
  const w = await createWindow(t);
  const target = await registerTagTarget(t, w);
  await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: w,
      TaskType: 'AUTOMATION',
      TaskArn: taskArn,
      Targets: [{ Key: 'WindowTargetIds', Values: [target] }],
      MaxConcurrency: rate,
      MaxErrors: rate,
      TaskInvocationParameters: { Automation: automation },
    }),
  );
  await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
  return w;
}

/** AWS-RestartEC2Instance with pseudo parameters; Mode tells the stand-in engine how to end. */
const restartWindow = (t: TestEmulator, mode: string) =>
  automationWindow(t, 'AWS-RestartEC2Instance', {
    DocumentVersion: '$DEFAULT',
    Parameters: { InstanceId: ['{{RESOURCE_ID}}'], Note: ['{{TARGET_ID}} {{RESOURCE_TYPE}}'], Mode: [mode] },
  });

/** Ten seconds after the window opened: its execution FAILED; the task's invocations. */
async function failedInvocations(t: TestEmulator, w: string) {
  await t.advance(10);
  const [e] = await executions(t, w);
  expect(e!.Status).toBe('FAILED');
  const [te] = await executionTasks(t, e!.WindowExecutionId!);
  return invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
}

describe('AUTOMATION tasks without an Automation engine', () => {
  const t = useEmulator({ areas: areas.filter((a) => a.name !== 'automation') });

  it('fail their invocations, saying Automation is not available; the parameters are still shown', async () => {
    const invs = await failedInvocations(t, await restartWindow(t, 'Run'));
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
    const w = await restartWindow(t, 'Run');
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
    const w = await restartWindow(t, 'Fail');
    await t.advance(300);
    const [e] = await executions(t, w);
    expect(e).toMatchObject({ Status: 'FAILED', StatusDetails: 'One or more tasks in the orchestration failed.' });
  });
});

describe('AUTOMATION tasks with the emulator\'s Automation engine', () => {
  const t = useEmulator();

  /** A runbook that sleeps a minute on one node, so the window's invocation waits for it. */
  async function runbook(name: string) {
    await t.ssm.send(
      new CreateDocumentCommand({
        Name: name,
        DocumentType: 'Automation',
        DocumentFormat: 'JSON',
        Content: JSON.stringify({
          schemaVersion: '0.3',
          parameters: { InstanceId: { type: 'String' } },
          mainSteps: [{ name: 'wait', action: 'aws:sleep', inputs: { Duration: 'PT1M' } }],
        }),
      }),
    );
    await t.advance(5); // Creating -> Active
  }

  const window = (taskArn: string, parameters: Record<string, string[]>) => automationWindow(t, taskArn, { Parameters: parameters }, '2');

  it('run one real Automation execution per node, visible through GetAutomationExecution, and succeed when they do', async () => {
    await runbook('WaitOnNode');
    const w = await window('WaitOnNode', { InstanceId: ['{{RESOURCE_ID}}'] });
    await t.advance(10);
    const [e] = await executions(t, w);
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    let invs = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    expect(e!.Status).toBe('IN_PROGRESS');
    expect(invs.map((i) => i.Status)).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);
    const runs = await Promise.all(
      invs.map(async (i) => (await t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: i.ExecutionId! }))).AutomationExecution!),
    );
    expect(runs.map((r) => [r.DocumentName, r.AutomationExecutionStatus, r.Parameters])).toEqual([
      ['WaitOnNode', 'InProgress', { InstanceId: [iid(1)] }],
      ['WaitOnNode', 'InProgress', { InstanceId: [iid(2)] }],
    ]);
    await t.advance(120);
    expect((await executions(t, w))[0]!.Status).toBe('SUCCESS');
    invs = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    expect(invs.map((i) => [i.Status, i.StatusDetails])).toEqual([
      ['SUCCESS', 'Success'],
      ['SUCCESS', 'Success'],
    ]);
  });

  it('a runbook that does not exist fails each invocation with Automation\'s error', async () => {
    const invs = await failedInvocations(t, await window('NoSuchRunbook', { InstanceId: ['{{RESOURCE_ID}}'] }));
    expect(invs.map((i) => [i.Status, i.StatusDetails])).toEqual([
      ['FAILED', 'Automation definition NoSuchRunbook couldn\'t be found.'],
      ['FAILED', 'Automation definition NoSuchRunbook couldn\'t be found.'],
    ]);
  });

  // "Tasks already in progress will continue to completion" (CancelMaintenanceWindowExecution).
  it('cancelling the window execution lets the running task\'s Automation executions finish', async () => {
    await runbook('WaitOnNode');
    const w = await window('WaitOnNode', { InstanceId: ['{{RESOURCE_ID}}'] });
    await t.advance(10);
    const [e] = await executions(t, w);
    await t.ssm.send(new CancelMaintenanceWindowExecutionCommand({ WindowExecutionId: e!.WindowExecutionId! }));
    await t.advance(120);
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    const invs = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    const statuses = await Promise.all(
      invs.map(async (i) => (await t.ssm.send(new GetAutomationExecutionCommand({ AutomationExecutionId: i.ExecutionId! }))).AutomationExecution!.AutomationExecutionStatus),
    );
    expect(statuses).toEqual(['Success', 'Success']);
    expect(invs.map((i) => i.Status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect((await executions(t, w))[0]!.Status).toBe('CANCELLED');
  });
});
