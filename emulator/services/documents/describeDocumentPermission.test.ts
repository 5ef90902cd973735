import { describe, expect, it } from 'vitest';
import { CreateDocumentCommand, DescribeDocumentPermissionCommand, ModifyDocumentPermissionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { commandDoc } from './testdata.js';

const t = useEmulator();
const err = (p: Promise<unknown>) => p.then(() => { throw new Error('expected an error'); }, (e) => e as Error);
const describePerms = (input: Partial<ConstructorParameters<typeof DescribeDocumentPermissionCommand>[0]> = {}) =>
  t.ssm.send(new DescribeDocumentPermissionCommand({ Name: 'perm-doc', PermissionType: 'Share', ...input }));

describe('DescribeDocumentPermission', () => {
  it('lists nobody for an unshared document', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'perm-doc', Content: commandDoc() }));
    expect(await describePerms()).toMatchObject({ AccountIds: [], AccountSharingInfoList: [] });
  });

  it('pages through the accounts with tokens that survive a change between pages', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'perm-doc', Content: commandDoc() }));
    const ids = ['111111111111', '222222222222', '333333333333', '444444444444'];
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'perm-doc', PermissionType: 'Share', AccountIdsToAdd: ids }));
    const p1 = await describePerms({ MaxResults: 2 });
    expect(p1.AccountIds).toEqual(ids.slice(0, 2));
    expect(p1.NextToken).toBeDefined();
    // An account removed before the next page does not shift the listing.
    await t.ssm.send(new ModifyDocumentPermissionCommand({ Name: 'perm-doc', PermissionType: 'Share', AccountIdsToRemove: ['111111111111'] }));
    const p2 = await describePerms({ MaxResults: 2, NextToken: p1.NextToken });
    expect(p2.AccountIds).toEqual(ids.slice(2));
    expect(p2.NextToken).toBeUndefined();
  });

  it('refuses a token it did not issue with InvalidNextToken', async () => {
    await t.ssm.send(new CreateDocumentCommand({ Name: 'perm-doc', Content: commandDoc() }));
    expect((await err(describePerms({ NextToken: 'garbage' }))).name).toBe('InvalidNextToken');
  });

  it('answers InvalidDocument for an unknown document and InvalidDocumentOperation for an AWS-owned one', async () => {
    expect((await err(describePerms())).name).toBe('InvalidDocument');
    const e = await err(t.ssm.send(new DescribeDocumentPermissionCommand({ Name: 'AWS-RunShellScript', PermissionType: 'Share' })));
    expect(e.name).toBe('InvalidDocumentOperation');
  });

  it('refuses an unsupported permission type (model validation)', async () => {
    expect((await err(describePerms({ PermissionType: 'Own' as 'Share' }))).name).toBe('ValidationException');
  });
});
