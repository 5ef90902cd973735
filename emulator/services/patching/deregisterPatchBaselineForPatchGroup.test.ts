import { describe, expect, it } from 'vitest';
import { DeregisterPatchBaselineForPatchGroupCommand, GetPatchBaselineForPatchGroupCommand, RegisterPatchBaselineForPatchGroupCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createBaseline, expectError } from './testkit.js';

describe('DeregisterPatchBaselineForPatchGroup', () => {
  const t = useEmulator();

  it('the group goes back to the default baseline', async () => {
    const id = await createBaseline(t.ssm);
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: 'web' }));
    expect(await t.ssm.send(new DeregisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: 'web' }))).toMatchObject({ BaselineId: id, PatchGroup: 'web' });
    const after = await t.ssm.send(new GetPatchBaselineForPatchGroupCommand({ PatchGroup: 'web', OperatingSystem: 'AMAZON_LINUX_2023' }));
    expect(after.BaselineId).toBe('arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0');
  });

  it('a group that is not registered with the baseline, or a malformed id, is InvalidResourceId', async () => {
    const id = await createBaseline(t.ssm);
    await expectError(t.ssm.send(new DeregisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: 'web' })), 'InvalidResourceId', `Patch Group web is not registered with Patch Baseline ${id}.`);
    await expectError(t.ssm.send(new DeregisterPatchBaselineForPatchGroupCommand({ BaselineId: 'not-a-patch-baseline-id', PatchGroup: 'web' })), 'InvalidResourceId');
  });
});
