import { describe as group, expect, it } from 'vitest';
import { CreateAssociationCommand, UpdateAssociationStatusCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, iid, shellAssociation } from './testkit.js';

const t = useEmulator();

group('UpdateAssociationStatus', () => {
  it("sets a legacy association's status (its Date to the second)", async () => {
    await addNode(t.http, { InstanceId: iid(1) });
    await t.ssm.send(new CreateAssociationCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1) }));
    await t.advance(60);
    const out = await t.ssm.send(
      new UpdateAssociationStatusCommand({
        Name: 'AWS-UpdateSSMAgent',
        InstanceId: iid(1),
        AssociationStatus: { Date: new Date(1424421071939), Name: 'Pending', Message: 'temp_status_change', AdditionalInfo: 'Additional-Config-Needed' },
      }),
    );
    expect(out.AssociationDescription).toMatchObject({
      InstanceId: iid(1),
      Status: { Name: 'Pending', Message: 'temp_status_change', AdditionalInfo: 'Additional-Config-Needed' },
    });
    expect(out.AssociationDescription!.Status!.Date!.getTime()).toBe(1424421071000);
    expect(out.AssociationDescription!.LastUpdateAssociationDate!.getTime()).toBe(Date.UTC(2025, 0, 1, 0, 1));
    await expectError(
      t.ssm.send(new UpdateAssociationStatusCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(1), AssociationStatus: { Date: new Date(), Name: 'Pending', Message: 'again' } })),
      'StatusUnchanged',
    );
  });

  it('errors: unknown node or document, no legacy association', async () => {
    await addNode(t.http, { InstanceId: iid(1), Tags: { Role: 'web' } });
    await shellAssociation(t, ['true']);
    const status = { Date: new Date(), Name: 'Success' as const, Message: 'done' };
    await expectError(t.ssm.send(new UpdateAssociationStatusCommand({ Name: 'AWS-UpdateSSMAgent', InstanceId: iid(9), AssociationStatus: status })), 'InvalidInstanceId');
    await expectError(t.ssm.send(new UpdateAssociationStatusCommand({ Name: 'No-Such-Doc', InstanceId: iid(1), AssociationStatus: status })), 'InvalidDocument');
    await expectError(t.ssm.send(new UpdateAssociationStatusCommand({ Name: 'AWS-RunShellScript', InstanceId: iid(1), AssociationStatus: status })), 'AssociationDoesNotExist');
  });
});
