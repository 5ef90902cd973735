import { describe as group, expect, it } from 'vitest';
import { DescribeInstanceAssociationsStatusCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

group('DescribeInstanceAssociationsStatus', () => {
  it('every association of the node with its last status, in pages', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const ok = await shellAssociation(t, ['true'], { AssociationName: 'all-ok' });
    const bad = await shellAssociation(t, ['echo oops >&2; exit 2'], { AssociationName: 'all-bad' });
    await t.advance(5);
    const all = (await t.ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: iid(1) }))).InstanceAssociationStatusInfos!;
    expect(all.map((s) => [s.AssociationId, s.Status, s.DetailedStatus, s.ErrorCode])).toEqual([
      [ok, 'Success', 'Success', undefined],
      [bad, 'Failed', 'Failed', 'ExecutionError'],
    ]);
    expect(all[1]).toMatchObject({ InstanceId: iid(1), Name: 'AWS-RunShellScript', AssociationName: 'all-bad', DocumentVersion: '1', AssociationVersion: '1' });
    expect(all[1].ExecutionSummary).toBe('1 out of 1 plugin processed, 0 success, 1 failed, 0 timedout, 0 skipped. \nThe operation aws:runShellScript failed because oops\nfailed to run commands: exit status 2.');
    const page = await t.ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: iid(1), MaxResults: 1 }));
    expect(page.InstanceAssociationStatusInfos!.map((s) => s.AssociationId)).toEqual([ok]);
    const rest = await t.ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: iid(1), MaxResults: 1, NextToken: page.NextToken }));
    expect(rest.InstanceAssociationStatusInfos!.map((s) => s.AssociationId)).toEqual([bad]);
  });

  it('an unknown node is InvalidInstanceId', async () => {
    await expectError(t.ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: iid(9) })), 'InvalidInstanceId');
  });

  it('a token it did not issue is InvalidNextToken', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    await shellAssociation(t, ['true']);
    await expectError(t.ssm.send(new DescribeInstanceAssociationsStatusCommand({ InstanceId: iid(1), NextToken: 'bogus' })), 'InvalidNextToken');
  });
});
