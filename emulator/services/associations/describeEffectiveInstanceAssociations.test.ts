import { describe as group, expect, it } from 'vitest';
import { DescribeEffectiveInstanceAssociationsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

group('DescribeEffectiveInstanceAssociations', () => {
  it('the associations whose targets match the node now, with the document content as JSON', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    const web = await shellAssociation(t, ['true']);
    await shellAssociation(t, ['true'], { Targets: [{ Key: 'tag:Role', Values: ['db'] }] });
    const all = await shellAssociation(t, ['true'], { Targets: [{ Key: 'InstanceIds', Values: ['*'] }] });
    const out = await t.ssm.send(new DescribeEffectiveInstanceAssociationsCommand({ InstanceId: iid(1) }));
    expect(out.Associations!.map((a) => a.AssociationId)).toEqual([web, all]);
    expect(out.Associations![0]).toMatchObject({ InstanceId: iid(1), AssociationVersion: '1' });
    const content = JSON.parse(out.Associations![0].Content!);
    expect(content.schemaVersion).toBe('1.2');
    expect(JSON.stringify(content)).toContain('{{ commands }}');
  });

  it('MaxResults up to 5, with NextToken; unknown nodes', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    for (let k = 0; k < 6; k++) await shellAssociation(t, ['true']);
    const page = await t.ssm.send(new DescribeEffectiveInstanceAssociationsCommand({ InstanceId: iid(1) }));
    expect(page.Associations).toHaveLength(5);
    const rest = await t.ssm.send(new DescribeEffectiveInstanceAssociationsCommand({ InstanceId: iid(1), NextToken: page.NextToken }));
    expect(rest.Associations).toHaveLength(1);
    await expectError(t.ssm.send(new DescribeEffectiveInstanceAssociationsCommand({ InstanceId: iid(1), MaxResults: 6 })), 'ValidationException');
    await expectError(t.ssm.send(new DescribeEffectiveInstanceAssociationsCommand({ InstanceId: iid(9) })), 'InvalidInstanceId');
  });

  it('a token it did not issue is InvalidNextToken', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    await shellAssociation(t, ['true']);
    await expectError(t.ssm.send(new DescribeEffectiveInstanceAssociationsCommand({ InstanceId: iid(1), NextToken: 'bogus' })), 'InvalidNextToken');
  });
});
