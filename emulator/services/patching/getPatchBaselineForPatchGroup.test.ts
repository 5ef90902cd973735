import { describe, expect, it } from 'vitest';
import { GetPatchBaselineForPatchGroupCommand, RegisterDefaultPatchBaselineCommand, RegisterPatchBaselineForPatchGroupCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createBaseline } from './testkit.js';

describe('GetPatchBaselineForPatchGroup', () => {
  const t = useEmulator();

  it("the group's baseline for the OS (Windows by default), else the OS's default", async () => {
    const id = await createBaseline(t.ssm);
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: 'web' }));
    expect(await t.ssm.send(new GetPatchBaselineForPatchGroupCommand({ PatchGroup: 'web', OperatingSystem: 'AMAZON_LINUX_2023' }))).toMatchObject({
      BaselineId: id,
      PatchGroup: 'web',
      OperatingSystem: 'AMAZON_LINUX_2023',
    });
    expect(await t.ssm.send(new GetPatchBaselineForPatchGroupCommand({ PatchGroup: 'web' }))).toMatchObject({
      BaselineId: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-09ca3fb51f0412ec3',
      OperatingSystem: 'WINDOWS',
    });
    const mine = await createBaseline(t.ssm, { Name: 'ubuntu', OperatingSystem: 'UBUNTU', ApprovalRules: undefined, ApprovedPatches: ['openssl'] });
    await t.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: mine }));
    expect((await t.ssm.send(new GetPatchBaselineForPatchGroupCommand({ PatchGroup: 'db', OperatingSystem: 'UBUNTU' }))).BaselineId).toBe(mine);
  });
});
