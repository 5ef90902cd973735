import { describe, expect, it } from 'vitest';
import { DescribePatchGroupStateCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { node, runPatch } from './testkit.js';

describe('DescribePatchGroupState', () => {
  const t = useEmulator();

  it("counts the group's nodes with patches in each state", async () => {
    const current = await node(t, 1, { Tags: { 'Patch Group': 'web' }, Patches: { ImageDate: '2025-01-01T00:00:00Z' } });
    const old = await node(t, 2, { Tags: { 'Patch Group': 'web' }, Patches: { Failing: ['kernel*'] } });
    await node(t, 3, { Tags: { 'Patch Group': 'web' } }); // never patched
    await runPatch(t, [current], { Operation: ['Scan'] });
    await runPatch(t, [old], { Operation: ['Install'], RebootOption: ['NoReboot'] });
    const s = await t.ssm.send(new DescribePatchGroupStateCommand({ PatchGroup: 'web' }));
    expect(s).toMatchObject({
      Instances: 2,
      InstancesWithInstalledPatches: 2,
      InstancesWithMissingPatches: 0,
      InstancesWithFailedPatches: 1,
      InstancesWithInstalledPendingRebootPatches: 1,
      InstancesWithInstalledRejectedPatches: 0,
      InstancesWithUnreportedNotApplicablePatches: 0,
      InstancesWithAvailableSecurityUpdates: 0,
    });
    expect(await t.ssm.send(new DescribePatchGroupStateCommand({ PatchGroup: 'nobody' }))).toMatchObject({ Instances: 0, InstancesWithMissingPatches: 0 });
  });
});
