import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, DescribeDocumentCommand, GetDocumentCommand, UpdateDocumentCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { commandDoc } from './testdata.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const describeDoc = (input: ConstructorParameters<typeof DescribeDocumentCommand>[0]) => t.ssm.send(new DescribeDocumentCommand(input));

describe('DescribeDocument', () => {
  it('describes AWS-owned documents with their real parameters and platforms', async () => {
    const { Document: d } = await describeDoc({ Name: 'AWS-RunShellScript' });
    expect(d).toMatchObject({
      Name: 'AWS-RunShellScript',
      Owner: 'Amazon',
      Status: 'Active',
      DocumentType: 'Command',
      SchemaVersion: '1.2',
      DocumentFormat: 'JSON',
      PlatformTypes: ['Linux', 'MacOS'],
      DefaultVersion: '1',
      LatestVersion: '1',
      HashType: 'Sha256',
      Description: 'Run a shell script or specify the commands to run.',
    });
    expect(d!.Parameters).toEqual([
      { Name: 'commands', Type: 'StringList', Description: '(Required) Specify a shell script or a command to run.' },
      { Name: 'workingDirectory', Type: 'String', Description: '(Optional) The path to the working directory on your instance.', DefaultValue: '' },
      {
        Name: 'executionTimeout',
        Type: 'String',
        Description: '(Optional) The time in seconds for a command to complete before it is considered to have failed. Default is 3600 (1 hour). Maximum is 172800 (48 hours).',
        DefaultValue: '3600',
      },
    ]);
    const ps = await describeDoc({ Name: 'AWS-RunPowerShellScript' });
    expect(ps.Document!.PlatformTypes).toEqual(['Windows', 'Linux', 'MacOS']);
    const image = await describeDoc({ Name: 'AWS-CreateImage' });
    expect(image.Document!.Parameters!.find((p) => p.Name === 'NoReboot')).toEqual({
      Name: 'NoReboot',
      Type: 'Boolean',
      Description: '(Optional) Do not reboot the instance before creating the image.',
      DefaultValue: 'false',
    });
    const pkg = await describeDoc({ Name: 'AWS-ConfigureAWSPackage' });
    expect(pkg.Document!.Parameters!.find((p) => p.Name === 'additionalArguments')).toMatchObject({ Type: 'StringMap', DefaultValue: '{}' });
  });

  it('accepts the AWS-owned ARN form', async () => {
    const { Document: d } = await describeDoc({ Name: 'arn:aws:ssm:us-east-1::document/AWS-StopEC2Instance' });
    expect(d).toMatchObject({ Name: 'AWS-StopEC2Instance', DocumentType: 'Automation', SchemaVersion: '0.3' });
  });

  it('describes the version asked for, with the document\'s default and latest versions', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'two-versions', Content: commandDoc(), VersionName: 'one' }));
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'two-versions', Content: commandDoc({ description: 'second' }), VersionName: 'two' }));
    const latest = await describeDoc({ Name: 'two-versions', DocumentVersion: '$LATEST' });
    expect(latest.Document).toMatchObject({ DocumentVersion: '2', Description: 'second', VersionName: 'two', DefaultVersion: '1', LatestVersion: '2' });
    expect((await describeDoc({ Name: 'two-versions', VersionName: 'one' })).Document!.DocumentVersion).toBe('1');
  });

  it('answers InvalidDocument for an unknown name and InvalidDocumentVersion for an unknown version', async () => {
    expect((await err(describeDoc({ Name: 'missing-doc' }))).name).toBe('InvalidDocument');
    expect((await err(describeDoc({ Name: 'AWS-RunShellScript', DocumentVersion: '5' }))).name).toBe('InvalidDocumentVersion');
  });

  it('answers InvalidDocument for another account\'s document that is not shared', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'private-doc', Content: commandDoc() }));
    const e = await err(t.client({ account: '111111111111' }).send(new DescribeDocumentCommand({ Name: 'arn:aws:ssm:us-east-1:000000000000:document/private-doc' })));
    expect(e.name).toBe('InvalidDocument');
  });
});

