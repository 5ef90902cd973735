import { describe, expect, it } from 'vitest';
import { GetMaintenanceWindowTaskCommand, RegisterTaskWithMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError, registerShellTask, registerTagTarget } from './testkit.js';

const t = useEmulator();

const register = (input: ConstructorParameters<typeof RegisterTaskWithMaintenanceWindowCommand>[0]) => t.ssm.send(new RegisterTaskWithMaintenanceWindowCommand(input));
const get = (WindowId: string, WindowTaskId: string) => t.ssm.send(new GetMaintenanceWindowTaskCommand({ WindowId, WindowTaskId }));

describe('RegisterTaskWithMaintenanceWindow', () => {
  it('registers a Run Command task on window targets and reads it back as given', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const id = await registerShellTask(t, w, [target], ['yum -y update'], { Name: 'patch', Description: 'patch the web tier', CutoffBehavior: 'CANCEL_TASK' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await get(w, id)).toMatchObject({
      WindowId: w,
      WindowTaskId: id,
      TaskArn: 'AWS-RunShellScript',
      TaskType: 'RUN_COMMAND',
      Targets: [{ Key: 'WindowTargetIds', Values: [target] }],
      TaskInvocationParameters: { RunCommand: { Parameters: { commands: ['yum -y update'] } } },
      Priority: 1,
      MaxConcurrency: '10',
      MaxErrors: '0',
      Name: 'patch',
      Description: 'patch the web tier',
      CutoffBehavior: 'CANCEL_TASK',
      ServiceRoleArn: 'arn:aws:iam::000000000000:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM',
    });
    const [e] = t.emu.events.list({ detailType: 'Maintenance Window Task Registration Notification' });
    expect(e!.detail).toEqual({ 'window-task-id': id, 'window-id': w, status: 'REGISTERED' });
  });

  it('registers tasks without targets for AUTOMATION, LAMBDA and STEP_FUNCTIONS, with the "1" placeholders', async () => {
    const w = await createWindow(t);
    const auto = await register({ WindowId: w, TaskType: 'AUTOMATION', TaskArn: 'AWS-RestartEC2Instance', TaskInvocationParameters: { Automation: { DocumentVersion: '$LATEST', Parameters: { InstanceId: ['{{RESOURCE_ID}}'] } } } });
    const lambda = await register({ WindowId: w, TaskType: 'LAMBDA', TaskArn: 'arn:aws:lambda:us-east-1:000000000000:function:SSMrotate', TaskInvocationParameters: { Lambda: { Payload: new TextEncoder().encode('{"a":1}'), Qualifier: '$LATEST' } } });
    const sf = await register({ WindowId: w, TaskType: 'STEP_FUNCTIONS', TaskArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:drain', TaskInvocationParameters: { StepFunctions: { Input: '{}', Name: 'run-1' } } });
    for (const r of [auto, lambda, sf]) {
      const task = await get(w, r.WindowTaskId!);
      expect(task).toMatchObject({ MaxConcurrency: '1', MaxErrors: '1', Targets: [] });
      expect(task.CutoffBehavior).toBeUndefined();
    }
    expect(new TextDecoder().decode((await get(w, lambda.WindowTaskId!)).TaskInvocationParameters!.Lambda!.Payload)).toBe('{"a":1}');
  });

  it('accepts InstanceIds targets only when the window allows unassociated targets', async () => {
    const strict = await createWindow(t, { Name: 'strict' });
    const open = await createWindow(t, { Name: 'open', AllowUnassociatedTargets: true });
    const task = { TaskType: 'RUN_COMMAND' as const, TaskArn: 'AWS-RunShellScript', Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }], MaxConcurrency: '1', MaxErrors: '0' };
    await expectError(register({ WindowId: strict, ...task }), 'ValidationException', /does not allow unassociated targets/);
    expect((await register({ WindowId: open, ...task })).WindowTaskId).toBeDefined();
  });

  it('refuses targets AWS refuses, in its words where known', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const base = { WindowId: w, TaskType: 'RUN_COMMAND' as const, TaskArn: 'AWS-RunShellScript', MaxConcurrency: '1', MaxErrors: '0' };
    await expectError(register(base), 'ValidationException', /For Run Command tasks, you must specify at least one resource as the target of the task/);
    await expectError(register({ ...base, Targets: [{ Key: 'target-gg-install-patch', Values: [target] }] }), 'ValidationException', /^target-gg-install-patch is an invalid window task target type, use WindowTargetIds or InstanceIds\./);
    const many = Array.from({ length: 11 }, () => target);
    await expectError(register({ ...base, Targets: [{ Key: 'WindowTargetIds', Values: many }] }), 'ValidationException', 'The maximum number of window targets is 10');
    await expectError(register({ ...base, Targets: [{ Key: 'WindowTargetIds', Values: ['11111111-2222-3333-4444-555555555555'] }] }), 'DoesNotExistException', /target 11111111-2222-3333-4444-555555555555 does not exist/);
    await expectError(register({ ...base, Targets: [{ Key: 'WindowTargetIds', Values: [target] }, { Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }] }), 'ValidationException', /either WindowTargetIds or InstanceIds/);
  });

  it('refuses rate controls on a task without targets and needs them on one with targets', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    await expectError(
      register({ WindowId: w, TaskType: 'AUTOMATION', TaskArn: 'AWS-PublishSNSNotification', MaxConcurrency: '1', MaxErrors: '0' }),
      'ValidationException',
      'Maintenance window tasks without targets do not support MaxErrors values. Maintenance window tasks without targets do not support MaxConcurrency values.',
    );
    await expectError(register({ WindowId: w, TaskType: 'RUN_COMMAND', TaskArn: 'AWS-RunShellScript', Targets: [{ Key: 'WindowTargetIds', Values: [target] }], MaxErrors: '0' }), 'ValidationException', /MaxConcurrency must be specified/);
  });

  it('refuses invocation parameters of another task type', async () => {
    const w = await createWindow(t);
    await expectError(
      register({ WindowId: w, TaskType: 'AUTOMATION', TaskArn: 'AWS-RestartEC2Instance', TaskInvocationParameters: { RunCommand: { Comment: 'x' } } }),
      'ValidationException',
      /for a AUTOMATION task can only contain Automation; found RunCommand/,
    );
  });

  it('honours ClientToken, answers DoesNotExistException for an unknown window, and stops at 20 tasks', async () => {
    const input = { TaskType: 'AUTOMATION' as const, TaskArn: 'AWS-PublishSNSNotification', ClientToken: 'tok' };
    await expectError(register({ WindowId: 'mw-0123456789abcdef0', ...input }), 'DoesNotExistException', 'Maintenance window mw-0123456789abcdef0 does not exist');
    const w = await createWindow(t);
    const a = await register({ WindowId: w, ...input });
    expect((await register({ WindowId: w, ...input })).WindowTaskId).toBe(a.WindowTaskId);
    await expectError(register({ WindowId: w, ...input, Priority: 5 }), 'IdempotentParameterMismatch');
    for (let i = 1; i < 20; i++) await register({ WindowId: w, TaskType: 'AUTOMATION', TaskArn: 'AWS-PublishSNSNotification' });
    await expectError(register({ WindowId: w, TaskType: 'AUTOMATION', TaskArn: 'AWS-PublishSNSNotification' }), 'ResourceLimitExceededException', /maximum number of tasks \(20\)/);
  });
});
