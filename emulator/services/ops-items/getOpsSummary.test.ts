import { describe, expect, it } from 'vitest';
import { GetOpsSummaryCommand, PutComplianceItemsCommand, UpdateOpsItemCommand, type GetOpsSummaryCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError } from '../../testing/fleet.js';
import { createItem } from './testkit.js';

const t = useEmulator();
const summary = (input: GetOpsSummaryCommandInput = {}) => t.ssm.send(new GetOpsSummaryCommand(input));

async function seed() {
  const a = (await createItem(t.ssm, { Title: 'a', Source: 'EC2', Severity: '2', Priority: 1, Category: 'Availability', Notifications: [{ Arn: 'arn:aws:sns:us-east-1:000000000000:t' }], OperationalData: { env: { Value: 'prod', Type: 'SearchableString' }, note: { Value: 'n', Type: 'String' } } })).OpsItemId!;
  const b = (await createItem(t.ssm, { Title: 'b', Source: 'SSM', Severity: '2', Priority: 4, RelatedOpsItems: [{ OpsItemId: a }] })).OpsItemId!;
  await t.advance(86400);
  const c = (await createItem(t.ssm, { Title: 'c', Source: 'EC2', Severity: '3', Priority: 2 })).OpsItemId!;
  await t.ssm.send(new UpdateOpsItemCommand({ OpsItemId: c, Status: 'Resolved' }));
  return { a, b, c };
}

