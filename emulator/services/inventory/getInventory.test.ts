import { describe, expect, it } from 'vitest';
import { GetInventoryCommand, PutInventoryCommand, type GetInventoryCommandInput, type InventoryFilter } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { CAPTURE, addNode, customItem, expectError, iid, smallFleet } from './testkit.js';

const t = useEmulator();

const get = (input: GetInventoryCommandInput = {}) => t.ssm.send(new GetInventoryCommand(input));
const ids = async (input: GetInventoryCommandInput) => (await get(input)).Entities!.map((e) => e.Id);
const apps = (instanceId: string, list: [string, string][]) =>
  t.ssm.send(
    new PutInventoryCommand({
      InstanceId: instanceId,
      Items: [{ TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: CAPTURE, Content: list.map(([Name, Version]) => ({ Name, Version, Publisher: 'p' })) }],
    }),
  );

/** Node 1: nginx 1.24 + bash; node 2: nginx 1.25 + bash + curl; node 3 (Windows): Edge; node 4: nothing put. */
async function inventory() {
  await smallFleet(t.http);
  await apps(iid(1), [['nginx', '1.24.0'], ['bash', '5.2']]);
  await apps(iid(2), [['nginx', '1.25.0'], ['bash', '5.2'], ['curl', '8.5']]);
  await apps(iid(3), [['Microsoft Edge', '126.0']]);
  await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(1), Items: [{ TypeName: 'AWS:InstanceDetailedInformation', SchemaVersion: '1.0', CaptureTime: CAPTURE, Content: [{ CPUCores: '2', CPUs: '4' }] }] }));
  await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(2), Items: [{ TypeName: 'AWS:InstanceDetailedInformation', SchemaVersion: '1.0', CaptureTime: CAPTURE, Content: [{ CPUCores: '16', CPUs: '32' }] }] }));
  await t.ssm.send(new PutInventoryCommand({ InstanceId: iid(2), Items: [customItem()] }));
}

describe('GetInventory: entities', () => {
  it('lists every managed node with its AWS:InstanceInformation, without any inventory association', async () => {
    await smallFleet(t.http);
    const out = await get();
    expect(out.Entities!.map((e) => e.Id)).toEqual([iid(1), iid(2), iid(3), iid(4)]);
    const info = out.Entities![2].Data!['AWS:InstanceInformation'];
    expect(info).toMatchObject({ TypeName: 'AWS:InstanceInformation', SchemaVersion: '1.0' });
    expect(info.CaptureTime).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(info.Content).toEqual([
      expect.objectContaining({ AgentType: 'amazon-ssm-agent', InstanceId: iid(3), InstanceStatus: 'Active', PlatformType: 'Windows', ResourceType: 'EC2Instance' }),
    ]);
  });

  it('pages by id; a foreign token is InvalidNextToken', async () => {
    await smallFleet(t.http);
    const first = await get({ MaxResults: 3 });
    expect(first.Entities!.map((e) => e.Id)).toEqual([iid(1), iid(2), iid(3)]);
    const second = await get({ MaxResults: 3, NextToken: first.NextToken });
    expect(second.Entities!.map((e) => e.Id)).toEqual([iid(4)]);
    expect(second.NextToken).toBeUndefined();
    await expectError(get({ NextToken: 'not-a-token' }), 'InvalidNextToken');
  });

  it('ResultAttributes: that type, for the nodes that hold it', async () => {
    await inventory();
    const out = await get({ ResultAttributes: [{ TypeName: 'AWS:Application' }] });
    expect(out.Entities!.map((e) => e.Id)).toEqual([iid(1), iid(2), iid(3)]);
    expect(out.Entities![0].Data).toEqual({
      'AWS:Application': { TypeName: 'AWS:Application', SchemaVersion: '1.1', CaptureTime: CAPTURE, Content: [{ Name: 'nginx', Version: '1.24.0', Publisher: 'p' }, { Name: 'bash', Version: '5.2', Publisher: 'p' }] },
    });
    await expectError(get({ ResultAttributes: [{ TypeName: 'Custom:Nope' }] }), 'InvalidResultAttributeException');
  });

  it('a node that leaves the fleet stays 30 days as Terminated, then goes', async () => {
    await inventory();
    await t.http.delete(`/_emulator/fleet/instances/${iid(1)}`);
    const out = await get({ Filters: [{ Key: 'AWS:InstanceInformation.InstanceStatus', Values: ['Terminated'] }] });
    expect(out.Entities!.map((e) => e.Id)).toEqual([iid(1)]);
    expect(await ids({ ResultAttributes: [{ TypeName: 'AWS:Application' }] })).toEqual([iid(1), iid(2), iid(3)]);
    await t.advance(30 * 24 * 3600);
    expect(await ids({})).toEqual([iid(2), iid(3), iid(4)]);
    expect(await ids({ ResultAttributes: [{ TypeName: 'AWS:Application' }] })).toEqual([iid(2), iid(3)]);
  });
});

