/**
 * Resource Groups membership: which resources of the caller's account and region a resource query
 * selects. Evaluated every time it is asked (no stored member list), so a tag-query group is dynamic:
 * a node that gains a matching tag is a member at once, a removed node is gone.
 *
 * The resources are the fleet's nodes (AWS::EC2::Instance, AWS::SSM::ManagedInstance), the SSM
 * resources that carry tags (through ctx.emu.taggable list(): documents, parameters, maintenance
 * windows, patch baselines) and the resource groups themselves (AWS::ResourceGroups::Group).
 *
 * CLOUDFORMATION_STACK_1_0: the emulator has no CloudFormation, so a stack's resources are the
 * resources tagged aws:cloudformation:stack-id = <stack ARN> (the tag CloudFormation puts on what it
 * creates); a stack no resource names does not exist.
 */
import type { Ctx } from '../../core/context.js';
import { arn } from '../../core/context.js';
import { BadRequestException, NotFoundException } from '../../generated/resource-groups/errors.js';
import type { QueryError } from '../../generated/resource-groups/types.js';
import { allInstances, tagIndexOf } from '../fleet/state.js';
import { positionsWithTags, type TagCondition } from '../fleet/tag-index.js';
import { instanceArn, instanceResourceType, type FleetInstance } from '../fleet/instance.js';
import { groupsOf, type GroupRecord } from './state.js';
import { taggableType } from '../tags/registry.js';
import * as messages from './messages.js';

export const ALL_SUPPORTED = 'AWS::AllSupported';

/** SSM taggable resource types (sim/tags/registry.ts) and their Resource Groups types. */
export const TAGGABLE_TO_RG: Readonly<Record<string, string>> = {
  Document: 'AWS::SSM::Document',
  Parameter: 'AWS::SSM::Parameter',
  MaintenanceWindow: 'AWS::SSM::MaintenanceWindow',
  PatchBaseline: 'AWS::SSM::PatchBaseline',
};

/** Every resource type a query can select in the emulator. */
export const SUPPORTED_TYPES: readonly string[] = [
  'AWS::EC2::Instance',
  'AWS::SSM::ManagedInstance',
  ...Object.values(TAGGABLE_TO_RG),
  'AWS::ResourceGroups::Group',
];

export interface RgResource {
  ResourceArn: string;
  ResourceType: string;
  tags: Readonly<Record<string, string>>;
  /** For fleet nodes. */
  instanceId?: string;
}

export interface TagFilter {
  Key: string;
  Values: string[];
}

export type ParsedQuery =
  | { Type: 'TAG_FILTERS_1_0'; ResourceTypeFilters: string[]; TagFilters: TagFilter[] }
  | { Type: 'CLOUDFORMATION_STACK_1_0'; ResourceTypeFilters: string[]; StackIdentifier: string };

/** group/<name>, or group/<name>/<id> for an application group. */
export const groupArn = (ctx: Ctx, name: string, appId?: string) => arn(ctx, 'resource-groups', appId ? `group/${name}/${appId}` : `group/${name}`);

/** Limits of a tag query (AWS Resource Groups user guide; unverified beyond the model). */
export const MAX_TAG_FILTERS = 50;
export const MAX_TAG_FILTER_VALUES = 20;
const RESOURCE_TYPE = /^AWS::[a-zA-Z0-9]+::\w+$/;
const STACK_ARN = /^arn:aws(-[a-z]+)*:cloudformation:[a-z]{2}(-[a-z]+)+-\d:\d{12}:stack\/[A-Za-z][A-Za-z0-9-]{0,127}\/[0-9a-f-]+$/;

const bad = (detail: string) => new BadRequestException(messages.queryNotValid(detail));

