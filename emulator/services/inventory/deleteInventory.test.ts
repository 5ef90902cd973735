import { describe, expect, it } from 'vitest';
import { DeleteInventoryCommand, DescribeInventoryDeletionsCommand, GetInventorySchemaCommand, ListInventoryEntriesCommand, PutInventoryCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { customItem, expectError, iid, smallFleet } from './testkit.js';

const t = useEmulator();

const TOKEN = '11111111-2222-3333-4444-555555555555';

/** The guide's example: items of version 1.0 on nodes 1 and 2, of version 2.0 on node 3. */
async function rackSpace() {
  await smallFleet(t.http);
  await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(1), Items: [customItem(undefined, { TypeName: 'Custom:RackSpace' })] }));
  await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(2), Items: [customItem(undefined, { TypeName: 'Custom:RackSpace' })] }));
  await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(3), Items: [customItem(undefined, { TypeName: 'Custom:RackSpace', SchemaVersion: '2.0' })] }));
}

const SUMMARY = {
  TotalCount: 3,
  RemainingCount: 3,
  SummaryItems: [
    { Version: '1.0', Count: 2, RemainingCount: 2 },
    { Version: '2.0', Count: 1, RemainingCount: 1 },
  ],
};

const entries = (id: string) => t.ssm.send(new ListInventoryEntriesCommand({ InstanceId: id, TypeName: 'Custom:RackSpace' }));

describe('DeleteInventory', () => {
  it('DryRun answers the summary by version and deletes nothing', async () => {
    await rackSpace();
    const out = await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace', DryRun: true }));
    expect(out).toMatchObject({ TypeName: 'Custom:RackSpace', DeletionSummary: SUMMARY });
    expect(out.DeletionId).toBeUndefined();
    expect((await t.ssm.send(new DescribeInventoryDeletionsCommand({}))).InventoryDeletions).toEqual([]);
  });

  it('deletes the data when the deletion completes, 5 minutes later, and tells EventBridge', async () => {
    await rackSpace();
    const out = await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace' }));
    expect(out.DeletionId).toMatch(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
    expect(out.DeletionSummary).toEqual(SUMMARY);
    const inProgress = (await t.ssm.send(new DescribeInventoryDeletionsCommand({ DeletionId: out.DeletionId }))).InventoryDeletions![0];
    expect(inProgress).toMatchObject({ LastStatus: 'InProgress', LastStatusMessage: 'The Delete is in progress', DeletionSummary: SUMMARY });
    expect((await entries(iid(1))).Entries).toHaveLength(1);

    await t.advance(300);
    const done = (await t.ssm.send(new DescribeInventoryDeletionsCommand({ DeletionId: out.DeletionId }))).InventoryDeletions![0];
    expect(done).toMatchObject({
      TypeName: 'Custom:RackSpace',
      LastStatus: 'Complete',
      LastStatusMessage: 'Deletion is successful',
      DeletionSummary: { TotalCount: 3, RemainingCount: 0, SummaryItems: [{ Version: '1.0', Count: 2, RemainingCount: 0 }, { Version: '2.0', Count: 1, RemainingCount: 0 }] },
    });
    expect(done.LastStatusUpdateTime!.getTime() - done.DeletionStartTime!.getTime()).toBe(300_000);
    expect((await entries(iid(1))).Entries).toEqual([]);
    // Without a schema option the type itself stays.
    expect((await t.ssm.send(new GetInventorySchemaCommand({ TypeName: 'Custom:RackSpace' }))).Schemas).toHaveLength(1);

    const events = (await t.http.get('/_emulator/events?detail-type=Inventory%20Resource%20State%20Change')).body.events;
    expect(events.map((e: any) => [e.detail.action, e.detail['resource-id']])).toEqual([
      ['delete', iid(1)],
      ['delete', iid(2)],
      ['delete', iid(3)],
      ['delete-summary', ''],
    ]);
    expect(events[3].detail['action-reason']).toBe(
      'The delete for type name Custom:RackSpace was completed. The deletion summary is: {"totalCount":3,"remainingCount":0,"summaryItems":[{"version":"1.0","count":2,"remainingCount":0},{"version":"2.0","count":1,"remainingCount":0}]}',
    );
  });

  it('DisableSchema: items of the turned-off version or lower are ignored until a higher one comes', async () => {
    await rackSpace();
    await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace', SchemaDeleteOption: 'DisableSchema' }));
    await t.advance(300);
    await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(1), Items: [customItem(undefined, { TypeName: 'Custom:RackSpace', SchemaVersion: '2.0' })] }));
    expect((await entries(iid(1))).Entries).toEqual([]);
    const refused = (await t.http.get('/_emulator/events?detail-type=Inventory%20Resource%20State%20Change')).body.events.at(-1);
    expect(refused.detail).toMatchObject({
      action: 'put',
      'action-status': 'failed',
      'action-reason': 'The inventory item with type name Custom:RackSpace was sent with a disabled schema verison 2.0. You must send a version greater than 2.0',
    });
    await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(1), Items: [customItem(undefined, { TypeName: 'Custom:RackSpace', SchemaVersion: '2.1' })] }));
    expect((await entries(iid(1))).Entries).toHaveLength(1);
  });

  it('DeleteSchema removes the type when the deletion completes', async () => {
    await rackSpace();
    await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace', SchemaDeleteOption: 'DeleteSchema' }));
    expect((await t.ssm.send(new GetInventorySchemaCommand({ TypeName: 'Custom:RackSpace' }))).Schemas).toHaveLength(1);
    await t.advance(300);
    await expectError(t.ssm.send(new GetInventorySchemaCommand({ TypeName: 'Custom:RackSpace' })), 'InvalidTypeNameException');
    await expectError(entries(iid(1)), 'InvalidTypeNameException');
  });

  it('ClientToken: a retry answers the same deletion; a different request with it is refused', async () => {
    await rackSpace();
    const a = await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace', ClientToken: TOKEN }));
    const b = await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace', ClientToken: TOKEN }));
    expect(b.DeletionId).toBe(a.DeletionId);
    await expectError(t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace', ClientToken: TOKEN, SchemaDeleteOption: 'DeleteSchema' })), 'InvalidDeleteInventoryParametersException');
  });

  it('errors: AWS types and unknown types, a deletion already in progress', async () => {
    await rackSpace();
    await expectError(t.ssm.send(new DeleteInventoryCommand({ TypeName: 'AWS:Application' })), 'InvalidTypeNameException', 'AWS:Application is not a custom inventory type. Only custom inventory types can be deleted.');
    await expectError(t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:Nothing' })), 'InvalidTypeNameException');
    await t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace' }));
    await expectError(t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace' })), 'InvalidInventoryRequestException');
    await expectError(t.ssm.send(new DeleteInventoryCommand({ TypeName: 'Custom:RackSpace', SchemaDeleteOption: 'Purge' as any })), 'ValidationException');
  });
});
