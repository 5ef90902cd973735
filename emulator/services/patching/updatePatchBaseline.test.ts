import { describe, expect, it } from 'vitest';
import { GetPatchBaselineCommand, UpdatePatchBaselineCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createBaseline, expectError } from './testkit.js';

describe('UpdatePatchBaseline', () => {
  const t = useEmulator();

  it('changes what is given, keeps the rest, and moves ModifiedDate', async () => {
    const id = await createBaseline(t.ssm, { Description: 'first', RejectedPatches: ['kernel*'] });
    await t.advance(3600);
    const out = await t.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: id, Name: 'renamed', ApprovedPatches: ['openssl-libs.x86_64'] }));
    expect(out).toMatchObject({ BaselineId: id, Name: 'renamed', OperatingSystem: 'AMAZON_LINUX_2023', Description: 'first', RejectedPatches: ['kernel*'], ApprovedPatches: ['openssl-libs.x86_64'] });
    expect(out.ModifiedDate!.getTime() - out.CreatedDate!.getTime()).toBe(3600_000);
    expect((await t.ssm.send(new GetPatchBaselineCommand({ BaselineId: id }))).Name).toBe('renamed');
  });

  it('Replace resets what is not given and needs the Name', async () => {
    const id = await createBaseline(t.ssm, { Description: 'first', RejectedPatches: ['kernel*'], RejectedPatchesAction: 'BLOCK' });
    await expectError(t.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: id, Replace: true })), 'ValidationException', 'Name must be specified when Replace is true.');
    const out = await t.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: id, Name: 'fresh', Replace: true }));
    expect(out).toMatchObject({ Name: 'fresh', RejectedPatches: [], RejectedPatchesAction: 'ALLOW_AS_DEPENDENCY', ApprovalRules: { PatchRules: [] } });
    expect(out.Description).toBeUndefined();
  });

  it('checks the new content as CreatePatchBaseline does, and changes nothing when it is refused', async () => {
    const id = await createBaseline(t.ssm);
    await expectError(
      t.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: id, GlobalFilters: { PatchFilters: [{ Key: 'MSRC_SEVERITY', Values: ['Critical'] }] } })),
      'ValidationException',
      /MSRC_SEVERITY is not supported for operating system AMAZON_LINUX_2023/,
    );
    expect((await t.ssm.send(new GetPatchBaselineCommand({ BaselineId: id }))).GlobalFilters).toEqual({ PatchFilters: [] });
  });

  it("refuses AWS's predefined baselines, unknown baselines and malformed ids", async () => {
    await expectError(
      t.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0', Name: 'mine' })),
      'ValidationException',
      /owned by AWS and cannot be modified/,
    );
    await expectError(t.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: 'pb-0123456789abcdef0', Name: 'mine' })), 'DoesNotExistException');
    await expectError(t.ssm.send(new UpdatePatchBaselineCommand({ BaselineId: 'not-a-patch-baseline-id', Name: 'mine' })), 'InvalidResourceId');
  });
});
