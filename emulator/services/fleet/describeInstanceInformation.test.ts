import { describe, expect, it } from 'vitest';
import { DescribeInstanceInformationCommand, paginateDescribeInstanceInformation, type InstanceInformation } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { addNode, loadFixture, expectError } from '../../testing/fleet.js';

const t = useEmulator();

const ids = (list: InstanceInformation[] | undefined) => (list ?? []).map((i) => i.InstanceId);


/** A small mixed fleet: 3 EC2 Linux (prod web x2, dev), 1 Windows prod db, 1 hybrid, 1 offline, 1 stopped. */
async function mixedFleet() {
  await addNode(t.http, { InstanceId: 'i-00000000000000001', Platform: 'amazon-linux-2023', Tags: { Env: 'prod', Role: 'web' } });
  await addNode(t.http, { InstanceId: 'i-00000000000000002', Platform: 'amazon-linux-2023', Tags: { Env: 'prod', Role: 'web' }, AgentVersion: '3.2.582.0' });
  await addNode(t.http, { InstanceId: 'i-00000000000000003', Platform: 'ubuntu-22.04', Tags: { Env: 'dev' }, AssociationStatus: 'Failed' });
  await addNode(t.http, { InstanceId: 'i-00000000000000004', Platform: 'windows-2022', Tags: { Env: 'prod', Role: 'db' }, IamRole: 'QuickSetupRole' });
  await addNode(t.http, {
    InstanceId: 'mi-00000000000000005',
    Platform: 'ubuntu-24.04',
    ActivationId: '11111111-2222-3333-4444-555555555555',
    IamRole: 'SSMServiceRole',
    Name: 'onprem-1',
    Tags: { Location: 'onprem' },
  });
  await addNode(t.http, { InstanceId: 'i-00000000000000006', Platform: 'windows-2019', PingStatus: 'ConnectionLost', Tags: { Env: 'dev' } });
  await addNode(t.http, { InstanceId: 'i-00000000000000007', InstanceState: 'stopped', Tags: { Env: 'prod', Role: 'web' } });
}