/** Parses and checks a ResourceQuery; throws BadRequestException naming the problem. */
export function parseQuery(q: { Type: string; Query: string }): ParsedQuery {
  let body: unknown;
  try {
    body = JSON.parse(q.Query);
  } catch (e) {
    throw new BadRequestException(messages.queryNotJson((e as Error).message));
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad('the Query must be a JSON object.');
  const o = body as Record<string, unknown>;
  const allowed = q.Type === 'TAG_FILTERS_1_0' ? ['ResourceTypeFilters', 'TagFilters'] : ['ResourceTypeFilters', 'StackIdentifier'];
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw bad(`${k} is not a member of a ${q.Type} query (expected ${allowed.join(' and ')}).`);
  const rtf = o.ResourceTypeFilters ?? [ALL_SUPPORTED];
  if (!Array.isArray(rtf) || rtf.length === 0 || rtf.some((t) => typeof t !== 'string')) throw bad('ResourceTypeFilters must be a non-empty list of resource types.');
  const types = rtf as string[];
  if (types.includes(ALL_SUPPORTED) && types.length > 1) throw bad(`${ALL_SUPPORTED} cannot be combined with other resource types.`);
  for (const t of types) if (t !== ALL_SUPPORTED && !RESOURCE_TYPE.test(t)) throw bad(`${t} is not a resource type (AWS::Service::Type).`);
  if (q.Type === 'TAG_FILTERS_1_0') {
    const tf = o.TagFilters;
    if (!Array.isArray(tf) || tf.length === 0) throw bad('TagFilters must be a non-empty list of {"Key", "Values"}.');
    if (tf.length > MAX_TAG_FILTERS) throw bad(`at most ${MAX_TAG_FILTERS} TagFilters are allowed.`);
    const filters = tf.map((f, i) => {
      if (!f || typeof f !== 'object' || Array.isArray(f)) throw bad(`TagFilters[${i}] must be an object.`);
      const { Key, Values, ...rest } = f as Record<string, unknown>;
      if (Object.keys(rest).length) throw bad(`TagFilters[${i}] has unknown member ${Object.keys(rest)[0]}.`);
      if (typeof Key !== 'string' || Key.length < 1 || Key.length > 128) throw bad(`TagFilters[${i}].Key must be a tag key of 1 to 128 characters.`);
      const vals = Values ?? [];
      if (!Array.isArray(vals) || vals.some((v) => typeof v !== 'string' || v.length > 256)) throw bad(`TagFilters[${i}].Values must be a list of tag values.`);
      if (vals.length > MAX_TAG_FILTER_VALUES) throw bad(`TagFilters[${i}] has more than ${MAX_TAG_FILTER_VALUES} values.`);
      return { Key, Values: vals as string[] };
    });
    return { Type: 'TAG_FILTERS_1_0', ResourceTypeFilters: types, TagFilters: filters };
  }
  const stack = o.StackIdentifier;
  if (typeof stack !== 'string' || !STACK_ARN.test(stack)) throw bad('StackIdentifier must be the ARN of a CloudFormation stack.');
  return { Type: 'CLOUDFORMATION_STACK_1_0', ResourceTypeFilters: types, StackIdentifier: stack };
}

type TagList = readonly { Key: string; Value: string }[];
const tagMap = (tags: TagList) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));
const tagList = (tags: Readonly<Record<string, string>>): TagList => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** Which resources a query keeps, tested on a resource's tag list (no objects built for the rest). */
export type TagPredicate = (tags: TagList) => boolean;

/** Every tag filter must match (AND); within a filter any value matches (OR); no values = any value. */
export function tagFilterPredicate(filters: readonly TagFilter[]): TagPredicate {
  const compiled = filters.map((f) => ({ key: f.Key, values: f.Values.length ? new Set(f.Values) : undefined }));
  return (tags) => {
    for (const f of compiled) {
      let ok = false;
      for (const t of tags) {
        if (t.Key === f.key) {
          ok = !f.values || f.values.has(t.Value);
          break;
        }
      }
      if (!ok) return false;
    }
    return true;
  };
}

export const CFN_STACK_TAG = 'aws:cloudformation:stack-id';

const stackPredicate = (stack: string): TagPredicate => (tags) => tags.some((t) => t.Key === CFN_STACK_TAG && t.Value === stack);

/**
 * The resources of the scope whose type passes `types` (a set of RG types, or undefined for all) and
 * whose tags pass `keep`, in ARN order.
 */
