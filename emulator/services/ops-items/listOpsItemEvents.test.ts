import { describe, expect, it } from 'vitest';
import { AssociateOpsItemRelatedItemCommand, ListOpsItemEventsCommand, UpdateOpsItemCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { createItem } from './testkit.js';

const t = useEmulator();
const events = (OpsItemId?: string) =>
  t.ssm.send(new ListOpsItemEventsCommand(OpsItemId ? { Filters: [{ Key: 'OpsItemId', Values: [OpsItemId], Operator: 'Equal' }] } : {})).then((o) => o.Summaries!);

describe('ListOpsItemEvents', () => {
  it("records an OpsItem's creation, edits and related items, newest first", async () => {
    const { OpsItemId } = await createItem(t.ssm);
    await t.advance(10);
    await t.ssm.send(new UpdateOpsItemCommand({ OpsItemId, Status: 'InProgress', Priority: 1 }));
    await t.advance(10);
    await t.ssm.send(
      new AssociateOpsItemRelatedItemCommand({ OpsItemId, AssociationType: 'IsParentOf', ResourceType: 'AWS::SSMIncidents::IncidentRecord', ResourceUri: 'arn:aws:ssm-incidents::000000000000:incident-record/plan/1' }),
    );
    const list = await events(OpsItemId);
    expect(list.map((e) => e.DetailType)).toEqual(['OpsItem Related Item Associated', 'OpsItem Update', 'OpsItem Create']);
    expect(list[2]).toMatchObject({ OpsItemId, Source: 'aws.ssm', CreatedBy: { Arn: 'arn:aws:iam::000000000000:root' } });
    expect(list[2].EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(list[2].CreatedTime!.getTime() / 1000).toBe(TEST_START_SECONDS);
    expect(JSON.parse(list[1].Detail!)).toMatchObject({ ChangedFields: ['Status', 'Priority'], Status: 'InProgress', Version: '2' });
    expect(JSON.parse(list[0].Detail!)).toMatchObject({ AssociationType: 'IsParentOf', ResourceUri: 'arn:aws:ssm-incidents::000000000000:incident-record/plan/1' });
  });

  it('lists every OpsItem of the account without a filter, and one with it', async () => {
    const a = (await createItem(t.ssm)).OpsItemId!;
    const b = (await createItem(t.ssm, { Title: 'b' })).OpsItemId!;
    expect((await events()).map((e) => e.OpsItemId)).toEqual([b, a]);
    expect((await events(a)).map((e) => e.OpsItemId)).toEqual([a]);
  });

  it('answers OpsItemNotFoundException for a filter naming an unknown OpsItem', async () => {
    await expectError(events('oi-0123456789ab'), 'OpsItemNotFoundException');
  });

  it('pages, and refuses a token it did not issue with OpsItemInvalidParameterException', async () => {
    for (let i = 0; i < 3; i++) await createItem(t.ssm, { Title: `t${i}` });
    const first = await t.ssm.send(new ListOpsItemEventsCommand({ MaxResults: 2 }));
    expect(first.Summaries).toHaveLength(2);
    const second = await t.ssm.send(new ListOpsItemEventsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.Summaries).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    await expectError(t.ssm.send(new ListOpsItemEventsCommand({ NextToken: 'nope' })), 'OpsItemInvalidParameterException', /NextToken/);
  });

  it('refuses filter keys and operators the model does not list', async () => {
    await expectError(t.ssm.send(new ListOpsItemEventsCommand({ Filters: [{ Key: 'Status' as 'OpsItemId', Values: ['x'], Operator: 'Equal' }] })), 'ValidationException');
  });
});
