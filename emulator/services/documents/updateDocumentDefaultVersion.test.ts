import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, DescribeDocumentCommand, GetDocumentCommand, UpdateDocumentCommand, UpdateDocumentDefaultVersionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { commandDoc } from './testdata.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const setDefault = (Name: string, DocumentVersion: string) => t.ssm.send(new UpdateDocumentDefaultVersionCommand({ Name, DocumentVersion }));

describe('UpdateDocumentDefaultVersion', () => {
  it('makes another version the default, naming its version name', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'dvx', Content: commandDoc() }));
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'dvx', Content: commandDoc({ description: 'v2' }), VersionName: 'release-2' }));
    const r = await setDefault('dvx', '2');
    expect(r.Description).toEqual({ Name: 'dvx', DefaultVersion: '2', DefaultVersionName: 'release-2' });
    expect((await t.ssm.send(new GetDocumentCommand({ Name: 'dvx' }))).DocumentVersion).toBe('2');
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'dvx' }))).Document).toMatchObject({ DefaultVersion: '2', Description: 'v2' });
  });

  it('answers InvalidDocumentVersion for a version that does not exist', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'dvx', Content: commandDoc() }));
    const e = await err(setDefault('dvx', '3'));
    expect(e.name).toBe('InvalidDocumentVersion');
  });

  it('answers InvalidDocumentSchemaVersion for a schema 1.2 document', async () => {
    const v12 = (await t.ssm.send(new GetDocumentCommand({ Name: 'AWS-RunShellScript' }))).Content!;
    await t.ssm.send(new CreateDocumentCommand({ Name: 'old', Content: v12 }));
    expect((await err(setDefault('old', '1'))).name).toBe('InvalidDocumentSchemaVersion');
  });

  it('answers InvalidDocument for an unknown or AWS-owned document, and ValidationException for $LATEST (model)', async () => {
    expect((await err(setDefault('ghost', '1'))).name).toBe('InvalidDocument');
    const e = await err(setDefault('AWS-RunShellScript', '1'));
    expect(e.name).toBe('InvalidDocument');
    expect(e.message).toContain('owned by Amazon');
    expect((await err(setDefault('AWS-RunShellScript', '$LATEST'))).name).toBe('ValidationException');
  });
});
