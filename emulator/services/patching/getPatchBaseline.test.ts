import { describe, expect, it } from 'vitest';
import { DescribePatchBaselinesCommand, GetPatchBaselineCommand, RegisterPatchBaselineForPatchGroupCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createBaseline, expectError } from './testkit.js';

describe('GetPatchBaseline', () => {
  const t = useEmulator();

  it("names a custom baseline by id or by ARN, with the patch groups registered with it", async () => {
    const id = await createBaseline(t.ssm);
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: 'web servers' }));
    const byId = await t.ssm.send(new GetPatchBaselineCommand({ BaselineId: id }));
    expect(byId).toMatchObject({ BaselineId: id, Name: 'my-baseline', OperatingSystem: 'AMAZON_LINUX_2023', PatchGroups: ['web servers'] });
    const byArn = await t.ssm.send(new GetPatchBaselineCommand({ BaselineId: `arn:aws:ssm:us-east-1:000000000000:patchbaseline/${id}` }));
    expect(byArn.Name).toBe('my-baseline');
  });

  it("answers AWS's predefined baselines by ARN, with AWS's documented rules and its real id in the Region", async () => {
    const arn = 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0';
    const b = await t.ssm.send(new GetPatchBaselineCommand({ BaselineId: arn }));
    expect(b).toMatchObject({
      BaselineId: arn,
      Name: 'AWS-AmazonLinux2023DefaultPatchBaseline',
      OperatingSystem: 'AMAZON_LINUX_2023',
      ApprovedPatchesComplianceLevel: 'UNSPECIFIED',
      RejectedPatchesAction: 'ALLOW_AS_DEPENDENCY',
    });
    expect(b.ApprovalRules!.PatchRules).toEqual([
      {
        PatchFilterGroup: { PatchFilters: [{ Key: 'PRODUCT', Values: ['*'] }, { Key: 'CLASSIFICATION', Values: ['Security'] }, { Key: 'SEVERITY', Values: ['Critical', 'Important'] }] },
        ComplianceLevel: 'UNSPECIFIED',
        ApproveAfterDays: 7,
        EnableNonSecurity: false,
      },
      { PatchFilterGroup: { PatchFilters: [{ Key: 'PRODUCT', Values: ['*'] }, { Key: 'CLASSIFICATION', Values: ['Bugfix'] }] }, ComplianceLevel: 'UNSPECIFIED', ApproveAfterDays: 7, EnableNonSecurity: false },
    ]);
  });

  it('every predefined baseline of every Region can be read back by the ARN DescribePatchBaselines gives', async () => {
    for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'xx-test-1']) {
      const c = t.client({ region });
      const { BaselineIdentities } = await c.send(new DescribePatchBaselinesCommand({ Filters: [{ Key: 'OWNER', Values: ['AWS'] }] }));
      expect(BaselineIdentities!.length).toBe(17);
      for (const i of BaselineIdentities!) expect((await c.send(new GetPatchBaselineCommand({ BaselineId: i.BaselineId }))).Name).toBe(i.BaselineName);
    }
  });

  it('a predefined baseline named by its bare id, another Region, or an unknown id does not exist', async () => {
    await expectError(t.ssm.send(new GetPatchBaselineCommand({ BaselineId: 'pb-05c9c9bf778d4c4d0' })), 'DoesNotExistException', 'Patch Baseline pb-05c9c9bf778d4c4d0 does not exist.');
    await expectError(t.ssm.send(new GetPatchBaselineCommand({ BaselineId: 'arn:aws:ssm:eu-west-1:845259048710:patchbaseline/pb-05c9c9bf778d4c4d0' })), 'DoesNotExistException');
    await expectError(t.ssm.send(new GetPatchBaselineCommand({ BaselineId: 'pb-0123456789abcdef0' })), 'DoesNotExistException');
  });

  it('an id that is not shaped like a baseline id is InvalidResourceId', async () => {
    await expectError(t.ssm.send(new GetPatchBaselineCommand({ BaselineId: 'not-a-patch-baseline-id' })), 'InvalidResourceId', 'Invalid Patch Baseline Id: not-a-patch-baseline-id');
  });
});
