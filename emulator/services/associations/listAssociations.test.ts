import { describe as group, expect, it } from 'vitest';
import { CreateAssociationCommand, ListAssociationsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

const list = async (filters: { key: any; value: string }[] = []) =>
  (await t.ssm.send(new ListAssociationsCommand(filters.length ? { AssociationFilterList: filters } : {}))).Associations!;

group('ListAssociations', () => {
  it('lists every association in creation order with its overview', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const a = await shellAssociation(t, ['true'], { AssociationName: 'first', ScheduleExpression: 'rate(1 day)' });
    const b = await shellAssociation(t, ['exit 1'], { AssociationName: 'second' });
    await t.advance(5);
    const all = await list();
    expect(all.map((x) => x.AssociationId)).toEqual([a, b]);
    expect(all[0]).toMatchObject({
      Name: 'AWS-RunShellScript',
      AssociationName: 'first',
      AssociationVersion: '1',
      DocumentVersion: '$DEFAULT',
      ScheduleExpression: 'rate(1 day)',
      Overview: { Status: 'Success', DetailedStatus: 'Success', AssociationStatusAggregatedCount: { Success: 1 } },
      Targets: [{ Key: 'tag:Role', Values: ['web'] }],
    });
    expect(all[0].LastExecutionDate?.getTime()).toBe(Date.UTC(2025, 0, 1, 0, 0, 1, 10));
  });

  it('filters: Name, AssociationId, AssociationName, AssociationStatusName, InstanceId, ResourceGroupName, LastExecutedBefore/After', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const ok = await shellAssociation(t, ['true'], { AssociationName: 'all-ok' });
    const bad = await shellAssociation(t, ['exit 1'], { AssociationName: 'all-bad' });
    const legacy = (await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) }))).AssociationDescription!.AssociationId!;
    const group = await shellAssociation(t, ['true'], { Targets: [{ Key: 'resource-groups:Name', Values: ['g'] }] }).catch(() => undefined);
    expect(group).toBeUndefined(); // the group does not exist
    await t.advance(120);
    const ids = async (f: { key: any; value: string }[]) => (await list(f)).map((x) => x.AssociationId);
    expect(await ids([{ key: 'Name', value: 'AWS-UpdateSSMAgent' }])).toEqual([legacy]);
    expect(await ids([{ key: 'AssociationId', value: ok }])).toEqual([ok]);
    expect(await ids([{ key: 'AssociationName', value: 'all-bad' }])).toEqual([bad]);
    expect(await ids([{ key: 'AssociationStatusName', value: 'Failed' }])).toContain(bad);
    expect(await ids([{ key: 'AssociationStatusName', value: 'Failed' }])).not.toContain(ok);
    expect(await ids([{ key: 'InstanceId', value: iid(1) }])).toEqual([legacy]);
    expect(await ids([{ key: 'LastExecutedAfter', value: '2024-12-31T00:00:00Z' }, { key: 'Name', value: 'AWS-RunShellScript' }])).toEqual([ok, bad]);
    expect(await ids([{ key: 'LastExecutedBefore', value: '2024-12-31T00:00:00Z' }])).toEqual([]);
    expect(await ids([{ key: 'ResourceGroupName', value: 'g' }])).toEqual([]);
    await expectError(t.ssm.send(new ListAssociationsCommand({ AssociationFilterList: [{ key: 'LastExecutedAfter', value: 'yesterday' }] })), 'ValidationException');
  });

  it('pages with NextToken; a token it did not issue is InvalidNextToken', async () => {
    for (let k = 0; k < 5; k++) await shellAssociation(t, ['true']);
    const first = await t.ssm.send(new ListAssociationsCommand({ MaxResults: 2 }));
    expect(first.Associations).toHaveLength(2);
    const second = await t.ssm.send(new ListAssociationsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    const third = await t.ssm.send(new ListAssociationsCommand({ MaxResults: 2, NextToken: second.NextToken }));
    expect(third.Associations).toHaveLength(1);
    expect(third.NextToken).toBeUndefined();
    expect(new Set([...first.Associations!, ...second.Associations!, ...third.Associations!].map((a) => a.AssociationId)).size).toBe(5);
    await expectError(t.ssm.send(new ListAssociationsCommand({ NextToken: 'bogus' })), 'InvalidNextToken');
  });
});
