/**
 * Node lifecycle used by the control API, fixtures and hybrid registration: create, update, stop or
 * start the agent, delete. Every change notifies fleet listeners (state.ts onFleetChange).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { buildInstance, patchInstance, FleetSpecError } from './build.js';
import { addInstance, getInstance, notify, removeInstance } from './state.js';
import { instanceArn, isLatestVersion, lastPingSeconds, pingStatus, type FleetInstance } from './instance.js';

export function createNode(ctx: Ctx, spec: unknown, extraFields: readonly string[] = []): FleetInstance {
  const inst = buildInstance(ctx, spec, extraFields);
  if (getInstance(ctx, inst.InstanceId)) throw new FleetSpecError(`Instance ${inst.InstanceId} already exists in ${ctx.account}/${ctx.region}.`);
  addInstance(ctx, inst);
  return inst;
}

export function updateNode(ctx: Ctx, inst: FleetInstance, patch: unknown): FleetInstance {
  const { agent, tags } = patchInstance(ctx, inst, patch);
  if (agent) notify(ctx, { type: agent === 'started' ? 'agent-started' : 'agent-stopped', instanceId: inst.InstanceId });
  if (tags) notify(ctx, { type: 'tags-changed', instanceId: inst.InstanceId });
  notify(ctx, { type: 'updated', instanceId: inst.InstanceId });
  return inst;
}

/** Stops (false) or starts (true) the simulated agent; a no-op when it is already so. */
export function setAgentRunning(ctx: Ctx, inst: FleetInstance, running: boolean): FleetInstance {
  return updateNode(ctx, inst, { AgentRunning: running });
}

export function deleteNode(ctx: Ctx, id: string): FleetInstance | undefined {
  return removeInstance(ctx, id);
}

/**
 * The node as the control API shows it: the stored record with the values that follow the clock
 * (PingStatus, LastPingDateTime, IsLatestVersion) and where it lives.
 */
export function nodeView(ctx: { account: string; region: string; now: number }, inst: FleetInstance): Record<string, unknown> {
  const now = toEpochSeconds(ctx.now);
  return {
    account: ctx.account,
    region: ctx.region,
    PingStatus: pingStatus(inst, now),
    LastPingDateTime: lastPingSeconds(inst, now),
    IsLatestVersion: isLatestVersion(inst),
    ...inst,
  };
}

/** The ARN of a node by id (EventBridge resources), also for a node that no longer exists. */
export function nodeArn(ctx: { scope: Ctx['scope']; account: string; region: string }, instanceId: string): string {
  const inst = getInstance(ctx, instanceId);
  if (inst) return instanceArn(ctx, inst);
  return instanceId.startsWith('mi-')
    ? `arn:aws:ssm:${ctx.region}:${ctx.account}:managed-instance/${instanceId}`
    : `arn:aws:ec2:${ctx.region}:${ctx.account}:instance/${instanceId}`;
}
