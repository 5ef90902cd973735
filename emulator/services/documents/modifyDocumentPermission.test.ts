import { describe, expect, it } from 'vitest';
import {
  CreateDocumentCommand,
  DescribeDocumentCommand,
  DescribeDocumentPermissionCommand,
  GetDocumentCommand,
  ListDocumentVersionsCommand,
  ModifyDocumentPermissionCommand,
  UpdateDocumentCommand,
} from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { commandDoc } from './testdata.js';
import { documents } from '../../sim/documents/state.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const OWNER = '000000000000';
const B = '111111111111';
const C = '222222222222';
const ARN = `arn:aws:ssm:us-east-1:${OWNER}:document/team-doc`;
const share = (input: Partial<ConstructorParameters<typeof ModifyDocumentPermissionCommand>[0]>) =>
  t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'team-doc', PermissionType: 'Share', ...input }));
const perms = () => t.ssm.send(new DescribeDocumentPermissionCommand({ Name: 'team-doc', PermissionType: 'Share' }));

describe('ModifyDocumentPermission and sharing across accounts', () => {
  it('shares with another account, which reads the document by ARN; a third account cannot', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'team-doc', Content: commandDoc() }));
    await share({ AccountIdsToAdd: [B] });
    const b = t.client({ account: B });
    const got = await b.send(new GetDocumentCommand({ Name: ARN }));
    expect(got).toMatchObject({ Name: 'team-doc', Content: commandDoc(), DocumentVersion: '1' });
    const described = await b.send(new DescribeDocumentCommand({ Name: ARN }));
    expect(described.Document).toMatchObject({ Name: 'team-doc', Owner: OWNER, Tags: [] });
    expect((await b.send(new ListDocumentVersionsCommand({ Name: ARN }))).DocumentVersions!.map((v) => v.DocumentVersion)).toEqual(['1']);
    // Not by plain name, and not from an account it was not shared with.
    expect((await err(b.send(new GetDocumentCommand({ Name: 'team-doc' })))).name).toBe('InvalidDocument');
    expect((await err(t.client({ account: C }).send(new GetDocumentCommand({ Name: ARN })))).name).toBe('InvalidDocument');
  });

  it('shares the default version unless SharedDocumentVersion says otherwise', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'team-doc', Content: commandDoc() }));
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'team-doc', Content: commandDoc({ description: 'v2' }) }));
    await share({ AccountIdsToAdd: [B] });
    const b = t.client({ account: B });
    expect((await b.send(new GetDocumentCommand({ Name: ARN }))).DocumentVersion).toBe('1');
    expect((await err(b.send(new GetDocumentCommand({ Name: ARN, DocumentVersion: '2' })))).name).toBe('InvalidDocumentVersion');
    await share({ AccountIdsToAdd: [B], SharedDocumentVersion: '$ALL' });
    expect((await b.send(new GetDocumentCommand({ Name: ARN, DocumentVersion: '2' }))).DocumentVersion).toBe('2');
    expect((await perms()).AccountSharingInfoList).toEqual([{ AccountId: B, SharedDocumentVersion: '$ALL' }]);
  });

  it('shares publicly with "All" (reported as "all") and unshares', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'team-doc', Content: commandDoc() }));
    await share({ AccountIdsToAdd: ['All'] });
    expect(await perms()).toMatchObject({ AccountIds: ['all'], AccountSharingInfoList: [{ AccountId: 'all', SharedDocumentVersion: '$DEFAULT' }] });
    expect((await t.client({ account: C }).send(new GetDocumentCommand({ Name: ARN }))).Name).toBe('team-doc');
    await share({ AccountIdsToRemove: ['all'] });
    expect((await perms()).AccountIds).toEqual([]);
    expect((await err(t.client({ account: C }).send(new GetDocumentCommand({ Name: ARN })))).name).toBe('InvalidDocument');
  });

  it('lets removal win over addition of the same account', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'team-doc', Content: commandDoc() }));
    await share({ AccountIdsToAdd: [B, C], AccountIdsToRemove: [C] });
    expect((await perms()).AccountIds).toEqual([B]);
  });

  it('refuses "All" mixed with account ids with DocumentPermissionLimit', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'team-doc', Content: commandDoc() }));
    const e = await err(share({ AccountIdsToAdd: ['All', B] }));
    expect(e.name).toBe('DocumentPermissionLimit');
    expect((await perms()).AccountIds).toEqual([]);
  });

  it('refuses more than 20 accounts in one call, and ids that are not account ids (model validation)', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'team-doc', Content: commandDoc() }));
    const many = Array.from({ length: 21 }, (_, i) => String(100000000000 + i));
    expect((await err(share({ AccountIdsToAdd: many }))).name).toBe('ValidationException');
    expect((await err(share({ AccountIdsToAdd: ['12345'] }))).name).toBe('ValidationException');
  });

  it('stops at 1,000 private shares with DocumentPermissionLimit', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'team-doc', Content: commandDoc() }));
    const doc = documents.of(t.emu.store.scope(OWNER, 'us-east-1')).byName['team-doc'];
    doc.Permissions = Array.from({ length: 1000 }, (_, i) => ({ AccountId: String(300000000000 + i), SharedDocumentVersion: '$DEFAULT' }));
    const e = await err(share({ AccountIdsToAdd: [B] }));
    expect(e.name).toBe('DocumentPermissionLimit');
    expect(doc.Permissions).toHaveLength(1000);
  });

  it('refuses a sixth public document with DocumentLimitExceeded', async () => {
    for (let i = 1; i <= 6; i++) await t.ssm.send(new CreateDocumentCommand({ Name: `pub-${i}`, Content: commandDoc({ description: `d${i}` }) }));
    for (let i = 1; i <= 5; i++) await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: `pub-${i}`, PermissionType: 'Share', AccountIdsToAdd: ['all'] }));
    const e = await err(t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'pub-6', PermissionType: 'Share', AccountIdsToAdd: ['all'] })));
    expect(e.name).toBe('DocumentLimitExceeded');
  });

  it('needs accounts to add or remove', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'team-doc', Content: commandDoc() }));
    expect((await err(share({}))).name).toBe('ValidationException');
  });

  it('answers InvalidDocument for unknown and AWS-owned documents', async () => {
    expect((await err(share({ AccountIdsToAdd: [B] }))).name).toBe('InvalidDocument');
    const e = await err(t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'AWS-RunShellScript', PermissionType: 'Share', AccountIdsToAdd: [B] })));
    expect(e.name).toBe('InvalidDocument');
  });

  it('refuses a permission type other than Share (model validation)', async () => {
    const e = await err(t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'team-doc', PermissionType: 'Read' as 'Share', AccountIdsToAdd: [B] })));
    expect(e.name).toBe('ValidationException');
  });
});
