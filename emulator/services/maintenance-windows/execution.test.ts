import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancelMaintenanceWindowExecutionCommand,
  GetMaintenanceWindowExecutionCommand,
  GetMaintenanceWindowExecutionTaskInvocationCommand,
  ListCommandsCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  RegisterTaskWithMaintenanceWindowCommand,
} from '@aws-sdk/client-ssm';
import { CreateGroupCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { rgClient, tagQuery } from '../../testing/fleet.js';
import { addNode, addNodes, advanceTo, createWindow, executions, executionTasks, expectError, iid, invocations, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

/** The clock starts on Wednesday 2025-01-01; the default window opens on Tuesdays at 02:00 UTC. */
const TUESDAY = '2025-01-07T02:00:00Z';
const at = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

async function lastExecution(windowId: string) {
  const [e] = await executions(t, windowId);
  if (!e) throw new Error('the window has not opened');
  const tasks = await executionTasks(t, e.WindowExecutionId!);
  return { e, tasks };
}

/** Nodes that take `seconds` for any script containing "work" (and fail when `fail` is set). */
const slowNodes = (n: number, seconds: number, tags: Record<string, string> = { Role: 'web' }, fail = false) =>
  addNodes(t, n, () => ({ Tags: tags, Behaviors: [{ Match: 'work', DurationSeconds: seconds, ExitCode: fail ? 1 : 0, Stdout: 'done\n' }] }));

describe('a window on the virtual clock', () => {
  it('opens at its cron time and runs its Run Command task on the tagged nodes, one command per node', async () => {
    await addNodes(t, 3, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w, ['Role', 'web'], 'team-a');
    await registerShellTask(t, w, [target], ['echo hi']);
    await advanceTo(t, at(TUESDAY, 600));
    const { e, tasks } = await lastExecution(w);
    expect(e).toMatchObject({ WindowId: w, Status: 'SUCCESS' });
    expect(e.StartTime!.toISOString()).toBe('2025-01-07T02:00:00.000Z');
    expect(tasks).toMatchObject([{ Status: 'SUCCESS', TaskArn: 'AWS-RunShellScript', TaskType: 'RUN_COMMAND' }]);
    const invs = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(invs).toHaveLength(3);
    for (const inv of invs) expect(inv).toMatchObject({ Status: 'SUCCESS', StatusDetails: 'Success', OwnerInformation: 'team-a', WindowTargetId: target, TaskType: 'RUN_COMMAND' });
    const cmds = (await t.ssm.send(new ListCommandsCommand({}))).Commands!;
    expect(cmds.map((c) => c.CommandId).sort()).toEqual(invs.map((i) => i.ExecutionId).sort());
    expect(cmds.every((c) => c.InstanceIds!.length === 1 && c.DocumentName === 'AWS-RunShellScript')).toBe(true);
    expect(JSON.parse(invs[0]!.Parameters!)).toMatchObject({ documentName: 'AWS-RunShellScript', maxConcurrency: '10', maxErrors: '0', parameters: { commands: ['echo hi'] } });
    const got = await t.ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: e.WindowExecutionId }));
    expect(got).toMatchObject({ Status: 'SUCCESS', TaskIds: [tasks[0]!.TaskExecutionId] });
  });

  it('resolves targets when the task starts: a node tagged after registration is included', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target]);
    await addNode(t.http, { InstanceId: iid(9), Tags: { Role: 'web' } });
    await advanceTo(t, at(TUESDAY, 600));
    const { e, tasks } = await lastExecution(w);
    expect((await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!)).map((i) => JSON.parse(i.Parameters!).instanceIds)).toEqual([[iid(9)]]);
  });

  it('ends SUCCESS "No tasks to execute." when the window has no task', async () => {
    const w = await createWindow(t);
    await advanceTo(t, at(TUESDAY, 1));
    const { e, tasks } = await lastExecution(w);
    expect(e).toMatchObject({ Status: 'SUCCESS', StatusDetails: 'No tasks to execute.' });
    expect(tasks).toEqual([]);
  });

  it('runs priorities in order (lower first) and tasks of one priority in parallel', async () => {
    await slowNodes(2, 120);
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['work first'], { Priority: 1 });
    await registerShellTask(t, w, [target], ['work also'], { Priority: 1 });
    await registerShellTask(t, w, [target], ['work second'], { Priority: 5 });
    await advanceTo(t, at(TUESDAY, 3600));
    const { tasks } = await lastExecution(w);
    expect(tasks.map((x) => x.Status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    const ids = await Promise.all(tasks.map((x) => t.ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: x.WindowExecutionId }))));
    expect(ids[0]!.TaskIds).toHaveLength(3);
    const start = (i: number) => tasks[i]!.StartTime!.getTime();
    const end = (i: number) => tasks[i]!.EndTime!.getTime();
    expect(start(0)).toBe(Date.parse(TUESDAY));
    expect(start(1)).toBe(Date.parse(TUESDAY));
    expect(start(2)).toBe(Math.max(end(0), end(1)));
    expect(start(2) - start(0)).toBeGreaterThanOrEqual(120_000);
  });

  it('runs at most MaxConcurrency invocations at once', async () => {
    await slowNodes(4, 60);
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['work'], { MaxConcurrency: '2', MaxErrors: '0' });
    await advanceTo(t, at(TUESDAY, 30));
    const { e, tasks } = await lastExecution(w);
    expect(await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!)).toHaveLength(2);
    await t.advance(600);
    const invs = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(invs.map((i) => i.Status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(invs[2]!.StartTime!.getTime()).toBeGreaterThanOrEqual(invs[0]!.EndTime!.getTime());
  });

  it('stops starting invocations when errors exceed MaxErrors; the task and the execution fail', async () => {
    await slowNodes(3, 5, { Role: 'web' }, true);
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['work'], { MaxConcurrency: '1', MaxErrors: '0' });
    await advanceTo(t, at(TUESDAY, 600));
    const { e, tasks } = await lastExecution(w);
    expect(e).toMatchObject({ Status: 'FAILED', StatusDetails: 'One or more tasks in the orchestration failed.' });
    expect(tasks[0]!.Status).toBe('FAILED');
    expect((await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!)).map((i) => `${i.Status}/${i.StatusDetails}`)).toEqual(['FAILED/Failed']);
  });

  it('runs the nodes of one window target before the next window target starts', async () => {
    await slowNodes(2, 60, { Role: 'web' });
    await addNode(t.http, { InstanceId: iid(20), Tags: { Role: 'db' }, Behaviors: [{ Match: 'work', DurationSeconds: 60 }] });
    const w = await createWindow(t);
    const web = await registerTagTarget(t, w, ['Role', 'web']);
    const db = await registerTagTarget(t, w, ['Role', 'db']);
    await registerShellTask(t, w, [web, db], ['work'], { MaxConcurrency: '10' });
    await advanceTo(t, at(TUESDAY, 600));
    const { e, tasks } = await lastExecution(w);
    const invs = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(invs.map((i) => i.WindowTargetId)).toEqual([web, web, db]);
    expect(invs[2]!.StartTime!.getTime()).toBeGreaterThanOrEqual(Math.max(invs[0]!.EndTime!.getTime(), invs[1]!.EndTime!.getTime()));
  });

  it('starts no task after the cutoff: the execution times out naming the tasks that never ran', async () => {
    // Duration 2 h, Cutoff 1 h: nothing starts after 03:00. The first task takes 90 minutes.
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' }, Behaviors: [{ Match: 'long', DurationSeconds: 5400 }] }));
    const w = await createWindow(t, { Duration: 2, Cutoff: 1 });
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['long job'], { Priority: 1, TaskInvocationParameters: { RunCommand: { Parameters: { commands: ['long job'], executionTimeout: ['7200'] } } } });
    await registerShellTask(t, w, [target], ['echo later'], { Priority: 2 });
    await advanceTo(t, at(TUESDAY, 3 * 3600));
    const { e, tasks } = await lastExecution(w);
    expect(tasks.map((x) => x.Status)).toEqual(['SUCCESS']);
    expect(e).toMatchObject({ Status: 'TIMED_OUT', StatusDetails: 'The maintenance window reached its cutoff time before 1 task(s) could start.' });
  });

  it('CANCEL_TASK: at the cutoff the running command is cancelled and the task ends TIMED_OUT', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' }, Behaviors: [{ Match: 'long', DurationSeconds: 5400 }] }));
    const w = await createWindow(t, { Duration: 2, Cutoff: 1 });
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['long job'], {
      CutoffBehavior: 'CANCEL_TASK',
      TaskInvocationParameters: { RunCommand: { Parameters: { commands: ['long job'], executionTimeout: ['7200'] } } },
    });
    await advanceTo(t, at(TUESDAY, 3600 + 60));
    const { e, tasks } = await lastExecution(w);
    expect(tasks[0]).toMatchObject({ Status: 'TIMED_OUT' });
    expect(tasks[0]!.EndTime!.getTime()).toBe(Date.parse(at(TUESDAY, 3601)));
    const [inv] = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(inv).toMatchObject({ Status: 'TIMED_OUT', StatusDetails: 'Cancelled' });
    expect((await t.ssm.send(new ListCommandsCommand({ CommandId: inv!.ExecutionId }))).Commands![0]!.Status).toBe('Cancelled');
    expect(e.Status).toBe('TIMED_OUT');
  });

  it('CONTINUE_TASK (the default): a running task goes on past the cutoff and starts its remaining invocations', async () => {
    await slowNodes(3, 2400);
    const w = await createWindow(t, { Duration: 2, Cutoff: 1 });
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['work'], { MaxConcurrency: '1', TaskInvocationParameters: { RunCommand: { Parameters: { commands: ['work'], executionTimeout: ['7200'] } } } });
    await advanceTo(t, at(TUESDAY, 5 * 3600));
    const { e, tasks } = await lastExecution(w);
    const invs = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(invs.map((i) => i.Status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(invs[2]!.StartTime!.getTime()).toBeGreaterThan(Date.parse(at(TUESDAY, 3600)));
    expect(e.Status).toBe('SUCCESS');
  });

  it('CancelMaintenanceWindowExecution: CANCELLING, no further task starts, CANCELLED once the running one ends', async () => {
    await slowNodes(1, 300);
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['work'], { Priority: 1 });
    await registerShellTask(t, w, [target], ['echo never'], { Priority: 2 });
    await advanceTo(t, at(TUESDAY, 60));
    const { e } = await lastExecution(w);
    await t.ssm.send(new CancelMaintenanceWindowExecutionCommand({ WindowExecutionId: e.WindowExecutionId }));
    expect((await lastExecution(w)).e.Status).toBe('CANCELLING');
    await t.advance(600);
    const after = await lastExecution(w);
    expect(after.e.Status).toBe('CANCELLED');
    expect(after.tasks.map((x) => x.Status)).toEqual(['SUCCESS']);
  });

  it('skips an opening while the previous execution still runs (SKIPPED_OVERLAPPING)', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' }, Behaviors: [{ Match: 'long', DurationSeconds: 5400 }] }));
    const w = await createWindow(t, { Schedule: 'rate(1 hour)', Duration: 3, Cutoff: 0 });
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['long job'], { TaskInvocationParameters: { RunCommand: { Parameters: { commands: ['long job'], executionTimeout: ['7200'] } } } });
    await t.advance(2 * 3600 + 60);
    const list = await executions(t, w);
    expect(list.map((x) => x.Status)).toEqual(['SKIPPED_OVERLAPPING', 'IN_PROGRESS']);
    expect(list[0]!.StartTime!.getTime()).toBe(list[0]!.EndTime!.getTime());
    await t.advance(3600);
    expect((await executions(t, w)).map((x) => x.Status)).toEqual(['IN_PROGRESS', 'SKIPPED_OVERLAPPING', 'SUCCESS']);
  });

  it('keeps execution history for 30 days', async () => {
    const w = await createWindow(t, { Schedule: 'cron(0 2 ? * TUE *)' });
    await advanceTo(t, at(TUESDAY, 60));
    const { e } = await lastExecution(w);
    await t.advance(29 * 86400);
    expect((await t.ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: e.WindowExecutionId }))).Status).toBe('SUCCESS');
    await t.advance(2 * 86400);
    await expectError(t.ssm.send(new GetMaintenanceWindowExecutionCommand({ WindowExecutionId: e.WindowExecutionId })), 'DoesNotExistException');
  });

  it('sends execution, task execution and invocation events with the owner information', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w, ['Role', 'web'], 'Owner');
    await registerShellTask(t, w, [target]);
    await advanceTo(t, at(TUESDAY, 600));
    const { e, tasks } = await lastExecution(w);
    const of = (detailType: string) => t.emu.events.list({ detailType }).map((x) => x.detail);
    expect(of('Maintenance Window Execution State-change Notification').map((d) => d.status)).toEqual(['PENDING', 'IN_PROGRESS', 'SUCCESS']);
    expect(of('Maintenance Window Execution State-change Notification')[2]).toEqual({
      'start-time': '2025-01-07T02:00:00.000Z',
      'end-time': e.EndTime!.toISOString(),
      'window-id': w,
      'window-execution-id': e.WindowExecutionId,
      status: 'SUCCESS',
    });
    expect(of('Maintenance Window Task Execution State-change Notification').map((d) => [d['task-execution-id'], d.status])).toEqual([
      [tasks[0]!.TaskExecutionId, 'IN_PROGRESS'],
      [tasks[0]!.TaskExecutionId, 'SUCCESS'],
    ]);
    const invs = of('Maintenance Window Task Target Invocation State-change Notification');
    expect(invs.map((d) => d.status)).toEqual(['IN_PROGRESS', 'SUCCESS']);
    expect(invs[1]).toMatchObject({ 'window-target-id': target, 'owner-information': 'Owner', 'window-execution-id': e.WindowExecutionId });
  });
});

