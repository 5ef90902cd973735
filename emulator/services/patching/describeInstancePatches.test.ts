import { describe, expect, it } from 'vitest';
import { DescribeInstancePatchesCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, instancePatches, node, patchState, runPatch } from './testkit.js';

describe('DescribeInstancePatches', () => {
  const t = useEmulator();

  it("lists the last operation's patches with their states, filtered by State, Severity, Classification and KBId, paged", async () => {
    const id = await node(t, 1);
    await runPatch(t, [id], { Operation: ['Scan'] });
    const s = (await patchState(t.ssm, id))!;
    const all = await instancePatches(t.ssm, id);
    expect(all.length).toBe(s.InstalledCount! + s.InstalledOtherCount! + s.MissingCount! + s.NotApplicableCount!);
    const installed = all.filter((p) => (p.State as string) === 'Installed');
    expect(installed[0].InstalledTime!.getTime()).toBeGreaterThan(0);
    const security = await instancePatches(t.ssm, id, [{ Key: 'Classification', Values: ['Security'] }, { Key: 'State', Values: ['Missing', 'Installed'] }]);
    expect(security.length).toBeGreaterThan(0);
    expect(security.every((p) => p.Classification === 'Security' && ['Missing', 'Installed'].includes(p.State as string))).toBe(true);
    const page = await t.ssm.send(new DescribeInstancePatchesCommand({ InstanceId: id, MaxResults: 10 }));
    expect(page.Patches!.length).toBe(10);
    const next = await t.ssm.send(new DescribeInstancePatchesCommand({ InstanceId: id, MaxResults: 10, NextToken: page.NextToken }));
    expect(next.Patches![0]).toEqual(all[10]);
  });

  it('a node never patched has no patches; an unknown node is InvalidInstanceId; unknown filter keys are InvalidFilter', async () => {
    const id = await node(t, 1);
    expect((await t.ssm.send(new DescribeInstancePatchesCommand({ InstanceId: id }))).Patches).toEqual([]);
    await expectError(t.ssm.send(new DescribeInstancePatchesCommand({ InstanceId: 'i-0fffffffffffffff0' })), 'InvalidInstanceId');
    await expectError(t.ssm.send(new DescribeInstancePatchesCommand({ InstanceId: id, Filters: [{ Key: 'Title', Values: ['x'] }] })), 'InvalidFilter', /Invalid filter key: Title/);
  });
});
