import { describe, expect, it } from 'vitest';
import { GetInventorySchemaCommand, ListComplianceItemsCommand, ListInventoryEntriesCommand, PutInventoryCommand, type InventoryItem } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { CAPTURE, customItem, expectError, iid, smallFleet } from './testkit.js';

const t = useEmulator();

const put = (items: InventoryItem[], instanceId = iid(1)) => t.ssm.send(new PutInventoryCommand({ InstanceId: instanceId, Items: items }));
const entries = (typeName: string, instanceId = iid(1)) => t.ssm.send(new ListInventoryEntriesCommand({ InstanceId: instanceId, TypeName: typeName }));

describe('PutInventory', () => {
  it('stores a custom type (the user guide walkthrough) and answers an empty object', async () => {
    await smallFleet(t.http);
    const raw = await t.rpc('PutInventory', { InstanceId: iid(1), Items: [customItem()] });
    expect(raw).toMatchObject({ status: 200, body: {} });
    expect(await entries('Custom:RackInfo')).toMatchObject({
      TypeName: 'Custom:RackInfo',
      InstanceId: iid(1),
      SchemaVersion: '1.0',
      CaptureTime: CAPTURE,
      Entries: [{ RackLocation: 'Bay B/Row C/Rack D/Shelf E' }],
    });
    const schema = await t.ssm.send(new GetInventorySchemaCommand({ TypeName: 'Custom:RackInfo' }));
    expect(schema.Schemas).toEqual([{ TypeName: 'Custom:RackInfo', Version: '1.0', Attributes: [{ Name: 'RackLocation', DataType: 'STRING' }] }]);
  });

  it('replaces a type\'s content, but keeps it when the ContentHash is unchanged (only CaptureTime moves)', async () => {
    await smallFleet(t.http);
    await put([customItem([{ RackLocation: 'A' }], { ContentHash: 'h1' })]);
    await put([customItem([{ RackLocation: 'B' }], { ContentHash: 'h1', CaptureTime: '2025-01-02T00:00:00Z' })]);
    expect(await entries('Custom:RackInfo')).toMatchObject({ CaptureTime: '2025-01-02T00:00:00Z', Entries: [{ RackLocation: 'A' }] });
    // An optimized item (hash only, as the agent sends an unchanged type) refreshes the capture time.
    await put([{ TypeName: 'Custom:RackInfo', SchemaVersion: '1.0', CaptureTime: '2025-01-03T00:00:00Z', ContentHash: 'h1' }]);
    expect(await entries('Custom:RackInfo')).toMatchObject({ CaptureTime: '2025-01-03T00:00:00Z', Entries: [{ RackLocation: 'A' }] });
    await put([customItem([{ RackLocation: 'C' }], { ContentHash: 'h2' })]);
    expect((await entries('Custom:RackInfo')).Entries).toEqual([{ RackLocation: 'C' }]);
  });

  it('a hash without content that does not match the stored one: ItemContentMismatchException', async () => {
    await smallFleet(t.http);
    const optimized = { TypeName: 'Custom:RackInfo', SchemaVersion: '1.0', CaptureTime: CAPTURE, ContentHash: 'h1' };
    await expectError(put([optimized]), 'ItemContentMismatchException');
    await put([customItem([{ RackLocation: 'A' }], { ContentHash: 'h0' })]);
    await expectError(put([optimized]), 'ItemContentMismatchException');
  });

  it('stores AWS:* types with the versions they accept; others are refused', async () => {
    await smallFleet(t.http);
    await put([{ TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: CAPTURE, Content: [{ Name: 'nginx', Version: '1.24.0', Publisher: 'Amazon Linux', Architecture: 'x86_64' }] }]);
    expect((await entries('AWS:Application')).Entries).toEqual([{ Name: 'nginx', Version: '1.24.0', Publisher: 'Amazon Linux', Architecture: 'x86_64' }]);
    await expectError(
      put([{ TypeName: 'AWS:Application', SchemaVersion: '2.0', CaptureTime: CAPTURE, Content: [] }]),
      'UnsupportedInventorySchemaVersionException',
      'Schema version 2.0 of AWS:Application is not supported. Supported versions: 1.0, 1.1.',
    );
    const err = await expectError(put([{ TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: CAPTURE, Content: [{ Name: 'x', Color: 'red' }] }]), 'InvalidItemContentException');
    expect(err.TypeName).toBe('AWS:Application');
  });

  it('unknown and service-maintained types: InvalidTypeNameException', async () => {
    await smallFleet(t.http);
    await expectError(put([{ TypeName: 'AWS:Nothing', SchemaVersion: '1.0', CaptureTime: CAPTURE }]), 'InvalidTypeNameException', 'AWS:Nothing is not a valid inventory type name.');
    await expectError(put([{ TypeName: 'Custom:', SchemaVersion: '1.0', CaptureTime: CAPTURE }]), 'InvalidTypeNameException');
    await expectError(put([{ TypeName: 'AWS:InstanceInformation', SchemaVersion: '1.0', CaptureTime: CAPTURE, Content: [] }]), 'InvalidTypeNameException');
  });

  it('a node that is not managed: InvalidInstanceId', async () => {
    await expectError(put([customItem()], 'i-0123456789abcdef0'), 'InvalidInstanceId');
  });

  it('refuses the whole call when one item is bad', async () => {
    await smallFleet(t.http);
    await expectError(put([customItem(), { TypeName: 'AWS:Nothing', SchemaVersion: '1.0', CaptureTime: CAPTURE }]), 'InvalidTypeNameException');
    expect((await entries('AWS:Application')).Entries).toEqual([]);
    await expectError(entries('Custom:RackInfo'), 'InvalidTypeNameException');
  });

  it('custom attributes must keep their case, and a type has at most 50 of them', async () => {
    await smallFleet(t.http);
    await put([customItem([{ Vendor: 'DELL' }])]);
    await expectError(put([customItem([{ vendor: 'DELL' }])], iid(2)), 'InvalidItemContentException', 'Attribute vendor of Custom:RackInfo differs only in case from the existing attribute Vendor.');
    const wide = (from: number) => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`A${from + i}`, 'x']));
    await put([customItem([wide(0)])]);
    await expectError(put([customItem([wide(30)])]), 'InvalidItemContentException', 'Custom:RackInfo would have more than 50 attributes.');
  });

  it('at most 20 custom types per account and Region: CustomSchemaCountLimitExceededException', async () => {
    await smallFleet(t.http);
    for (let i = 0; i < 20; i += 10) await put(Array.from({ length: 10 }, (_, k) => customItem([{ K: 'v' }], { TypeName: `Custom:T${i + k}` })));
    await expectError(put([customItem([{ K: 'v' }], { TypeName: 'Custom:T20' })]), 'CustomSchemaCountLimitExceededException');
    await put([customItem([{ K: 'w' }], { TypeName: 'Custom:T3' })], iid(2));
  });

  it('size limits: 200 KB per custom item, 1 MB per call', async () => {
    await smallFleet(t.http);
    const big = (n: number) => Array.from({ length: n }, (_, i) => ({ Data: 'x'.repeat(4000), N: String(i) }));
    await expectError(put([customItem(big(60))]), 'ItemSizeLimitExceededException');
    await expectError(
      put([{ TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: CAPTURE, Content: Array.from({ length: 300 }, (_, i) => ({ Name: `p${i}`, Summary: 'y'.repeat(4000) })) }]),
      'TotalSizeLimitExceededException',
    );
  });

  it('Context is for AWS:ComplianceItem only, with its four keys', async () => {
    await smallFleet(t.http);
    await expectError(put([customItem(undefined, { Context: { ComplianceType: 'Custom:X' } })]), 'UnsupportedInventoryItemContextException');
    const ci = (Context: Record<string, string>) => ({ TypeName: 'AWS:ComplianceItem', SchemaVersion: '1.0', CaptureTime: CAPTURE, Content: [{ Id: 'a', Status: 'COMPLIANT', Severity: 'LOW' }], Context });
    await expectError(put([ci({ ComplianceType: 'Custom:X', Colour: 'red' })]), 'InvalidInventoryItemContextException');
    await expectError(put([ci({ ExecutionId: 'e' })]), 'InvalidInventoryItemContextException', 'The Context attribute must contain ComplianceType.');
  });

  it('AWS:ComplianceItem items are compliance (as the agent reports patch compliance)', async () => {
    await smallFleet(t.http);
    await put([
      {
        TypeName: 'AWS:ComplianceItem',
        SchemaVersion: '1.0',
        CaptureTime: '2025-01-01T00:00:00Z',
        Context: { ComplianceType: 'Patch', ExecutionId: 'cmd-1', ExecutionType: 'Command', ExecutionTime: '2024-12-31T23:00:00Z' },
        Content: [
          { Id: 'KB5005565', Title: 'Security update', Status: 'NON_COMPLIANT', Severity: 'CRITICAL', PatchState: 'Missing', PatchBaselineId: 'pb-0123456789abcdef0' },
          { Id: 'KB5006670', Status: 'COMPLIANT', Severity: 'UNSPECIFIED', PatchState: 'Installed' },
        ],
      },
    ]);
    const items = (await t.ssm.send(new ListComplianceItemsCommand({ ResourceIds: [iid(1)], ResourceTypes: ['ManagedInstance'] }))).ComplianceItems!;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      ComplianceType: 'Patch',
      ResourceId: iid(1),
      Id: 'KB5005565',
      Title: 'Security update',
      Status: 'NON_COMPLIANT',
      Severity: 'CRITICAL',
      ExecutionSummary: { ExecutionId: 'cmd-1', ExecutionType: 'Command', ExecutionTime: new Date('2024-12-31T23:00:00Z') },
      Details: { PatchState: 'Missing', PatchBaselineId: 'pb-0123456789abcdef0' },
    });
    // And inventory reads compliance back as AWS:ComplianceItem.
    expect((await entries('AWS:ComplianceItem')).Entries![0]).toMatchObject({ ComplianceType: 'Patch', ExecutionId: 'cmd-1', Id: 'KB5005565', Status: 'NON_COMPLIANT' });
    await expectError(
      put([{ TypeName: 'AWS:ComplianceItem', SchemaVersion: '1.0', CaptureTime: CAPTURE, Context: { ComplianceType: 'Custom:A' }, Content: [{ Id: 'x', Status: 'BROKEN', Severity: 'LOW' }] }]),
      'InvalidItemContentException',
    );
  });

  it('at most 10 custom compliance types per node through AWS:ComplianceItem: SubTypeCountLimitExceededException', async () => {
    await smallFleet(t.http);
    const ci = (n: number): InventoryItem => ({ TypeName: 'AWS:ComplianceItem', SchemaVersion: '1.0', CaptureTime: CAPTURE, Context: { ComplianceType: `Custom:C${n}` }, Content: [{ Id: 'x', Status: 'COMPLIANT', Severity: 'LOW' }] });
    await put(Array.from({ length: 10 }, (_, i) => ci(i)));
    await expectError(put([ci(10)]), 'SubTypeCountLimitExceededException');
  });

  it('a custom item of a version lower than the type\'s is ignored and announced on EventBridge', async () => {
    await smallFleet(t.http);
    await put([customItem([{ RackLocation: 'new' }], { SchemaVersion: '2.0' })]);
    await put([customItem([{ RackLocation: 'old' }], { SchemaVersion: '1.0' })], iid(2));
    expect((await entries('Custom:RackInfo', iid(2))).Entries).toEqual([]);
    const events = (await t.http.get('/_emulator/events?detail-type=Inventory%20Resource%20State%20Change')).body.events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: 'aws.ssm',
      resources: [`arn:aws:ssm:us-east-1:000000000000:managed-instance/${iid(2)}`],
      detail: { 'action-status': 'failed', action: 'put', 'resource-type': 'managed-instance', 'resource-id': iid(2), 'type-name': 'Custom:RackInfo' },
    });
  });

  it('validates the request against the model (at most 30 items)', async () => {
    await smallFleet(t.http);
    await expectError(put(Array.from({ length: 31 }, () => customItem())), 'ValidationException', /Member must have length less than or equal to 30/);
  });
});
