import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateGroupCommand, ListGroupsCommand, paginateListGroups, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { expectError, rgClient, tagQuery } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

async function groups() {
  await rg.send(new CreateGroupCommand({ Name: 'web', ResourceQuery: tagQuery([{ Key: 'Role', Values: ['web'] }], ['AWS::EC2::Instance']), Owner: 'ops', Criticality: 1 }));
  await rg.send(new CreateGroupCommand({ Name: 'all', ResourceQuery: tagQuery([{ Key: 'Env' }]), DisplayName: 'Everything', Description: 'all of it' }));
  await rg.send(new CreateGroupCommand({ Name: 'params', ResourceQuery: tagQuery([{ Key: 'Env' }], ['AWS::SSM::Parameter']), Owner: 'dev', Criticality: 3 }));
}
const names = (out: { GroupIdentifiers?: { GroupName?: string }[] }) => out.GroupIdentifiers!.map((g) => g.GroupName);

describe('ListGroups', () => {
  it('lists groups by name with identifiers (and the deprecated Groups list)', async () => {
    await groups();
    const out = await rg.send(new ListGroupsCommand({}));
    expect(names(out)).toEqual(['all', 'params', 'web']);
    expect(out.GroupIdentifiers![0]).toEqual({ GroupName: 'all', GroupArn: 'arn:aws:resource-groups:us-east-1:000000000000:group/all', Description: 'all of it', DisplayName: 'Everything' });
    expect(out.Groups!.map((g) => g.Name)).toEqual(['all', 'params', 'web']);
  });

  it('filters by resource-type, owner, display-name and criticality', async () => {
    await groups();
    const q = async (Name: 'resource-type' | 'owner' | 'display-name' | 'criticality' | 'configuration-type', Values: string[]) =>
      names(await rg.send(new ListGroupsCommand({ Filters: [{ Name, Values }] })));
    expect(await q('resource-type', ['AWS::EC2::Instance'])).toEqual(['all', 'web']);
    expect(await q('resource-type', ['AWS::SSM::Parameter'])).toEqual(['all', 'params']);
    expect(await q('owner', ['ops', 'dev'])).toEqual(['params', 'web']);
    expect(await q('display-name', ['Everything'])).toEqual(['all']);
    expect(await q('criticality', ['3'])).toEqual(['params']);
    expect(await q('configuration-type', ['AWS::EC2::HostManagement'])).toEqual([]);
  });

  it('pages with maxResults and nextToken (query string)', async () => {
    for (const n of ['a', 'b', 'c', 'd', 'e']) await rg.send(new CreateGroupCommand({ Name: n }));
    const first = await rg.send(new ListGroupsCommand({ MaxResults: 2 }));
    expect(names(first)).toEqual(['a', 'b']);
    const all: string[] = [];
    for await (const page of paginateListGroups({ client: rg, pageSize: 2 }, {})) all.push(...(names(page) as string[]));
    expect(all).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses bad filters, tokens and page sizes with BadRequestException', async () => {
    await expectError(rg.send(new ListGroupsCommand({ Filters: [{ Name: 'criticality', Values: ['high'] }] })), 'BadRequestException', /criticality/);
    await expectError(
      rg.send(new ListGroupsCommand({ Filters: [{ Name: 'owner', Values: ['a'] }, { Name: 'owner', Values: ['b'] }] })),
      'BadRequestException',
      'Filter owner is given more than once.',
    );
    await expectError(rg.send(new ListGroupsCommand({ NextToken: 'bm9wZQ==' })), 'BadRequestException', 'The NextToken is not valid.');
    await expectError(rg.send(new ListGroupsCommand({ MaxResults: 51 })), 'BadRequestException', /maxResults/);
  });
});
