/**
 * Who is in a group, whatever makes it one:
 *
 *   - a resource query (model.ts: evaluated when read, so tag-query groups follow tags);
 *   - static membership: resources added with GroupResources to host-management, capacity-
 *     reservation and application groups, removed with UngroupResources. Host-management groups add
 *     and remove asynchronously (License Manager checks the host): the resource is Pending, with
 *     grouping status IN_PROGRESS, for GROUPING_SECONDS; other groups change at once;
 *   - tag-sync tasks of an application group: every resource tagged with the task's key and value
 *     (or selected by its tag query) is a member while the task runs, evaluated when read, so the
 *     group follows tags on the fleet. Cancelling a task keeps the resources it onboarded (on AWS they
 *     keep their awsApplication tag): they become static members.
 *
 * The emulator keeps membership in the group instead of writing an awsApplication tag on the
 * resources (a documented difference). Resources are the ones model.ts knows (fleet nodes, SSM
 * resources with tags, groups); EC2 dedicated hosts and capacity reservations are not simulated, so
 * their ARNs are taken as they are given (of this account and Region).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds, toMillis } from '../../core/context.js';
import { BadRequestException, NotFoundException } from '../../generated/resource-groups/errors.js';
import type { FailedResource, GroupingStatusesItem, ResourceQuery } from '../../generated/resource-groups/types.js';
import { allInstances, positionOf, tagIndexOf } from '../fleet/state.js';
import { instanceArn, instanceResourceType, type FleetInstance } from '../fleet/instance.js';
import { positionsWithTags, type TagCondition } from '../fleet/tag-index.js';
import { allowedResourceTypes, hasType, HOST_MANAGEMENT, isApplicationGroup, isStaticGroup } from './configuration.js';
import { conditionsOf, findGroup, parseQuery, queryNodePositions, querySelectsNode, resourcesOf, tagFilterPredicate, type RgResource, type TagPredicate } from './model.js';
import { groupsOf, type GroupRecord, type StaticMember, type TagSyncTaskRecord } from './state.js';
import * as messages from './messages.js';

/** How long a host-management group takes to add or remove a host (not documented; the figure is ours). */
export const GROUPING_SECONDS = 5;
export const GROUPING_TASK = 'resource-groups.grouping';

const EC2_HOST = /^arn:aws[a-z-]*:ec2:[a-z0-9-]+:\d{12}:dedicated-host\/h-[0-9a-f]+$/;
const CAPACITY_RESERVATION = /^arn:aws[a-z-]*:ec2:[a-z0-9-]+:\d{12}:capacity-reservation\/cr-[0-9a-f]+$/;

/** The scope's tag-sync tasks, read-only (reads never add to the state: they are not journaled). */
const tasksOf = (ctx: { scope: Ctx['scope'] }): Readonly<Record<string, TagSyncTaskRecord>> => groupsOf(ctx).tagSyncTasks ?? {};
const writableTasks = (ctx: { scope: Ctx['scope'] }) => (groupsOf(ctx).tagSyncTasks ??= {});

/** The tag-sync tasks of a group, by ARN. */
export const groupTasks = (ctx: Ctx, g: GroupRecord): TagSyncTaskRecord[] =>
  Object.values(tasksOf(ctx))
    .filter((t) => t.Group === g.Name)
    .sort((a, b) => (a.TaskArn < b.TaskArn ? -1 : 1));

/** What a tag-sync task selects: a tag key and value, or a tag query. */
function taskSelector(task: TagSyncTaskRecord): { keep: TagPredicate; conditions: TagCondition[]; types?: Set<string> } {
  if (task.ResourceQuery) {
    const q = parseQuery(task.ResourceQuery);
    const types = q.ResourceTypeFilters.includes('AWS::AllSupported') ? undefined : new Set(q.ResourceTypeFilters);
    return { keep: q.Type === 'TAG_FILTERS_1_0' ? tagFilterPredicate(q.TagFilters) : () => false, conditions: conditionsOf(q), types };
  }
  const filter = [{ Key: task.TagKey!, Values: [task.TagValue!] }];
  return { keep: tagFilterPredicate(filter), conditions: [{ key: task.TagKey!, values: [task.TagValue!] }] };
}

/** The resources a group's tag-sync tasks select now. */
function syncedResources(ctx: Ctx, g: GroupRecord): RgResource[] {
  const out = new Map<string, RgResource>();
  for (const task of groupTasks(ctx, g)) {
    if (task.Status !== 'ACTIVE') continue;
    const s = taskSelector(task);
    for (const r of resourcesOf(ctx, s.types, s.keep, s.conditions)) if (r.ResourceArn !== g.GroupArn) out.set(r.ResourceArn, r);
  }
  return [...out.values()];
}

