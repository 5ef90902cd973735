/** Helpers of the Resource Groups tests for service configurations and static groups (no test-runner imports). */
import { CreateGroupCommand, ListGroupResourcesCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';

export const CAPACITY_POOL = [
  { Type: 'AWS::EC2::CapacityReservationPool' },
  { Type: 'AWS::ResourceGroups::Generic', Parameters: [{ Name: 'allowed-resource-types', Values: ['AWS::EC2::CapacityReservation'] }] },
];

export const HOST_MANAGEMENT = [
  { Type: 'AWS::EC2::HostManagement', Parameters: [{ Name: 'any-host-based-license-configuration', Values: ['true'] }, { Name: 'allowed-host-families', Values: ['c5', 'm5'] }] },
  {
    Type: 'AWS::ResourceGroups::Generic',
    Parameters: [
      { Name: 'allowed-resource-types', Values: ['AWS::EC2::Host'] },
      { Name: 'deletion-protection', Values: ['UNLESS_EMPTY'] },
    ],
  },
];

export const APPLICATION = [{ Type: 'AWS::ResourceGroups::ApplicationGroup' }];

export const host = (id: string, region = 'us-east-1') => `arn:aws:ec2:${region}:000000000000:dedicated-host/${id}`;
export const reservation = (id: string) => `arn:aws:ec2:us-east-1:000000000000:capacity-reservation/${id}`;
export const ec2 = (id: string) => `arn:aws:ec2:us-east-1:000000000000:instance/${id}`;

export const createConfigured = (rg: ResourceGroupsClient, Name: string, Configuration: { Type: string; Parameters?: { Name: string; Values: string[] }[] }[]) =>
  rg.send(new CreateGroupCommand({ Name, Configuration }));

/** The role a tag-sync task assumes (not assumed by the emulator, only kept). */
export const ROLE = 'arn:aws:iam::000000000000:role/tag-sync-role';

/** The ARNs ListGroupResources answers for a group. */
export const memberArns = async (rg: ResourceGroupsClient, Group: string) =>
  (await rg.send(new ListGroupResourcesCommand({ Group }))).Resources!.map((r) => r.Identifier!.ResourceArn);
