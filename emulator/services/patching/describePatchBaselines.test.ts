import { describe, expect, it } from 'vitest';
import { DescribePatchBaselinesCommand, RegisterDefaultPatchBaselineCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { allPages, createBaseline, expectError } from './testkit.js';

describe('DescribePatchBaselines', () => {
  const t = useEmulator();
  const list = (Filters?: { Key: string; Values: string[] }[], MaxResults?: number) =>
    allPages((NextToken) => t.ssm.send(new DescribePatchBaselinesCommand({ Filters, MaxResults, NextToken })), (p) => p.BaselineIdentities);

  it("lists AWS's predefined baselines, then the account's, with DefaultBaseline for each OS's default", async () => {
    const mine = await createBaseline(t.ssm, { Name: 'My-AL2023', Description: 'mine' });
    const all = await list();
    expect(all.length).toBe(18);
    expect(all[all.length - 1]).toEqual({ BaselineId: mine, BaselineName: 'My-AL2023', OperatingSystem: 'AMAZON_LINUX_2023', BaselineDescription: 'mine', DefaultBaseline: false });
    const windows = all.filter((b) => b.OperatingSystem === 'WINDOWS');
    expect(windows.map((b) => [b.BaselineName, b.DefaultBaseline])).toEqual([
      ['AWS-DefaultPatchBaseline', true],
      ['AWS-WindowsPredefinedPatchBaseline-OS', false],
      ['AWS-WindowsPredefinedPatchBaseline-OS-Applications', false],
    ]);
    expect(windows[0]).toMatchObject({ BaselineId: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-09ca3fb51f0412ec3', BaselineDescription: 'Default Patch Baseline Provided by AWS.' });
    await t.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: mine }));
    const after = await list([{ Key: 'OPERATING_SYSTEM', Values: ['AMAZON_LINUX_2023'] }]);
    expect(after.map((b) => [b.BaselineName, b.DefaultBaseline])).toEqual([
      ['AWS-AmazonLinux2023DefaultPatchBaseline', false],
      ['My-AL2023', true],
    ]);
  });

  it('filters by OWNER (AWS, Self, All), NAME_PREFIX and OPERATING_SYSTEM', async () => {
    await createBaseline(t.ssm, { Name: 'Prod-Linux' });
    await createBaseline(t.ssm, { Name: 'Prod-Windows', OperatingSystem: 'WINDOWS', ApprovalRules: undefined, ApprovedPatches: ['KB1'] });
    expect((await list([{ Key: 'OWNER', Values: ['Self'] }])).map((b) => b.BaselineName)).toEqual(['Prod-Linux', 'Prod-Windows']);
    expect((await list([{ Key: 'OWNER', Values: ['AWS'] }])).length).toBe(17);
    expect((await list([{ Key: 'OWNER', Values: ['All'] }])).length).toBe(19);
    expect((await list([{ Key: 'NAME_PREFIX', Values: ['Prod-'] }, { Key: 'OPERATING_SYSTEM', Values: ['WINDOWS'] }])).map((b) => b.BaselineName)).toEqual(['Prod-Windows']);
    expect((await list([{ Key: 'NAME_PREFIX', Values: ['AWS-Ubuntu'] }])).map((b) => b.BaselineName)).toEqual(['AWS-UbuntuDefaultPatchBaseline']);
  });

  it('pages with MaxResults and NextToken', async () => {
    const page = await t.ssm.send(new DescribePatchBaselinesCommand({ MaxResults: 5 }));
    expect(page.BaselineIdentities!.length).toBe(5);
    expect(page.NextToken).toBeDefined();
    expect((await list(undefined, 4)).length).toBe(17);
    await expectError(t.ssm.send(new DescribePatchBaselinesCommand({ NextToken: 'garbage' })), 'InvalidNextToken');
  });

  it('refuses unknown filter keys and values', async () => {
    await expectError(t.ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'TAG', Values: ['x'] }] })), 'ValidationException', /Invalid filter key: TAG/);
    await expectError(t.ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OWNER', Values: ['Me'] }] })), 'ValidationException', /OWNER: Me/);
    await expectError(t.ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OPERATING_SYSTEM', Values: ['DOS'] }] })), 'ValidationException', /OPERATING_SYSTEM: DOS/);
  });
});
