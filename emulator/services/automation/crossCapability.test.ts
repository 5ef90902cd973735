/**
 * Automation started by other capabilities, end to end with the real engine and the fleet: a
 * maintenance window's AUTOMATION task and a State Manager association of an Automation runbook
 * (both through the automationStarter port, told the outcome through automationWatchers).
 */
import { describe, expect, it } from 'vitest';
import {
  CreateAssociationCommand,
  DescribeAssociationExecutionTargetsCommand,
  DescribeAssociationExecutionsCommand,
  DescribeAutomationExecutionsCommand,
  DescribeInstancePropertiesCommand,
  RegisterTaskWithMaintenanceWindowCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator, type TestEmulator } from '../../testing/harness.js';
import { addNodes, createWindow, executions, executionTasks, invocations, registerTagTarget } from '../maintenance-windows/testkit.js';
import { calendar, createCalendar, execution, iid } from './testkit.js';

const t = useEmulator();

/** Each node's EC2 state and ping status (DescribeInstanceInformation leaves stopped instances out). */
async function nodeStates(t: TestEmulator) {
  const list = (await t.ssm.send(new DescribeInstancePropertiesCommand({}))).InstanceProperties ?? [];
  return Object.fromEntries(list.map((i) => [i.InstanceId!, `${i.InstanceState} ${i.PingStatus}`]));
}

async function automationTask(windowId: string, targetId: string, document: string, parameters: Record<string, string[]>) {
  await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: windowId,
      TaskType: 'AUTOMATION',
      TaskArn: document,
      Targets: [{ Key: 'WindowTargetIds', Values: [targetId] }],
      MaxConcurrency: '2',
      MaxErrors: '0',
      TaskInvocationParameters: { Automation: { DocumentVersion: '$DEFAULT', Parameters: parameters } },
    }),
  );
}

/**
 * One node tagged Role=web and a window with one AUTOMATION task of `document` on it, opened and
 * advanced `seconds`: the window's execution and the task's invocation.
 */
async function runTaskOnOneNode(document: string, parameters: Record<string, string[]>, seconds: number) {
  await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
  const w = await createWindow(t);
  await automationTask(w, await registerTagTarget(t, w), document, parameters);
  await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
  await t.advance(seconds);
  const [e] = await executions(t, w);
  const [te] = await executionTasks(t, e!.WindowExecutionId!);
  const [inv] = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
  return { e: e!, inv: inv! };
}

