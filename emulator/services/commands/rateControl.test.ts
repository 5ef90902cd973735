import { describe, expect, it } from 'vitest';
import { SendCommandCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { addNodes, command, iid, inFlight, statusCounts, statusesById } from './testkit.js';

const t = useEmulator();

/** A behaviour that answers any script after `seconds` of virtual time with `exit`. */
const behaves = (seconds: number, exit = 0) => ({ Behaviors: [{ Match: '.*', Scope: 'script', Stdout: 'ok\n', ExitCode: exit, DurationSeconds: seconds }] });

async function send(n: number, extra: Record<string, unknown>): Promise<string> {
  const ids = Array.from({ length: n }, (_, k) => iid(k + 1));
  const out = await t.ssm.send(new SendCommandCommand({ InstanceIds: ids, DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['work'] }, ...extra }));
  return out.Command!.CommandId!;
}

describe('rate control', () => {
  it('MaxConcurrency 2: at most two invocations in flight, second by second (delivery 1 s, each run 2 s)', async () => {
    await addNodes(t, 6, () => behaves(2));
    const id = await send(6, { MaxConcurrency: '2' });
    // [virtual second, invocation statuses, in flight]
    const timeline: [number, Record<string, number>, number][] = [
      [0, { Pending: 6 }, 2],
      [1, { InProgress: 2, Pending: 4 }, 2],
      [2, { InProgress: 2, Pending: 4 }, 2],
      [3, { Success: 2, Pending: 4 }, 2], // 1 and 2 end at 3 s; 3 and 4 are sent at once
      [4, { Success: 2, InProgress: 2, Pending: 2 }, 2],
      [5, { Success: 2, InProgress: 2, Pending: 2 }, 2],
      [6, { Success: 4, Pending: 2 }, 2],
      [7, { Success: 4, InProgress: 2 }, 2],
      [8, { Success: 4, InProgress: 2 }, 2],
      [9, { Success: 6 }, 0],
    ];
    for (const [second, counts, flying] of timeline) {
      if (second > 0) await t.advance(1);
      expect({ second, counts: await statusCounts(t.ssm, id), flying: inFlight(t, id) }).toEqual({ second, counts, flying });
    }
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Success', StatusDetails: 'Success', CompletedCount: 6, ErrorCount: 0, TargetCount: 6 });
  });

  it('MaxConcurrency as a percentage of the targets rounds down, with at least one in flight', async () => {
    await addNodes(t, 10, () => behaves(5));
    const thirty = await send(10, { MaxConcurrency: '30%' });
    await t.advance(1);
    expect(await statusCounts(t.ssm, thirty)).toEqual({ InProgress: 3, Pending: 7 });
    expect(inFlight(t, thirty)).toBe(3);
    const five = await send(10, { MaxConcurrency: '5%' }); // 0.5 nodes -> 1
    await t.advance(1);
    expect(await statusCounts(t.ssm, five)).toEqual({ InProgress: 1, Pending: 9 });
    const all = await send(10, { MaxConcurrency: '100%' });
    await t.advance(1);
    expect(await statusCounts(t.ssm, all)).toEqual({ InProgress: 10 });
  });

  it('the default MaxConcurrency is 50', async () => {
    await addNodes(t, 60, () => ({ ...behaves(5), Tags: { Env: 'prod' } }));
    const out = await t.ssm.send(new SendCommandCommand({ Targets: [{ Key: 'tag:Env', Values: ['prod'] }], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['x'] } }));
    expect(out.Command).toMatchObject({ TargetCount: 60, MaxConcurrency: '50' });
    await t.advance(1);
    expect(await statusCounts(t.ssm, out.Command!.CommandId!)).toEqual({ InProgress: 50, Pending: 10 });
  });

  it('MaxErrors 1 with MaxConcurrency 1: the second error stops the command; the rest end Cancelled / Terminated', async () => {
    await addNodes(t, 6, (k) => behaves(1, k === 2 || k === 3 ? 1 : 0));
    const id = await send(6, { MaxConcurrency: '1', MaxErrors: '1' });
    const flying: number[] = [];
    for (let s = 0; s <= 6; s++) {
      if (s > 0) await t.advance(1);
      await statusCounts(t.ssm, id);
      flying.push(inFlight(t, id));
    }
    // One at a time: node 1 (0-2 s), node 2 fails (2-4 s), node 3 fails (4-6 s): two errors > MaxErrors 1.
    expect(flying).toEqual([1, 1, 1, 1, 1, 1, 0]);
    expect(await statusesById(t.ssm, id)).toEqual({
      [iid(1)]: 'Success/Success',
      [iid(2)]: 'Failed/Failed',
      [iid(3)]: 'Failed/Failed',
      [iid(4)]: 'Cancelled/Terminated',
      [iid(5)]: 'Cancelled/Terminated',
      [iid(6)]: 'Cancelled/Terminated',
    });
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Failed', StatusDetails: 'Failed', ErrorCount: 2, CompletedCount: 6, TargetCount: 6 });
  });

  it('MaxErrors 0 (the default): the first error stops sending, invocations already in flight run to the end', async () => {
    await addNodes(t, 6, (k) => (k === 1 ? behaves(2, 1) : behaves(4)));
    const id = await send(6, { MaxConcurrency: '3' });
    await t.advance(3); // node 1 fails at 3 s
    expect(await statusesById(t.ssm, id)).toEqual({
      [iid(1)]: 'Failed/Failed',
      [iid(2)]: 'InProgress/InProgress',
      [iid(3)]: 'InProgress/InProgress',
      [iid(4)]: 'Cancelled/Terminated',
      [iid(5)]: 'Cancelled/Terminated',
      [iid(6)]: 'Cancelled/Terminated',
    });
    expect(inFlight(t, id)).toBe(2);
    expect((await command(t.ssm, id)).Status).toBe('InProgress');
    await t.advance(2);
    expect(await statusCounts(t.ssm, id)).toEqual({ Failed: 1, Success: 2, Cancelled: 3 });
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Failed', StatusDetails: 'Failed', ErrorCount: 1, CompletedCount: 6 });
  });

  it('errors within MaxErrors: every node runs; the command is Success / Incomplete', async () => {
    await addNodes(t, 4, (k) => behaves(1, k === 4 ? 2 : 0));
    const id = await send(4, { MaxErrors: '50%' }); // 2 errors allowed
    await t.advance(3);
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'Success', StatusDetails: 'Incomplete', ErrorCount: 1, CompletedCount: 4 });
  });

  it('execution time-outs count as errors: TimedOut / ExecutionTimedOut when they exceed MaxErrors', async () => {
    await addNodes(t, 2, () => behaves(100));
    const id = await send(2, { Parameters: { commands: ['slow'], executionTimeout: ['10'] } });
    await t.advance(12);
    expect(await statusesById(t.ssm, id)).toEqual({ [iid(1)]: 'TimedOut/ExecutionTimedOut', [iid(2)]: 'TimedOut/ExecutionTimedOut' });
    expect(await command(t.ssm, id)).toMatchObject({ Status: 'TimedOut', StatusDetails: 'ExecutionTimedOut', ErrorCount: 2, CompletedCount: 2 });
  });
});
