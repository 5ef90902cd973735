import { describe, expect, it } from 'vitest';
import { GetMaintenanceWindowTaskCommand, RegisterTaskWithMaintenanceWindowCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createWindow, expectError, registerTagTarget } from './testkit.js';

const t = useEmulator();

/** Every member of RunCommand, as registered and as read back. */
const runCommand = {
  Comment: 'patch',
  DocumentVersion: '$DEFAULT',
  TimeoutSeconds: 600,
  OutputS3BucketName: 'logs-bucket',
  OutputS3KeyPrefix: 'mw',
  CloudWatchOutputConfig: { CloudWatchLogGroupName: 'mw-logs', CloudWatchOutputEnabled: true },
  NotificationConfig: { NotificationArn: 'arn:aws:sns:us-east-1:000000000000:mw', NotificationEvents: ['Failed' as const], NotificationType: 'Command' as const },
  Parameters: { commands: ['date'] },
};

describe('GetMaintenanceWindowTask', () => {
  it('answers every member as registered, and nothing that was not (no CutoffBehavior, no TaskParameters)', async () => {
    const w = await createWindow(t);
    const target = await registerTagTarget(t, w);
    const { WindowTaskId } = await t.ssm.send(
      new RegisterTaskWithMaintenanceWindowCommand({
        WindowId: w,
        TaskType: 'RUN_COMMAND',
        TaskArn: 'AWS-RunShellScript',
        Targets: [{ Key: 'WindowTargetIds', Values: [target] }],
        MaxConcurrency: '50%',
        MaxErrors: '10%',
        Priority: 2,
        ServiceRoleArn: 'arn:aws:iam::000000000000:role/mw-role',
        TaskInvocationParameters: { RunCommand: runCommand },
        AlarmConfiguration: { Alarms: [{ Name: 'cpu-high' }] },
      }),
    );
    const task = await t.ssm.send(new GetMaintenanceWindowTaskCommand({ WindowId: w, WindowTaskId }));
    const { $metadata: _m, ...body } = task;
    expect(body).toEqual({
      WindowId: w,
      WindowTaskId,
      Targets: [{ Key: 'WindowTargetIds', Values: [target] }],
      TaskArn: 'AWS-RunShellScript',
      ServiceRoleArn: 'arn:aws:iam::000000000000:role/mw-role',
      TaskType: 'RUN_COMMAND',
      TaskInvocationParameters: { RunCommand: runCommand },
      Priority: 2,
      MaxConcurrency: '50%',
      MaxErrors: '10%',
      AlarmConfiguration: { Alarms: [{ Name: 'cpu-high' }] },
    });
  });

  it('answers DoesNotExistException for an unknown window or task', async () => {
    const w = await createWindow(t);
    await expectError(t.ssm.send(new GetMaintenanceWindowTaskCommand({ WindowId: 'mw-0123456789abcdef0', WindowTaskId: '11111111-2222-3333-4444-555555555555' })), 'DoesNotExistException');
    await expectError(t.ssm.send(new GetMaintenanceWindowTaskCommand({ WindowId: w, WindowTaskId: '11111111-2222-3333-4444-555555555555' })), 'DoesNotExistException', /task 11111111-2222-3333-4444-555555555555 does not exist/);
  });
});
