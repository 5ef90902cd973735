import { describe, expect, it } from 'vitest';
import { ListInventoryEntriesCommand, PutComplianceItemsCommand, PutInventoryCommand, type ListInventoryEntriesCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { CAPTURE, customItem, expectError, iid, smallFleet } from './testkit.js';

const t = useEmulator();

const list = (input: Partial<ListInventoryEntriesCommandInput> = {}) =>
  t.ssm.send(new ListInventoryEntriesCommand({ InstanceId: iid(1), TypeName: 'AWS:Application', ...input }));

async function withApps(n = 5) {
  await smallFleet(t.http);
  await t.ssm.send(
    new PutInventoryCommand({
      InstanceId: iid(1),
      Items: [{ TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: CAPTURE, Content: Array.from({ length: n }, (_, i) => ({ Name: `app${i}`, Version: `${i}.0`, Publisher: i % 2 ? 'odd' : 'even' })) }],
    }),
  );
}

describe('ListInventoryEntries', () => {
  it('lists a node\'s entries of one type with the item\'s version and capture time', async () => {
    await withApps(3);
    const out = await list();
    expect(out).toMatchObject({ TypeName: 'AWS:Application', InstanceId: iid(1), SchemaVersion: '1.1', CaptureTime: CAPTURE });
    expect(out.Entries!.map((e) => e.Name)).toEqual(['app0', 'app1', 'app2']);
  });

  it('answers no entries (and no version) for a type the node has not reported', async () => {
    await withApps();
    const out = await list({ InstanceId: iid(2) });
    expect(out.Entries).toEqual([]);
    expect(out.SchemaVersion).toBeUndefined();
  });

  it('filters entries by attribute (TypeName.Attribute or the bare attribute)', async () => {
    await withApps();
    expect((await list({ Filters: [{ Key: 'AWS:Application.Publisher', Values: ['odd'] }] })).Entries!.map((e) => e.Name)).toEqual(['app1', 'app3']);
    expect((await list({ Filters: [{ Key: 'Name', Values: ['app4'], Type: 'NotEqual' }] })).Entries).toHaveLength(4);
    expect((await list({ Filters: [{ Key: 'Version', Values: ['2.0'], Type: 'GreaterThan' }] })).Entries!.map((e) => e.Name)).toEqual(['app3', 'app4']);
    await expectError(list({ Filters: [{ Key: 'AWS:Network.Name', Values: ['eth0'] }] }), 'InvalidFilter');
    await expectError(list({ Filters: [{ Key: 'Colour', Values: ['red'] }] }), 'InvalidFilter');
  });

  it('pages', async () => {
    await withApps(5);
    const first = await list({ MaxResults: 2 });
    expect(first.Entries!.map((e) => e.Name)).toEqual(['app0', 'app1']);
    const second = await list({ MaxResults: 2, NextToken: first.NextToken });
    const third = await list({ MaxResults: 2, NextToken: second.NextToken });
    expect([...second.Entries!, ...third.Entries!].map((e) => e.Name)).toEqual(['app2', 'app3', 'app4']);
    expect(third.NextToken).toBeUndefined();
    await expectError(list({ NextToken: 'bogus' }), 'InvalidNextToken');
  });

  it('derived types: AWS:InstanceInformation and compliance as AWS:ComplianceItem / AWS:ComplianceSummary', async () => {
    await smallFleet(t.http);
    expect((await list({ TypeName: 'AWS:InstanceInformation' })).Entries).toEqual([expect.objectContaining({ InstanceId: iid(1), PlatformName: 'Amazon Linux' })]);
    await t.ssm.send(
      new PutComplianceItemsCommand({
        ResourceId: iid(1),
        ResourceType: 'ManagedInstance',
        ComplianceType: 'Custom:Antivirus',
        ExecutionSummary: { ExecutionTime: new Date('2025-01-01T00:00:00Z'), ExecutionId: 'scan-1' },
        Items: [{ Id: 'defs', Title: 'Definitions current', Severity: 'HIGH', Status: 'NON_COMPLIANT', Details: { Engine: '1.2' } }],
      }),
    );
    expect((await list({ TypeName: 'AWS:ComplianceItem' })).Entries).toEqual([
      { ComplianceType: 'Custom:Antivirus', ExecutionTime: '2025-01-01T00:00:00Z', ExecutionId: 'scan-1', Id: 'defs', Title: 'Definitions current', Status: 'NON_COMPLIANT', Severity: 'HIGH', Engine: '1.2' },
    ]);
    expect((await list({ TypeName: 'AWS:ComplianceSummary' })).Entries![0]).toMatchObject({
      ComplianceType: 'Custom:Antivirus',
      Status: 'NON_COMPLIANT',
      OverallSeverity: 'HIGH',
      NonCompliantHighCount: '1',
      CompliantHighCount: '0',
    });
  });

  it('errors: unknown node, unknown type', async () => {
    await withApps();
    await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(1), Items: [customItem()] }));
    await expectError(list({ InstanceId: 'i-0123456789abcdef0' }), 'InvalidInstanceId');
    await expectError(list({ TypeName: 'Custom:Unknown' }), 'InvalidTypeNameException');
    expect((await list({ TypeName: 'Custom:RackInfo' })).Entries).toHaveLength(1);
  });
});
