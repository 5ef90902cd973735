import { expect } from 'vitest';
import { DescribePatchBaselinesCommand, DescribePatchGroupsCommand, GetDefaultPatchBaselineCommand, GetPatchBaselineCommand } from '@aws-sdk/client-ssm';
import type { TerraformChecks } from './checks.js';

const AWS_AL2023 = 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0';

export const checks: TerraformChecks = {
  name: 'patch baselines, patch groups, the default baseline and the predefined baseline data source',
  async afterApply({ ssm, outputs }) {
    const id = outputs.patch_baseline_id as string;
    expect(id).toMatch(/^pb-[0-9a-f]{17}$/);
    // The provider builds the ARN itself, from the account id it is told to skip asking for.
    expect(outputs.patch_baseline_arn).toMatch(new RegExp(`^arn:aws:ssm:us-east-1:\\d*:patchbaseline/${id}$`));
    const b = await ssm.send(new GetPatchBaselineCommand({ BaselineId: id }));
    expect(b).toMatchObject({ Name: 'tf-al2023-prod', OperatingSystem: 'AMAZON_LINUX_2023', PatchGroups: ['tf-web'], RejectedPatchesAction: 'BLOCK' });
    expect(b.ApprovalRules!.PatchRules!.map((r) => r.ApproveAfterDays ?? r.ApproveUntilDate)).toEqual([7, '2026-06-30']);
    expect((await ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2023' }))).BaselineId).toBe(id);
    const groups = await ssm.send(new DescribePatchGroupsCommand({}));
    expect(groups.Mappings!.map((m) => [m.PatchGroup, m.BaselineIdentity!.BaselineId])).toEqual([['tf-web', id]]);
    expect(outputs.aws_ubuntu_baseline).toMatchObject({
      name: 'AWS-UbuntuDefaultPatchBaseline',
      default: true,
      priority: ['Required', 'Important', 'Standard', 'Optional', 'Extra'],
    });
    expect((outputs.aws_ubuntu_baseline as { id: string }).id).toMatch(/^arn:aws:ssm:us-east-1:075727635805:patchbaseline\/pb-[0-9a-f]{17}$/);
  },
  async afterDestroy({ ssm }) {
    const own = await ssm.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OWNER', Values: ['Self'] }] }));
    expect(own.BaselineIdentities).toEqual([]);
    // Destroying aws_ssm_default_patch_baseline gives the OS its AWS default back.
    expect((await ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2023' }))).BaselineId).toBe(AWS_AL2023);
    expect((await ssm.send(new DescribePatchGroupsCommand({}))).Mappings).toEqual([]);
  },
};
