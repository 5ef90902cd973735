import { describe, expect, it } from 'vitest';
import { DescribeInstancePatchStatesForPatchGroupCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, node, runPatch } from './testkit.js';

describe('DescribeInstancePatchStatesForPatchGroup', () => {
  const t = useEmulator();

  it("lists the group's nodes, filtered by counts (Equal, NotEqual, LessThan, GreaterThan)", async () => {
    const current = await node(t, 1, { Tags: { PatchGroup: 'web' }, Patches: { ImageDate: '2025-01-01T00:00:00Z' } });
    const old = await node(t, 2, { Tags: { PatchGroup: 'web' } });
    const other = await node(t, 3, { Tags: { PatchGroup: 'db' } });
    await runPatch(t, [current, old, other], { Operation: ['Scan'] });
    const list = async (Filters?: { Key: string; Values: string[]; Type: 'Equal' | 'NotEqual' | 'LessThan' | 'GreaterThan' }[]) =>
      (await t.ssm.send(new DescribeInstancePatchStatesForPatchGroupCommand({ PatchGroup: 'web', Filters }))).InstancePatchStates!.map((s) => s.InstanceId);
    expect(await list()).toEqual([current, old]);
    expect(await list([{ Key: 'MissingCount', Values: ['0'], Type: 'GreaterThan' }])).toEqual([old]);
    expect(await list([{ Key: 'MissingCount', Values: ['0'], Type: 'Equal' }])).toEqual([current]);
    expect(await list([{ Key: 'MissingCount', Values: ['0'], Type: 'NotEqual' }, { Key: 'FailedCount', Values: ['1'], Type: 'LessThan' }])).toEqual([old]);
  });

  it('refuses keys that are not counts and values that are not whole numbers (InvalidFilter)', async () => {
    await expectError(
      t.ssm.send(new DescribeInstancePatchStatesForPatchGroupCommand({ PatchGroup: 'web', Filters: [{ Key: 'Colour', Values: ['1'], Type: 'Equal' }] })),
      'InvalidFilter',
      /Colour is not a valid key/,
    );
    await expectError(
      t.ssm.send(new DescribeInstancePatchStatesForPatchGroupCommand({ PatchGroup: 'web', Filters: [{ Key: 'MissingCount', Values: ['-1'], Type: 'Equal' }] })),
      'InvalidFilter',
      /integer greater than or equal to 0/,
    );
  });
});
