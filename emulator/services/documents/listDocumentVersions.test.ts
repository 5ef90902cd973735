import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, ListDocumentVersionsCommand, UpdateDocumentCommand, UpdateDocumentDefaultVersionCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { commandDoc } from './testdata.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);

describe('ListDocumentVersions', () => {
  it('lists every version, oldest first, with its status, format and default flag', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'vers', Content: commandDoc(), VersionName: 'one', DisplayName: 'Doc' }));
    await t.advance(5);
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'vers', Content: commandDoc({ description: '2' }), VersionName: 'two' }));
    await t.ssm.send(new UpdateDocumentDefaultVersionCommand({ Name: 'vers', DocumentVersion: '2' }));
    const r = await t.ssm.send(new ListDocumentVersionsCommand({ Name: 'vers' }));
    expect(r.DocumentVersions!.map((v) => ({ ...v, CreatedDate: v.CreatedDate!.getTime() / 1000 }))).toEqual([
      { Name: 'vers', DisplayName: 'Doc', DocumentVersion: '1', VersionName: 'one', CreatedDate: TEST_START_SECONDS, IsDefaultVersion: false, DocumentFormat: 'JSON', Status: 'Active' },
      { Name: 'vers', DisplayName: 'Doc', DocumentVersion: '2', VersionName: 'two', CreatedDate: TEST_START_SECONDS + 5, IsDefaultVersion: true, DocumentFormat: 'JSON', Status: 'Updating' },
    ]);
  });

  it('pages in version order', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'vers', Content: commandDoc() }));
    for (let i = 2; i <= 11; i++) await t.ssm.send(new UpdateDocumentCommand({ Name: 'vers', Content: commandDoc({ description: String(i) }) }));
    const p1 = await t.ssm.send(new ListDocumentVersionsCommand({ Name: 'vers', MaxResults: 5 }));
    const p2 = await t.ssm.send(new ListDocumentVersionsCommand({ Name: 'vers', MaxResults: 5, NextToken: p1.NextToken }));
    const p3 = await t.ssm.send(new ListDocumentVersionsCommand({ Name: 'vers', MaxResults: 5, NextToken: p2.NextToken }));
    expect([...p1.DocumentVersions!, ...p2.DocumentVersions!, ...p3.DocumentVersions!].map((v) => v.DocumentVersion)).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'],
    );
    expect(p3.NextToken).toBeUndefined();
  });

  it('lists the version of an AWS-owned document', async () => {
    const r = await t.ssm.send(new ListDocumentVersionsCommand({ Name: 'AWS-RunPatchBaseline' }));
    expect(r.DocumentVersions).toMatchObject([{ Name: 'AWS-RunPatchBaseline', DocumentVersion: '1', IsDefaultVersion: true, Status: 'Active' }]);
  });

  it('answers InvalidDocument for an unknown name and InvalidNextToken for a foreign token', async () => {
    expect((await err(t.ssm.send(new ListDocumentVersionsCommand({ Name: 'nobody' })))).name).toBe('InvalidDocument');
    expect((await err(t.ssm.send(new ListDocumentVersionsCommand({ Name: 'AWS-RunShellScript', NextToken: 'x.y' })))).name).toBe('InvalidNextToken');
  });
});
