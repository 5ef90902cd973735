import { describe as group, expect, it } from 'vitest';
import { DescribeAssociationExecutionsCommand, StartAssociationsOnceCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

group('DescribeAssociationExecutions', () => {
  it('newest first, filtered by ExecutionId, Status and CreatedTime (EQUAL, LESS_THAN, GREATER_THAN)', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const id = await shellAssociation(t, ['test -f /tmp/flag || { touch /tmp/flag; exit 1; }'], { ScheduleExpression: 'rate(1 hour)' });
    await t.advance(3600 * 2 + 60);
    const all = (await t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id }))).AssociationExecutions!;
    expect(all.map((e) => e.CreatedTime!.getTime())).toEqual([Date.UTC(2025, 0, 1, 2), Date.UTC(2025, 0, 1, 1), Date.UTC(2025, 0, 1)]);
    const filtered = async (Filters: any[]) => (await t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id, Filters }))).AssociationExecutions!;
    expect(await filtered([{ Key: 'ExecutionId', Value: all[1].ExecutionId, Type: 'EQUAL' }])).toEqual([all[1]]);
    expect(await filtered([{ Key: 'CreatedTime', Value: '2025-01-01T00:30:00Z', Type: 'GREATER_THAN' }])).toEqual([all[0], all[1]]);
    expect(await filtered([{ Key: 'CreatedTime', Value: '2025-01-01T00:30:00Z', Type: 'LESS_THAN' }])).toEqual([all[2]]);
    expect(await filtered([{ Key: 'CreatedTime', Value: '2025-01-01T01:00:00.000Z', Type: 'EQUAL' }])).toEqual([all[1]]);
    // Every node run fails (no file survives between runs in the simulated shell), so all are Failed.
    expect(await filtered([{ Key: 'Status', Value: 'Failed', Type: 'EQUAL' }])).toHaveLength(3);
    await expectError(filtered([{ Key: 'Status', Value: 'Failed', Type: 'LESS_THAN' }]), 'ValidationException');
    await expectError(filtered([{ Key: 'CreatedTime', Value: 'soon', Type: 'LESS_THAN' }]), 'ValidationException');
  });

  it('pages newest first; unknown association', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const id = await shellAssociation(t, ['true']);
    for (let k = 0; k < 3; k++) {
      await t.advance(10);
      await t.ssm.send(new StartAssociationsOnceCommand({ AssociationIds: [id] }));
    }
    await t.advance(10);
    const first = await t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id, MaxResults: 3 }));
    const rest = await t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id, MaxResults: 3, NextToken: first.NextToken }));
    const times = [...first.AssociationExecutions!, ...rest.AssociationExecutions!].map((e) => e.CreatedTime!.getTime());
    expect(times).toHaveLength(4);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await expectError(t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: '11111111-2222-3333-4444-555555555555' })), 'AssociationDoesNotExist');
  });

  it('a token it did not issue is InvalidNextToken', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const id = await shellAssociation(t, ['true']);
    await expectError(t.ssm.send(new DescribeAssociationExecutionsCommand({ AssociationId: id, NextToken: 'bogus' })), 'InvalidNextToken');
  });
});
