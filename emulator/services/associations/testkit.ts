/**
 * Helpers for the association tests: nodes through the control API, an association over the SDK,
 * and reads of what it did (description, executions, targets, node statuses, events).
 */
import {
  CreateAssociationCommand,
  DescribeAssociationCommand,
  DescribeAssociationExecutionsCommand,
  DescribeAssociationExecutionTargetsCommand,
  DescribeInstanceAssociationsStatusCommand,
  type CreateAssociationCommandInput,
} from '@aws-sdk/client-ssm';
import type { TestEmulator } from '../../testing/harness.js';

export { addNode, addNodes, expectError, iid } from '../../testing/fleet.js';

/** A shell-script association (AWS-RunShellScript) with these commands; returns its id. */
export async function shellAssociation(t: TestEmulator, commands: string[], extra: Partial<CreateAssociationCommandInput> = {}): Promise<string> {
  const out = await t.ssm.send(
    new CreateAssociationCommand({ Name: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Role', Values: ['web'] }], Parameters: { commands }, ...extra }),
  );
  return out.AssociationDescription!.AssociationId!;
}

export async function describe(t: TestEmulator, id: string) {
  return (await t.ssm.send(new DescribeAssociationCommand({ AssociationId: id }))).AssociationDescription!;
}

/** Executions, newest first. */
export async function executions(t: TestEmulator, id: string) {
  return (await t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id }))).AssociationExecutions!;
}

export async function targets(t: TestEmulator, id: string, executionId: string) {
  return (await t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: executionId }))).AssociationExecutionTargets!;
}

/** The association's status on one node (DescribeInstanceAssociationsStatus). */
export async function nodeStatus(t: TestEmulator, instanceId: string, id: string) {
  const out = await t.ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: instanceId }));
  return out.InstanceAssociationStatusInfos!.find((s) => s.AssociationId === id);
}

/** The node as the control API shows it. */
export async function node(t: TestEmulator, id: string): Promise<any> {
  const res = await t.http.get('/_emulator/fleet/instances');
  return res.body.instances.find((i: any) => i.InstanceId === id);
}

/** Events of one detail-type, oldest first. */
export async function events(t: TestEmulator, detailType: string): Promise<any[]> {
  const res = await t.http.get('/_emulator/events').query({ 'detail-type': detailType });
  return res.body.events;
}
