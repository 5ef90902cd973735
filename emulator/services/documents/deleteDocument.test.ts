import { describe, expect, it } from 'vitest';
import {
  CreateDocumentCommand,
  DeleteDocumentCommand,
  DescribeDocumentCommand,
  ListDocumentVersionsCommand,
  ModifyDocumentPermissionCommand,
  UpdateDocumentCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { commandDoc, sessionDoc } from './testdata.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const del = (input: ConstructorParameters<typeof DeleteDocumentCommand>[0]) => t.ssm.send(new DeleteDocumentCommand(input));

async function threeVersions() {
  await t.ssm.send(new CreateDocumentCommand({ Name: 'doc3', Content: commandDoc(), VersionName: 'a' }));
  await t.ssm.send(new UpdateDocumentCommand({ Name: 'doc3', Content: commandDoc({ description: '2' }), VersionName: 'b' }));
  await t.ssm.send(new UpdateDocumentCommand({ Name: 'doc3', Content: commandDoc({ description: '3' }), VersionName: 'c' }));
}
const versions = async () => (await t.ssm.send(new ListDocumentVersionsCommand({ Name: 'doc3' }))).DocumentVersions!.map((v) => v.DocumentVersion);

describe('DeleteDocument', () => {
  it('deletes a whole document', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'gone', Content: commandDoc() }));
    await del({ Name: 'gone' });
    expect((await err(t.ssm.send(new DescribeDocumentCommand({ Name: 'gone' })))).name).toBe('InvalidDocument');
    // The name is free again.
    await t.ssm.send(new CreateDocumentCommand({ Name: 'gone', Content: commandDoc() }));
  });

  it('deletes one version by number or version name, and moves LatestVersion back when the latest goes', async () => {
    await threeVersions();
    await del({ Name: 'doc3', DocumentVersion: '2' });
    expect(await versions()).toEqual(['1', '3']);
    await del({ Name: 'doc3', VersionName: 'c' });
    expect(await versions()).toEqual(['1']);
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'doc3' }))).Document!.LatestVersion).toBe('1');
    // Version numbers are not reused.
    const next = await t.ssm.send(new UpdateDocumentCommand({ Name: 'doc3', Content: commandDoc({ description: '4' }) }));
    expect(next.DocumentDescription!.DocumentVersion).toBe('4');
  });

  it('refuses to delete the default version alone', async () => {
    await threeVersions();
    const e = await err(del({ Name: 'doc3', DocumentVersion: '1' }));
    expect(e.name).toBe('InvalidDocumentOperation');
    expect(e.message).toBe("Default version of the document can't be deleted.");
    expect(await versions()).toEqual(['1', '2', '3']);
  });

  it('answers InvalidDocument for an unknown version or a version name that does not match the number', async () => {
    await threeVersions();
    expect((await err(del({ Name: 'doc3', DocumentVersion: '9' }))).name).toBe('InvalidDocument');
    expect((await err(del({ Name: 'doc3', DocumentVersion: '2', VersionName: 'c' }))).name).toBe('InvalidDocument');
    expect(await versions()).toEqual(['1', '2', '3']);
  });

  it('refuses a shared document until it is unshared', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'shared', Content: commandDoc() }));
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'shared', PermissionType: 'Share', AccountIdsToAdd: ['111111111111'] }));
    const e = await err(del({ Name: 'shared' }));
    expect(e.name).toBe('InvalidDocumentOperation');
    expect(e.message).toContain('still shared');
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'shared', PermissionType: 'Share', AccountIdsToRemove: ['111111111111'] }));
    await del({ Name: 'shared' });
  });

  it('needs Force for an ApplicationConfigurationSchema document', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'schema-doc', Content: '{"type":"object"}', DocumentType: 'ApplicationConfigurationSchema' }));
    expect((await err(del({ Name: 'schema-doc' }))).name).toBe('InvalidDocumentOperation');
    await del({ Name: 'schema-doc', Force: true });
  });

  it('refuses AWS-owned documents and unknown names', async () => {
    expect((await err(del({ Name: 'AWS-RunShellScript' }))).name).toBe('InvalidDocumentOperation');
    expect((await err(del({ Name: 'never-was' }))).name).toBe('InvalidDocument');
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'AWS-RunShellScript' }))).Document!.Owner).toBe('Amazon');
  });

  it('deletes SSM-SessionManagerRunShell for good, so the account can create its own', async () => {
    await del({ Name: 'SSM-SessionManagerRunShell' });
    expect((await err(t.ssm.send(new DescribeDocumentCommand({ Name: 'SSM-SessionManagerRunShell' })))).name).toBe('InvalidDocument');
    await t.ssm.send(new CreateDocumentCommand({ Name: 'SSM-SessionManagerRunShell', Content: sessionDoc, DocumentType: 'Session' }));
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'SSM-SessionManagerRunShell' }))).Document!.Description).toBe('Port forwarding');
  });
});