describe('GetInventory: a node that comes back', () => {
  it('is a managed node again, and its inventory is not dropped 30 days later', async () => {
    await inventory();
    await t.http.delete(`/_emulator/fleet/instances/${iid(1)}`);
    await addNode(t.http, { InstanceId: iid(1), Platform: 'amazon-linux-2023' });
    const info = (await get({ Filters: [{ Key: 'AWS:InstanceInformation.InstanceId', Values: [iid(1)] }] })).Entities![0].Data!['AWS:InstanceInformation'].Content![0];
    expect(info.InstanceStatus).toBe('Active');
    await t.advance(31 * 24 * 3600);
    expect(await ids({ ResultAttributes: [{ TypeName: 'AWS:Application' }] })).toContain(iid(1));
  });
});

describe('GetInventory: filters', () => {
  const f = (Key: string, Values: string[], Type?: InventoryFilter['Type']): InventoryFilter => ({ Key, Values, ...(Type && { Type }) });

  it('Equal (default), NotEqual, BeginWith on a put type', async () => {
    await inventory();
    expect(await ids({ Filters: [f('AWS:Application.Name', ['curl'])] })).toEqual([iid(2)]);
    expect(await ids({ Filters: [f('AWS:Application.Name', ['curl', 'Microsoft Edge'], 'Equal')] })).toEqual([iid(2), iid(3)]);
    expect(await ids({ Filters: [f('AWS:Application.Name', ['curl'], 'NotEqual')] })).toEqual([iid(1), iid(3)]);
    expect(await ids({ Filters: [f('AWS:Application.Version', ['1.2'], 'BeginWith')] })).toEqual([iid(1), iid(2)]);
  });

  it('LessThan / GreaterThan compare NUMBER attributes as numbers', async () => {
    await inventory();
    // As text "16" < "2"; as numbers 16 > 2.
    expect(await ids({ Filters: [f('AWS:InstanceDetailedInformation.CPUCores', ['4'], 'GreaterThan')] })).toEqual([iid(2)]);
    expect(await ids({ Filters: [f('AWS:InstanceDetailedInformation.CPUCores', ['4'], 'LessThan')] })).toEqual([iid(1)]);
  });

  it('AWS:InstanceInformation attributes and custom types; filters are ANDed', async () => {
    await inventory();
    expect(await ids({ Filters: [f('AWS:InstanceInformation.PlatformType', ['Linux'])] })).toEqual([iid(1), iid(2), iid(4)]);
    expect(await ids({ Filters: [f('AWS:InstanceInformation.PlatformType', ['Linux']), f('AWS:Application.Name', ['nginx'])] })).toEqual([iid(1), iid(2)]);
    expect(await ids({ Filters: [f('Custom:RackInfo.RackLocation', ['Bay B'], 'BeginWith')] })).toEqual([iid(2)]);
  });

  it('answers from what was put last, after earlier queries (indexes follow each put)', async () => {
    await inventory();
    expect(await ids({ Filters: [f('AWS:Application.Name', ['nginx'])] })).toEqual([iid(1), iid(2)]);
    await apps(iid(1), [['bash', '5.2'], ['curl', '8.5']]);
    await apps(iid(4), [['nginx', '1.26.0']]);
    expect(await ids({ Filters: [f('AWS:Application.Name', ['nginx'])] })).toEqual([iid(2), iid(4)]);
    expect(await ids({ Filters: [f('AWS:Application.Name', ['curl'])] })).toEqual([iid(1), iid(2)]);
    const counts = (await get({ Aggregators: [{ Expression: 'AWS:Application.Name' }] })).Entities![0].Data!['AWS:Application'].Content;
    expect(counts).toContainEqual({ Count: '2', Name: 'curl' });
    expect(counts).toContainEqual({ Count: '2', Name: 'nginx' });
  });

  it('filter errors: unknown type, unknown attribute, bad key, Exists without aggregators', async () => {
    await inventory();
    await expectError(get({ Filters: [f('AWS:Nothing.Name', ['x'])] }), 'InvalidTypeNameException');
    await expectError(get({ Filters: [f('AWS:Application.Colour', ['x'])] }), 'InvalidFilter');
    await expectError(get({ Filters: [f('Name', ['x'])] }), 'InvalidFilter');
    await expectError(get({ Filters: [f('TypeName', ['AWS:Application'], 'Exists')] }), 'InvalidFilter', 'The Exists filter must be used with aggregators.');
  });
});

