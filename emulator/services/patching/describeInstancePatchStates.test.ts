import { describe, expect, it } from 'vitest';
import { DescribeInstancePatchStatesCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError, iid, node, runPatch } from './testkit.js';

describe('DescribeInstancePatchStates', () => {
  const t = useEmulator();

  it('answers the summary of each named node that was patched, by instance id, paged', async () => {
    const ids = [];
    for (let n = 1; n <= 12; n++) ids.push(await node(t, n));
    await runPatch(t, ids.slice(0, 11), { Operation: ['Scan'] });
    const first = await t.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: [...ids].reverse(), MaxResults: 10 }));
    expect(first.InstancePatchStates!.map((s) => s.InstanceId)).toEqual(ids.slice(0, 10));
    const second = await t.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: [...ids].reverse(), MaxResults: 10, NextToken: first.NextToken }));
    // The twelfth node was never patched: it is left out, as is an id nobody has.
    expect(second.InstancePatchStates!.map((s) => s.InstanceId)).toEqual([iid(11)]);
    expect(second.NextToken).toBeUndefined();
    const none = await t.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: ['i-0fffffffffffffff0'] }));
    expect(none.InstancePatchStates).toEqual([]);
  });

  it("is per Region, and checks MaxResults (10-100) and tokens", async () => {
    const id = await node(t, 1);
    await runPatch(t, [id], { Operation: ['Scan'] });
    expect((await t.client({ region: 'eu-west-1' }).send(new DescribeInstancePatchStatesCommand({ InstanceIds: [id] }))).InstancePatchStates).toEqual([]);
    await expectError(t.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: [id], MaxResults: 5 })), 'ValidationException', /greater than or equal to 10/);
    await expectError(t.ssm.send(new DescribeInstancePatchStatesCommand({ InstanceIds: [id], NextToken: 'x' })), 'InvalidNextToken');
  });
});
