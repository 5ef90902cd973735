import { describe, expect, it } from 'vitest';
import { DescribeInstanceInformationCommand, UpdateManagedInstanceRoleCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError } from '../../testing/fleet.js';

const t = useEmulator();

describe('UpdateManagedInstanceRole', () => {
  it('changes the IAM role of a hybrid node', async () => {
    await addNode(t.http, { InstanceId: 'mi-00000000000000001', IamRole: 'OldRole' });
    await t.ssm.send(new UpdateManagedInstanceRoleCommand({ InstanceId: 'mi-00000000000000001', IamRole: 'NewRole' }));
    const [node] = (await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList!;
    expect(node.IamRole).toBe('NewRole');
  });

  it('answers InvalidInstanceId for a node that does not exist', async () => {
    await expectError(t.ssm.send(new UpdateManagedInstanceRoleCommand({ InstanceId: 'mi-00000000000000001', IamRole: 'R' })), 'InvalidInstanceId');
  });

  it('refuses EC2 ids and roles longer than 64 characters (model)', async () => {
    await expectError(t.ssm.send(new UpdateManagedInstanceRoleCommand({ InstanceId: 'i-00000000000000001', IamRole: 'R' })), 'ValidationException', /instanceId/);
    await expectError(t.ssm.send(new UpdateManagedInstanceRoleCommand({ InstanceId: 'mi-00000000000000001', IamRole: 'R'.repeat(65) })), 'ValidationException', /iamRole/);
  });
});
