import { describe, expect, it } from 'vitest';
import { DeletePatchBaselineCommand, GetPatchBaselineCommand, RegisterDefaultPatchBaselineCommand, RegisterPatchBaselineForPatchGroupCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createBaseline, expectError } from './testkit.js';

describe('DeletePatchBaseline', () => {
  const t = useEmulator();

  it('deletes a baseline; deleting it again answers its id', async () => {
    const id = await createBaseline(t.ssm);
    expect((await t.ssm.send(new DeletePatchBaselineCommand({ BaselineId: id }))).BaselineId).toBe(id);
    await expectError(t.ssm.send(new GetPatchBaselineCommand({ BaselineId: id })), 'DoesNotExistException');
    expect((await t.ssm.send(new DeletePatchBaselineCommand({ BaselineId: id }))).BaselineId).toBe(id);
  });

  it('a baseline registered with a patch group or as the default is in use', async () => {
    const id = await createBaseline(t.ssm);
    await t.ssm.send(new RegisterPatchBaselineForPatchGroupCommand({ BaselineId: id, PatchGroup: 'web' }));
    await expectError(t.ssm.send(new DeletePatchBaselineCommand({ BaselineId: id })), 'ResourceInUseException', `Patch Baseline ${id} is registered with patch group(s) web and cannot be deleted.`);
    const other = await createBaseline(t.ssm, { Name: 'default-one' });
    await t.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: other }));
    await expectError(t.ssm.send(new DeletePatchBaselineCommand({ BaselineId: other })), 'ResourceInUseException', /is the default patch baseline/);
  });

  it("cannot delete AWS's predefined baselines", async () => {
    await expectError(
      t.ssm.send(new DeletePatchBaselineCommand({ BaselineId: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0' })),
      'ValidationException',
      /owned by AWS/,
    );
  });
});
