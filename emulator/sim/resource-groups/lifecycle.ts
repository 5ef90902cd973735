/**
 * Group lifecycle events (GetAccountSettings / UpdateAccountSettings, user guide "Monitoring
 * Resource Groups lifecycle events"). Off by default. Turning them on or off is not immediate: the
 * status is IN_PROGRESS for SWITCH_SECONDS, then the desired status (the API reference's example
 * shows IN_PROGRESS; the duration is ours).
 *
 * While ACTIVE, Resource Groups sends to EventBridge (ctx.emu.events, source aws.resource-groups):
 *   "ResourceGroups Group State Change"       on create, update and delete, with the new and old
 *                                             state of what changed (description, resource-query,
 *                                             group-configuration);
 *   "ResourceGroups Group Membership Change"  when resources join or leave: the members a new group
 *                                             starts with, GroupResources / UngroupResources, and
 *                                             fleet nodes that gain or lose a group's tags.
 * Each group carries a unique-id and an event-sequence, as the user guide's examples show.
 */
import type { Ctx } from '../../core/context.js';
import { toMillis } from '../../core/context.js';
import type { Runtime } from '../../core/runtime.js';
import { BadRequestException } from '../../generated/resource-groups/errors.js';
import { allInstances, getInstance, onFleetChange } from '../fleet/state.js';
import { instanceArn, instanceResourceType } from '../fleet/instance.js';
import { groupNodePositions, nodeIsMember } from './membership.js';
import { groupsOf, type GroupRecord, type RgAccountSettings } from './state.js';
import * as messages from './messages.js';

export const SWITCH_SECONDS = 30;
export const SWITCH_TASK = 'resource-groups.lifecycle-switch';
const SOURCE = 'aws.resource-groups';

const DEFAULT_SETTINGS: RgAccountSettings = { GroupLifecycleEventsDesiredStatus: 'INACTIVE', GroupLifecycleEventsStatus: 'INACTIVE' };

export const accountSettings = (ctx: { scope: Ctx['scope'] }): RgAccountSettings => ({ ...(groupsOf(ctx).settings ?? DEFAULT_SETTINGS) });

export const lifecycleActive = (ctx: { scope: Ctx['scope'] }) => groupsOf(ctx).settings?.GroupLifecycleEventsStatus === 'ACTIVE';

/** UpdateAccountSettings: asks for ACTIVE or INACTIVE; the switch completes SWITCH_SECONDS later. */
export function updateAccountSettings(ctx: Ctx, desired: 'ACTIVE' | 'INACTIVE' | undefined): RgAccountSettings {
  const slice = groupsOf(ctx);
  const current = slice.settings ?? { ...DEFAULT_SETTINGS };
  if (desired === undefined || (desired === current.GroupLifecycleEventsDesiredStatus && current.GroupLifecycleEventsStatus === desired)) return { ...current };
  if (current.GroupLifecycleEventsStatus === 'IN_PROGRESS') throw new BadRequestException(messages.lifecycleChangePending());
  slice.settings = { GroupLifecycleEventsDesiredStatus: desired, GroupLifecycleEventsStatus: 'IN_PROGRESS' };
  ctx.emu.scheduler.schedule({ at: ctx.now + toMillis(SWITCH_SECONDS), kind: SWITCH_TASK, account: ctx.account, region: ctx.region, payload: {} });
  return { ...slice.settings };
}

/** The scheduler task: the switch completes. Turning events on starts tracking which nodes are members. */
export function completeSwitch(ctx: Ctx): void {
  const slice = groupsOf(ctx);
  const s = slice.settings;
  if (!s || s.GroupLifecycleEventsStatus !== 'IN_PROGRESS') return;
  s.GroupLifecycleEventsStatus = s.GroupLifecycleEventsDesiredStatus;
  for (const g of Object.values(slice.groups)) {
    if (s.GroupLifecycleEventsStatus === 'ACTIVE') g.NodeMembers = memberNodeIds(ctx, g);
    else delete g.NodeMembers;
  }
}

function memberNodeIds(ctx: Ctx, g: GroupRecord): string[] {
  const records = allInstances(ctx);
  return (groupNodePositions(ctx, g.Name) ?? []).map((p) => records[p].InstanceId);
}

const groupRef = (g: GroupRecord) => ({ arn: g.GroupArn, name: g.Name, 'unique-id': g.UniqueId });

function emit(ctx: Ctx, g: GroupRecord, detailType: string, resources: string[], detail: Record<string, unknown>): void {
  g.EventSeq = (g.EventSeq ?? 0) + 1;
  ctx.emu.events.emit(ctx, { source: SOURCE, detailType, resources: [g.GroupArn, ...resources], detail: { 'event-sequence': g.EventSeq, ...detail, group: groupRef(g) } });
}