describe('maintenance-window AUTOMATION tasks run on the Automation engine', () => {
  it('AWS-RestartEC2Instance per node: real executions restart the instances, the invocations end as the executions do', async () => {
    await addNodes(t, 2, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t);
    await automationTask(w, await registerTagTarget(t, w), 'AWS-RestartEC2Instance', { InstanceId: ['{{RESOURCE_ID}}'] });
    await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
    await t.advance(5);
    const [e] = await executions(t, w);
    const [te] = await executionTasks(t, e!.WindowExecutionId!);
    let invs = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    expect(invs.map((i) => i.Status)).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);
    // The invocations' ExecutionIds are Automation executions the user can read.
    const first = await execution(t, invs[0]!.ExecutionId!);
    expect(first).toMatchObject({ DocumentName: 'AWS-RestartEC2Instance', Parameters: { InstanceId: [iid(1)] }, AutomationExecutionStatus: 'InProgress' });
    expect(await nodeStates(t)).toEqual({ [iid(1)]: 'stopping ConnectionLost', [iid(2)]: 'stopping ConnectionLost' });

    await t.advance(180);
    invs = await invocations(t, e!.WindowExecutionId!, te!.TaskExecutionId!);
    expect(invs.map((i) => [i.Status, i.StatusDetails])).toEqual([
      ['SUCCESS', 'Success'],
      ['SUCCESS', 'Success'],
    ]);
    expect((await executions(t, w))[0]!.Status).toBe('SUCCESS');
    expect((await execution(t, invs[1]!.ExecutionId!)).AutomationExecutionStatus).toBe('Success');
    expect(await nodeStates(t)).toEqual({ [iid(1)]: 'running Online', [iid(2)]: 'running Online' });
  });

  it('a runbook that fails (an instance that does not exist) fails its invocation and the window execution', async () => {
    const { e, inv } = await runTaskOnOneNode('AWS-StopEC2Instance', { InstanceId: ['i-0000000000000dead'] }, 120);
    expect(inv).toMatchObject({ Status: 'FAILED', StatusDetails: 'Failed' });
    expect((await execution(t, inv.ExecutionId!)).AutomationExecutionStatus).toBe('Failed');
    expect(e.Status).toBe('FAILED');
  });

  it("Automation's Change Calendar preference applies to them: a CLOSED calendar fails the executions and the invocations", async () => {
    await createCalendar(t, 'Freeze', calendar('DEFAULT_CLOSED'));
    await t.http.put('/_emulator/automation/preferences').send({ ChangeCalendarNames: ['Freeze'] }).expect(200);
    const { inv } = await runTaskOnOneNode('AWS-StopEC2Instance', { InstanceId: ['{{RESOURCE_ID}}'] }, 5);
    expect(inv!.Status).toBe('FAILED');
    expect((await execution(t, inv!.ExecutionId!)).FailureMessage).toBe("The change calendar Freeze is CLOSED, so Automation can't run now.");
    expect(await nodeStates(t)).toEqual({ [iid(1)]: 'running Online' });
  });

  it("parameters the runbook does not accept fail the invocation with StartAutomationExecution's error", async () => {
    const { inv } = await runTaskOnOneNode('AWS-StopEC2Instance', { Nope: ['x'] }, 5);
    expect(inv!.Status).toBe('FAILED');
    expect(inv!.StatusDetails).toMatch(/Nope/);
    expect((await t.ssm.send(new DescribeAutomationExecutionsCommand({}))).AutomationExecutionMetadataList).toEqual([]);
  });
});

describe('State Manager associations of Automation runbooks run on the Automation engine', () => {
  it('targets and rate controls make a parent execution with a child per instance; the association ends as it does', async () => {
    await addNodes(t, 3, (k) => ({ Tags: { Env: k <= 2 ? 'dev' : 'prod' } }));
    const out = await t.ssm.send(
      new CreateAssociationCommand({ Name: 'AWS-StopEC2Instance', Targets: [{ Key: 'tag:Env', Values: ['dev'] }], AutomationTargetParameterName: 'InstanceId', MaxConcurrency: '1' }),
    );
    const id = out.AssociationDescription!.AssociationId!;
    await t.advance(1);
    const [running] = (await t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id }))).AssociationExecutions!;
    expect(running!.Status).toBe('InProgress');
    const [target] = (await t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: running!.ExecutionId }))).AssociationExecutionTargets!;
    expect(target).toMatchObject({ ResourceType: 'AutomationExecution', Status: 'InProgress' });
    const parent = await execution(t, target!.ResourceId!);
    expect(parent).toMatchObject({ DocumentName: 'AWS-StopEC2Instance', Mode: 'Auto', TargetParameterName: 'InstanceId', MaxConcurrency: '1', AutomationExecutionStatus: 'InProgress' });

    await t.advance(300);
    const [done] = (await t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id }))).AssociationExecutions!;
    expect(done).toMatchObject({ Status: 'Success', DetailedStatus: 'Success' });
    const children = (await t.ssm.send(new DescribeAutomationExecutionsCommand({ Filters: [{ Key: 'ParentExecutionId', Values: [parent.AutomationExecutionId!] }] })))
      .AutomationExecutionMetadataList!;
    expect(children.map((c) => [c.Target, c.AutomationExecutionStatus]).sort()).toEqual([
      [iid(1), 'Success'],
      [iid(2), 'Success'],
    ]);
    expect(await nodeStates(t)).toEqual({ [iid(1)]: 'stopped ConnectionLost', [iid(2)]: 'stopped ConnectionLost', [iid(3)]: 'running Online' });
  });
});
