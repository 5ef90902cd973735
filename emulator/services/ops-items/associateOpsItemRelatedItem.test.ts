import { describe, expect, it } from 'vitest';
import { AssociateOpsItemRelatedItemCommand, DeleteOpsItemCommand, ListOpsItemRelatedItemsCommand, type AssociateOpsItemRelatedItemCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { createItem } from './testkit.js';

const t = useEmulator();
const INCIDENT = 'arn:aws:ssm-incidents::000000000000:incident-record/Example-Response-Plan/c2bde883-f7d5-343a-b13a-bf5fe9ea689f';
const associate = (input: Partial<AssociateOpsItemRelatedItemCommandInput> & { OpsItemId: string }) =>
  t.ssm.send(new AssociateOpsItemRelatedItemCommand({ AssociationType: 'RelatesTo', ResourceType: 'AWS::SSMIncidents::IncidentRecord', ResourceUri: INCIDENT, ...input }));

describe('AssociateOpsItemRelatedItem', () => {
  it('relates an incident to an OpsItem and answers the association id', async () => {
    const OpsItemId = (await createItem(t.ssm)).OpsItemId!;
    const { AssociationId } = await associate({ OpsItemId });
    expect(AssociationId).toMatch(/^[0-9a-f-]{36}$/);
    const [item] = (await t.ssm.send(new ListOpsItemRelatedItemsCommand({ OpsItemId }))).Summaries!;
    expect(item).toMatchObject({ OpsItemId, AssociationId, AssociationType: 'RelatesTo', ResourceType: 'AWS::SSMIncidents::IncidentRecord', ResourceUri: INCIDENT, CreatedBy: { Arn: 'arn:aws:iam::000000000000:root' } });
    expect(item.CreatedTime!.getTime() / 1000).toBe(TEST_START_SECONDS);
  });

  it('relates a document as IsParentOf', async () => {
    const OpsItemId = (await createItem(t.ssm)).OpsItemId!;
    await associate({ OpsItemId, AssociationType: 'IsParentOf', ResourceType: 'AWS::SSM::Document', ResourceUri: 'arn:aws:ssm:us-east-1:000000000000:document/Runbook' });
  });

  it('refuses the same ARN twice on one OpsItem (OpsItemRelatedItemAlreadyExistsException)', async () => {
    const OpsItemId = (await createItem(t.ssm)).OpsItemId!;
    await associate({ OpsItemId });
    const err = await expectError(associate({ OpsItemId, AssociationType: 'IsParentOf' }), 'OpsItemRelatedItemAlreadyExistsException', /already associated/);
    expect(err).toMatchObject({ ResourceUri: INCIDENT, OpsItemId });
    // Another OpsItem may relate the same resource.
    await associate({ OpsItemId: (await createItem(t.ssm, { Title: 'other' })).OpsItemId! });
  });

  it.each([
    ['an association type OpsCenter does not support', { AssociationType: 'Owns' }, 'AssociationType'],
    ['a resource type OpsCenter does not support', { ResourceType: 'AWS::EC2::Instance' }, 'ResourceType'],
    ['a URI that is not an ARN', { ResourceUri: 'incident-1' }, 'ResourceUri'],
  ])('refuses %s (OpsItemInvalidParameterException)', async (_what, extra, parameter) => {
    const OpsItemId = (await createItem(t.ssm)).OpsItemId!;
    const err = await expectError(associate({ OpsItemId, ...extra }), 'OpsItemInvalidParameterException');
    expect(err.ParameterNames).toEqual([parameter]);
  });

  it('answers OpsItemNotFoundException for an unknown OpsItem and OpsItemConflictException while one is being deleted', async () => {
    await expectError(associate({ OpsItemId: 'oi-0123456789ab' }), 'OpsItemNotFoundException');
    const OpsItemId = (await createItem(t.ssm)).OpsItemId!;
    await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId }));
    await expectError(associate({ OpsItemId }), 'OpsItemConflictException');
  });

  it('allows at most 100 related items per OpsItem (OpsItemLimitExceededException)', async () => {
    const OpsItemId = (await createItem(t.ssm)).OpsItemId!;
    for (let i = 0; i < 100; i++) await associate({ OpsItemId, ResourceUri: `${INCIDENT}-${i}` });
    await expectError(associate({ OpsItemId }), 'OpsItemLimitExceededException', /at most 100/);
  });
});
