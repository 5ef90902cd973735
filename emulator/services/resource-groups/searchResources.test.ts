import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateDocumentCommand } from '@aws-sdk/client-ssm';
import { CreateGroupCommand, SearchResourcesCommand, type ResourceGroupsClient } from '@aws-sdk/client-resource-groups';
import { useEmulator } from '../../testing/harness.js';
import { addNode, expectError, rgClient, tagQuery } from '../../testing/fleet.js';

const t = useEmulator();
let rg: ResourceGroupsClient;
beforeAll(() => void (rg = rgClient(t.endpoint)));
afterAll(() => rg.destroy());

const arns = (out: { ResourceIdentifiers?: { ResourceArn?: string }[] }) => out.ResourceIdentifiers!.map((r) => r.ResourceArn);

describe('SearchResources', () => {
  it('answers the resources a tag query selects now: every filter must match, any of its values', async () => {
    await addNode(t.http, { InstanceId: 'i-00000000000000001', Tags: { Env: 'prod', Role: 'web' } });
    await addNode(t.http, { InstanceId: 'i-00000000000000002', Tags: { Env: 'prod', Role: 'db' } });
    await addNode(t.http, { InstanceId: 'i-00000000000000003', Tags: { Env: 'dev', Role: 'web' } });
    const q = (f: { Key: string; Values?: string[] }[]) => rg.send(new SearchResourcesCommand({ ResourceQuery: tagQuery(f) }));
    expect(arns(await q([{ Key: 'Env', Values: ['prod'] }, { Key: 'Role', Values: ['web', 'api'] }]))).toEqual(['arn:aws:ec2:us-east-1:000000000000:instance/i-00000000000000001']);
    expect(arns(await q([{ Key: 'Role' }]))).toHaveLength(3);
    expect(arns(await q([{ Key: 'Env', Values: ['staging'] }]))).toEqual([]);
    expect((await q([{ Key: 'Env' }])).QueryErrors).toEqual([]);
  });

  it('covers documents, parameters and resource groups themselves, selected by type', async () => {
    await t.ssm.send(
      new CreateDocumentCommand({
        Name: 'Deploy',
        DocumentType: 'Command',
        Content: JSON.stringify({ schemaVersion: '2.2', description: 'd', mainSteps: [{ action: 'aws:runShellScript', name: 'run', inputs: { runCommand: ['echo hi'] } }] }),
        Tags: [{ Key: 'App', Value: 'shop' }],
      }),
    );
    await rg.send(new CreateGroupCommand({ Name: 'shop-group', Tags: { App: 'shop' } }));
    const out = await rg.send(new SearchResourcesCommand({ ResourceQuery: tagQuery([{ Key: 'App', Values: ['shop'] }]) }));
    expect(out.ResourceIdentifiers).toEqual([
      { ResourceArn: 'arn:aws:resource-groups:us-east-1:000000000000:group/shop-group', ResourceType: 'AWS::ResourceGroups::Group' },
      { ResourceArn: 'arn:aws:ssm:us-east-1:000000000000:document/Deploy', ResourceType: 'AWS::SSM::Document' },
    ]);
    const docs = await rg.send(new SearchResourcesCommand({ ResourceQuery: tagQuery([{ Key: 'App' }], ['AWS::SSM::Document']) }));
    expect(arns(docs)).toEqual(['arn:aws:ssm:us-east-1:000000000000:document/Deploy']);
  });

  it('reports a resource type the emulator has no resources of as RESOURCE_TYPE_NOT_SUPPORTED', async () => {
    const out = await rg.send(new SearchResourcesCommand({ ResourceQuery: tagQuery([{ Key: 'Env' }], ['AWS::S3::Bucket']) }));
    expect(out.ResourceIdentifiers).toEqual([]);
    expect(out.QueryErrors![0].ErrorCode).toBe('RESOURCE_TYPE_NOT_SUPPORTED');
  });

  it('pages with MaxResults and NextToken', async () => {
    await t.http.post('/_emulator/fleet/load').send({ groups: [{ Count: 5, Tags: { Env: 'prod' } }] });
    const first = await rg.send(new SearchResourcesCommand({ ResourceQuery: tagQuery([{ Key: 'Env' }]), MaxResults: 3 }));
    expect(first.ResourceIdentifiers).toHaveLength(3);
    const second = await rg.send(new SearchResourcesCommand({ ResourceQuery: tagQuery([{ Key: 'Env' }]), MaxResults: 3, NextToken: first.NextToken }));
    expect(second.ResourceIdentifiers).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();
  });

  it('refuses a bad query or a missing one with BadRequestException', async () => {
    await expectError(rg.send(new SearchResourcesCommand({ ResourceQuery: { Type: 'TAG_FILTERS_1_0', Query: 'nope' } })), 'BadRequestException', /not JSON/);
    await expectError(rg.send(new SearchResourcesCommand({} as never)), 'BadRequestException', /resourceQuery/);
  });
});
