import { describe, expect, it } from 'vitest';
import { AssociateOpsItemRelatedItemCommand, DeleteOpsItemCommand, DescribeOpsItemsCommand, GetOpsItemCommand, ListOpsItemEventsCommand, ListOpsItemRelatedItemsCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { createItem, dedup } from './testkit.js';

const t = useEmulator();

describe('DeleteOpsItem', () => {
  it('removes the OpsItem with its timeline and related items', async () => {
    const { OpsItemId } = await createItem(t.ssm);
    const kept = (await createItem(t.ssm, { Title: 'kept' })).OpsItemId;
    await t.ssm.send(
      new AssociateOpsItemRelatedItemCommand({ OpsItemId, AssociationType: 'RelatesTo', ResourceType: 'AWS::SSM::Document', ResourceUri: 'arn:aws:ssm:us-east-1:000000000000:document/d' }),
    );
    await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId }));
    await expectError(t.ssm.send(new GetOpsItemCommand({ OpsItemId })), 'OpsItemNotFoundException');
    expect((await t.ssm.send(new DescribeOpsItemsCommand({}))).OpsItemSummaries!.map((s) => s.OpsItemId)).toEqual([kept]);
    expect((await t.ssm.send(new ListOpsItemEventsCommand({}))).Summaries!.map((e) => e.OpsItemId)).toEqual([kept]);
    expect((await t.ssm.send(new ListOpsItemRelatedItemsCommand({}))).Summaries).toEqual([]);
  });

  it('is idempotent: deleting again, or an id that never existed, succeeds', async () => {
    const { OpsItemId } = await createItem(t.ssm);
    await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId }));
    await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId }));
    await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId: 'oi-0123456789ab' }));
  });

  it('frees its dedup string', async () => {
    const { OpsItemId } = await createItem(t.ssm, { OperationalData: dedup('d') });
    await t.ssm.send(new DeleteOpsItemCommand({ OpsItemId }));
    expect((await createItem(t.ssm, { OperationalData: dedup('d') })).OpsItemId).not.toBe(OpsItemId);
  });

  it('refuses a malformed id as the model does', async () => {
    await expectError(t.ssm.send(new DeleteOpsItemCommand({ OpsItemId: 'i-0123' })), 'ValidationException', /opsItemId/);
  });
});
