import { describe, expect, it } from 'vitest';
import { ListNodesSummaryCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { loadFixture, expectError } from '../../testing/fleet.js';

const t = useEmulator();


const agg = (AttributeName: any, Aggregators?: any[]) => ({ AggregatorType: 'Count' as const, TypeName: 'Instance' as const, AttributeName, Aggregators });

describe('ListNodesSummary', () => {
  it('counts nodes by an attribute', async () => {
    await loadFixture(t.http, {
      groups: [
        { Count: 3, Platform: 'amazon-linux-2023' },
        { Count: 2, Platform: 'ubuntu-22.04' },
        { Count: 4, Platform: 'windows-2022' },
      ],
    });
    const out = await t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType')] }));
    expect(out.Summary).toEqual([
      { PlatformType: 'Linux', Count: '5' },
      { PlatformType: 'Windows', Count: '4' },
    ]);
  });

  it('refines counts with a nested aggregator and honours filters', async () => {
    await loadFixture(t.http, {
      groups: [
        { Count: 3, Platform: 'amazon-linux-2023' },
        { Count: 2, Platform: 'ubuntu-22.04' },
        { Count: 4, Platform: 'windows-2022' },
      ],
    });
    const out = await t.ssm.send(
      new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType', [agg('PlatformName')])], Filters: [{ Key: 'PlatformType', Values: ['Linux'] }] }),
    );
    expect(out.Summary).toEqual([
      { PlatformType: 'Linux', PlatformName: 'Amazon Linux', Count: '3' },
      { PlatformType: 'Linux', PlatformName: 'Ubuntu', Count: '2' },
    ]);
  });

  it('lists the entries of several aggregators one after the other, paged', async () => {
    await loadFixture(t.http, { groups: [{ Count: 2, Platform: 'amazon-linux-2023' }, { Count: 1, Platform: 'windows-2022', AgentVersion: '3.2.0.0' }] });
    const first = await t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType'), agg('AgentVersion')], MaxResults: 3 }));
    expect(first.Summary).toEqual([
      { PlatformType: 'Linux', Count: '2' },
      { PlatformType: 'Windows', Count: '1' },
      { AgentVersion: '3.2.0.0', Count: '1' },
    ]);
    const second = await t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType'), agg('AgentVersion')], MaxResults: 3, NextToken: first.NextToken }));
    expect(second.Summary).toEqual([{ AgentVersion: '3.3.1957.0', Count: '2' }]);
    expect(second.NextToken).toBeUndefined();
  });

  it('counts by Region and ResourceType', async () => {
    await loadFixture(t.http, { instances: [{ InstanceId: 'mi-00000000000000001' }, {}] });
    const out = await t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('Region'), agg('ResourceType')] }));
    expect(out.Summary).toEqual([
      { Region: 'us-east-1', Count: '2' },
      { ResourceType: 'EC2Instance', Count: '1' },
      { ResourceType: 'ManagedInstance', Count: '1' },
    ]);
  });

  it('refuses aggregators nested more than one level, or repeating an attribute, with InvalidAggregatorException', async () => {
    await expectError(
      t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType', [agg('PlatformName', [agg('PlatformVersion')])])] })),
      'InvalidAggregatorException',
      'Aggregators can be nested only one level deep.',
    );
    await expectError(t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType', [agg('PlatformType')])] })), 'InvalidAggregatorException');
  });

  it('refuses a missing Aggregators list (model), a SyncName, and a bad token', async () => {
    const res = await t.rpc('ListNodesSummary', {});
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('ValidationException');
    await expectError(t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType')], SyncName: 'x' })), 'ResourceDataSyncNotFoundException');
    await expectError(t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType')], NextToken: 'x' })), 'InvalidNextToken');
    await expectError(t.ssm.send(new ListNodesSummaryCommand({ Aggregators: [agg('PlatformType')], Filters: [{ Key: 'ResourceType', Values: ['Server'] }] })), 'InvalidFilter');
  });
});
