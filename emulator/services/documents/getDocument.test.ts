import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, GetDocumentCommand, UpdateDocumentCommand } from '@aws-sdk/client-ssm';
import YAML from 'yaml';
import { useEmulator } from '../../testing/harness.js';
import { calendar, commandDoc, commandYaml } from './testdata.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);

describe('GetDocument', () => {
  it('returns the content exactly as submitted, with its format, type and status', async () => {
    const content = commandDoc();
    await t.ssm.send(new CreateDocumentCommand({ Name: 'get-me', Content: content, DisplayName: 'Get me', VersionName: 'v-one' }));
    const r = await t.ssm.send(new GetDocumentCommand({ Name: 'get-me' }));
    expect(r).toMatchObject({
      Name: 'get-me',
      Content: content,
      DocumentFormat: 'JSON',
      DocumentType: 'Command',
      DocumentVersion: '1',
      Status: 'Creating',
      DisplayName: 'Get me',
      VersionName: 'v-one',
    });
  });

  it('converts YAML to JSON and back without changing the document (round trip)', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'yaml-doc', Content: commandYaml, DocumentFormat: 'YAML' }));
    const asJson = await t.ssm.send(new GetDocumentCommand({ Name: 'yaml-doc', DocumentFormat: 'JSON' }));
    expect(asJson.DocumentFormat).toBe('JSON');
    expect(JSON.parse(asJson.Content!)).toEqual(YAML.parse(commandYaml));
    // Create a JSON document from the converted content and read it back as YAML.
    await t.ssm.send(new CreateDocumentCommand({ Name: 'json-copy', Content: asJson.Content!, DocumentFormat: 'JSON' }));
    const asYaml = await t.ssm.send(new GetDocumentCommand({ Name: 'json-copy', DocumentFormat: 'YAML' }));
    expect(asYaml.DocumentFormat).toBe('YAML');
    expect(YAML.parse(asYaml.Content!)).toEqual(YAML.parse(commandYaml));
  });

  it('converts an AWS-owned JSON document to YAML', async () => {
    const r = await t.ssm.send(new GetDocumentCommand({ Name: 'AWS-RunShellScript', DocumentFormat: 'YAML' }));
    const doc = YAML.parse(r.Content!);
    expect(doc.schemaVersion).toBe('1.2');
    expect(doc.runtimeConfig['aws:runShellScript'].properties[0].runCommand).toBe('{{ commands }}');
  });

  it('selects versions by number, $LATEST, $DEFAULT and VersionName', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'versions', Content: commandDoc(), VersionName: 'first' }));
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'versions', Content: commandDoc({ description: 'v2' }), DocumentVersion: '$LATEST', VersionName: 'second' }));
    expect((await t.ssm.send(new GetDocumentCommand({ Name: 'versions' }))).DocumentVersion).toBe('1');
    expect((await t.ssm.send(new GetDocumentCommand({ Name: 'versions', DocumentVersion: '$LATEST' }))).DocumentVersion).toBe('2');
    expect((await t.ssm.send(new GetDocumentCommand({ Name: 'versions', DocumentVersion: '$DEFAULT' }))).DocumentVersion).toBe('1');
    expect((await t.ssm.send(new GetDocumentCommand({ Name: 'versions', DocumentVersion: '2' }))).VersionName).toBe('second');
    expect((await t.ssm.send(new GetDocumentCommand({ Name: 'versions', VersionName: 'second' }))).DocumentVersion).toBe('2');
  });

  it('answers InvalidDocumentVersion for a version that does not exist or does not match the VersionName', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'one-version', Content: commandDoc(), VersionName: 'only' }));
    const e = await err(t.ssm.send(new GetDocumentCommand({ Name: 'one-version', DocumentVersion: '7' })));
    expect(e.name).toBe('InvalidDocumentVersion');
    expect(e.message).toBe("The document version isn't valid or doesn't exist.");
    expect((await err(t.ssm.send(new GetDocumentCommand({ Name: 'one-version', VersionName: 'nope' })))).name).toBe('InvalidDocumentVersion');
    expect((await err(t.ssm.send(new GetDocumentCommand({ Name: 'one-version', DocumentVersion: '1', VersionName: 'nope' })))).name).toBe('InvalidDocumentVersion');
  });

  it('answers InvalidDocument for an unknown name', async () => {
    const e = await err(t.ssm.send(new GetDocumentCommand({ Name: 'no-such-doc' })));
    expect(e.name).toBe('InvalidDocument');
    expect(e.message).toBe('Document with name no-such-doc does not exist.');
  });

  it('refuses to convert a TEXT document to JSON with ValidationException', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'calendar', Content: calendar, DocumentType: 'ChangeCalendar', DocumentFormat: 'TEXT' }));
    expect((await t.ssm.send(new GetDocumentCommand({ Name: 'calendar' }))).Content).toBe(calendar);
    const e = await err(t.ssm.send(new GetDocumentCommand({ Name: 'calendar', DocumentFormat: 'JSON' })));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toBe('Invalid document format JSON');
  });
});