export function resourcesOf(ctx: Ctx, types?: ReadonlySet<string>, keep: TagPredicate = () => true, conditions?: readonly TagCondition[]): RgResource[] {
  const want = (t: string) => !types || types.has(t);
  // With tag conditions, nodes come from the fleet's tag index (only matching records are read).
  const nodes = conditions ? positionsWithTags(tagIndexOf(ctx), conditions).map((p) => allInstances(ctx)[p]) : allInstances(ctx);
  // EC2 ARNs (arn:aws:ec2:...) sort before every other ARN here and come sorted from the fleet, so
  // only the rest needs sorting: the whole list is in ARN order, which paging relies on.
  const out: RgResource[] = [];
  const others: RgResource[] = [];
  if (want('AWS::EC2::Instance') || want('AWS::SSM::ManagedInstance')) {
    for (const inst of nodes) {
      const type = instanceResourceType(inst);
      if (!want(type) || inst.InstanceState === 'terminated' || !keep(inst.Tags)) continue;
      (type === 'AWS::EC2::Instance' ? out : others).push({
        ResourceArn: instanceArn(ctx, inst),
        ResourceType: type,
        tags: tagMap(inst.Tags),
        instanceId: inst.InstanceId,
      });
    }
  }
  for (const [ssmType, rgType] of Object.entries(TAGGABLE_TO_RG)) {
    if (!want(rgType)) continue;
    const t = taggableType(ctx.emu, ssmType);
    for (const r of t?.list?.(ctx) ?? []) if (keep(r.tags)) others.push({ ResourceArn: r.arn, ResourceType: rgType, tags: tagMap(r.tags) });
  }
  if (want('AWS::ResourceGroups::Group')) {
    for (const g of Object.values(groupsOf(ctx).groups)) {
      if (keep(tagList(g.Tags))) others.push({ ResourceArn: g.GroupArn, ResourceType: 'AWS::ResourceGroups::Group', tags: g.Tags });
    }
  }
  others.sort((a, b) => (a.ResourceArn < b.ResourceArn ? -1 : a.ResourceArn > b.ResourceArn ? 1 : 0));
  return out.concat(others);
}

function typeSet(filters: readonly string[]): Set<string> | undefined {
  return filters.includes(ALL_SUPPORTED) ? undefined : new Set(filters);
}

/** The members of a parsed query, evaluated now, with the query errors AWS reports beside them. */
export function evaluate(ctx: Ctx, q: ParsedQuery): { resources: RgResource[]; errors: QueryError[] } {
  const errors: QueryError[] = [];
  const types = typeSet(q.ResourceTypeFilters);
  for (const t of types ?? []) {
    if (!SUPPORTED_TYPES.includes(t)) {
      errors.push({ ErrorCode: 'RESOURCE_TYPE_NOT_SUPPORTED', Message: messages.resourceTypeFilterForUnsupported(t) });
    }
  }
  const keep = q.Type === 'TAG_FILTERS_1_0' ? tagFilterPredicate(q.TagFilters) : stackPredicate(q.StackIdentifier);
  const members = resourcesOf(ctx, types, keep, conditionsOf(q));
  if (q.Type === 'TAG_FILTERS_1_0') return { resources: members, errors };
  if (members.length === 0 && resourcesOf(ctx, undefined, keep, conditionsOf(q)).length === 0) {
    errors.push({ ErrorCode: 'CLOUDFORMATION_STACK_NOT_EXISTING', Message: `Stack ${q.StackIdentifier} does not exist.` });
  }
  return { resources: members, errors };
}

/** A query's tag conditions, for the fleet's tag index. */
export function conditionsOf(q: ParsedQuery): TagCondition[] {
  return q.Type === 'TAG_FILTERS_1_0'
    ? q.TagFilters.map((f) => ({ key: f.Key, values: f.Values.length ? f.Values : undefined }))
    : [{ key: CFN_STACK_TAG, values: [q.StackIdentifier] }];
}

/** Whether a group's resource query selects one fleet node now (without evaluating the whole query). */
export function querySelectsNode(g: GroupRecord, inst: FleetInstance): boolean {
  if (!g.ResourceQuery || inst.InstanceState === 'terminated') return false;
  const q = parseQuery(g.ResourceQuery);
  const types = typeSet(q.ResourceTypeFilters);
  if (types && !types.has(instanceResourceType(inst))) return false;
  return (q.Type === 'TAG_FILTERS_1_0' ? tagFilterPredicate(q.TagFilters) : stackPredicate(q.StackIdentifier))(inst.Tags);
}

/**
 * The fleet nodes a group's resource query selects now, as positions in allInstances() (ascending),
 * for the targeting resolver: no ARNs or tag maps are built. `types` (lower-case RG types) narrows
 * the members further.
 */
