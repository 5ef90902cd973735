import { describe, expect, it } from 'vitest';
import { GetInventorySchemaCommand, PutInventoryCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { customItem, expectError, iid, smallFleet } from './testkit.js';

const t = useEmulator();

describe('GetInventorySchema', () => {
  it('lists every AWS:* type by name, with attributes typed STRING / NUMBER', async () => {
    const out = await t.ssm.send(new GetInventorySchemaCommand({}));
    const names = out.Schemas!.map((s) => s.TypeName);
    expect(names).toEqual([...names].sort());
    expect(names.slice(0, 2)).toEqual(['AWS:AWSComponent', 'AWS:Application']);
    for (const n of ['AWS:InstanceInformation', 'AWS:Network', 'AWS:Service', 'AWS:WindowsUpdate', 'AWS:InstanceDetailedInformation', 'AWS:Tag', 'AWS:File', 'AWS:WindowsRegistry', 'AWS:WindowsRole', 'AWS:BillingInfo', 'AWS:PatchSummary']) {
      expect(names).toContain(n);
    }
    expect(names).not.toContain('AWS:ComplianceItem');
    const app = out.Schemas!.find((s) => s.TypeName === 'AWS:Application')!;
    expect(app.Version).toBe('1.1');
    expect(app.Attributes![0]).toEqual({ Name: 'Name', DataType: 'STRING' });
    expect(app.DisplayName).toBeUndefined();
    const detailed = out.Schemas!.find((s) => s.TypeName === 'AWS:InstanceDetailedInformation')!;
    expect(detailed.Attributes).toContainEqual({ Name: 'CPUCores', DataType: 'NUMBER' });
  });

  it('includes the account\'s custom types; TypeName names one type', async () => {
    await smallFleet(t.http);
    await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(1), Items: [customItem([{ RackLocation: 'a', Zone: 'z1' }])] }));
    await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(2), Items: [customItem([{ Owner: 'ops' }], { SchemaVersion: '1.1' })] }));
    const all = await t.ssm.send(new GetInventorySchemaCommand({}));
    expect(all.Schemas!.map((s) => s.TypeName)).toContain('Custom:RackInfo');
    const one = await t.ssm.send(new GetInventorySchemaCommand({ TypeName: 'Custom:RackInfo' }));
    expect(one.Schemas).toEqual([
      { TypeName: 'Custom:RackInfo', Version: '1.1', Attributes: ['RackLocation', 'Zone', 'Owner'].map((Name) => ({ Name, DataType: 'STRING' })) },
    ]);
    expect((await t.ssm.send(new GetInventorySchemaCommand({ TypeName: 'AWS:Tag' }))).Schemas).toEqual([
      { TypeName: 'AWS:Tag', Version: '1.0', Attributes: [{ Name: 'Key', DataType: 'STRING' }, { Name: 'Value', DataType: 'STRING' }] },
    ]);
  });

  it('Aggregator: the aggregatable types, with their display names and attributes', async () => {
    const out = await t.ssm.send(new GetInventorySchemaCommand({ Aggregator: true }));
    expect(out.Schemas!.map((s) => [s.TypeName, s.DisplayName])).toEqual([
      ['AWS:Application', 'Application'],
      ['AWS:InstanceInformation', 'Platform'],
      ['AWS:ResourceGroup', 'ResourceGroup'],
      ['AWS:Service', 'Service'],
      ['AWS:WindowsRole', 'WindowsRole'],
    ]);
    expect(out.Schemas![1].Attributes!.map((a) => a.Name)).toEqual(['PlatformName', 'PlatformType', 'PlatformVersion']);
  });

  it('SubType: the sub-type schemas', async () => {
    const out = await t.ssm.send(new GetInventorySchemaCommand({ SubType: true }));
    expect(out.Schemas!.map((s) => s.TypeName)).toEqual(['AWS:ComplianceItem', 'AWS:ComplianceSummary']);
    const named = await t.ssm.send(new GetInventorySchemaCommand({ TypeName: 'AWS:ComplianceItem' }));
    expect(named.Schemas!.map((s) => s.TypeName)).toEqual(['AWS:ComplianceItem']);
  });

  it('errors: an unknown type name, a foreign token, MaxResults below 50', async () => {
    await expectError(t.ssm.send(new GetInventorySchemaCommand({ TypeName: 'Custom:Nothing' })), 'InvalidTypeNameException');
    await expectError(t.ssm.send(new GetInventorySchemaCommand({ NextToken: 'x' })), 'InvalidNextToken');
    await expectError(t.ssm.send(new GetInventorySchemaCommand({ MaxResults: 10 })), 'ValidationException');
  });
});
