import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, ListDocumentsCommand, ModifyDocumentPermissionCommand, paginateListDocuments } from '@aws-sdk/client-ssm';
import type { DocumentIdentifier, ListDocumentsCommandInput } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { automationDoc, commandDoc, commandYaml } from './testdata.js';
import { loadCatalog } from '../../sim/documents/catalog.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const B = '111111111111';

async function pagesOfListDocumentsCommand(input: ListDocumentsCommandInput = {}, client = t.ssm): Promise<DocumentIdentifier[]> {
  const out: DocumentIdentifier[] = [];
  for await (const page of paginateListDocuments({ client, pageSize: 7 }, input)) out.push(...(page.DocumentIdentifiers ?? []));
  return out;
}
const names = (ids: DocumentIdentifier[]) => ids.map((d) => d.Name);
const catalogNames = loadCatalog().entries.filter((e) => !e.accountDefault).map((e) => e.doc.Name);

async function seed() {
  await t.ssm.send(new CreateDocumentCommand({ Name: 'linux-cmd', Content: commandDoc(), Tags: [{ Key: 'team', Value: 'ops' }], TargetType: '/AWS::EC2::Instance' }));
  await t.ssm.send(new CreateDocumentCommand({ Name: 'win-cmd', Content: commandYaml, DocumentFormat: 'YAML', Tags: [{ Key: 'team', Value: 'dev' }] }));
  await t.ssm.send(new CreateDocumentCommand({ Name: 'stop-auto', Content: automationDoc, DocumentType: 'Automation', Tags: [{ Key: 'stage', Value: 'x' }] }));
}