export function queryNodePositions(ctx: Ctx, g: GroupRecord, types?: ReadonlySet<string>): number[] {
  if (!g.ResourceQuery) return [];
  const q = parseQuery(g.ResourceQuery);
  const queryTypes = typeSet(q.ResourceTypeFilters);
  const records = allInstances(ctx);
  return positionsWithTags(tagIndexOf(ctx), conditionsOf(q)).filter((p) => {
    const inst = records[p];
    const type = instanceResourceType(inst);
    return (!queryTypes || queryTypes.has(type)) && (!types || types.has(type.toLowerCase())) && inst.InstanceState !== 'terminated';
  });
}

/**
 * Finds a group by name or ARN (the `Group` / deprecated `GroupName` members). An ARN of another
 * account or Region is not found here, as groups are regional.
 */
export function findGroup(ctx: Ctx, input: { Group?: string; GroupName?: string }): GroupRecord {
  if (input.Group !== undefined && input.GroupName !== undefined) throw new BadRequestException(messages.bothGroupForms());
  const ref = input.Group ?? input.GroupName;
  if (ref === undefined) throw new BadRequestException(messages.groupRequired());
  const g = lookup(ctx, ref.startsWith('arn:') ? nameFromArn(ctx, ref) : ref);
  if (!g) throw new NotFoundException(messages.groupNotFound(ref));
  return g;
}

function nameFromArn(ctx: Ctx, a: string): string | undefined {
  const prefix = arn(ctx, 'resource-groups', 'group/');
  return a.startsWith(prefix) ? a.slice(prefix.length) : undefined;
}

/**
 * The group a name names: "name", or "name/<id>" for an application group (whose ARN carries the
 * 26-character id AWS gives application groups).
 */
function lookup(ctx: Ctx, ref: string | undefined): GroupRecord | undefined {
  if (ref === undefined) return undefined;
  const slash = ref.indexOf('/');
  const name = slash < 0 ? ref : ref.slice(0, slash);
  const groups = groupsOf(ctx).groups;
  if (!Object.hasOwn(groups, name)) return undefined;
  const g = groups[name];
  return slash < 0 || g.AppId === ref.slice(slash + 1) ? g : undefined;
}

/** A group by its ARN (Tag, Untag, GetTags, tag-sync tasks). */
export function groupByArn(ctx: Ctx, a: string): GroupRecord {
  const g = lookup(ctx, nameFromArn(ctx, a));
  if (!g) throw new NotFoundException(messages.groupNotFound(a));
  return g;
}

export const groupView = (g: GroupRecord) => {
  const out: { GroupArn: string; Name: string; Description?: string; Criticality?: number; Owner?: string; DisplayName?: string; ApplicationTag?: Record<string, string> } = {
    GroupArn: g.GroupArn,
    Name: g.Name,
  };
  // An application group's members carry awsApplication = the group's ARN (its ApplicationTag).
  if (g.AppId) out.ApplicationTag = { awsApplication: g.GroupArn };
  if (g.Description !== undefined) out.Description = g.Description;
  if (g.Criticality !== undefined) out.Criticality = g.Criticality;
  if (g.Owner !== undefined) out.Owner = g.Owner;
  if (g.DisplayName !== undefined) out.DisplayName = g.DisplayName;
  return out;
};

// ---- paging: RG's NextToken is plain base64 (the model's pattern), so tokens are base64 JSON ----

export function encodeRgToken(position: unknown): string {
  return Buffer.from(JSON.stringify({ v: 1, p: position })).toString('base64');
}

export function decodeRgToken<T>(token: string): T {
  try {
    const o = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { v?: number; p?: T };
    if (o?.v !== 1 || o.p === undefined) throw new Error('bad');
    return o.p;
  } catch {
    throw new BadRequestException(messages.invalidNextToken());
  }
}

/** Pages `items` (in a stable order) after the position a token names, by key. */
export function pageByKey<T>(items: readonly T[], keyOf: (t: T) => string, max: number, token: string | undefined): { page: T[]; next?: string } {
  let start = 0;
  if (token !== undefined && token !== '') {
    const after = decodeRgToken<string>(token);
    if (typeof after !== 'string') throw new BadRequestException(messages.invalidNextToken());
    const i = items.findIndex((t) => keyOf(t) > after);
    start = i === -1 ? items.length : i;
  }
  const page = items.slice(start, start + max);
  return start + max < items.length ? { page, next: encodeRgToken(keyOf(page[page.length - 1])) } : { page };
}
