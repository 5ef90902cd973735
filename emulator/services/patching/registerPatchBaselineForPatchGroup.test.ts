import { describe, expect, it } from 'vitest';
import { DescribePatchGroupsCommand, GetPatchBaselineCommand, RegisterPatchBaselineForPatchGroupCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createBaseline, expectError } from './testkit.js';

describe('RegisterPatchBaselineForPatchGroup', () => {
  const t = useEmulator();

  it('registers a patch group with a baseline, once per operating system', async () => {
    const linux = await createBaseline(t.ssm);
    const windows = await createBaseline(t.ssm, { Name: 'win', OperatingSystem: 'WINDOWS', ApprovalRules: undefined, ApprovedPatches: ['KB1'] });
    expect(await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: linux, PatchGroup: 'Web Servers' }))).toMatchObject({ BaselineId: linux, PatchGroup: 'Web Servers' });
    // A Windows baseline can serve the same group: one registration per OS.
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: windows, PatchGroup: 'Web Servers' }));
    const other = await createBaseline(t.ssm, { Name: 'linux-2' });
    await expectError(
      t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: other, PatchGroup: 'Web Servers' })),
      'AlreadyExistsException',
      `Patch Group Web Servers is already registered with Patch Baseline ${linux} for operating system AMAZON_LINUX_2023.`,
    );
    expect((await t.ssm.send(new GetPatchBaselineCommand({ BaselineId: linux }))).PatchGroups).toEqual(['Web Servers']);
  });

  it("registers groups with AWS's predefined baselines by ARN", async () => {
    const arn = 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-09ca3fb51f0412ec3';
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: arn, PatchGroup: 'Backend' }));
    const { Mappings } = await t.ssm.send(new DescribePatchGroupsCommand({}));
    expect(Mappings).toEqual([{ PatchGroup: 'Backend', BaselineIdentity: expect.objectContaining({ BaselineId: arn, BaselineName: 'AWS-DefaultPatchBaseline', DefaultBaseline: true }) }]);
  });

  it('group names such as __proto__ and constructor are ordinary names', async () => {
    const id = await createBaseline(t.ssm);
    for (const g of ['__proto__', 'constructor']) await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: g }));
    expect((await t.ssm.send(new GetPatchBaselineCommand({ BaselineId: id }))).PatchGroups).toEqual(['__proto__', 'constructor']);
  });

  it('refuses unknown baselines, malformed ids, and more than 25 groups per baseline', async () => {
    await expectError(t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: 'pb-0123456789abcdef0', PatchGroup: 'g' })), 'DoesNotExistException');
    await expectError(t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: 'not-a-patch-baseline-id', PatchGroup: 'g' })), 'InvalidResourceId');
    const id = await createBaseline(t.ssm);
    for (let i = 0; i < 25; i++) await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: `g${i}` }));
    await expectError(t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: 'g25' })), 'ResourceLimitExceededException', /\(25\)/);
  });
});
