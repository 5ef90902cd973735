/**
 * Helpers for the Maintenance Windows tests: a window with a target and a Run Command task in one
 * call, nodes through the fleet control API, the clock moved to an ISO instant, and the execution
 * history read back through the SDK.
 */
import {
  CreateMaintenanceWindowCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowExecutionTasksCommand,
  DescribeMaintenanceWindowExecutionsCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  RegisterTaskWithMaintenanceWindowCommand,
  type CreateMaintenanceWindowCommandInput,
  type RegisterTaskWithMaintenanceWindowCommandInput,
} from '@aws-sdk/client-ssm';
import type { TestEmulator } from '../../testing/harness.js';

export { addNode, addNodes, expectError, iid } from '../../testing/fleet.js';

export async function createWindow(t: TestEmulator, input: Partial<CreateMaintenanceWindowCommandInput> = {}): Promise<string> {
  const out = await t.ssm.send(
    new CreateMaintenanceWindowCommand({ Name: 'patch-window', Schedule: 'cron(0 2 ? * TUE *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false, ...input }),
  );
  return out.WindowId!;
}

export async function registerTagTarget(t: TestEmulator, windowId: string, tag: [string, string] = ['Role', 'web'], owner?: string): Promise<string> {
  const out = await t.ssm.send(
    new RegisterTargetWithMaintenanceWindowCommand({
      WindowId: windowId,
      ResourceType: 'INSTANCE',
      Targets: [{ Key: `tag:${tag[0]}`, Values: [tag[1]] }],
      ...(owner && { OwnerInformation: owner }),
    }),
  );
  return out.WindowTargetId!;
}

/** A RUN_COMMAND task of AWS-RunShellScript on window targets. */
export async function registerShellTask(
  t: TestEmulator,
  windowId: string,
  targetIds: string[],
  commands: string[] = ['echo hello'],
  extra: Partial<RegisterTaskWithMaintenanceWindowCommandInput> = {},
): Promise<string> {
  const out = await t.ssm.send(
    new RegisterTaskWithMaintenanceWindowCommand({
      WindowId: windowId,
      TaskType: 'RUN_COMMAND',
      TaskArn: 'AWS-RunShellScript',
      Targets: [{ Key: 'WindowTargetIds', Values: targetIds }],
      MaxConcurrency: '10',
      MaxErrors: '0',
      Priority: 1,
      TaskInvocationParameters: { RunCommand: { Parameters: { commands } } },
      ...extra,
    }),
  );
  return out.WindowTaskId!;
}

/** Moves the virtual clock to an ISO instant (running everything due on the way). */
export async function advanceTo(t: TestEmulator, iso: string): Promise<void> {
  const seconds = (Date.parse(iso) - t.emu.clock.now()) / 1000;
  if (seconds < 0) throw new Error(`${iso} is in the past`);
  await t.advance(seconds);
}

export async function executions(t: TestEmulator, windowId: string) {
  return (await t.ssm.send(new DescribeMaintenanceWindowExecutionsCommand({ WindowId: windowId }))).WindowExecutions ?? [];
}

export async function executionTasks(t: TestEmulator, executionId: string) {
  return (await t.ssm.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: executionId }))).WindowExecutionTaskIdentities ?? [];
}

export async function invocations(t: TestEmulator, executionId: string, taskExecutionId: string) {
  return (
    (await t.ssm.send(new DescribeMaintenanceWindowExecutionTaskInvocationsCommand({ WindowExecutionId: executionId, TaskId: taskExecutionId })))
      .WindowExecutionTaskInvocationIdentities ?? []
  );
}
