/**
 * Document names that are built-in object keys (`constructor`, `__proto__`, `toString`, `valueOf`,
 * `hasOwnProperty`) are valid names: every document operation treats them as names, never as the
 * members of an object's prototype.
 */
import { describe, expect, it } from 'vitest';
import {
  CreateDocumentCommand,
  DeleteDocumentCommand,
  DescribeDocumentCommand,
  DescribeDocumentPermissionCommand,
  GetDocumentCommand,
  ListDocumentsCommand,
  SendCommandCommand,
  UpdateDocumentCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { commandDoc } from './testdata.js';

const t = useEmulator();
const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

describe('documents named like built-in object keys', () => {
  it('do not exist until created: every operation answers InvalidDocument, never a 500', async () => {
    for (const Name of NAMES) {
      await expectError(t.ssm.send(new DescribeDocumentCommand({ Name })), 'InvalidDocument');
      await expectError(t.ssm.send(new GetDocumentCommand({ Name })), 'InvalidDocument');
      await expectError(t.ssm.send(new DescribeDocumentPermissionCommand({ Name, PermissionType: 'Share' })), 'InvalidDocument');
      await expectError(t.ssm.send(new DeleteDocumentCommand({ Name })), 'InvalidDocument');
      await expectError(t.ssm.send(new SendCommandCommand({ DocumentName: Name, InstanceIds: ['i-0123456789abcdef0'] })), 'InvalidDocument');
    }
  });

  it('can be created, read, updated, listed and deleted like any other name', async () => {
    for (const Name of NAMES) {
      const created = await t.ssm.send(new CreateDocumentCommand({ Name, Content: commandDoc(), DocumentType: 'Command' }));
      expect(created.DocumentDescription?.Name).toBe(Name);
      expect((await t.ssm.send(new DescribeDocumentCommand({ Name }))).Document).toMatchObject({ Name, DocumentVersion: '1' });
      await t.ssm.send(new UpdateDocumentCommand({ Name, Content: commandDoc({ description: 'version two' }), DocumentVersion: '$LATEST' }));
      expect((await t.ssm.send(new GetDocumentCommand({ Name, DocumentVersion: '2' }))).Content).toContain('version two');
    }
    const listed = (await t.ssm.send(new ListDocumentsCommand({ Filters: [{ Key: 'Owner', Values: ['Self'] }] }))).DocumentIdentifiers!.map((d) => d.Name);
    expect(listed).toEqual(expect.arrayContaining(NAMES));
    const snapshot = t.emu.snapshot();
    t.emu.restore(JSON.parse(JSON.stringify(snapshot)));
    expect((await t.ssm.send(new DescribeDocumentCommand({ Name: '__proto__' }))).Document?.LatestVersion).toBe('2');
    for (const Name of NAMES) await t.ssm.send(new DeleteDocumentCommand({ Name }));
    await expectError(t.ssm.send(new DescribeDocumentCommand({ Name: 'constructor' })), 'InvalidDocument');
  });
});

describe('explicit JSON nulls', () => {
  it('a null member is an absent member; a null list element is refused as AWS refuses it', async () => {
    const ok = await t.rpc('CreateDocument', { Name: 'with-nulls', Content: commandDoc(), DocumentType: 'Command', VersionName: null, Attachments: null });
    expect(ok.status).toBe(200);
    expect(ok.body.DocumentDescription.VersionName).toBeUndefined();
    const bad = await t.rpc('CreateDocument', { Name: 'null-attachment', Content: commandDoc(), Attachments: [null] });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ __type: 'ValidationException', message: "1 validation error detected: Value null at 'attachments.1.member' failed to satisfy constraint: Member must not be null" });
    const send = await t.rpc('SendCommand', { DocumentName: 'AWS-RunShellScript', Targets: [{ Key: 'tag:none', Values: ['x'] }], Parameters: { commands: ['uptime'] }, OutputS3BucketName: null });
    expect(send.status).toBe(200);
    expect(send.body.Command.OutputS3BucketName).toBe('');
  });
});
