import { describe as group, expect, it } from 'vitest';
import { DescribeAssociationExecutionTargetsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, executions, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

group('DescribeAssociationExecutionTargets', () => {
  it('the nodes an execution ran on, with their run status and output source; filters and pages', async () => {
    await addNodes(t, 3, (k) => ({ Tags: { Role: 'web' }, Platform: k === 3 ? 'windows-2022' : 'amazon-linux-2023' }));
    const id = await shellAssociation(t, ['echo hi']);
    await t.advance(5);
    const [e] = await executions(t, id);
    const all = (await t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: e.ExecutionId }))).AssociationExecutionTargets!;
    expect(all.map((x) => [x.ResourceId, x.ResourceType, x.Status, x.DetailedStatus])).toEqual([
      [iid(1), 'ManagedInstance', 'Success', 'Success'],
      [iid(2), 'ManagedInstance', 'Success', 'Success'],
      [iid(3), 'ManagedInstance', 'Failed', 'InvalidPlatform'],
    ]);
    expect(all[0]).toMatchObject({ AssociationId: id, AssociationVersion: '1', ExecutionId: e.ExecutionId, OutputSource: { OutputSourceType: 'RunCommand' } });
    expect(all[0].LastExecutionDate).toBeDefined();
    const filtered = async (Filters: any[]) =>
      (await t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: e.ExecutionId, Filters }))).AssociationExecutionTargets!;
    expect((await filtered([{ Key: 'Status', Value: 'Failed' }])).map((x) => x.ResourceId)).toEqual([iid(3)]);
    expect((await filtered([{ Key: 'ResourceId', Value: iid(2) }, { Key: 'ResourceType', Value: 'ManagedInstance' }])).map((x) => x.ResourceId)).toEqual([iid(2)]);
    const page = await t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: e.ExecutionId, MaxResults: 2 }));
    const rest = await t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: e.ExecutionId, MaxResults: 2, NextToken: page.NextToken }));
    expect([...page.AssociationExecutionTargets!, ...rest.AssociationExecutionTargets!].map((x) => x.ResourceId)).toEqual([iid(1), iid(2), iid(3)]);
  });

  it('unknown association or execution', async () => {
    const id = await shellAssociation(t, ['true']);
    await expectError(
      t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: '11111111-2222-3333-4444-555555555555', ExecutionId: '11111111-2222-3333-4444-555555555555' })),
      'AssociationDoesNotExist',
    );
    await expectError(t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: '11111111-2222-3333-4444-555555555555' })), 'AssociationExecutionDoesNotExist');
  });

  it('a token it did not issue is InvalidNextToken', async () => {
    await addNodes(t, 1, () => ({ Tags: { Role: 'web' } }));
    const id = await shellAssociation(t, ['true']);
    await t.advance(5);
    const [e] = await executions(t, id);
    await expectError(t.ssm.send(new DescribeAssociationExecutionTargetsCommand({ AssociationId: id, ExecutionId: e.ExecutionId, NextToken: 'bogus' })), 'InvalidNextToken');
  });
});
