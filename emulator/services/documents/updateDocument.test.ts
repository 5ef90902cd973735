import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, DescribeDocumentCommand, UpdateDocumentCommand, GetDocumentCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { commandDoc, commandYaml } from './testdata.js';
import { documents } from '../../sim/documents/state.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const update = (input: Partial<ConstructorParameters<typeof UpdateDocumentCommand>[0]> & { Name: string; Content: string }) =>
  t.ssm.send(new UpdateDocumentCommand(input));

describe('UpdateDocument', () => {
  it('adds a version that answers Updating, leaves the default alone, and carries DisplayName and TargetType over', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'upd', Content: commandDoc(), DisplayName: 'First', TargetType: '/AWS::EC2::Instance' }));
    const { DocumentDescription: d } = await update({ Name: 'upd', Content: commandYaml, DocumentFormat: 'YAML', DocumentVersion: '$LATEST', VersionName: 'v2' });
    expect(d).toMatchObject({
      DocumentVersion: '2',
      LatestVersion: '2',
      DefaultVersion: '1',
      Status: 'Updating',
      DocumentFormat: 'YAML',
      VersionName: 'v2',
      DisplayName: 'First',
      TargetType: '/AWS::EC2::Instance',
      PlatformTypes: ['Windows', 'Linux', 'MacOS'],
    });
    await t.advance(1);
    const v2 = await t.ssm.send(new DescribeDocumentCommand({ Name: 'upd', DocumentVersion: '2' }));
    expect(v2.Document!.Status).toBe('Active');
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'upd' }))).Document!.DocumentVersion).toBe('1');
  });

  it('accepts the latest version number, and refuses an older one with InvalidDocumentVersion', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'upd', Content: commandDoc() }));
    await update({ Name: 'upd', Content: commandDoc({ description: 'two' }), DocumentVersion: '1' });
    const e = await err(update({ Name: 'upd', Content: commandDoc({ description: 'three' }), DocumentVersion: '1' }));
    expect(e.name).toBe('InvalidDocumentVersion');
    expect((await update({ Name: 'upd', Content: commandDoc({ description: 'three' }), DocumentVersion: '2' })).DocumentDescription!.DocumentVersion).toBe('3');
  });

  it('refuses content identical to an existing version with DuplicateDocumentContent', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'upd', Content: commandDoc() }));
    const e = await err(update({ Name: 'upd', Content: commandDoc(), DocumentVersion: '$LATEST' }));
    expect(e.name).toBe('DuplicateDocumentContent');
    expect(e.message).toBe('The content of the association document matches another document. Change the content of the document and try again.');
  });

  it('refuses a version name already used with DuplicateDocumentVersionName', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'upd', Content: commandDoc(), VersionName: 'rel-1' }));
    const e = await err(update({ Name: 'upd', Content: commandDoc({ description: 'x' }), VersionName: 'rel-1' }));
    expect(e.name).toBe('DuplicateDocumentVersionName');
  });

  it('refuses invalid content and changes nothing', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'upd', Content: commandDoc() }));
    const e = await err(update({ Name: 'upd', Content: '{"schemaVersion": "2.2"}' }));
    expect(e.name).toBe('InvalidDocumentContent');
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'upd' }))).Document!.LatestVersion).toBe('1');
  });

  it('refuses to update a schema 1.2 document with InvalidDocumentSchemaVersion', async () => {
    const v12 = (await t.ssm.send(new GetDocumentCommand({ Name: 'AWS-RunShellScript' }))).Content!;
    await t.ssm.send(new CreateDocumentCommand({ Name: 'old-schema', Content: v12 }));
    const e = await err(update({ Name: 'old-schema', Content: commandDoc() }));
    expect(e.name).toBe('InvalidDocumentSchemaVersion');
  });

  it('stops at 1,000 versions with DocumentVersionLimitExceeded', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'many', Content: commandDoc() }));
    const doc = documents.of(t.emu.store.scope('000000000000', 'us-east-1')).byName.many;
    for (let i = 2; i <= 1000; i++) doc.Versions[String(i)] = { ...doc.Versions['1'], DocumentVersion: String(i), Hash: `h${i}` };
    doc.LatestVersion = '1000';
    doc.NextVersion = 1001;
    const e = await err(update({ Name: 'many', Content: commandDoc({ description: 'one more' }) }));
    expect(e.name).toBe('DocumentVersionLimitExceeded');
  });

  it('answers InvalidDocument for an unknown name and InvalidDocumentOperation for an AWS-owned document', async () => {
    expect((await err(update({ Name: 'nope-doc', Content: commandDoc() }))).name).toBe('InvalidDocument');
    const e = await err(update({ Name: 'AWS-RunShellScript', Content: commandDoc() }));
    expect(e.name).toBe('InvalidDocumentOperation');
    expect(e.message).toContain('owned by Amazon');
  });

  it('updates SSM-SessionManagerRunShell, which becomes the account\'s stored document', async () => {
    const content = JSON.stringify({ schemaVersion: '1.0', description: 'prefs', sessionType: 'Standard_Stream', inputs: { idleSessionTimeout: '60' } });
    const { DocumentDescription: d } = await update({ Name: 'SSM-SessionManagerRunShell', Content: content, DocumentVersion: '$LATEST' });
    expect(d).toMatchObject({ DocumentVersion: '2', Owner: '000000000000', DocumentType: 'Session' });
    // Another account still sees its own untouched copy.
    const other = await t.client({ account: '111111111111' }).send(new DescribeDocumentCommand({ Name: 'SSM-SessionManagerRunShell' }));
    expect(other.Document).toMatchObject({ LatestVersion: '1', Owner: '111111111111' });
  });
});