/** Members of a static or application group (static ones, then tag-synced), by ARN, with Pending flags. */
export function staticAndSyncedMembers(ctx: Ctx, g: GroupRecord): (StaticMember & { ResourceType: string })[] {
  const out = new Map<string, StaticMember>();
  for (const m of g.StaticMembers ?? []) out.set(m.ResourceArn, m);
  for (const r of syncedResources(ctx, g)) if (!out.has(r.ResourceArn)) out.set(r.ResourceArn, { ResourceArn: r.ResourceArn, ResourceType: r.ResourceType });
  return [...out.values()].sort((a, b) => (a.ResourceArn < b.ResourceArn ? -1 : a.ResourceArn > b.ResourceArn ? 1 : 0));
}

/**
 * The fleet nodes that are members of a group now (query, static members, tag-sync tasks), as
 * positions in allInstances() (ascending), for the targeting resolver (the groupMembership port).
 * Undefined when the scope has no group of that name.
 */
export function groupNodePositions(ctx: Ctx, name: string, types?: ReadonlySet<string>): number[] | undefined {
  let g: GroupRecord;
  try {
    g = findGroup(ctx, { Group: name });
  } catch {
    return undefined;
  }
  const positions = new Set(queryNodePositions(ctx, g, types));
  const records = allInstances(ctx);
  const add = (p: number | undefined) => {
    if (p === undefined) return;
    const inst = records[p];
    if (inst.InstanceState === 'terminated' || (types && !types.has(instanceResourceType(inst).toLowerCase()))) return;
    positions.add(p);
  };
  for (const m of g.StaticMembers ?? []) if (!m.Pending) add(nodePosition(ctx, m.ResourceArn));
  for (const task of groupTasks(ctx, g)) {
    if (task.Status !== 'ACTIVE') continue;
    const s = taskSelector(task);
    for (const p of positionsWithTags(tagIndexOf(ctx), s.conditions)) {
      const inst = records[p];
      if (s.keep(inst.Tags) && (!s.types || s.types.has(instanceResourceType(inst)))) add(p);
    }
  }
  return [...positions].sort((a, b) => a - b);
}

const NODE_ARN = /^arn:aws[a-z-]*:(?:ec2|ssm):([a-z0-9-]+):(\d{12}):(?:instance|managed-instance)\/((?:i|mi)-[0-9a-f]+)$/;

function nodePosition(ctx: Ctx, resourceArn: string): number | undefined {
  const m = NODE_ARN.exec(resourceArn);
  if (!m || m[1] !== ctx.region || m[2] !== ctx.account) return undefined;
  return positionOf(ctx, m[3]);
}

/**
 * Whether a node is a member of the group now (lifecycle events' membership tracking): tested on the
 * node alone, so following one node's change costs one check per group.
 */
export function nodeIsMember(ctx: Ctx, g: GroupRecord, inst: FleetInstance): boolean {
  if (inst.InstanceState === 'terminated') return false;
  if (querySelectsNode(g, inst)) return true;
  const arn = instanceArn(ctx, inst);
  if ((g.StaticMembers ?? []).some((m) => m.ResourceArn === arn && !m.Pending)) return true;
  return groupTasks(ctx, g).some((task) => {
    if (task.Status !== 'ACTIVE') return false;
    const s = taskSelector(task);
    return s.keep(inst.Tags) && (!s.types || s.types.has(instanceResourceType(inst)));
  });
}

// ---- GroupResources / UngroupResources ----

export interface GroupingResult {
  Succeeded: string[];
  Failed: FailedResource[];
  Pending: { ResourceArn: string }[];
}

function setStatus(ctx: Ctx, g: GroupRecord, item: Omit<GroupingStatusesItem, 'UpdatedAt'>): void {
  const list = (g.GroupingStatuses ??= []);
  const i = list.findIndex((s) => s.ResourceArn === item.ResourceArn);
  const entry = { ...item, UpdatedAt: toEpochSeconds(ctx.now) } as GroupingStatusesItem;
  if (i >= 0) list[i] = entry;
  else list.push(entry);
}

function staticGroup(ctx: Ctx, ref: string): GroupRecord {
  const g = findGroup(ctx, { Group: ref });
  if (!isStaticGroup(g)) throw new BadRequestException(messages.notStaticGroup(g.Name));
  return g;
}