describe('GetOpsSummary', () => {
  it("answers AWS:OpsItem OpsData by default, one entity per OpsItem, in AWS's recorded shape", async () => {
    const { a, b } = await seed();
    const { Entities } = await summary();
    expect(Entities!.map((e) => e.Id).sort()).toEqual(Entities!.map((e) => e.Id));
    const ea = Entities!.find((e) => e.Id === a)!;
    expect(ea.Data!['AWS:OpsItem']).toEqual({
      CaptureTime: '2025-01-01T00:00:00.000Z',
      Content: [
        {
          AccountId: '000000000000',
          Category: 'Availability',
          CreatedBy: 'arn:aws:iam::000000000000:root',
          CreatedTime: '2025-01-01T00:00:00.000Z',
          Description: 'The root volume is full',
          LastModifiedBy: 'arn:aws:iam::000000000000:root',
          LastModifiedTime: '2025-01-01T00:00:00.000Z',
          Notifications: 'arn:aws:sns:us-east-1:000000000000:t',
          OperationalData: '{"env":{"type":"SearchableString","value":"prod"}}',
          OpsItemId: a,
          OpsItemType: '/aws/issue',
          Priority: '1',
          RelatedItems: '',
          Severity: '2',
          Source: 'EC2',
          Status: 'Open',
          Title: 'a',
        },
      ],
    });
    expect(Entities!.find((e) => e.Id === b)!.Data!['AWS:OpsItem'].Content![0].RelatedItems).toBe(a);
  });

  it('filters on <TypeName>.<AttributeName> with each operator', async () => {
    const { a, b, c } = await seed();
    const ids = async (Filters: GetOpsSummaryCommandInput['Filters']) => (await summary({ Filters })).Entities!.map((e) => e.Id).sort();
    expect(await ids([{ Key: 'AWS:OpsItem.Status', Values: ['Open'] }])).toEqual([a, b].sort());
    expect(await ids([{ Key: 'AWS:OpsItem.Status', Values: ['Open'], Type: 'NotEqual' }])).toEqual([c]);
    expect(await ids([{ Key: 'AWS:OpsItem.Source', Values: ['EC'], Type: 'BeginWith' }])).toEqual([a, c].sort());
    expect(await ids([{ Key: 'AWS:OpsItem.Priority', Values: ['2'], Type: 'GreaterThan' }])).toEqual([b]);
    expect(await ids([{ Key: 'AWS:OpsItem.Priority', Values: ['2'], Type: 'LessThan' }])).toEqual([a]);
    expect(await ids([{ Key: 'AWS:OpsItem.Category', Values: ['x'], Type: 'Exists' }])).toEqual([a]);
    expect(await ids([{ Key: 'AWS:OpsItem.CreatedTime', Values: ['2025-01-01T12:00:00.000Z'], Type: 'GreaterThan' }])).toEqual([c]);
    expect(await ids([{ Key: 'AWS:OpsItem.Source', Values: ['EC2'] }, { Key: 'AWS:OpsItem.Status', Values: ['Resolved'] }])).toEqual([c]);
  });

  it('counts with aggregators, nested ones group further, and their own filters narrow them', async () => {
    await seed();
    const byStatus = await summary({ Aggregators: [{ AggregatorType: 'count', TypeName: 'AWS:OpsItem', AttributeName: 'Status' }] });
    expect(byStatus.Entities).toEqual([
      { Data: { 'AWS:OpsItem': { CaptureTime: '2025-01-02T00:00:00.000Z', Content: [{ Status: 'Open', Count: '2' }, { Status: 'Resolved', Count: '1' }] } } },
    ]);
    const nested = await summary({
      Aggregators: [{ AggregatorType: 'count', AttributeName: 'Source', Aggregators: [{ AggregatorType: 'count', AttributeName: 'Severity' }] }],
    });
    expect(nested.Entities![0].Data!['AWS:OpsItem'].Content).toEqual([
      { Source: 'EC2', Severity: '2', Count: '1' },
      { Source: 'EC2', Severity: '3', Count: '1' },
      { Source: 'SSM', Severity: '2', Count: '1' },
    ]);
    const open = await summary({ Aggregators: [{ AggregatorType: 'count', AttributeName: 'Source', Filters: [{ Key: 'AWS:OpsItem.Status', Values: ['Open'] }] }] });
    expect(open.Entities![0].Data!['AWS:OpsItem'].Content).toEqual([{ Source: 'EC2', Count: '1' }, { Source: 'SSM', Count: '1' }]);
    const sum = await summary({ Aggregators: [{ AggregatorType: 'count', AttributeName: 'Source', Aggregators: [{ AggregatorType: 'sum', AttributeName: 'Priority' }] }] });
    expect(sum.Entities![0].Data!['AWS:OpsItem'].Content).toEqual([{ Source: 'EC2', Sum: '3' }, { Source: 'SSM', Sum: '4' }]);
  });

  it('answers the trendline (OpsItems created per day) and the fleet (AWS:EC2InstanceInformation)', async () => {
    await seed();
    const trend = await summary({ ResultAttributes: [{ TypeName: 'AWS:OpsItemTrendline' }] });
    expect(trend.Entities!.map((e) => [e.Id, e.Data!['AWS:OpsItemTrendline'].Content![0]])).toEqual([
      ['2025-01-01', { Date: '2025-01-01', Count: '2', Open: '2', InProgress: '0', Resolved: '0' }],
      ['2025-01-02', { Date: '2025-01-02', Count: '1', Open: '0', InProgress: '0', Resolved: '1' }],
    ]);
    await addNode(t.http, { InstanceId: 'i-0123456789abcdef0', Platform: 'ubuntu-22.04' });
    const nodes = await summary({ ResultAttributes: [{ TypeName: 'AWS:EC2InstanceInformation' }], Filters: [{ Key: 'AWS:EC2InstanceInformation.PlatformType', Values: ['Linux'] }] });
    expect(nodes.Entities!.map((e) => e.Id)).toEqual(['i-0123456789abcdef0']);
    expect(nodes.Entities![0].Data!['AWS:EC2InstanceInformation'].Content![0]).toMatchObject({ InstanceId: 'i-0123456789abcdef0', PingStatus: 'Online', PlatformName: 'Ubuntu' });
  });

  it('summarizes AWS:ComplianceSummary from the compliance store: one entity per node and compliance type', async () => {
    for (const id of ['i-0000000000000000a', 'i-0000000000000000b']) await addNode(t.http, { InstanceId: id, Platform: 'amazon-linux-2023' });
    const put = (ResourceId: string, Status: 'COMPLIANT' | 'NON_COMPLIANT', Severity: 'CRITICAL' | 'LOW') =>
      t.ssm.send(
        new PutComplianceItemsCommand({
          ResourceId,
          ResourceType: 'ManagedInstance',
          ComplianceType: 'Custom:Disk',
          ExecutionSummary: { ExecutionTime: new Date('2025-01-01T00:00:00Z'), ExecutionId: 'run-1' },
          Items: [{ Id: 'disk', Title: 'disk', Status, Severity }],
        }),
      );
    await put('i-0000000000000000a', 'COMPLIANT', 'LOW');
    await put('i-0000000000000000b', 'NON_COMPLIANT', 'CRITICAL');
    const all = await summary({ ResultAttributes: [{ TypeName: 'AWS:ComplianceSummary' }] });
    expect(all.Entities!.map((e) => e.Id)).toEqual(['i-0000000000000000a/Custom:Disk', 'i-0000000000000000b/Custom:Disk']);
    expect(all.Entities![1].Data!['AWS:ComplianceSummary']).toEqual({
      CaptureTime: '2025-01-01T00:00:00.000Z',
      Content: [
        {
          ResourceId: 'i-0000000000000000b',
          ResourceType: 'ManagedInstance',
          ComplianceType: 'Custom:Disk',
          Status: 'NON_COMPLIANT',
          OverallSeverity: 'CRITICAL',
          CompliantCount: '0',
          NonCompliantCount: '1',
          ExecutionTime: '2025-01-01T00:00:00.000Z',
          ExecutionId: 'run-1',
        },
      ],
    });
    const ResultAttributes = [{ TypeName: 'AWS:ComplianceSummary' }];
    const non = await summary({ ResultAttributes, Filters: [{ Key: 'AWS:ComplianceSummary.Status', Values: ['NON_COMPLIANT'], Type: 'Equal' }] });
    expect(non.Entities!.map((e) => e.Id)).toEqual(['i-0000000000000000b/Custom:Disk']);
    const counted = await summary({ ResultAttributes, Aggregators: [{ AggregatorType: 'count', TypeName: 'AWS:ComplianceSummary', AttributeName: 'Status' }] });
    expect(counted.Entities![0].Data!['AWS:ComplianceSummary'].Content).toEqual([
      { Status: 'COMPLIANT', Count: '1' },
      { Status: 'NON_COMPLIANT', Count: '1' },
    ]);
    const failing = await summary({ ResultAttributes, Aggregators: [{ AggregatorType: 'sum', AttributeName: 'NonCompliantCount' }] });
    expect(failing.Entities![0].Data!['AWS:ComplianceSummary'].Content).toEqual([{ Sum: '1' }]);
  });

  it('pages entities', async () => {
    await seed();
    const first = await summary({ MaxResults: 2 });
    expect(first.Entities).toHaveLength(2);
    const second = await summary({ MaxResults: 2, NextToken: first.NextToken });
    expect(second.Entities).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    await expectError(summary({ NextToken: 'nope' }), 'InvalidNextToken');
  });

  it('refuses unknown type names, filter keys and aggregators in their own error codes', async () => {
    await expectError(summary({ ResultAttributes: [{ TypeName: 'AWS:Nope' }] }), 'InvalidTypeNameException', /AWS:Nope/);
    await expectError(summary({ Filters: [{ Key: 'Status', Values: ['Open'] }] }), 'InvalidFilter', /<TypeName>.<AttributeName>/);
    await expectError(summary({ Filters: [{ Key: 'AWS:OpsItem.Colour', Values: ['red'] }] }), 'InvalidFilter');
    await expectError(summary({ Aggregators: [{ AggregatorType: 'count' }] }), 'InvalidAggregatorException', /AttributeName/);
    await expectError(summary({ Aggregators: [{ AggregatorType: 'count', AttributeName: 'Colour' }] }), 'InvalidAggregatorException', /no attribute Colour/);
    await expectError(summary({ Aggregators: [{ AggregatorType: 'sum', AttributeName: 'Status' }] }), 'InvalidAggregatorException', /isn't numeric/);
    await expectError(summary({ Aggregators: [{ AggregatorType: 'range', AttributeName: 'Priority', Values: { low: '1' } }] }), 'InvalidAggregatorException', /not simulated/);
    await expectError(summary({ SyncName: 'my-sync' }), 'ResourceDataSyncNotFoundException', /my-sync/);
  });
});