describe('ListDocuments', () => {
  it('lists the account\'s documents, its SSM-SessionManagerRunShell and the AWS-owned catalog by default, sorted by name', async () => {
    await seed();
    const all = await pagesOfListDocumentsCommand();
    expect(names(all)).toEqual([...catalogNames, 'SSM-SessionManagerRunShell', 'linux-cmd', 'stop-auto', 'win-cmd'].sort());
    expect(all.find((d) => d.Name === 'linux-cmd')).toMatchObject({
      Owner: '000000000000',
      DocumentVersion: '1',
      DocumentType: 'Command',
      SchemaVersion: '2.2',
      DocumentFormat: 'JSON',
      PlatformTypes: ['Linux', 'MacOS'],
      TargetType: '/AWS::EC2::Instance',
      Tags: [{ Key: 'team', Value: 'ops' }],
    });
    expect(all.find((d) => d.Name === 'AWS-RunShellScript')).toMatchObject({ Owner: 'Amazon', Tags: [] });
  });

  it('loads the AWS-owned catalog in every region and account', async () => {
    for (const [region, account] of [['us-east-1', '000000000000'], ['eu-west-1', B], ['ap-southeast-2', '222222222222']]) {
      const docs = await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Amazon'] }] }, t.client({ region, account }));
      expect(names(docs)).toEqual(catalogNames);
      expect(docs.every((d) => d.Owner === 'Amazon')).toBe(true);
    }
    expect(catalogNames).toEqual(
      expect.arrayContaining([
        'AWS-RunShellScript', 'AWS-RunPowerShellScript', 'AWS-RunPatchBaseline', 'AWS-RunPatchBaselineAssociation', 'AWS-GatherSoftwareInventory',
        'AWS-UpdateSSMAgent', 'AWS-ConfigureAWSPackage', 'AWS-RunDocument', 'AWS-RunRemoteScript', 'AWS-ConfigureDocker', 'AWS-RunAnsiblePlaybook',
        'AWS-RestartEC2Instance', 'AWS-StartEC2Instance', 'AWS-StopEC2Instance', 'AWS-CreateImage', 'AWS-StartInteractiveCommand',
        'AWS-StartPortForwardingSession', 'AWS-StartPortForwardingSessionToRemoteHost', 'AWS-StartSSHSession', 'AWS-ApplyPatchBaseline',
      ]),
    );
  });

  it('filters by Owner Self, by Name prefix, DocumentType, PlatformTypes, TargetType and SearchKeyword', async () => {
    await seed();
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Self'] }] }))).toEqual(['SSM-SessionManagerRunShell', 'linux-cmd', 'stop-auto', 'win-cmd']);
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Name', Values: ['AWS-Start', 'stop'] }] }))).toEqual([
      'AWS-StartEC2Instance', 'AWS-StartInteractiveCommand', 'AWS-StartNonInteractiveCommand', 'AWS-StartPortForwardingSession', 'AWS-StartPortForwardingSessionToRemoteHost', 'AWS-StartSSHSession', 'stop-auto',
    ]);
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Self'] }, { Key: 'DocumentType', Values: ['Automation'] }] }))).toEqual(['stop-auto']);
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Self'] }, { Key: 'PlatformTypes', Values: ['Windows'] }] }))).toEqual([
      'SSM-SessionManagerRunShell', 'stop-auto', 'win-cmd',
    ]);
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'TargetType', Values: ['/AWS::EC2::Instance'] }] }))).toEqual(['linux-cmd']);
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'SearchKeyword', Values: ['PORTFORWARDING'] }] }))).toEqual([
      'AWS-StartPortForwardingSession', 'AWS-StartPortForwardingSessionToRemoteHost',
    ]);
  });

  it('filters by tag:key values and by tag-key', async () => {
    await seed();
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'tag:team', Values: ['ops', 'dev'] }] }))).toEqual(['linux-cmd', 'win-cmd']);
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'tag:team', Values: ['dev'] }] }))).toEqual(['win-cmd']);
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'tag-key', Values: ['stage'] }] }))).toEqual(['stop-auto']);
    const e = await err(t.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'tag:team', Values: ['ops'] }, { Key: 'tag:stage', Values: ['x'] }] })));
    expect(e.name).toBe('ValidationException');
  });

  it('applies the deprecated DocumentFilterList', async () => {
    await seed();
    const r = await pagesOfListDocumentsCommand({ DocumentFilterList: [{ key: 'Owner', value: 'Self' }, { key: 'DocumentType', value: 'Command' }] });
    expect(names(r)).toEqual(['linux-cmd', 'win-cmd']);
  });

  it('lists documents shared with the account under Private, and public ones under Public', async () => {
    await seed();
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'linux-cmd', PermissionType: 'Share', AccountIdsToAdd: [B] }));
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'stop-auto', PermissionType: 'Share', AccountIdsToAdd: ['All'] }));
    const b = t.client({ account: B });
    const priv = await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Private'] }] }, b);
    expect(priv.map((d) => [d.Name, d.Owner, d.Tags])).toEqual([['linux-cmd', '000000000000', []]]);
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Public'] }] }, b))).toEqual(['stop-auto']);
    expect(names(await pagesOfListDocumentsCommand({}, b))).toContain('linux-cmd');
    expect(names(await pagesOfListDocumentsCommand({}, b))).not.toContain('stop-auto');
    expect(names(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['All'] }] }, b))).toEqual(expect.arrayContaining(['linux-cmd', 'stop-auto', 'AWS-RunShellScript']));
    expect(await pagesOfListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['ThirdParty'] }] }, b)).toEqual([]);
  });

  it('pages with tokens that survive documents added and removed between pages', async () => {
    for (let i = 0; i < 6; i++) await t.ssm.send(new CreateDocumentCommand({ Name: `page-${i}`, Content: commandDoc({ description: String(i) }) }));
    const filter = [{ Key: 'Name', Values: ['page-'] }];
    const p1 = await t.ssm.send(new ListDocumentsCommand({ Filters: filter, MaxResults: 3 }));
    expect(names(p1.DocumentIdentifiers!)).toEqual(['page-0', 'page-1', 'page-2']);
    await t.ssm.send(new CreateDocumentCommand({ Name: 'page-00', Content: commandDoc({ description: 'late' }) }));
    const p2 = await t.ssm.send(new ListDocumentsCommand({ Filters: filter, MaxResults: 3, NextToken: p1.NextToken }));
    expect(names(p2.DocumentIdentifiers!)).toEqual(['page-3', 'page-4', 'page-5']);
    expect(p2.NextToken).toBeUndefined();
  });

  it('refuses unknown filter keys, several Owner values, unknown Owner values and foreign tokens', async () => {
    expect((await err(t.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'Color', Values: ['red'] }] })))).name).toBe('InvalidFilterKey');
    expect((await err(t.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Self', 'Amazon'] }] })))).name).toBe('ValidationException');
    expect((await err(t.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Me'] }] })))).name).toBe('ValidationException');
    expect((await err(t.ssm.send(new ListDocumentsCommand({ NextToken: 'not-a-token' })))).name).toBe('InvalidNextToken');
  });
});