/** The type of a resource a request names, or why it cannot be a member. */
function resourceType(ctx: Ctx, resourceArn: string, known: Map<string, string>): string | FailedResource {
  if (EC2_HOST.test(resourceArn) || CAPACITY_RESERVATION.test(resourceArn)) {
    const [, , , region, account] = resourceArn.split(':');
    if (region === ctx.region && account === ctx.account) return EC2_HOST.test(resourceArn) ? 'AWS::EC2::Host' : 'AWS::EC2::CapacityReservation';
  }
  return known.get(resourceArn) ?? { ResourceArn: resourceArn, ErrorCode: 'ResourceNotFound', ErrorMessage: messages.memberNotFound(resourceArn) };
}

function scheduleGrouping(ctx: Ctx, g: GroupRecord, arns: string[], action: 'GROUP' | 'UNGROUP'): void {
  ctx.emu.scheduler.schedule({
    at: ctx.now + toMillis(GROUPING_SECONDS),
    kind: GROUPING_TASK,
    account: ctx.account,
    region: ctx.region,
    payload: { group: g.Name, uniqueId: g.UniqueId, arns, action },
  });
}

export function groupResources(ctx: Ctx, ref: string, arns: readonly string[], onChange: (g: GroupRecord, added: StaticMember[]) => void): GroupingResult {
  const g = staticGroup(ctx, ref);
  const known = new Map(resourcesOf(ctx).map((r) => [r.ResourceArn, r.ResourceType]));
  const allowed = allowedResourceTypes(g);
  const async = hasType(g, HOST_MANAGEMENT);
  const out: GroupingResult = { Succeeded: [], Failed: [], Pending: [] };
  const added: StaticMember[] = [];
  const members = (g.StaticMembers ??= []);
  for (const resourceArn of arns) {
    const type = resourceType(ctx, resourceArn, known);
    let failure = typeof type === 'string' ? undefined : type;
    if (typeof type === 'string' && allowed && !allowed.includes(type)) {
      failure = { ResourceArn: resourceArn, ErrorCode: 'UnsupportedResourceType', ErrorMessage: messages.memberTypeNotAllowed(resourceArn, type, allowed) };
    }
    if (failure) {
      out.Failed.push(failure);
      setStatus(ctx, g, { ResourceArn: resourceArn, Action: 'GROUP', Status: 'FAILED', ErrorCode: failure.ErrorCode, ErrorMessage: failure.ErrorMessage });
      continue;
    }
    const existing = members.find((m) => m.ResourceArn === resourceArn);
    if (existing && !existing.Pending) {
      out.Succeeded.push(resourceArn);
      continue;
    }
    if (async) {
      if (!existing) members.push({ ResourceArn: resourceArn, ResourceType: type as string, Pending: true });
      out.Pending.push({ ResourceArn: resourceArn });
      setStatus(ctx, g, { ResourceArn: resourceArn, Action: 'GROUP', Status: 'IN_PROGRESS' });
    } else {
      const m = { ResourceArn: resourceArn, ResourceType: type as string };
      members.push(m);
      added.push(m);
      out.Succeeded.push(resourceArn);
      setStatus(ctx, g, { ResourceArn: resourceArn, Action: 'GROUP', Status: 'SUCCESS' });
    }
  }
  if (out.Pending.length) scheduleGrouping(ctx, g, out.Pending.map((p) => p.ResourceArn), 'GROUP');
  if (added.length) onChange(g, added);
  return out;
}

export function ungroupResources(ctx: Ctx, ref: string, arns: readonly string[], onChange: (g: GroupRecord, removed: StaticMember[]) => void): GroupingResult {
  const g = staticGroup(ctx, ref);
  const async = hasType(g, HOST_MANAGEMENT);
  const out: GroupingResult = { Succeeded: [], Failed: [], Pending: [] };
  const removed: StaticMember[] = [];
  for (const resourceArn of arns) {
    const i = (g.StaticMembers ?? []).findIndex((m) => m.ResourceArn === resourceArn);
    if (i < 0) {
      const failure = { ResourceArn: resourceArn, ErrorCode: 'ResourceNotFound', ErrorMessage: messages.notAMember(resourceArn) };
      out.Failed.push(failure);
      setStatus(ctx, g, { ResourceArn: resourceArn, Action: 'UNGROUP', Status: 'FAILED', ErrorCode: failure.ErrorCode, ErrorMessage: failure.ErrorMessage });
    } else if (async) {
      out.Pending.push({ ResourceArn: resourceArn });
      setStatus(ctx, g, { ResourceArn: resourceArn, Action: 'UNGROUP', Status: 'IN_PROGRESS' });
    } else {
      removed.push(...g.StaticMembers!.splice(i, 1));
      out.Succeeded.push(resourceArn);
      setStatus(ctx, g, { ResourceArn: resourceArn, Action: 'UNGROUP', Status: 'SUCCESS' });
    }
  }
  if (out.Pending.length) scheduleGrouping(ctx, g, out.Pending.map((p) => p.ResourceArn), 'UNGROUP');
  if (removed.length) onChange(g, removed);
  return out;
}

