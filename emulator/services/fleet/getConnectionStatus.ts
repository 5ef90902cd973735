/**
 * GetConnectionStatus: whether Session Manager could connect to a node now: "connected" when the
 * node is a listable node of the caller whose agent is running, "notconnected" otherwise (also for
 * ids the caller has no node for: the operation declares no not-found error).
 */
import { defineOperation } from '../../core/operation.js';
import { getInstance } from '../../sim/fleet/state.js';
import { agentConnected } from '../../sim/fleet/instance.js';

export default defineOperation('GetConnectionStatus', (input, ctx) => {
  const inst = getInstance(ctx, input.Target);
  return { Target: input.Target, Status: inst && agentConnected(inst) ? 'connected' : 'notconnected' };
});
