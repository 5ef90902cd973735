import { describe, expect, it } from 'vitest';
import { AssociateOpsItemRelatedItemCommand, DisassociateOpsItemRelatedItemCommand, ListOpsItemRelatedItemsCommand, DeleteOpsItemCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { createItem } from './testkit.js';

const t = useEmulator();
const relate = async (OpsItemId: string, ResourceUri = 'arn:aws:ssm:us-east-1:000000000000:document/Doc') =>
  (await t.ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId, AssociationType: 'RelatesTo', ResourceType: 'AWS::SSM::Document', ResourceUri }))).AssociationId!;

describe('DisassociateOpsItemRelatedItem', () => {
  it('removes the association', async () => {
    const OpsItemId = (await createItem(t.ssm)).OpsItemId!;
    const AssociationId = await relate(OpsItemId);
    const kept = await relate(OpsItemId, 'arn:aws:ssm:us-east-1:000000000000:document/Other');
    await t.ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId, AssociationId }));
    expect((await t.ssm.send(new ListOpsItemRelatedItemsCommand({ OpsItemId }))).Summaries!.map((s) => s.AssociationId)).toEqual([kept]);
    // The ARN can be related again.
    await relate(OpsItemId);
  });

  it('answers OpsItemRelatedItemAssociationNotFoundException for an unknown association, or one of another OpsItem', async () => {
    const a = (await createItem(t.ssm)).OpsItemId!;
    const b = (await createItem(t.ssm, { Title: 'b' })).OpsItemId!;
    const AssociationId = await relate(a);
    await expectError(t.ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId: b, AssociationId })), 'OpsItemRelatedItemAssociationNotFoundException', /wasn't found/);
    await expectError(t.ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId: a, AssociationId: 'nope' })), 'OpsItemRelatedItemAssociationNotFoundException');
  });

  it('answers OpsItemNotFoundException for an unknown OpsItem, OpsItemConflictException while it is being deleted', async () => {
    await expectError(t.ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId: 'oi-0123456789ab', AssociationId: 'x' })), 'OpsItemNotFoundException');
    const OpsItemId = (await createItem(t.ssm)).OpsItemId!;
    const AssociationId = await relate(OpsItemId);
    await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId }));
    await expectError(t.ssm.send(new DisassociateOpsItemRelatedItemCommand({ OpsItemId, AssociationId })), 'OpsItemConflictException');
  });
});