/** The scheduler task: an asynchronous grouping or ungrouping completes (if the group still exists). */
export function completeGrouping(
  ctx: Ctx,
  p: { group: string; uniqueId?: string; arns: string[]; action: 'GROUP' | 'UNGROUP' },
  onChange: (g: GroupRecord, changed: StaticMember[], action: 'GROUP' | 'UNGROUP') => void,
): void {
  const groups = groupsOf(ctx).groups;
  if (!Object.hasOwn(groups, p.group)) return;
  const g = groups[p.group];
  if (g.UniqueId !== p.uniqueId) return;
  const changed: StaticMember[] = [];
  for (const resourceArn of p.arns) {
    const members = g.StaticMembers ?? [];
    const i = members.findIndex((m) => m.ResourceArn === resourceArn);
    if (i < 0) continue;
    if (p.action === 'GROUP') {
      if (!members[i].Pending) continue;
      delete members[i].Pending;
      changed.push(members[i]);
    } else {
      changed.push(...members.splice(i, 1));
    }
    setStatus(ctx, g, { ResourceArn: resourceArn, Action: p.action, Status: 'SUCCESS' });
  }
  if (changed.length) onChange(g, changed, p.action);
}

// ---- tag-sync tasks ----

/** A tag-sync task id: 26 lower-case letters and digits (TagSyncTaskArn's pattern). */
const taskId = (ctx: Ctx) => ctx.emu.ids.chars(26, 'abcdefghijklmnopqrstuvwxyz0123456789');

export function startTagSync(
  ctx: Ctx,
  input: { Group: string; TagKey?: string; TagValue?: string; ResourceQuery?: ResourceQuery; RoleArn: string },
): TagSyncTaskRecord {
  const g = findGroup(ctx, { Group: input.Group });
  if (!isApplicationGroup(g)) throw new BadRequestException(messages.notApplicationGroup(g.Name));
  const byTag = input.TagKey !== undefined || input.TagValue !== undefined;
  if (byTag === (input.ResourceQuery !== undefined)) throw new BadRequestException(messages.tagSyncTagOrQuery());
  if (byTag && (input.TagKey === undefined || input.TagValue === undefined)) throw new BadRequestException(messages.tagSyncBothTagParts());
  if (input.ResourceQuery) {
    if (input.ResourceQuery.Type !== 'TAG_FILTERS_1_0') throw new BadRequestException(messages.tagSyncQueryType());
    parseQuery(input.ResourceQuery);
  }
  const task: TagSyncTaskRecord = {
    TaskArn: `${g.GroupArn}/tag-sync-task/${taskId(ctx)}`,
    Group: g.Name,
    RoleArn: input.RoleArn,
    Status: 'ACTIVE',
    CreatedAt: toEpochSeconds(ctx.now),
  };
  if (byTag) {
    task.TagKey = input.TagKey;
    task.TagValue = input.TagValue;
  } else task.ResourceQuery = { Type: input.ResourceQuery!.Type, Query: input.ResourceQuery!.Query };
  writableTasks(ctx)[task.TaskArn] = task;
  return task;
}

export function getTagSyncTask(ctx: Ctx, taskArn: string): TagSyncTaskRecord {
  const tasks = tasksOf(ctx);
  if (!Object.hasOwn(tasks, taskArn)) throw new NotFoundException(messages.tagSyncTaskNotFound(taskArn));
  return tasks[taskArn];
}

/** CancelTagSyncTask: the task stops; what it onboarded stays in the application as static members. */
export function cancelTagSync(ctx: Ctx, taskArn: string): void {
  const task = getTagSyncTask(ctx, taskArn);
  const g = groupsOf(ctx).groups[task.Group];
  const onboarded = syncedResources(ctx, g);
  delete writableTasks(ctx)[taskArn];
  const members = (g.StaticMembers ??= []);
  const have = new Set([...members.map((m) => m.ResourceArn), ...syncedResources(ctx, g).map((r) => r.ResourceArn)]);
  for (const r of onboarded) if (!have.has(r.ResourceArn)) members.push({ ResourceArn: r.ResourceArn, ResourceType: r.ResourceType });
}

/** Removes a deleted group's tag-sync tasks. */
export function dropGroupTasks(ctx: Ctx, g: GroupRecord): void {
  const tasks = writableTasks(ctx);
  for (const t of groupTasks(ctx, g)) delete tasks[t.TaskArn];
}
