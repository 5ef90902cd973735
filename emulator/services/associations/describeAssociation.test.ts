import { describe as group, expect, it } from 'vitest';
import { CreateAssociationCommand, DescribeAssociationCommand, UpdateAssociationCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

group('DescribeAssociation', () => {
  it('by id, the latest version or one version', async () => {
    const id = await shellAssociation(t, ['echo v1']);
    await t.ssm.send(new UpdateAssociationCommand({ AssociationId: id, Parameters: { commands: ['echo v2'] } }));
    const latest = (await t.ssm.send(new DescribeAssociationCommand({ AssociationId: id }))).AssociationDescription!;
    expect(latest).toMatchObject({ AssociationVersion: '2', Parameters: { commands: ['echo v2'] } });
    expect((await t.ssm.send(new DescribeAssociationCommand({ AssociationId: id, AssociationVersion: '$LATEST' }))).AssociationDescription).toEqual(latest);
    const v1 = (await t.ssm.send(new DescribeAssociationCommand({ AssociationId: id, AssociationVersion: '1' }))).AssociationDescription!;
    expect(v1).toMatchObject({ AssociationVersion: '1', Parameters: { commands: ['echo v1'] } });
    await expectError(t.ssm.send(new DescribeAssociationCommand({ AssociationId: id, AssociationVersion: '3' })), 'InvalidAssociationVersion');
  });

  it('a legacy association by document name and node', async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    const created = await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) }));
    const found = await t.ssm.send(new DescribeAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) }));
    expect(found.AssociationDescription?.AssociationId).toBe(created.AssociationDescription?.AssociationId);
  });

  it('errors: unknown id, no identifier, unknown document or node, a targets association by name', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    await shellAssociation(t, ['true']);
    await expectError(t.ssm.send(new DescribeAssociationCommand({ AssociationId: '11111111-2222-3333-4444-555555555555' })), 'AssociationDoesNotExist');
    await expectError(t.ssm.send(new DescribeAssociationCommand({})), 'AssociationDoesNotExist');
    await expectError(t.ssm.send(new DescribeAssociationCommand({ Name: 'No-Such-Doc', InstanceId: iid(1) })), 'InvalidDocument');
    await expectError(t.ssm.send(new DescribeAssociationCommand({ Name: 'AWS-RunShellScript', InstanceId: iid(7) })), 'InvalidInstanceId');
    // Created with Targets: only its id finds it.
    await expectError(t.ssm.send(new DescribeAssociationCommand({ Name: 'AWS-RunShellScript', InstanceId: iid(1) })), 'AssociationDoesNotExist');
  });
});