describe('GetInventory: aggregators', () => {
  const content = async (input: GetInventoryCommandInput, key: string) => {
    const out = await get(input);
    expect(out.Entities).toHaveLength(1);
    expect(out.Entities![0].Id).toBeUndefined();
    return out.Entities![0].Data![key].Content!;
  };

  it('counts nodes per value, highest first (count of AWS:Application by Name)', async () => {
    await inventory();
    expect(await content({ Aggregators: [{ Expression: 'AWS:Application.Name' }] }, 'AWS:Application')).toEqual([
      { Count: '2', Name: 'bash' },
      { Count: '2', Name: 'nginx' },
      { Count: '1', Name: 'Microsoft Edge' },
      { Count: '1', Name: 'curl' },
    ]);
    expect(await content({ Aggregators: [{ Expression: 'AWS:InstanceInformation.PlatformType' }] }, 'AWS:InstanceInformation')).toEqual([
      { Count: '3', PlatformType: 'Linux' },
      { Count: '1', PlatformType: 'Windows' },
    ]);
  });

  it('counts only the entities that pass the filters', async () => {
    await inventory();
    const rows = await content({ Filters: [{ Key: 'AWS:Application.Name', Values: ['curl'] }], Aggregators: [{ Expression: 'AWS:Application.Name' }] }, 'AWS:Application');
    expect(rows).toEqual([
      { Count: '1', Name: 'bash' },
      { Count: '1', Name: 'curl' },
      { Count: '1', Name: 'nginx' },
    ]);
  });

  it('nested aggregators: one row per combination (same type: one entry; other type: per node)', async () => {
    await inventory();
    expect(await content({ Aggregators: [{ Expression: 'AWS:Application.Name', Aggregators: [{ Expression: 'AWS:Application.Version' }] }] }, 'AWS:Application')).toEqual([
      { Count: '2', Name: 'bash', Version: '5.2' },
      { Count: '1', Name: 'Microsoft Edge', Version: '126.0' },
      { Count: '1', Name: 'curl', Version: '8.5' },
      { Count: '1', Name: 'nginx', Version: '1.24.0' },
      { Count: '1', Name: 'nginx', Version: '1.25.0' },
    ]);
    const cross = await content({ Aggregators: [{ Expression: 'AWS:Application.Name', Aggregators: [{ Expression: 'AWS:InstanceInformation.PlatformType' }] }] }, 'AWS:Application');
    expect(cross).toContainEqual({ Count: '2', Name: 'nginx', PlatformType: 'Linux' });
    expect(cross).toContainEqual({ Count: '1', Name: 'Microsoft Edge', PlatformType: 'Windows' });
  });

  it('an aggregation answers at most 10,000 rows (an item\'s content limit), the highest counts first', async () => {
    await smallFleet(t.http);
    const many = (from: number) => Array.from({ length: 5001 }, (_, i): [string, string] => [`p${from + i}`, '1']);
    await apps(iid(1), [['shared', '1'], ...many(0)]);
    await apps(iid(2), [['shared', '1'], ...many(5001)]);
    const rows = await content({ Aggregators: [{ Expression: 'AWS:Application.Name' }] }, 'AWS:Application');
    expect(rows).toHaveLength(10_000);
    expect(rows[0]).toEqual({ Count: '2', Name: 'shared' });
  });

  it('groups count matching and not matching entities (the user guide\'s example)', async () => {
    await inventory();
    const out = await get({
      Aggregators: [
        {
          Groups: [
            { Name: 'ApplicationAndRack', Filters: [{ Key: 'TypeName', Values: ['AWS:Application'], Type: 'Exists' }, { Key: 'TypeName', Values: ['Custom:RackInfo'], Type: 'Exists' }] },
            { Name: 'ApplicationOrRack', Filters: [{ Key: 'TypeName', Values: ['AWS:Application', 'Custom:RackInfo'], Type: 'Exists' }] },
          ],
        },
      ],
    });
    expect(out.Entities![0].Data).toEqual({
      ApplicationAndRack: { Content: [{ notMatchingCount: '3' }, { matchingCount: '1' }] },
      ApplicationOrRack: { Content: [{ notMatchingCount: '1' }, { matchingCount: '3' }] },
    });
  });

  it('aggregator errors: not aggregatable, malformed, both or neither of Expression and Groups, repeated group names', async () => {
    await inventory();
    await expectError(get({ Aggregators: [{ Expression: 'AWS:Application.Publisher' }] }), 'InvalidAggregatorException');
    await expectError(get({ Aggregators: [{ Expression: 'Custom:RackInfo.RackLocation' }] }), 'InvalidAggregatorException');
    await expectError(get({ Aggregators: [{ Expression: 'nonsense' }] }), 'InvalidAggregatorException');
    await expectError(get({ Aggregators: [{}] }), 'InvalidAggregatorException');
    const group = { Name: 'g', Filters: [{ Key: 'TypeName', Values: ['AWS:Application'], Type: 'Exists' as const }] };
    await expectError(get({ Aggregators: [{ Expression: 'AWS:Application.Name', Groups: [group] }] }), 'InvalidAggregatorException');
    await expectError(get({ Aggregators: [{ Groups: [group, group] }] }), 'InvalidInventoryGroupException');
  });
});

describe('GetInventory: a node added later', () => {
  it('appears at once with its instance information', async () => {
    await smallFleet(t.http);
    await addNode(t.http, { InstanceId: 'mi-00000000000000009', Platform: 'rhel-9' });
    const out = await get({ Filters: [{ Key: 'AWS:InstanceInformation.ResourceType', Values: ['ManagedInstance'] }] });
    expect(out.Entities!.map((e) => e.Id)).toEqual(['mi-00000000000000009']);
  });
});