describe('Document status on the virtual clock', () => {
  const schema = JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', required: ['level'], properties: { level: { type: 'integer', minimum: 1 } } });

  it('turns an ApplicationConfiguration that matches its schema Active', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'app-schema', Content: schema, DocumentType: 'ApplicationConfigurationSchema' }));
    await t.ssm.send(
      new CreateDocumentCommand({ Name: 'app-config', Content: '{"level": 3}', DocumentType: 'ApplicationConfiguration', Requires: [{ Name: 'app-schema', Version: '$DEFAULT' }] }),
    );
    await t.advance(1);
    const d = (await describeDoc({ Name: 'app-config' })).Document!;
    expect(d).toMatchObject({ Status: 'Active', Requires: [{ Name: 'app-schema', Version: '$DEFAULT' }] });
  });

  it('turns an ApplicationConfiguration that breaks its schema, or whose schema is missing, Failed with StatusInformation', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'app-schema', Content: schema, DocumentType: 'ApplicationConfigurationSchema' }));
    await t.ssm.send(new CreateDocumentCommand({ Name: 'bad-config', Content: '{"level": 0}', DocumentType: 'ApplicationConfiguration', Requires: [{ Name: 'app-schema' }] }));
    await t.ssm.send(new CreateDocumentCommand({ Name: 'orphan-config', Content: '{"level": 2}', DocumentType: 'ApplicationConfiguration', Requires: [{ Name: 'no-schema' }] }));
    await t.advance(1);
    const bad = (await describeDoc({ Name: 'bad-config' })).Document!;
    expect(bad.Status).toBe('Failed');
    expect(bad.StatusInformation).toContain('$.level is less than 1');
    const orphan = (await describeDoc({ Name: 'orphan-config' })).Document!;
    expect(orphan).toMatchObject({ Status: 'Failed', StatusInformation: "The required document no-schema doesn't exist or isn't shared with this account." });
  });

  it('honours $ref in the schema: a configuration that breaks a referenced definition turns Failed', async () => {
    const withRef = JSON.stringify({
      $schema: 'http://json-schema.org/draft-04/schema#',
      definitions: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
      type: 'object',
      properties: { port: { $ref: '#/definitions/port' } },
    });
    await t.ssm.send(new CreateDocumentCommand({ Name: 'ref-schema', Content: withRef, DocumentType: 'ApplicationConfigurationSchema' }));
    const config = (Name: string, Content: string) =>
      t.ssm.send(new CreateDocumentCommand({ Name, Content, DocumentType: 'ApplicationConfiguration', Requires: [{ Name: 'ref-schema' }] }));
    await config('good-port', '{"port": 443}');
    await config('bad-port', '{"port": 70000}');
    await t.advance(1);
    expect((await describeDoc({ Name: 'good-port' })).Document!.Status).toBe('Active');
    expect((await describeDoc({ Name: 'bad-port' })).Document).toMatchObject({
      Status: 'Failed',
      StatusInformation: 'The configuration does not match the required schema: $.port is greater than 65535',
    });
  });

  it("runs the schema's patterns on the linear-time engine, and fails a configuration whose schema cannot be used", async () => {
    const patterned = JSON.stringify({ type: 'object', properties: { word: { type: 'string', pattern: '(a+)+$' } } });
    const remote = JSON.stringify({ type: 'object', properties: { word: { $ref: 'http://example.com/word.json' } } });
    await t.ssm.send(new CreateDocumentCommand({ Name: 'pattern-schema', Content: patterned, DocumentType: 'ApplicationConfigurationSchema' }));
    await t.ssm.send(new CreateDocumentCommand({ Name: 'remote-schema', Content: remote, DocumentType: 'ApplicationConfigurationSchema' }));
    // (a+)+$ against 40 a's and a "!" needs 2^40 steps of a backtracking engine: a regression hangs here.
    const word = 'a'.repeat(40) + '!';
    await t.ssm.send(
      new CreateDocumentCommand({ Name: 'redos-config', Content: JSON.stringify({ word }), DocumentType: 'ApplicationConfiguration', Requires: [{ Name: 'pattern-schema' }] }),
    );
    await t.ssm.send(
      new CreateDocumentCommand({ Name: 'remote-config', Content: '{"word": "a"}', DocumentType: 'ApplicationConfiguration', Requires: [{ Name: 'remote-schema' }] }),
    );
    await t.advance(1);
    expect((await describeDoc({ Name: 'redos-config' })).Document).toMatchObject({
      Status: 'Failed',
      StatusInformation: 'The configuration does not match the required schema: $.word does not match pattern (a+)+$',
    });
    const remoteDoc = (await describeDoc({ Name: 'remote-config' })).Document!;
    expect(remoteDoc.Status).toBe('Failed');
    expect(remoteDoc.StatusInformation).toMatch(/^The required schema remote-schema is not a valid JSON schema: can't resolve reference http:\/\/example.com\/word.json/);
  });

  it('refuses an ApplicationConfiguration without Requires', async () => {
    const e = await err(t.ssm.send(new CreateDocumentCommand({ Name: 'no-req', Content: '{}', DocumentType: 'ApplicationConfiguration' })));
    expect(e.name).toBe('InvalidDocumentContent');
  });

  it('resolves attachment references to another document\'s attachments, and fails a version whose reference does not exist', async () => {
    await t.ssm.send(
      new CreateDocumentCommand({ Name: 'with-files', Content: commandDoc(), Attachments: [{ Key: 'S3FileUrl', Values: ['s3://bucket/scripts/run.sh'] }] }),
    );
    await t.ssm.send(
      new CreateDocumentCommand({
        Name: 'reuses-files',
        Content: commandDoc({ description: 'reuse' }),
        Attachments: [{ Key: 'AttachmentReference', Values: ['with-files/1/run.sh'] }],
      }),
    );
    await t.ssm.send(
      new CreateDocumentCommand({
        Name: 'broken-ref',
        Content: commandDoc({ description: 'broken' }),
        Attachments: [{ Key: 'AttachmentReference', Values: ['with-files/1/missing.sh'] }],
      }),
    );
    await t.advance(1);
    const ok = (await describeDoc({ Name: 'reuses-files' })).Document!;
    expect(ok).toMatchObject({ Status: 'Active', AttachmentsInformation: [{ Name: 'run.sh' }] });
    expect((await t.ssm.send(new GetDocumentCommand({ Name: 'reuses-files' }))).AttachmentsContent).toEqual([{ Name: 'run.sh', Url: 's3://bucket/scripts/run.sh' }]);
    const broken = (await describeDoc({ Name: 'broken-ref' })).Document!;
    expect(broken.Status).toBe('Failed');
    expect(broken.StatusInformation).toContain('with-files/1/missing.sh');
  });
});
