import { describe, expect, it } from 'vitest';
import { AssociateOpsItemRelatedItemCommand, ListOpsItemRelatedItemsCommand, type OpsItemRelatedItemsFilter } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { createItem } from './testkit.js';

const t = useEmulator();
const DOC = 'arn:aws:ssm:us-east-1:000000000000:document/Doc';
const INCIDENT = 'arn:aws:ssm-incidents::000000000000:incident-record/plan/1';

async function seed() {
  const a = (await createItem(t.ssm)).OpsItemId!;
  const b = (await createItem(t.ssm, { Title: 'b' })).OpsItemId!;
  const relate = async (OpsItemId: string, ResourceType: string, ResourceUri: string) =>
    (await t.ssm.send(new AssociateOpsItemRelatedItemCommand({ OpsItemId, AssociationType: 'RelatesTo', ResourceType, ResourceUri }))).AssociationId!;
  return { a, b, doc: await relate(a, 'AWS::SSM::Document', DOC), incident: await relate(a, 'AWS::SSMIncidents::IncidentRecord', INCIDENT), other: await relate(b, 'AWS::SSM::Document', DOC) };
}
const list = (input: { OpsItemId?: string; Filters?: OpsItemRelatedItemsFilter[]; MaxResults?: number; NextToken?: string } = {}) =>
  t.ssm.send(new ListOpsItemRelatedItemsCommand(input));

describe('ListOpsItemRelatedItems', () => {
  it("lists an OpsItem's related items in the order they were made, or every OpsItem's without an id", async () => {
    const s = await seed();
    expect((await list({ OpsItemId: s.a })).Summaries!.map((r) => r.AssociationId)).toEqual([s.doc, s.incident]);
    expect((await list()).Summaries!.map((r) => r.AssociationId)).toEqual([s.doc, s.incident, s.other]);
  });

  it.each([
    [{ Key: 'ResourceType', Values: ['AWS::SSM::Document'], Operator: 'Equal' }, ['doc', 'other']],
    [{ Key: 'ResourceUri', Values: [INCIDENT], Operator: 'Equal' }, ['incident']],
  ] as const)('filters by %j', async (filter, expected) => {
    const s = await seed();
    const got = (await list({ Filters: [{ ...filter, Values: [...filter.Values] }] })).Summaries!.map((r) => r.AssociationId);
    expect(got).toEqual(expected.map((k) => s[k]));
    expect((await list({ Filters: [{ Key: 'AssociationId', Values: [s.incident], Operator: 'Equal' }] })).Summaries!.map((r) => r.AssociationId)).toEqual([s.incident]);
  });

  it('lists nothing for an OpsItem without related items, or that does not exist', async () => {
    await seed();
    expect((await list({ OpsItemId: 'oi-0123456789ab' })).Summaries).toEqual([]);
  });

  it('pages, and refuses a foreign token or an empty filter with OpsItemInvalidParameterException', async () => {
    await seed();
    const first = await list({ MaxResults: 2 });
    expect(first.Summaries).toHaveLength(2);
    expect((await list({ MaxResults: 2, NextToken: first.NextToken })).Summaries).toHaveLength(1);
    await expectError(list({ NextToken: 'x' }), 'OpsItemInvalidParameterException');
    await expectError(list({ Filters: [{ Key: 'ResourceUri', Values: [], Operator: 'Equal' }] }), 'OpsItemInvalidParameterException', /at least one value/);
  });
});
