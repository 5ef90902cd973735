import { describe, expect, it } from 'vitest';
import { GetDefaultPatchBaselineCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';

describe('GetDefaultPatchBaseline', () => {
  const t = useEmulator();

  it("answers Windows' default without an OS, and AWS's predefined default of each OS by ARN", async () => {
    expect(await t.ssm.send(new GetDefaultPatchBaselineCommand({}))).toMatchObject({
      BaselineId: 'arn:aws:ssm:us-east-1:075727635805:patchbaseline/pb-09ca3fb51f0412ec3',
      OperatingSystem: 'WINDOWS',
    });
    const ids = new Set<string>();
    for (const os of ['AMAZON_LINUX_2', 'AMAZON_LINUX_2023', 'UBUNTU', 'REDHAT_ENTERPRISE_LINUX', 'CENTOS', 'SUSE', 'DEBIAN', 'MACOS', 'ROCKY_LINUX', 'ALMA_LINUX', 'ORACLE_LINUX', 'RASPBIAN', 'AMAZON_LINUX', 'AMAZON_LINUX_2022'] as const) {
      const out = await t.ssm.send(new GetDefaultPatchBaselineCommand({ OperatingSystem: os }));
      expect(out.OperatingSystem).toBe(os);
      ids.add(out.BaselineId!);
    }
    expect(ids.size).toBe(14);
  });

  it("uses AWS's recorded ids and owner account of the Region", async () => {
    const out = await t.client({ region: 'ap-south-1' }).send(new GetDefaultPatchBaselineCommand({ OperatingSystem: 'UBUNTU' }));
    expect(out.BaselineId).toMatch(/^arn:aws:ssm:ap-south-1:424348245652:patchbaseline\/pb-[0-9a-f]{17}$/);
  });
});
