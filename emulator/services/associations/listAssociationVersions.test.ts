import { describe as group, expect, it } from 'vitest';
import { ListAssociationVersionsCommand, UpdateAssociationCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, shellAssociation } from './testkit.js';

const t = useEmulator();

group('ListAssociationVersions', () => {
  it('every version with what it said, oldest first, in pages', async () => {
    const id = await shellAssociation(t, ['echo 1']);
    await t.advance(60);
    await t.ssm.send(new UpdateAssociationCommand({ AssociationId: id, Parameters: { commands: ['echo 2'] }, ScheduleExpression: 'rate(1 day)' }));
    await t.ssm.send(new UpdateAssociationCommand({ AssociationId: id, Parameters: { commands: ['echo 3'] } }));
    const all = (await t.ssm.send(new ListAssociationVersionsCommand({ AssociationId: id }))).AssociationVersions!;
    expect(all.map((v) => [v.AssociationVersion, v.Parameters?.commands?.[0], v.ScheduleExpression])).toEqual([
      ['1', 'echo 1', undefined],
      ['2', 'echo 2', 'rate(1 day)'],
      ['3', 'echo 3', undefined],
    ]);
    expect(all[0]).toMatchObject({ AssociationId: id, Name: 'AWS-RunShellScript', Targets: [{ Key: 'tag:Role', Values: ['web'] }] });
    expect(all[0].DocumentVersion).toBeUndefined();
    expect(all[1].CreatedDate!.getTime()).toBe(Date.UTC(2025, 0, 1, 0, 1));
    const page = await t.ssm.send(new ListAssociationVersionsCommand({ AssociationId: id, MaxResults: 2 }));
    const rest = await t.ssm.send(new ListAssociationVersionsCommand({ AssociationId: id, MaxResults: 2, NextToken: page.NextToken }));
    expect([...page.AssociationVersions!, ...rest.AssociationVersions!].map((v) => v.AssociationVersion)).toEqual(['1', '2', '3']);
  });

  it('unknown association and foreign tokens', async () => {
    const id = await shellAssociation(t, ['true']);
    await expectError(t.ssm.send(new ListAssociationVersionsCommand({ AssociationId: '11111111-2222-3333-4444-555555555555' })), 'AssociationDoesNotExist');
    await expectError(t.ssm.send(new ListAssociationVersionsCommand({ AssociationId: id, NextToken: 'x.y' })), 'InvalidNextToken');
  });
});
