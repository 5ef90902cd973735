import { describe, expect, it } from 'vitest';
import { taggableType } from '../../sim/tags/registry.js';
import { CreateDocumentCommand, DescribeDocumentCommand } from '@aws-sdk/client-ssm';
import { createHash } from 'node:crypto';
import { useEmulator, TEST_START_SECONDS } from '../../testing/harness.js';
import { documents } from '../../sim/documents/state.js';
import { automationDoc, calendar, changeTemplate, commandDoc, commandYaml, sessionDoc } from './testdata.js';

const t = useEmulator();
const create = (input: Partial<ConstructorParameters<typeof CreateDocumentCommand>[0]> & { Name: string; Content: string }) =>
  t.ssm.send(new CreateDocumentCommand(input));
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error & { name: string; message: string });

describe('CreateDocument', () => {
  it('creates a Command document that answers Creating, then turns Active after one virtual second', async () => {
    const content = commandDoc();
    const { DocumentDescription: d } = await create({ Name: 'my-doc', Content: content, DocumentType: 'Command', Tags: [{ Key: 'team', Value: 'ops' }] });
    expect(d).toMatchObject({
      Name: 'my-doc',
      Owner: '000000000000',
      Status: 'Creating',
      DocumentVersion: '1',
      LatestVersion: '1',
      DefaultVersion: '1',
      DocumentType: 'Command',
      DocumentFormat: 'JSON',
      SchemaVersion: '2.2',
      Description: 'Run a script',
      HashType: 'Sha256',
      Hash: createHash('sha256').update(content).digest('hex'),
      PlatformTypes: ['Linux', 'MacOS'],
      Tags: [{ Key: 'team', Value: 'ops' }],
      Parameters: [
        { Name: 'commands', Type: 'StringList', Description: '(Required) Commands to run.' },
        { Name: 'workingDirectory', Type: 'String', Description: '(Optional) Working directory.', DefaultValue: '' },
      ],
    });
    expect(d!.CreatedDate!.getTime() / 1000).toBe(TEST_START_SECONDS);
    await t.advance(0.5);
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'my-doc' }))).Document!.Status).toBe('Creating');
    await t.advance(0.5);
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'my-doc' }))).Document!.Status).toBe('Active');
  });

  it('stores the tags given at creation on the document, where the tagging handlers find them', async () => {
    await create({ Name: 'tagged', Content: commandDoc(), Tags: [{ Key: 'env', Value: 'prod' }] });
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'tagged' }))).Document!.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    const taggable = taggableType(t.emu, 'Document')!;
    expect(taggable.tags(t.emu.context('000000000000', 'us-east-1'), 'tagged')).toEqual([{ Key: 'env', Value: 'prod' }]);
    expect(taggable.list!(t.emu.context('000000000000', 'us-east-1')).find((r) => r.id === 'tagged')).toEqual({
      id: 'tagged',
      arn: 'arn:aws:ssm:us-east-1:000000000000:document/tagged',
      tags: [{ Key: 'env', Value: 'prod' }],
    });
  });

  it('reports every declared parameter type and default of a YAML document', async () => {
    const { DocumentDescription: d } = await create({ Name: 'yaml-doc', Content: commandYaml, DocumentFormat: 'YAML' });
    expect(d!.DocumentFormat).toBe('YAML');
    expect(d!.PlatformTypes).toEqual(['Windows', 'Linux', 'MacOS']);
    expect(d!.Parameters).toEqual([
      { Name: 'commands', Type: 'StringList', Description: '(Required) Commands to run.' },
      { Name: 'retries', Type: 'Integer', DefaultValue: '3' },
      { Name: 'verbose', Type: 'Boolean', DefaultValue: 'false' },
    ]);
  });

  it('treats an empty YAML description (null) as absent', async () => {
    const content = [
      'schemaVersion: "2.2"',
      'parameters:',
      '  who:',
      '    type: String',
      '    description:',
      'mainSteps:',
      '  - action: aws:runShellScript',
      '    name: run',
      '    inputs:',
      '      runCommand: ["echo {{ who }}"]',
    ].join('\n');
    const { DocumentDescription: d } = await create({ Name: 'empty-desc', Content: content, DocumentFormat: 'YAML' });
    expect(d!.Parameters).toEqual([{ Name: 'who', Type: 'String' }]);
  });

  it('accepts Automation, Session, ChangeCalendar and change-template documents', async () => {
    const a = await create({ Name: 'auto', Content: automationDoc, DocumentType: 'Automation' });
    expect(a.DocumentDescription).toMatchObject({ SchemaVersion: '0.3', PlatformTypes: ['Windows', 'Linux', 'MacOS'] });
    const s = await create({ Name: 'sess', Content: sessionDoc, DocumentType: 'Session' });
    expect(s.DocumentDescription).toMatchObject({ SchemaVersion: '1.0', DocumentType: 'Session' });
    const c = await create({ Name: 'cal', Content: calendar, DocumentType: 'ChangeCalendar', DocumentFormat: 'TEXT' });
    expect(c.DocumentDescription).toMatchObject({ DocumentFormat: 'TEXT', DocumentType: 'ChangeCalendar', PlatformTypes: [] });
    const ct = await create({ Name: 'tmpl', Content: changeTemplate, DocumentType: 'Automation.ChangeTemplate' });
    expect(ct.DocumentDescription).toMatchObject({ ReviewStatus: 'NOT_REVIEWED', Author: 'arn:aws:iam::000000000000:root' });
  });

  it('stores DisplayName, VersionName, TargetType and Requires as given', async () => {
    const { DocumentDescription: d } = await create({
      Name: 'meta',
      Content: commandDoc(),
      DisplayName: 'My doc',
      VersionName: 'Release-1.0',
      TargetType: '/AWS::EC2::Instance',
    });
    expect(d).toMatchObject({ DisplayName: 'My doc', VersionName: 'Release-1.0', TargetType: '/AWS::EC2::Instance' });
  });

  it('refuses a name that is already taken, and keeps the first document', async () => {
    await create({ Name: 'dup', Content: commandDoc() });
    const e = await err(create({ Name: 'dup', Content: commandDoc({ description: 'other' }) }));
    expect(e.name).toBe('DocumentAlreadyExists');
    expect(e.message).toBe('Document with same name dup already exists');
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: 'dup' }))).Document!.Description).toBe('Run a script');
  });

  it('answers DocumentAlreadyExists for SSM-SessionManagerRunShell, which every account starts with', async () => {
    const e = await err(create({ Name: 'SSM-SessionManagerRunShell', Content: sessionDoc, DocumentType: 'Session' }));
    expect(e.name).toBe('DocumentAlreadyExists');
  });

  it.each(['AWS-MyDoc', 'aws-mine', 'amazonThing', 'Amazon-x', 'AMZN-doc', 'AWSSupport-Fix'])('refuses the reserved name prefix of %s', async (name) => {
    const e = await err(create({ Name: name, Content: commandDoc() }));
    expect(e.name).toBe('ValidationException');
    expect(e.message).toContain(`Invalid document name ${name}`);
  });

  it('names the line and column of malformed JSON', async () => {
    const e = await err(create({ Name: 'bad-json', Content: '{\n  "schemaVersion": "2.2",,\n}' }));
    expect(e.name).toBe('InvalidDocumentContent');
    expect(e.message).toMatch(/^JSON not well-formed\. at Line: 2, Column: \d+$/);
  });

  it('reads YAML content sent without DocumentFormat as JSON, and refuses it', async () => {
    const e = await err(create({ Name: 'yaml-as-json', Content: commandYaml }));
    expect(e.name).toBe('InvalidDocumentContent');
    expect(e.message).toMatch(/^JSON not well-formed/);
  });

  it('names a malformed YAML position', async () => {
    const e = await err(create({ Name: 'bad-yaml', Content: 'schemaVersion: [2.2\nmainSteps: x', DocumentFormat: 'YAML' }));
    expect(e.name).toBe('InvalidDocumentContent');
    expect(e.message).toMatch(/^YAML not well-formed\. at Line: \d+, Column: \d+$/);
  });

  it('refuses an unknown schema version with InvalidDocumentContent', async () => {
    const e = await err(create({ Name: 'schema-v3', Content: commandDoc({ schemaVersion: '3.0' }) }));
    expect(e.name).toBe('InvalidDocumentContent');
    expect(e.message).toBe('Document schema version is invalid. Value: 3.0');
  });

  it('refuses a schema version the document type does not support with InvalidDocumentSchemaVersion', async () => {
    const e = await err(create({ Name: 'auto22', Content: commandDoc(), DocumentType: 'Automation' }));
    expect(e.name).toBe('InvalidDocumentSchemaVersion');
    expect(e.message).toContain('2.2');
    expect(e.message).toContain('Automation');
  });

  it('refuses a step that references an undeclared parameter', async () => {
    const content = commandDoc({ mainSteps: [{ action: 'aws:runShellScript', name: 's', inputs: { runCommand: ['{{ nope }}'] } }] });
    const e = await err(create({ Name: 'undeclared', Content: content }));
    expect(e.name).toBe('InvalidDocumentContent');
    expect(e.message).toBe('Parameter "nope" is not declared.');
  });

  it('refuses an unknown plugin, a duplicate step name and a missing mainSteps', async () => {
    const unknown = commandDoc({ mainSteps: [{ action: 'aws:doMagic', name: 's', inputs: {} }] });
    expect((await err(create({ Name: 'unk', Content: unknown }))).message).toContain('aws:doMagic');
    const step = { action: 'aws:runShellScript', name: 'same', inputs: { runCommand: ['{{ commands }}'] } };
    const dup = commandDoc({ mainSteps: [step, step] });
    expect((await err(create({ Name: 'dupstep', Content: dup }))).message).toContain('same');
    const none = JSON.stringify({ schemaVersion: '2.2', parameters: {} });
    const e = await err(create({ Name: 'nosteps', Content: none }));
    expect(e.name).toBe('InvalidDocumentContent');
    expect(e.message).toContain('mainSteps');
  });

  it('refuses a parameter declaration whose default does not match its type', async () => {
    const content = commandDoc({ parameters: { commands: { type: 'StringList', default: 'not-a-list' }, workingDirectory: { type: 'String' } } });
    const e = await err(create({ Name: 'baddefault', Content: content }));
    expect(e.name).toBe('InvalidDocumentContent');
    expect(e.message).toContain('commands');
  });

  it('refuses a Session document with an unknown sessionType and a calendar that is not iCalendar', async () => {
    const s = await err(create({ Name: 'sess-bad', Content: JSON.stringify({ schemaVersion: '1.0', sessionType: 'Telnet' }), DocumentType: 'Session' }));
    expect(s.name).toBe('InvalidDocumentContent');
    expect(s.message).toContain('Telnet');
    const c = await err(create({ Name: 'cal-bad', Content: 'hello', DocumentType: 'ChangeCalendar', DocumentFormat: 'TEXT' }));
    expect(c.name).toBe('InvalidDocumentContent');
    expect(c.message).toContain('BEGIN:VCALENDAR');
  });

  it('refuses TEXT content for a Command document', async () => {
    const e = await err(create({ Name: 'text-cmd', Content: 'echo hi', DocumentFormat: 'TEXT' }));
    expect(e.name).toBe('InvalidDocumentContent');
  });

  it('refuses content larger than 64 KB with MaxDocumentSizeExceeded', async () => {
    const e = await err(create({ Name: 'huge', Content: commandDoc({ description: 'x'.repeat(70_000) }) }));
    expect(e.name).toBe('MaxDocumentSizeExceeded');
  });

  it('refuses the internal DeploymentStrategy type', async () => {
    const e = await err(create({ Name: 'strategy', Content: '{}', DocumentType: 'DeploymentStrategy' }));
    expect(e.name).toBe('ValidationException');
  });

  it('stops at 500 documents with DocumentLimitExceeded', async () => {
    await create({ Name: 'first', Content: commandDoc() });
    // Fill the quota directly in state (500 real requests would only slow the test down).
    const state = documents.of(t.emu.store.scope('000000000000', 'us-east-1'));
    for (let i = 1; i < 500; i++) state.byName[`d${i}`] = { ...state.byName.first, Name: `d${i}` };
    const e = await err(create({ Name: 'one-too-many', Content: commandDoc() }));
    expect(e.name).toBe('DocumentLimitExceeded');
    expect(e.message).toBe('You can have at most 500 active SSM documents.');
    expect(state.byName['one-too-many']).toBeUndefined();
  });

  it('is regional: a document created in one region does not exist in another', async () => {
    await create({ Name: 'regional', Content: commandDoc() });
    const e = await err(t.client({ region: 'eu-west-1' }).send(new DescribeDocumentCommand({ Name: 'regional' })));
    expect(e.name).toBe('InvalidDocument');
  });
});