describe('task types and pseudo parameters', () => {
  it('substitutes pseudo parameters in Run Command parameters, except TARGET_ID and RESOURCE_ID (not for Run Command)', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const task = await registerShellTask(t, w, [target], ['echo {{WINDOW_ID}} {{WINDOW_TASK_ID}} {{WINDOW_TARGET_ID}} {{TARGET_TYPE}} {{WINDOW_EXECUTION_ID}} {{TASK_EXECUTION_ID}} {{INVOCATION_ID}} {{TARGET_ID}}']);
    await advanceTo(t, at(TUESDAY, 600));
    const { e, tasks } = await lastExecution(w);
    const [inv] = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    const [cmd] = (await t.ssm.send(new ListCommandsCommand({ CommandId: inv!.ExecutionId }))).Commands!;
    expect(cmd!.Parameters!.commands).toEqual([
      `echo ${w} ${task} ${target} INSTANCE ${e.WindowExecutionId} ${tasks[0]!.TaskExecutionId} ${inv!.InvocationId} {{TARGET_ID}}`,
    ]);
  });

  it('LAMBDA is simulated: SUCCESS by default, saying so; the control API sets another outcome', async () => {
    const w = await createWindow(t);
    const fn = 'arn:aws:lambda:us-east-1:000000000000:function:SSMrotate';
    await t.ssm.send(
      new RegisterTaskWithMaintenanceWindowCommand({ WindowId: w, TaskType: 'LAMBDA', TaskArn: fn, TaskInvocationParameters: { Lambda: { Payload: new TextEncoder().encode('{"run":"{{WINDOW_EXECUTION_ID}}"}') } } }),
    );
    const open = await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
    expect(open.status).toBe(200);
    await t.advance(10);
    let { e, tasks } = await lastExecution(w);
    expect(e.WindowExecutionId).toBe(open.body.windowExecutionId);
    let [inv] = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(inv).toMatchObject({ Status: 'SUCCESS', TaskType: 'LAMBDA' });
    expect(inv!.StatusDetails).toMatch(/^Simulated: the emulator does not run AWS Lambda/);
    expect(JSON.parse(inv!.Parameters!)).toEqual({ functionName: fn, payload: `{"run":"${e.WindowExecutionId}"}` });

    const set = await t.http.post('/_emulator/maintenance-windows/outcomes').send({ TaskArn: fn, Status: 'FAILED', StatusDetails: 'Function error: KeyError', DurationSeconds: 30 });
    expect(set.status).toBe(200);
    await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
    await t.advance(29);
    expect((await lastExecution(w)).e.Status).toBe('IN_PROGRESS');
    await t.advance(2);
    ({ e, tasks } = await lastExecution(w));
    [inv] = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(inv).toMatchObject({ Status: 'FAILED', StatusDetails: 'Function error: KeyError' });
    expect(e.Status).toBe('FAILED');
  });

  it('STEP_FUNCTIONS is simulated with an execution ARN of the state machine', async () => {
    const w = await createWindow(t);
    const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:drain';
    await t.ssm.send(new RegisterTaskWithMaintenanceWindowCommand({ WindowId: w, TaskType: 'STEP_FUNCTIONS', TaskArn: machine, TaskInvocationParameters: { StepFunctions: { Name: 'drain-run', Input: '{"w":"{{WINDOW_ID}}"}' } } }));
    await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
    await t.advance(10);
    const { e, tasks } = await lastExecution(w);
    const [inv] = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(inv).toMatchObject({ Status: 'SUCCESS', ExecutionId: 'arn:aws:states:us-east-1:000000000000:execution:drain:drain-run' });
    expect(JSON.parse(inv!.Parameters!)).toEqual({ input: `{"w":"${w}"}`, name: 'drain-run', stateMachineArn: machine });
  });

  it('RESOURCE_GROUP targets: members of the group now, TARGET_ID the ARN and RESOURCE_ID the id', async () => {
    await addNodes(t, 2, (k) => ({ Tags: { Env: k === 1 ? 'prod' : 'dev' } }));
    await rg.send(new CreateGroupCommand({ Name: 'prod-nodes', ResourceQuery: tagQuery([{ Key: 'Env', Values: ['prod'] }], ['AWS::EC2::Instance']) }));
    const w = await createWindow(t);
    const { WindowTargetId } = await t.ssm.send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId: w, ResourceType: 'RESOURCE_GROUP', Targets: [{ Key: 'resource-groups:Name', Values: ['prod-nodes'] }] }));
    await t.ssm.send(
      new RegisterTaskWithMaintenanceWindowCommand({
        WindowId: w,
        TaskType: 'STEP_FUNCTIONS',
        TaskArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:snap',
        Targets: [{ Key: 'WindowTargetIds', Values: [WindowTargetId!] }],
        MaxConcurrency: '5',
        MaxErrors: '0',
        TaskInvocationParameters: { StepFunctions: { Input: '{{TARGET_ID}} {{RESOURCE_ID}} {{TARGET_TYPE}}' } },
      }),
    );
    await t.http.post(`/_emulator/maintenance-windows/${w}/open`).send({});
    await t.advance(10);
    const { e, tasks } = await lastExecution(w);
    const invs = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(invs.map((i) => JSON.parse(i.Parameters!).input)).toEqual([`arn:aws:ec2:us-east-1:000000000000:instance/${iid(1)} ${iid(1)} RESOURCE_GROUP`]);
  });

  it('an instance a task names that is not a managed node fails its invocation', async () => {
    await addNodes(t, 1);
    const w = await createWindow(t, { AllowUnassociatedTargets: true });
    await registerShellTask(t, w, [], ['echo hi'], { Targets: [{ Key: 'InstanceIds', Values: [iid(1), 'i-0000000000000dead'] }] });
    await advanceTo(t, at(TUESDAY, 600));
    const { e, tasks } = await lastExecution(w);
    const invs = await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!);
    expect(invs.map((i) => `${i.Status} ${i.StatusDetails}`)).toEqual(['SUCCESS Success', 'FAILED Instance i-0000000000000dead is not a managed node in this account and Region.']);
    const one = await t.ssm.send(new GetMaintenanceWindowExecutionTaskInvocationCommand({ WindowExecutionId: e.WindowExecutionId, TaskId: tasks[0]!.TaskExecutionId, InvocationId: invs[1]!.InvocationId }));
    expect(one.ExecutionId).toBeUndefined();
  });

  it('a Run Command task whose document cannot run fails once, before any invocation', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    await registerShellTask(t, w, [target], ['x'], { TaskArn: 'No-Such-Document' });
    await advanceTo(t, at(TUESDAY, 60));
    const { e, tasks } = await lastExecution(w);
    expect(tasks[0]).toMatchObject({ Status: 'FAILED' });
    expect(tasks[0]!.StatusDetails).toMatch(/No-Such-Document/);
    expect(await invocations(t, e.WindowExecutionId!, tasks[0]!.TaskExecutionId!)).toEqual([]);
  });
});
