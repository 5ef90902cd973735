/**
 * Catching the server's sliced scheduler run half-way through, for tests of what may and may not
 * interleave with it (Emulator.serve, Emulator.immediate):
 *
 *   const advance = await advanceHalfWay({ emu, ssm, endpoint, instanceIds, seconds: 600 });
 *   // here: a command finished at a virtual instant later than the clock says, and the advance
 *   // waits for the worker threads running another command's fork bombs, due later still
 *   expect((await advance.done).status).toBe(200);
 *
 * Command A (`echo a`, one node) is delivered 0.5 s of virtual time before command B (a fork bomb,
 * every node): the advance runs A to its end, then waits for B's scripts, which a worker computes.
 */
import { SendCommandCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { Emulator } from '../emulator.js';

export const FORK_BOMB = ':(){ :|:& };:';
const INVOCATION = 'EC2 Command Invocation Status-change Notification';

export async function advanceHalfWay(o: { emu: Emulator; ssm: SSMClient; endpoint: string; instanceIds: string[]; seconds: number }): Promise<{ done: Promise<Response> }> {
  const send = async (instanceIds: string[], commands: string[]) =>
    (await o.ssm.send(new SendCommandCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: instanceIds, Parameters: { commands } }))).Command!.CommandId!;
  const a = await send(o.instanceIds.slice(0, 1), ['echo a']);
  o.emu.scheduler.advance(500);
  await send(o.instanceIds, [FORK_BOMB]);
  let advanced = false;
  const done = fetch(`${o.endpoint}/_emulator/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds: o.seconds }) }).then(
    (r) => ((advanced = true), r),
  );
  // The Emulator's own event list (not the in-process API's, which would complete the run).
  const aFinished = () => o.emu.events.list({ detailType: INVOCATION }).some((e) => e.detail['command-id'] === a && e.detail.status === 'Success');
  while (!advanced && !aFinished()) await new Promise((r) => setTimeout(r, 2));
  if (advanced) throw new Error('the advance finished before it could be seen half-way');
  return { done };
}
