import { describe, expect, it } from 'vitest';
import { DescribePatchGroupsCommand, RegisterPatchBaselineForPatchGroupCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createBaseline, expectError } from './testkit.js';

describe('DescribePatchGroups', () => {
  const t = useEmulator();

  it('lists registrations by group name with their baseline, filtered by NAME_PREFIX and OPERATING_SYSTEM, paged', async () => {
    const linux = await createBaseline(t.ssm, { Name: 'linux', Description: 'Linux baseline' });
    const windows = await createBaseline(t.ssm, { Name: 'windows', OperatingSystem: 'WINDOWS', ApprovalRules: undefined, ApprovedPatches: ['KB1'] });
    for (const g of ['prod-web', 'prod-db', 'dev']) await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: linux, PatchGroup: g }));
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: windows, PatchGroup: 'prod-web' }));
    const all = await t.ssm.send(new DescribePatchGroupsCommand({}));
    expect(all.Mappings!.map((m) => [m.PatchGroup, m.BaselineIdentity!.BaselineName])).toEqual([
      ['dev', 'linux'],
      ['prod-db', 'linux'],
      ['prod-web', 'linux'],
      ['prod-web', 'windows'],
    ]);
    expect(all.Mappings![0].BaselineIdentity).toEqual({ BaselineId: linux, BaselineName: 'linux', OperatingSystem: 'AMAZON_LINUX_2023', BaselineDescription: 'Linux baseline', DefaultBaseline: false });
    const prodWindows = await t.ssm.send(new DescribePatchGroupsCommand({ Filters: [{ Key: 'NAME_PREFIX', Values: ['prod-'] }, { Key: 'OPERATING_SYSTEM', Values: ['WINDOWS'] }] }));
    expect(prodWindows.Mappings!.map((m) => m.PatchGroup)).toEqual(['prod-web']);
    const first = await t.ssm.send(new DescribePatchGroupsCommand({ MaxResults: 3 }));
    expect(first.Mappings!.length).toBe(3);
    const rest = await t.ssm.send(new DescribePatchGroupsCommand({ MaxResults: 3, NextToken: first.NextToken }));
    expect(rest.Mappings!.map((m) => m.BaselineIdentity!.BaselineName)).toEqual(['windows']);
    expect(rest.NextToken).toBeUndefined();
  });

  it('refuses an unknown filter key', async () => {
    await expectError(t.ssm.send(new DescribePatchGroupsCommand({ Filters: [{ Key: 'OWNER', Values: ['Self'] }] })), 'ValidationException', /Invalid filter key: OWNER/);
  });
});