/** The GroupState of a group: what its state-change events carry. */
export function groupState(g: GroupRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (g.Description !== undefined) out.description = g.Description;
  if (g.ResourceQuery) out['resource-query'] = { type: g.ResourceQuery.Type, query: g.ResourceQuery.Query };
  if (g.Configuration) out['group-configuration'] = g.Configuration;
  return out;
}

/** The properties of `after` that differ from `before` (what an update event carries on each side). */
function changed(before: Record<string, unknown>, after: Record<string, unknown>): [Record<string, unknown>, Record<string, unknown>] {
  const oldState: Record<string, unknown> = {};
  const newState: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    if (k in before) oldState[k] = before[k];
    if (k in after) newState[k] = after[k];
  }
  return [oldState, newState];
}

export interface MembershipChange {
  arn: string;
  type: string;
  change: 'add' | 'remove';
}

export function emitMembership(ctx: Ctx, g: GroupRecord, changes: readonly MembershipChange[]): void {
  if (!lifecycleActive(ctx) || !changes.length) return;
  emit(ctx, g, 'ResourceGroups Group Membership Change', changes.map((c) => c.arn), {
    resources: changes.map((c) => ({ 'membership-change': c.change, arn: c.arn, 'resource-type': c.type })),
  });
}

/** A new group: its state, then the members it starts with. */
export function groupCreated(ctx: Ctx, g: GroupRecord, members: readonly { ResourceArn: string; ResourceType: string }[]): void {
  g.UniqueId ??= ctx.emu.ids.uuid();
  if (!lifecycleActive(ctx)) return;
  emit(ctx, g, 'ResourceGroups Group State Change', [], { 'state-change': 'create', 'new-state': groupState(g) });
  g.NodeMembers = memberNodeIds(ctx, g);
  emitMembership(ctx, g, members.map((m) => ({ arn: m.ResourceArn, type: m.ResourceType, change: 'add' })));
}

/** A changed group: the state that changed, and the fleet nodes that joined or left. */
export function groupUpdated(ctx: Ctx, g: GroupRecord, before: Record<string, unknown>): void {
  if (!lifecycleActive(ctx)) return;
  const [oldState, newState] = changed(before, groupState(g));
  if (Object.keys(newState).length || Object.keys(oldState).length) {
    emit(ctx, g, 'ResourceGroups Group State Change', [], { 'state-change': 'update', 'new-state': newState, 'old-state': oldState });
  }
  syncNodeMembers(ctx, g);
}

export function groupDeleted(ctx: Ctx, g: GroupRecord): void {
  if (lifecycleActive(ctx)) emit(ctx, g, 'ResourceGroups Group State Change', [], { 'state-change': 'delete' });
}

/** Compares a group's node members now with the last look, and sends what changed. */
function syncNodeMembers(ctx: Ctx, g: GroupRecord): void {
  const before = new Set(g.NodeMembers ?? []);
  const now = memberNodeIds(ctx, g);
  const after = new Set(now);
  const changes: MembershipChange[] = [];
  for (const id of now) if (!before.has(id)) changes.push(nodeChange(ctx, id, 'add'));
  for (const id of before) if (!after.has(id)) changes.push(nodeChange(ctx, id, 'remove'));
  g.NodeMembers = now;
  emitMembership(ctx, g, changes);
}

function nodeChange(ctx: Ctx, id: string, change: 'add' | 'remove'): MembershipChange {
  const inst = getInstance(ctx, id);
  const hybrid = id.startsWith('mi-');
  return {
    arn: inst ? instanceArn(ctx, inst) : hybrid ? `arn:aws:ssm:${ctx.region}:${ctx.account}:managed-instance/${id}` : `arn:aws:ec2:${ctx.region}:${ctx.account}:instance/${id}`,
    type: inst ? instanceResourceType(inst) : hybrid ? 'AWS::SSM::ManagedInstance' : 'AWS::EC2::Instance',
    change,
  };
}

/** Follows fleet changes while lifecycle events are on: a node that joins or leaves a group is an event. */
export function watchFleet(runtime: Runtime): void {
  onFleetChange(runtime, (ctx, change) => {
    if (change.type === 'agent-started' || change.type === 'agent-stopped' || !lifecycleActive(ctx)) return;
    const inst = getInstance(ctx, change.instanceId);
    for (const g of Object.values(groupsOf(ctx).groups)) {
      const was = (g.NodeMembers ?? []).includes(change.instanceId);
      const is = inst !== undefined && nodeIsMember(ctx, g, inst);
      if (was === is) continue;
      g.NodeMembers = is ? [...(g.NodeMembers ?? []), change.instanceId] : (g.NodeMembers ?? []).filter((id) => id !== change.instanceId);
      emitMembership(ctx, g, [nodeChange(ctx, change.instanceId, is ? 'add' : 'remove')]);
    }
  });
}
