import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, GetGroupConfigurationCommand, GetGroupQueryCommand, GroupResourcesCommand, PutGroupConfigurationCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient, tagQuery } from '../../testing/fleet.js';
import { APPLICATION, CAPACITY_POOL, HOST_MANAGEMENT, reservation } from './rgtestkit.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());
const put = (Group: string, Configuration: unknown[]) => rg.send(new PutGroupConfigurationCommand({ Group, Configuration: Configuration as never }));

describe('PutGroupConfiguration', () => {
  it('attaches a configuration to a group (HTTP 202), which GetGroupConfiguration then shows', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'hosts' }));
    const out = await put('hosts', HOST_MANAGEMENT);
    expect(out.$metadata.httpStatusCode).toBe(202);
    expect((await rg.send(new GetGroupConfigurationCommand({ Group: 'hosts' }))).GroupConfiguration).toEqual({ Configuration: HOST_MANAGEMENT, Status: 'UPDATE_COMPLETE' });
    await expectError(rg.send(new GetGroupQueryCommand({ Group: 'hosts' })), 'BadRequestException', /no resource query/);
  });

  it('replaces the configuration, and an empty list removes it', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'g', Configuration: CAPACITY_POOL }));
    await put('g', HOST_MANAGEMENT);
    expect((await rg.send(new GetGroupConfigurationCommand({ Group: 'g' }))).GroupConfiguration!.Configuration![0].Type).toBe('AWS::EC2::HostManagement');
    await put('g', []);
    await expectError(rg.send(new GetGroupConfigurationCommand({ Group: 'g' })), 'BadRequestException');
  });

  it.each([
    ['an unknown type', [{ Type: 'AWS::S3::BucketPolicy' }], /isn't a supported configuration type/],
    ['a type twice', [CAPACITY_POOL[0], CAPACITY_POOL[0]], /unique Type/],
    ['an unknown parameter', [{ Type: 'AWS::ResourceGroups::Generic', Parameters: [{ Name: 'colour', Values: ['red'] }] }], /colour isn't a parameter/],
    ['a parameter of a type that takes none', [{ Type: 'AWS::EC2::CapacityReservationPool', Parameters: [{ Name: 'x', Values: ['1'] }] }], /takes no parameters/],
    ['a boolean in upper case', [{ ...HOST_MANAGEMENT[0], Parameters: [{ Name: 'any-host-based-license-configuration', Values: ['TRUE'] }] }, HOST_MANAGEMENT[1]], /lower case/],
    ['host management without its Generic item', [HOST_MANAGEMENT[0]], /also needs an AWS::ResourceGroups::Generic item with allowed-resource-types = \[AWS::EC2::Host\]/],
    [
      'both license parameters',
      [{ Type: 'AWS::EC2::HostManagement', Parameters: [{ Name: 'any-host-based-license-configuration', Values: ['true'] }, { Name: 'allowed-host-based-license-configurations', Values: ['arn:aws:license-manager:us-east-1:000000000000:license-configuration:lic-0123456789abcdef0123456789abcdef'] }] }, HOST_MANAGEMENT[1]],
      /exactly one of/,
    ],
    ['deletion protection other than UNLESS_EMPTY', [{ Type: 'AWS::ResourceGroups::Generic', Parameters: [{ Name: 'deletion-protection', Values: ['ALWAYS'] }] }], /UNLESS_EMPTY/],
  ])('refuses %s (BadRequestException) and keeps the configuration', async (_what, configuration, message) => {
    await rg.send(new CreateGroupCommand({ Name: 'g', Configuration: CAPACITY_POOL }));
    await expectError(put('g', configuration), 'BadRequestException', message);
    expect((await rg.send(new GetGroupConfigurationCommand({ Group: 'g' }))).GroupConfiguration!.Configuration).toEqual(CAPACITY_POOL);
  });

  it('refuses a configuration on a query group, and removing the type that holds static members', async () => {
    await rg.send(new CreateGroupCommand({ Name: 'q', ResourceQuery: tagQuery([{ Key: 'a' }]) }));
    await expectError(put('q', CAPACITY_POOL), 'BadRequestException', /either a ResourceQuery or a Configuration/);
    await rg.send(new CreateGroupCommand({ Name: 'pool', Configuration: CAPACITY_POOL }));
    await rg.send(new GroupResourcesCommand({ Group: 'pool', ResourceArns: [reservation('cr-0123456789abcdef0')] }));
    await expectError(put('pool', []), 'BadRequestException', /still has resources added with GroupResources/);
  });

  it("refuses making an ordinary group an application group (an application group's ARN carries its id)", async () => {
    await rg.send(new CreateGroupCommand({ Name: 'g' }));
    await expectError(put('g', APPLICATION), 'BadRequestException', /application id/);
  });

  it('answers NotFoundException for an unknown group', async () => {
    await expectError(put('nope', CAPACITY_POOL), 'NotFoundException', undefined, 404);
  });
});
