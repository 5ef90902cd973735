import { describe, expect, it } from 'vitest';
import { GetDefaultPatchBaselineCommand, RegisterDefaultPatchBaselineCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { createBaseline, expectError } from './testkit.js';

const AWS_AL2023 = 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-05c9c9bf778d4c4d0';

describe('RegisterDefaultPatchBaseline', () => {
  const t = useEmulator();

  it("makes a custom baseline its OS's default; AWS's is restored by its ARN (the answer names it by id)", async () => {
    const id = await createBaseline(t.ssm);
    expect((await t.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: id }))).BaselineId).toBe(id);
    expect(await t.ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2023' }))).toMatchObject({ BaselineId: id, OperatingSystem: 'AMAZON_LINUX_2023' });
    // Other operating systems keep theirs.
    expect((await t.ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'UBUNTU' }))).BaselineId).toMatch(/^arn:aws:ssm:us-east-1:075727635805:patchbaseline\//);
    expect((await t.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: AWS_AL2023 }))).BaselineId).toBe('pb-05c9c9bf778d4c4d0');
    expect((await t.ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2023' }))).BaselineId).toBe(AWS_AL2023);
  });

  it('a registration is per Region', async () => {
    const id = await createBaseline(t.ssm);
    await t.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: id }));
    const eu = await t.client({ region: 'eu-west-1' }).send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'AMAZON_LINUX_2023' }));
    expect(eu.BaselineId).toMatch(/^arn:aws:ssm:eu-west-1:845259048710:patchbaseline\/pb-[0-9a-f]{17}$/);
  });

  it('refuses unknown baselines (a predefined one needs its ARN) and malformed ids', async () => {
    await expectError(t.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: 'pb-05c9c9bf778d4c4d0' })), 'DoesNotExistException');
    await expectError(t.ssm.send(new RegisterDefaultPatchBaselineCommand({ BaselineId: 'not-a-patch-baseline-id' })), 'InvalidResourceId');
  });
});