describe('DescribeInstanceInformation', () => {
  it('returns an empty list when the region has no managed nodes', async () => {
    const out = await t.ssm.send(new DescribeInstanceInformationCommand({}));
    expect(out.InstanceInformationList).toEqual([]);
    expect(out.NextToken).toBeUndefined();
  });

  it('describes EC2 and hybrid nodes with the fields AWS returns, in InstanceId order', async () => {
    await mixedFleet();
    const out = await t.ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50 }));
    const list = out.InstanceInformationList!;
    // The stopped EC2 instance is not listed ("does not return information for nodes that are either Stopped or Terminated").
    expect(ids(list)).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'i-00000000000000004', 'i-00000000000000006', 'mi-00000000000000005']);
    const web = list[0];
    expect(web).toMatchObject({
      PingStatus: 'Online',
      PlatformType: 'Linux',
      PlatformName: 'Amazon Linux',
      PlatformVersion: '2023',
      ResourceType: 'EC2Instance',
      IsLatestVersion: true,
      SourceId: 'i-00000000000000001',
      SourceType: 'AWS::EC2::Instance',
    });
    expect(web.LastPingDateTime!.getTime() / 1000).toBeLessThanOrEqual(TEST_START_SECONDS);
    expect(web.LastPingDateTime!.getTime() / 1000).toBeGreaterThan(TEST_START_SECONDS - 300);
    expect(web.ComputerName).toMatch(/^ip-172-31-\d+-\d+\.ec2\.internal$/);
    expect(web.ActivationId).toBeUndefined();
    expect(list[1].IsLatestVersion).toBe(false);
    const hybrid = list[5];
    expect(hybrid).toMatchObject({
      ResourceType: 'ManagedInstance',
      ActivationId: '11111111-2222-3333-4444-555555555555',
      IamRole: 'SSMServiceRole',
      Name: 'onprem-1',
      SourceType: 'AWS::SSM::ManagedInstance',
      PlatformName: 'Ubuntu',
      PlatformVersion: '24.04',
    });
    expect(hybrid.RegistrationDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
    expect(list[4].PingStatus).toBe('ConnectionLost');
    expect(list[3].PlatformName).toBe('Microsoft Windows Server 2022 Datacenter');
    expect(list[2].AssociationStatus).toBe('Failed');
  });

  it('keeps regions and accounts apart', async () => {
    await addNode(t.http, { InstanceId: 'i-0000000000000000a' });
    await addNode(t.http, { InstanceId: 'i-0000000000000000b', region: 'eu-west-1' });
    await addNode(t.http, { InstanceId: 'i-0000000000000000c', account: '111122223333' });
    expect(ids((await t.ssm.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList)).toEqual(['i-0000000000000000a']);
    const eu = t.client({ region: 'eu-west-1' });
    expect(ids((await eu.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList)).toEqual(['i-0000000000000000b']);
    const other = t.client({ account: '111122223333' });
    expect(ids((await other.send(new DescribeInstanceInformationCommand({}))).InstanceInformationList)).toEqual(['i-0000000000000000c']);
  });

  it('pages 10 nodes at a time by default and follows NextToken to the end', async () => {
    await loadFixture(t.http, { groups: [{ Count: 23, Platform: 'amazon-linux-2023' }] });
    const first = await t.ssm.send(new DescribeInstanceInformationCommand({}));
    expect(first.InstanceInformationList).toHaveLength(10);
    expect(first.NextToken).toBeDefined();
    const all: string[] = [];
    for await (const page of paginateDescribeInstanceInformation({ client: t.ssm, pageSize: 5 }, {})) {
      expect(page.InstanceInformationList!.length).toBeLessThanOrEqual(5);
      all.push(...ids(page.InstanceInformationList).map(String));
    }
    expect(all).toHaveLength(23);
    expect([...all].sort()).toEqual(all);
    expect(new Set(all).size).toBe(23);
  });

  it('fills filtered pages and ends without a token when nothing matches beyond the page', async () => {
    await loadFixture(t.http, {
      groups: [
        { Count: 7, Tags: { Env: 'prod' } },
        { Count: 7, Tags: { Env: 'dev' } },
      ],
    });
    const first = await t.ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 5, Filters: [{ Key: 'tag:Env', Values: ['dev'] }] }));
    expect(first.InstanceInformationList).toHaveLength(5);
    const second = await t.ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 5, Filters: [{ Key: 'tag:Env', Values: ['dev'] }], NextToken: first.NextToken }));
    expect(second.InstanceInformationList).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses a NextToken it did not issue with InvalidNextToken', async () => {
    await expectError(t.ssm.send(new DescribeInstanceInformationCommand({ NextToken: 'garbage' })), 'InvalidNextToken');
  });

  it('refuses MaxResults outside 5-50 with a ValidationException', async () => {
    await expectError(
      t.ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 4 })),
      'ValidationException',
      "1 validation error detected: Value '4' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 5",
    );
    await expectError(t.ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 51 })), 'ValidationException', /less than or equal to 50/);
  });

  describe('Filters', () => {
    const filtered = async (Filters: { Key: string; Values: string[] }[]) =>
      ids((await t.ssm.send(new DescribeInstanceInformationCommand({ Filters, MaxResults: 50 }))).InstanceInformationList);

    it('filters by every key AWS supports', async () => {
      await mixedFleet();
      expect(await filtered([{ Key: 'PingStatus', Values: ['ConnectionLost'] }])).toEqual(['i-00000000000000006']);
      expect(await filtered([{ Key: 'PlatformTypes', Values: ['Windows'] }])).toEqual(['i-00000000000000004', 'i-00000000000000006']);
      expect(await filtered([{ Key: 'ResourceType', Values: ['ManagedInstance'] }])).toEqual(['mi-00000000000000005']);
      expect(await filtered([{ Key: 'ActivationIds', Values: ['11111111-2222-3333-4444-555555555555'] }])).toEqual(['mi-00000000000000005']);
      expect(await filtered([{ Key: 'IamRole', Values: ['QuickSetupRole', 'SSMServiceRole'] }])).toEqual(['i-00000000000000004', 'mi-00000000000000005']);
      expect(await filtered([{ Key: 'AgentVersion', Values: ['3.2.582.0'] }])).toEqual(['i-00000000000000002']);
      expect(await filtered([{ Key: 'AssociationStatus', Values: ['Failed'] }])).toEqual(['i-00000000000000003']);
      expect(await filtered([{ Key: 'InstanceIds', Values: ['i-00000000000000003', 'mi-00000000000000005', 'i-0ffffffffffffffff'] }])).toEqual([
        'i-00000000000000003',
        'mi-00000000000000005',
      ]);
      expect(await filtered([{ Key: 'SourceTypes', Values: ['AWS::SSM::ManagedInstance'] }])).toEqual(['mi-00000000000000005']);
      expect(await filtered([{ Key: 'SourceIds', Values: ['i-00000000000000001'] }])).toEqual(['i-00000000000000001']);
    });

    it('ANDs filters and ORs the values of one filter', async () => {
      await mixedFleet();
      expect(
        await filtered([
          { Key: 'PlatformTypes', Values: ['Linux', 'Windows'] },
          { Key: 'PingStatus', Values: ['Online'] },
          { Key: 'ResourceType', Values: ['EC2Instance'] },
        ]),
      ).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'i-00000000000000004']);
    });

    it('filters by tag:Key values and by tag-key; several tag filters are ANDed', async () => {
      await mixedFleet();
      expect(await filtered([{ Key: 'tag:Env', Values: ['prod'] }])).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000004']);
      expect(await filtered([{ Key: 'tag:Env', Values: ['prod', 'dev'] }])).toHaveLength(5);
      expect(await filtered([{ Key: 'tag-key', Values: ['Location'] }])).toEqual(['mi-00000000000000005']);
      expect(
        await filtered([
          { Key: 'tag:Env', Values: ['prod'] },
          { Key: 'tag:Role', Values: ['db'] },
        ]),
      ).toEqual(['i-00000000000000004']);
    });

    it('refuses tag filters mixed with other filters', async () => {
      await expectError(
        t.ssm.send(
          new DescribeInstanceInformationCommand({
            Filters: [
              { Key: 'tag:Env', Values: ['prod'] },
              { Key: 'PingStatus', Values: ['Online'] },
            ],
          }),
        ),
        'ValidationException',
        'Cannot mix tag or inventory filter with any other filter.',
      );
    });

    it('refuses an unknown key with InvalidFilterKey', async () => {
      await expectError(t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'Color', Values: ['blue'] }] })), 'InvalidFilterKey', 'The filter key Color is not valid.');
    });

    it('refuses a second ResourceType value and values outside the enum with InvalidInstanceInformationFilterValue', async () => {
      await expectError(
        t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'ResourceType', Values: ['ManagedInstance', 'EC2Instance'] }] })),
        'InvalidInstanceInformationFilterValue',
        'ResourceType filter may contain only one value.',
      );
      await expectError(
        t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'ResourceType', Values: ['Document'] }] })),
        'InvalidInstanceInformationFilterValue',
        'ResourceType filter is invalid, valid values are EC2Instance, ManagedInstance',
      );
      await expectError(
        t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'PingStatus', Values: ['Offline'] }] })),
        'InvalidInstanceInformationFilterValue',
        'PingStatus filter is invalid, valid values are Online, ConnectionLost, Inactive',
      );
      await expectError(
        t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'ActivationIds', Values: ['not-an-activation'] }] })),
        'InvalidInstanceInformationFilterValue',
      );
      await expectError(t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'tag:', Values: ['x'] }] })), 'InvalidInstanceInformationFilterValue');
    });

    it('refuses malformed instance ids with InvalidInstanceId', async () => {
      await expectError(t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: ['server-1'] }] })), 'InvalidInstanceId');
    });

    it('refuses an empty Values list (model constraint)', async () => {
      await expectError(t.ssm.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'PingStatus', Values: [] }] })), 'ValidationException', /filters\.1\.member\.values/);
    });
  });

  describe('InstanceInformationFilterList (legacy)', () => {
    it('filters by key and valueSet', async () => {
      await mixedFleet();
      const out = await t.ssm.send(
        new DescribeInstanceInformationCommand({ InstanceInformationFilterList: [{ key: 'PlatformTypes', valueSet: ['Windows'] }] }),
      );
      expect(ids(out.InstanceInformationList)).toEqual(['i-00000000000000004', 'i-00000000000000006']);
    });

    it('answers InvalidInstanceId for a node id the caller has no node for', async () => {
      await mixedFleet();
      await expectError(
        t.ssm.send(new DescribeInstanceInformationCommand({ InstanceInformationFilterList: [{ key: 'InstanceIds', valueSet: ['i-0ffffffffffffffff'] }] })),
        'InvalidInstanceId',
        /i-0ffffffffffffffff/,
      );
      // A stopped instance is not a node DescribeInstanceInformation describes.
      await expectError(
        t.ssm.send(new DescribeInstanceInformationCommand({ InstanceInformationFilterList: [{ key: 'InstanceIds', valueSet: ['i-00000000000000007'] }] })),
        'InvalidInstanceId',
      );
    });

    it('refuses a key outside the enum (model)', async () => {
      const res = await t.rpc('DescribeInstanceInformation', { InstanceInformationFilterList: [{ key: 'Color', valueSet: ['x'] }] });
      expect(res.status).toBe(400);
      expect(res.body.__type).toBe('ValidationException');
    });

    it('cannot be combined with Filters', async () => {
      await expectError(
        t.ssm.send(
          new DescribeInstanceInformationCommand({
            InstanceInformationFilterList: [{ key: 'PingStatus', valueSet: ['Online'] }],
            Filters: [{ Key: 'PingStatus', Values: ['Online'] }],
          }),
        ),
        'ValidationException',
        'InstanceInformationFilterList and Filters cannot be used in the same request.',
      );
    });
  });
});
