import { describe, expect, it } from 'vitest';
import { ListNodesCommand, paginateListNodes } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { addNode, expectError } from '../../testing/fleet.js';

const t = useEmulator();


async function fleet() {
  await addNode(t.http, { InstanceId: 'i-00000000000000001', Platform: 'amazon-linux-2023', ComputerName: 'web-1.internal' });
  await addNode(t.http, { InstanceId: 'i-00000000000000002', Platform: 'windows-2022', ComputerName: 'db-1.internal' });
  await addNode(t.http, { InstanceId: 'i-00000000000000003', Platform: 'ubuntu-22.04', PingStatus: 'ConnectionLost', ComputerName: 'web-2.internal' });
  await addNode(t.http, { InstanceId: 'mi-00000000000000004', Platform: 'rhel-9', ComputerName: 'onprem.corp' });
}

describe('ListNodes', () => {
  it('lists the caller\'s nodes as Node records', async () => {
    await fleet();
    const out = await t.ssm.send(new ListNodesCommand({}));
    expect(out.Nodes!.map((n) => n.Id)).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'mi-00000000000000004']);
    const n = out.Nodes![0];
    expect(n.Owner).toEqual({ AccountId: '000000000000' });
    expect(n.Region).toBe('us-east-1');
    expect(n.CaptureTime!.getTime() / 1000).toBeLessThanOrEqual(TEST_START_SECONDS);
    expect(n.NodeType!.Instance).toMatchObject({
      AgentType: 'amazon-ssm-agent',
      ComputerName: 'web-1.internal',
      InstanceStatus: 'Active',
      ManagedStatus: 'Managed',
      PlatformType: 'Linux',
      PlatformName: 'Amazon Linux',
      PlatformVersion: '2023',
      ResourceType: 'EC2Instance',
    });
    expect(out.Nodes![2].NodeType!.Instance!.InstanceStatus).toBe('ConnectionLost');
  });

  it('filters with Equal (default), NotEqual and BeginWith, ANDing filters', async () => {
    await fleet();
    const q = async (filters: { Key: any; Values: string[]; Type?: any }[]) =>
      (await t.ssm.send(new ListNodesCommand({ Filters: filters }))).Nodes!.map((n) => n.Id);
    expect(await q([{ Key: 'PlatformType', Values: ['Windows'] }])).toEqual(['i-00000000000000002']);
    expect(await q([{ Key: 'ResourceType', Values: ['EC2Instance'], Type: 'NotEqual' }])).toEqual(['mi-00000000000000004']);
    expect(await q([{ Key: 'ComputerName', Values: ['web-'], Type: 'BeginWith' }])).toEqual(['i-00000000000000001', 'i-00000000000000003']);
    expect(
      await q([
        { Key: 'ComputerName', Values: ['web-'], Type: 'BeginWith' },
        { Key: 'InstanceStatus', Values: ['Active'] },
      ]),
    ).toEqual(['i-00000000000000001']);
    expect(await q([{ Key: 'ManagedStatus', Values: ['All'] }])).toHaveLength(4);
    expect(await q([{ Key: 'Region', Values: ['us-east-1'] }, { Key: 'AccountId', Values: ['000000000000'] }])).toHaveLength(4);
    expect(await q([{ Key: 'OrganizationalUnitId', Values: ['ou-1'] }])).toEqual([]);
  });

  it('pages with MaxResults and NextToken', async () => {
    for (let i = 0; i < 5; i++) await addNode(t.http, {});
    const ids: string[] = [];
    for await (const page of paginateListNodes({ client: t.ssm, pageSize: 2 }, {})) {
      expect(page.Nodes!.length).toBeLessThanOrEqual(2);
      ids.push(...page.Nodes!.map((n) => n.Id!));
    }
    expect(ids).toHaveLength(5);
    await expectError(t.ssm.send(new ListNodesCommand({ NextToken: 'bad' })), 'InvalidNextToken');
  });

  it('answers ResourceDataSyncNotFoundException for a SyncName (resource data syncs are not simulated)', async () => {
    await expectError(t.ssm.send(new ListNodesCommand({ SyncName: 'AWS-QuickSetup-ManagedNode' })), 'ResourceDataSyncNotFoundException', /AWS-QuickSetup-ManagedNode/);
  });

  it('refuses values outside a key\'s set with InvalidFilter, and a bad key (model)', async () => {
    await expectError(t.ssm.send(new ListNodesCommand({ Filters: [{ Key: 'PlatformType', Values: ['Solaris'] }] })), 'InvalidFilter', /Solaris/);
    const res = await t.rpc('ListNodes', { Filters: [{ Key: 'Color', Values: ['x'] }] });
    expect(res.status).toBe(400);
    expect(res.body.__type).toBe('ValidationException');
  });
});
