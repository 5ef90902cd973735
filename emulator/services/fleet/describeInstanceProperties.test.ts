import { describe, expect, it } from 'vitest';
import { DescribeInstancePropertiesCommand, type InstanceProperty } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { addNode, expectError } from '../../testing/fleet.js';

const t = useEmulator();
const ids = (list: InstanceProperty[] | undefined) => (list ?? []).map((i) => i.InstanceId);


async function fleet() {
  await addNode(t.http, {
    InstanceId: 'i-00000000000000001',
    Platform: 'amazon-linux-2023',
    Tags: { Name: 'web-1', Env: 'prod' },
    KeyName: 'ops-key',
    InstanceRole: 'AmazonSSMRoleForInstancesQuickSetup',
    AgentVersion: '3.2.582.0',
    AssociatedDocuments: ['AWS-GatherSoftwareInventory'],
  });
  await addNode(t.http, { InstanceId: 'i-00000000000000002', Platform: 'windows-2022', Tags: { Name: 'db-1', Env: 'prod' } });
  await addNode(t.http, { InstanceId: 'i-00000000000000003', InstanceState: 'stopped', Tags: { Env: 'dev' } });
  await addNode(t.http, { InstanceId: 'mi-00000000000000004', Platform: 'rhel-9', Name: 'onprem-4', ActivationId: '11111111-2222-3333-4444-555555555555', IamRole: 'SSMServiceRole' });
}

describe('DescribeInstanceProperties', () => {
  it('shows EC2 metadata beside agent data, including stopped instances', async () => {
    await fleet();
    const out = await t.ssm.send(new DescribeInstancePropertiesCommand({ MaxResults: 50 }));
    const list = out.InstanceProperties!;
    expect(ids(list)).toEqual(['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003', 'mi-00000000000000004']);
    expect(list[0]).toMatchObject({
      Name: 'web-1',
      InstanceType: 't3.micro',
      InstanceRole: 'AmazonSSMRoleForInstancesQuickSetup',
      KeyName: 'ops-key',
      InstanceState: 'running',
      Architecture: 'x86_64',
      PingStatus: 'Online',
      PlatformType: 'Linux',
      ResourceType: 'EC2Instance',
      SourceType: 'AWS::EC2::Instance',
    });
    expect(list[0].LaunchTime!.getTime() / 1000).toBe(TEST_START_SECONDS);
    // A stopped instance's agent is off, and EC2 tells Systems Manager at once (sim/fleet/ec2.ts).
    expect(list[2]).toMatchObject({ InstanceState: 'stopped', PingStatus: 'ConnectionLost' });
    expect(list[3]).toMatchObject({ Name: 'onprem-4', ResourceType: 'ManagedInstance', ActivationId: '11111111-2222-3333-4444-555555555555', IamRole: 'SSMServiceRole' });
    expect(list[3].InstanceState).toBeUndefined();
  });

  it('filters with operators: Equal, NotEqual, BeginWith, LessThan and GreaterThan (versions compare as versions)', async () => {
    await fleet();
    const q = async (Key: string, Values: string[], Operator?: 'Equal' | 'NotEqual' | 'BeginWith' | 'LessThan' | 'GreaterThan') =>
      ids((await t.ssm.send(new DescribeInstancePropertiesCommand({ FiltersWithOperator: [{ Key, Values, Operator }] }))).InstanceProperties);
    expect(await q('PlatformTypes', ['Windows'])).toEqual(['i-00000000000000002']);
    expect(await q('PlatformTypes', ['Linux'], 'NotEqual')).toEqual(['i-00000000000000002']);
    expect(await q('InstanceIds', ['mi-'], 'BeginWith')).toEqual(['mi-00000000000000004']);
    expect(await q('AgentVersion', ['3.3.0.0'], 'LessThan')).toEqual(['i-00000000000000001']);
    expect(await q('AgentVersion', ['3.3.0.0'], 'GreaterThan')).toEqual(['i-00000000000000002', 'i-00000000000000003', 'mi-00000000000000004']);
    expect(await q('DocumentName', ['AWS-GatherSoftwareInventory'])).toEqual(['i-00000000000000001']);
    expect(await q('tag:Env', ['prod'])).toEqual(['i-00000000000000001', 'i-00000000000000002']);
  });

  it('accepts the legacy InstancePropertyFilterList', async () => {
    await fleet();
    const out = await t.ssm.send(new DescribeInstancePropertiesCommand({ InstancePropertyFilterList: [{ key: 'ResourceType', valueSet: ['ManagedInstance'] }] }));
    expect(ids(out.InstanceProperties)).toEqual(['mi-00000000000000004']);
  });

  it('pages with MaxResults and NextToken', async () => {
    for (let i = 1; i <= 7; i++) await addNode(t.http, {});
    const first = await t.ssm.send(new DescribeInstancePropertiesCommand({ MaxResults: 5 }));
    expect(first.InstanceProperties).toHaveLength(5);
    const second = await t.ssm.send(new DescribeInstancePropertiesCommand({ MaxResults: 5, NextToken: first.NextToken }));
    expect(second.InstanceProperties).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();
    await expectError(t.ssm.send(new DescribeInstancePropertiesCommand({ NextToken: 'nope' })), 'InvalidNextToken');
  });

  it('refuses bad filters with the errors the operation declares', async () => {
    await expectError(t.ssm.send(new DescribeInstancePropertiesCommand({ FiltersWithOperator: [{ Key: 'Color', Values: ['x'] }] })), 'InvalidFilterKey');
    await expectError(
      t.ssm.send(new DescribeInstancePropertiesCommand({ FiltersWithOperator: [{ Key: 'PingStatus', Values: ['Up'] }] })),
      'InvalidInstancePropertyFilterValue',
      'PingStatus filter is invalid, valid values are Online, ConnectionLost, Inactive',
    );
    await expectError(t.ssm.send(new DescribeInstancePropertiesCommand({ FiltersWithOperator: [{ Key: 'ActivationIds', Values: ['nope'] }] })), 'InvalidActivationId');
    await expectError(t.ssm.send(new DescribeInstancePropertiesCommand({ FiltersWithOperator: [{ Key: 'InstanceIds', Values: ['host-1'] }] })), 'InvalidInstanceId');
    await expectError(
      t.ssm.send(
        new DescribeInstancePropertiesCommand({
          InstancePropertyFilterList: [{ key: 'PingStatus', valueSet: ['Online'] }],
          FiltersWithOperator: [{ Key: 'PingStatus', Values: ['Online'] }],
        }),
      ),
      'ValidationException',
      'InstancePropertyFilterList and FiltersWithOperator cannot be used in the same request.',
    );
    await expectError(t.ssm.send(new DescribeInstancePropertiesCommand({ MaxResults: 1001 })), 'ValidationException', /maxResults/);
  });
});
