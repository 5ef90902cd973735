import { describe, expect, it } from 'vitest';
import { GetOpsItemCommand, UpdateOpsItemCommand, type UpdateOpsItemCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { ADMIN, createItem, dedup, OWNER, shareOpsItems } from './testkit.js';

const t = useEmulator();
const update = (input: UpdateOpsItemCommandInput, client = t.ssm) => client.send(new UpdateOpsItemCommand(input));
const get = (OpsItemId: string, client = t.ssm) => client.send(new GetOpsItemCommand({ OpsItemId })).then((o) => o.OpsItem!);

describe('UpdateOpsItem', () => {
  it('edits the fields it is given, bumps the version and records who and when', async () => {
    const { OpsItemId } = await createItem(t.ssm, { Priority: 3 });
    await t.advance(60);
    const edits = {
      Title: 'Disk full on web-1',
      Description: 'Primary OpsItem for failover event',
      Priority: 2,
      Category: 'Security',
      Severity: '1',
      Status: 'InProgress' as const,
      Notifications: [{ Arn: 'arn:aws:sns:us-east-1:000000000000:topic' }],
    };
    const out = await update({ OpsItemId, ...edits });
    expect(Object.keys(out).filter((k) => k !== '$metadata')).toEqual([]);
    const item = await get(OpsItemId!);
    expect(item).toMatchObject({ ...edits, Version: '2', Source: 'EC2' });
    expect(item.LastModifiedTime!.getTime() / 1000).toBe(TEST_START_SECONDS + 60);
    expect(item.CreatedTime!.getTime() / 1000).toBe(TEST_START_SECONDS);
    await update({ OpsItemId, Status: 'Resolved' });
    expect(await get(OpsItemId!)).toMatchObject({ Status: 'Resolved', Version: '3', Priority: 2 });
  });

  it('merges operational data, and deletes the keys in OperationalDataToDelete', async () => {
    const { OpsItemId } = await createItem(t.ssm, { OperationalData: { a: { Value: '1', Type: 'String' }, b: { Value: '2', Type: 'SearchableString' } } });
    await update({ OpsItemId, OperationalData: { b: { Value: '20', Type: 'SearchableString' }, c: { Value: '3' } }, OperationalDataToDelete: ['a'] });
    expect((await get(OpsItemId!)).OperationalData).toEqual({ b: { Value: '20', Type: 'SearchableString' }, c: { Value: '3' } });
  });

  it('relates OpsItems, and refuses relating one to itself or to one that does not exist', async () => {
    const a = (await createItem(t.ssm)).OpsItemId!;
    const b = (await createItem(t.ssm, { Title: 'b' })).OpsItemId!;
    await update({ OpsItemId: a, RelatedOpsItems: [{ OpsItemId: b }] });
    expect((await get(a)).RelatedOpsItems).toEqual([{ OpsItemId: b }]);
    await expectError(update({ OpsItemId: a, RelatedOpsItems: [{ OpsItemId: a }] }), 'OpsItemInvalidParameterException', /itself/);
    await expectError(update({ OpsItemId: a, RelatedOpsItems: [{ OpsItemId: 'oi-000000000000' }] }), 'OpsItemInvalidParameterException');
  });

  it("takes only its type's statuses: Open, InProgress, Resolved for issues; the workflow statuses for change requests", async () => {
    const issue = (await createItem(t.ssm)).OpsItemId!;
    const err = await expectError(update({ OpsItemId: issue, Status: 'Approved' }), 'OpsItemInvalidParameterException', /isn't valid for an OpsItem of type \/aws\/issue/);
    expect(err.ParameterNames).toEqual(['Status']);
    const change = (await createItem(t.ssm, { OpsItemType: '/aws/changerequest' })).OpsItemId!;
    for (const Status of ['PendingApproval', 'Approved', 'RunbookInProgress', 'CompletedWithSuccess'] as const) await update({ OpsItemId: change, Status });
    expect((await get(change)).Status).toBe('CompletedWithSuccess');
  });

  it("can't change or remove the dedup string", async () => {
    const { OpsItemId } = await createItem(t.ssm, { OperationalData: dedup('disk') });
    await expectError(update({ OpsItemId, OperationalDataToDelete: ['/aws/dedup'] }), 'OpsItemInvalidParameterException', /deduplication string/);
    await expectError(update({ OpsItemId, OperationalData: dedup('other') }), 'OpsItemInvalidParameterException', /deduplication string/);
    await update({ OpsItemId, OperationalData: dedup('disk') });
    expect((await get(OpsItemId!)).Version).toBe('2');
  });

  it('checks operational data as CreateOpsItem does, and changes nothing when a check fails', async () => {
    const { OpsItemId } = await createItem(t.ssm);
    await expectError(update({ OpsItemId, Title: 'new', OperationalData: { 'amazon-x': { Value: 'v' } } }), 'OpsItemInvalidParameterException', /reserved/);
    await expectError(update({ OpsItemId, Notifications: [{ Arn: 'arn:aws:sns:eu-west-1:000000000000:t' }] }), 'OpsItemInvalidParameterException');
    expect(await get(OpsItemId!)).toMatchObject({ Title: 'Disk full', Version: '1' });
  });

  it('answers OpsItemNotFoundException for an unknown id, and OpsItemConflictException while one is being deleted', async () => {
    await expectError(update({ OpsItemId: 'oi-0123456789ab', Title: 'x' }), 'OpsItemNotFoundException');
    const { OpsItemId } = await createItem(t.ssm);
    await t.rpc('DeleteOpsItem', { OpsItemId });
    await expectError(update({ OpsItemId, Title: 'x' }), 'OpsItemConflictException', /in the process of being deleted/);
    await t.advance(300);
    await expectError(update({ OpsItemId, Title: 'x' }), 'OpsItemNotFoundException');
  });

  it("edits another account's OpsItem by ARN when its OpsItemGroup policy allows ssm:UpdateOpsItem", async () => {
    const owner = t.client({ account: OWNER });
    const admin = t.client({ account: ADMIN });
    const { OpsItemId, OpsItemArn } = await createItem(owner);
    await expectError(update({ OpsItemId, OpsItemArn, Status: 'InProgress' }, admin), 'OpsItemAccessDeniedException');
    await shareOpsItems(owner, OWNER, ADMIN, ['ssm:UpdateOpsItem']);
    await update({ OpsItemId, OpsItemArn, Status: 'InProgress' }, admin);
    expect(await get(OpsItemId!, owner)).toMatchObject({ Status: 'InProgress', LastModifiedBy: `arn:aws:iam::${ADMIN}:root` });
  });
});
