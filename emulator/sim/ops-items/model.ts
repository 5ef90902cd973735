/**
 * OpsCenter's OpsItems: creating them (CreateOpsItem and the opsItemCreator port), editing, deleting,
 * their timeline events and the views the operations answer.
 *
 * Rules, from AWS's API reference and the OpsCenter user guide:
 *   - ids are oi- and 12 hex digits; ARNs arn:aws:ssm:<region>:<account>:opsitem/<id>;
 *   - types /aws/issue (default), /aws/changerequest, /aws/insight, /aws/accessrequest; issues and
 *     insights are Open, InProgress or Resolved, change and access requests take the workflow
 *     statuses too; a new OpsItem is Open;
 *   - operational data keys can't begin with amazon, aws, amzn, ssm or their /-prefixed forms, except
 *     the documented /aws/dedup, /aws/resources (at most 100 related resource ARNs) and
 *     /aws/automations (at most 10 runbooks), and the workflow object of a change request, access
 *     request or insight under the key named like its type; a value is at most 20 KB; only SearchableString data
 *     shows in DescribeOpsItems and takes part in its filters;
 *   - deduplication: a new OpsItem whose /aws/dedup string matches an Open or InProgress OpsItem is not
 *     created (OpsItemAlreadyExistsException carrying the existing id); a Resolved one does not
 *     block; the dedup string of an OpsItem can't change;
 *   - the source can't contain aws, amazon or amzn; notification topics must be in the OpsItem's Region;
 *   - quotas: 500,000 OpsItems per account and Region, 10,000 created per calendar month;
 *   - every edit increments Version; DeleteOpsItem is idempotent and takes a few minutes on AWS: for
 *     DELETION_SECONDS after it, edits of the id answer OpsItemConflictException;
 *   - another account's OpsItems are reached by ARN (GetOpsItem, UpdateOpsItem), AccountId
 *     (CreateOpsItem) or the AccountId filter (DescribeOpsItems), when that account's OpsItemGroup
 *     resource policy allows the caller the action; otherwise OpsItemAccessDeniedException.
 *
 * The timeline (ListOpsItemEvents) records creation, each edit and each related item associated or
 * removed, with source aws.ssm; AWS does not document the event texts, so they are ours.
 */
import type { Ctx } from '../../core/context.js';
import { setOwn } from '../../core/maps.js';
import { arn, toEpochSeconds } from '../../core/context.js';
import {
  OpsItemAccessDeniedException,
  OpsItemAlreadyExistsException,
  OpsItemConflictException,
  OpsItemInvalidParameterException,
  OpsItemLimitExceededException,
  OpsItemNotFoundException,
} from '../../generated/ssm/errors.js';
import type { CreateOpsItemRequest, OpsItem, OpsItemDataValue, OpsItemSummary, UpdateOpsItemRequest } from '../../generated/ssm/types.js';
import { policiesAllow } from '../iam/policies.js';
import { resourcePolicies } from '../resource-policies/state.js';
import { mergedTags } from '../tags/model.js';
import { ISSUE_STATUSES, OPS_ITEM_TYPES, opsItems, WORKFLOW_STATUSES, type OpsItemEventRecord, type OpsItemRecord, type OpsItemsSlice } from './state.js';
import * as messages from './messages.js';

const DEFAULT_TYPE = '/aws/issue';
export const statusesOf = (type: string): readonly string[] => (type === '/aws/changerequest' || type === '/aws/accessrequest' ? WORKFLOW_STATUSES : ISSUE_STATUSES);

/** OpsCenter quotas (OpsCenter troubleshooting; Systems Manager service quotas). */
export const MAX_OPS_ITEMS = 500_000;
export const MAX_OPS_ITEMS_PER_MONTH = 10_000;
export const MAX_DATA_VALUE_BYTES = 20 * 1024;
export const MAX_RELATED_RESOURCES = 100;
export const MAX_AUTOMATIONS = 10;
/** Related OpsItems per OpsItem (Systems Manager service quotas; unverified). */
export const MAX_RELATED_OPS_ITEMS = 10;
/** How long a deleted OpsItem stays "being deleted" (AWS: "can take a few minutes"; the figure is ours). */
export const DELETION_SECONDS = 300;

export const DEDUP_KEY = '/aws/dedup';
export const RESOURCES_KEY = '/aws/resources';
export const AUTOMATIONS_KEY = '/aws/automations';
const SYSTEM_KEYS = [DEDUP_KEY, RESOURCES_KEY, AUTOMATIONS_KEY];
const RESERVED_PREFIXES = ['amazon', 'aws', 'amzn', 'ssm', '/amazon', '/aws', '/amzn', '/ssm'];
const RESERVED_IN_SOURCE = ['aws', 'amazon', 'amzn'];
const SNS_TOPIC = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:[A-Za-z0-9_-]{1,256}$/;
const OPS_ITEM_ARN = /^arn:aws[a-z-]*:ssm:([a-z0-9-]+):(\d{12}):opsitem\/(oi-[0-9a-f]{12})$/;

export const opsItemArn = (owner: { account: string; region: string }, id: string) => arn(owner, 'ssm', `opsitem/${id}`);
export const opsItemGroupArn = (owner: { account: string; region: string }) => arn(owner, 'ssm', 'opsitemgroup/default');

/** Who made a change: the caller's account root (the emulator knows accounts, not IAM users). */
export const callerArn = (ctx: { account: string }) => `arn:aws:iam::${ctx.account}:root`;

const invalid = (message: string, ...names: string[]) => new OpsItemInvalidParameterException(message, { ParameterNames: names });

// ---- cross-account access through the OpsItemGroup resource policy ----

/**
 * The context of the account that owns the OpsItems a request reaches: the caller's own, or another
 * account's when its OpsItemGroup policy allows the caller `action` (ssm:GetOpsItem, ...).
 */
export function ownerContext(ctx: Ctx, account: string | undefined, action: string): Ctx {
  if (account === undefined || account === ctx.account) return ctx;
  const scope = ctx.emu.store.peek(account, ctx.region);
  const owner = { account, region: ctx.region };
  const policies = (scope && resourcePolicies.peek(scope)?.byArn[opsItemGroupArn(owner)]) ?? [];
  if (!policiesAllow(policies.map((p) => p.Policy), ctx.account, action, opsItemGroupArn(owner))) {
    throw new OpsItemAccessDeniedException(messages.accessDenied());
  }
  return ctx.emu.context(account, ctx.region, ctx.now, { requestId: ctx.requestId, operation: ctx.operation });
}

/** The owner context of an OpsItem named by id and, optionally, ARN (which may be another account's). */
export function contextForArn(ctx: Ctx, id: string, itemArn: string | undefined, action: string): Ctx {
  if (itemArn === undefined) return ctx;
  const m = OPS_ITEM_ARN.exec(itemArn);
  if (!m || m[3] !== id) throw invalid(messages.arnMismatch(itemArn, id), 'OpsItemArn');
  if (m[1] !== ctx.region) throw new OpsItemNotFoundException(messages.opsItemNotFound(id));
  return ownerContext(ctx, m[2], action);
}

// ---- lookups ----

const sliceOf = (ctx: { scope: Ctx['scope'] }) => opsItems.of(ctx.scope);

/** True while a deleted OpsItem is still being deleted (the tombstone is dropped afterwards). */
function beingDeleted(ctx: Ctx, slice: OpsItemsSlice, id: string): boolean {
  if (!Object.hasOwn(slice.deleting, id)) return false;
  if (toEpochSeconds(ctx.now) - slice.deleting[id] < DELETION_SECONDS) return true;
  delete slice.deleting[id];
  return false;
}

/** The OpsItem to read (OpsItemNotFoundException when there is none). */
export function getItem(ctx: Ctx, id: string): OpsItemRecord {
  const items = opsItems.peek(ctx.scope)?.items;
  if (!items || !Object.hasOwn(items, id)) throw new OpsItemNotFoundException(messages.opsItemNotFound(id));
  return items[id];
}

/** The OpsItem to change: not found, or OpsItemConflictException while it is being deleted. */
export function getItemForWrite(ctx: Ctx, id: string): OpsItemRecord {
  const slice = sliceOf(ctx);
  if (beingDeleted(ctx, slice, id)) throw new OpsItemConflictException(messages.beingDeleted(id));
  return getItem(ctx, id);
}

/** The scope's OpsItems, newest first (creation order reversed). */
export const itemsNewestFirst = (ctx: { scope: Ctx['scope'] }): OpsItemRecord[] =>
  Object.values(opsItems.peek(ctx.scope)?.items ?? {}).sort((a, b) => b.Seq - a.Seq);

// ---- checks shared by create and update ----

function parseJson(key: string, value: string | undefined, shape: string): unknown {
  try {
    return JSON.parse(value ?? '');
  } catch {
    throw invalid(messages.badReservedData(key, shape), 'OperationalData');
  }
}

function checkListData(key: string, value: string | undefined, field: string, max: number): void {
  const shape = `array of {"${field}": "..."} objects`;
  const list = parseJson(key, value, shape);
  if (!Array.isArray(list) || list.some((e) => !e || typeof e !== 'object' || typeof (e as Record<string, unknown>)[field] !== 'string')) {
    throw invalid(messages.badReservedData(key, shape), 'OperationalData');
  }
  if (list.length > max) throw new OpsItemLimitExceededException(messages.tooManyInReservedData(key, max), { Limit: max, LimitType: key, ResourceTypes: ['OperationalData'] });
}

/** The dedup string of a /aws/dedup value ({"dedupString": "..."}). */
function dedupStringOf(value: string | undefined): string {
  const o = parseJson(DEDUP_KEY, value, 'object {"dedupString": "..."}') as { dedupString?: unknown } | null;
  if (!o || typeof o !== 'object' || typeof o.dedupString !== 'string') throw invalid(messages.badReservedData(DEDUP_KEY, 'object {"dedupString": "..."}'), 'OperationalData');
  return o.dedupString;
}

/**
 * Change requests, access requests and insights carry their workflow data as a JSON object under a key
 * named like their type (/aws/changerequest, ...); only an OpsItem of that type may have it.
 */
const workflowKey = (type: string) => (type === DEFAULT_TYPE ? undefined : type);

export function checkOperationalData(data: Record<string, OpsItemDataValue>, type: string): void {
  for (const [key, v] of Object.entries(data)) {
    const lower = key.toLowerCase();
    const workflow = key === workflowKey(type);
    if (!SYSTEM_KEYS.includes(key) && !workflow && RESERVED_PREFIXES.some((p) => lower.startsWith(p))) throw invalid(messages.reservedDataKey(key), 'OperationalData');
    if (Buffer.byteLength(v.Value ?? '', 'utf8') > MAX_DATA_VALUE_BYTES) {
      throw new OpsItemLimitExceededException(messages.dataValueTooLarge(key, MAX_DATA_VALUE_BYTES), {
        Limit: MAX_DATA_VALUE_BYTES,
        LimitType: 'OperationalDataValueSize',
        ResourceTypes: ['OperationalData'],
      });
    }
    if (key === RESOURCES_KEY) checkListData(key, v.Value, 'arn', MAX_RELATED_RESOURCES);
    else if (key === AUTOMATIONS_KEY) checkListData(key, v.Value, 'automationId', MAX_AUTOMATIONS);
    else if (key === DEDUP_KEY) dedupStringOf(v.Value);
    else if (workflow) {
      const o = parseJson(key, v.Value, 'object');
      if (!o || typeof o !== 'object' || Array.isArray(o)) throw invalid(messages.badReservedData(key, 'object'), 'OperationalData');
    }
  }
}

function checkNotifications(ctx: Ctx, list: readonly { Arn?: string }[]): { Arn: string }[] {
  return list.map((n) => {
    const topic = n.Arn ?? '';
    const m = SNS_TOPIC.exec(topic);
    if (!m) throw invalid(messages.notificationNotTopic(topic), 'Notifications');
    if (m[1] !== ctx.region) throw invalid(messages.notificationRegion(topic, ctx.region), 'Notifications');
    return { Arn: topic };
  });
}

function checkRelated(ctx: Ctx, list: readonly { OpsItemId: string }[], self?: string): { OpsItemId: string }[] {
  if (list.length > MAX_RELATED_OPS_ITEMS) {
    throw new OpsItemLimitExceededException(messages.tooManyRelatedOpsItems(MAX_RELATED_OPS_ITEMS), {
      Limit: MAX_RELATED_OPS_ITEMS,
      LimitType: 'RelatedOpsItems',
      ResourceTypes: ['RelatedOpsItems'],
    });
  }
  const items = opsItems.peek(ctx.scope)?.items ?? {};
  return list.map((r) => {
    if (r.OpsItemId === self) throw invalid(messages.selfRelated(r.OpsItemId), 'RelatedOpsItems');
    if (!Object.hasOwn(items, r.OpsItemId)) throw invalid(messages.badRelatedOpsItem(r.OpsItemId), 'RelatedOpsItems');
    return { OpsItemId: r.OpsItemId };
  });
}

function checkStatus(type: string, status: string): void {
  const allowed = statusesOf(type);
  if (!allowed.includes(status)) throw invalid(messages.badStatus(status, type, allowed), 'Status');
}

const monthOf = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 7);

/**
 * A copy of operational data (only entries that pass `keep`). Its keys are the user's ("__proto__" is
 * a valid key), so the map has no prototype and keys are set as own properties (core/maps.ts).
 */
export function copyData(data: Record<string, OpsItemDataValue> | undefined, keep: (v: OpsItemDataValue) => boolean = () => true): Record<string, OpsItemDataValue> {
  const out: Record<string, OpsItemDataValue> = Object.create(null);
  for (const [k, v] of Object.entries(data ?? {})) if (keep(v)) setOwn(out, k, { ...v });
  return out;
}

/** The Open or InProgress OpsItem with this dedup string, if any (a Resolved one does not block). */
function openDuplicate(ctx: Ctx, dedup: string): OpsItemRecord | undefined {
  for (const rec of Object.values(opsItems.peek(ctx.scope)?.items ?? {})) {
    if (rec.DedupString === dedup && (rec.Status === 'Open' || rec.Status === 'InProgress')) return rec;
  }
  return undefined;
}

// ---- events ----

export function recordEvent(ctx: Ctx, id: string, detailType: string, detail: Record<string, unknown>): void {
  const slice = sliceOf(ctx);
  const event: OpsItemEventRecord = {
    EventId: ctx.emu.ids.uuid(),
    OpsItemId: id,
    Source: 'aws.ssm',
    DetailType: detailType,
    Detail: JSON.stringify(detail),
    CreatedBy: callerArn(ctx),
    CreatedTime: toEpochSeconds(ctx.now),
    Seq: ++slice.seq,
  };
  slice.events.push(event);
}

// ---- create, update, delete ----

/**
 * CreateOpsItem in the caller's account (or, with AccountId, in an account whose OpsItemGroup
 * policy allows it). Every check runs before anything is stored.
 */
export function createOpsItem(caller: Ctx, input: CreateOpsItemRequest): { OpsItemId: string; OpsItemArn: string } {
  const ctx = ownerContext(caller, input.AccountId, 'ssm:CreateOpsItem');
  const lowerSource = input.Source.toLowerCase();
  if (RESERVED_IN_SOURCE.some((w) => lowerSource.includes(w))) throw invalid(messages.reservedSource(input.Source), 'Source');
  const type = input.OpsItemType ?? DEFAULT_TYPE;
  if (!(OPS_ITEM_TYPES as readonly string[]).includes(type)) throw invalid(messages.badOpsItemType(type, OPS_ITEM_TYPES), 'OpsItemType');
  const data = copyData(input.OperationalData);
  checkOperationalData(data, type);
  const notifications = checkNotifications(ctx, input.Notifications ?? []);
  const related = checkRelated(ctx, input.RelatedOpsItems ?? []);
  let tags;
  try {
    tags = mergedTags([], input.Tags ?? []);
  } catch (e) {
    // CreateOpsItem does not model TooManyTagsError: the quota error is OpsCenter's own.
    if ((e as { code?: string }).code === 'TooManyTagsError') throw new OpsItemLimitExceededException(messages.tooManyTags(50), { Limit: 50, LimitType: 'Tags', ResourceTypes: ['Tags'] });
    throw e;
  }
  const dedup = Object.hasOwn(data, DEDUP_KEY) ? dedupStringOf(data[DEDUP_KEY].Value) : undefined;
  if (dedup !== undefined) {
    const dup = openDuplicate(ctx, dedup);
    if (dup) throw new OpsItemAlreadyExistsException(messages.alreadyExists(dup.OpsItemId), { OpsItemId: dup.OpsItemId });
  }
  const slice = sliceOf(ctx);
  const now = toEpochSeconds(ctx.now);
  const month = monthOf(now);
  if (Object.keys(slice.items).length >= MAX_OPS_ITEMS) {
    throw new OpsItemLimitExceededException(messages.totalLimit(MAX_OPS_ITEMS), { Limit: MAX_OPS_ITEMS, LimitType: 'OpsItemsPerRegion', ResourceTypes: ['OpsItem'] });
  }
  if ((slice.createdPerMonth[month] ?? 0) >= MAX_OPS_ITEMS_PER_MONTH) {
    throw new OpsItemLimitExceededException(messages.monthlyLimit(MAX_OPS_ITEMS_PER_MONTH), { Limit: MAX_OPS_ITEMS_PER_MONTH, LimitType: 'OpsItemsPerMonth', ResourceTypes: ['OpsItem'] });
  }

  let id = `oi-${ctx.emu.ids.hex(12)}`;
  while (Object.hasOwn(slice.items, id) || Object.hasOwn(slice.deleting, id)) id = `oi-${ctx.emu.ids.hex(12)}`;
  const who = callerArn(caller);
  const rec: OpsItemRecord = {
    OpsItemId: id,
    OpsItemType: type,
    Title: input.Title,
    Description: input.Description,
    Source: input.Source,
    Status: 'Open',
    OperationalData: data,
    Notifications: notifications,
    RelatedOpsItems: related,
    CreatedBy: who,
    CreatedTime: now,
    LastModifiedBy: who,
    LastModifiedTime: now,
    Version: 1,
    Tags: tags,
    Seq: ++slice.seq,
  };
  if (input.Priority !== undefined) rec.Priority = input.Priority;
  if (input.Severity !== undefined) rec.Severity = input.Severity;
  if (input.Category !== undefined) rec.Category = input.Category;
  if (dedup !== undefined) rec.DedupString = dedup;
  for (const k of ['ActualStartTime', 'ActualEndTime', 'PlannedStartTime', 'PlannedEndTime'] as const) if (input[k] !== undefined) rec[k] = input[k] as number;
  slice.items[id] = rec;
  slice.createdPerMonth[month] = (slice.createdPerMonth[month] ?? 0) + 1;
  recordEvent(ctx, id, 'OpsItem Create', { OpsItemId: id, Title: rec.Title, Source: rec.Source, Status: rec.Status, OpsItemType: type });
  return { OpsItemId: id, OpsItemArn: opsItemArn(ctx, id) };
}

type Editable = Exclude<keyof UpdateOpsItemRequest, 'OpsItemId' | 'OpsItemArn' | 'OperationalData' | 'OperationalDataToDelete'>;
const EDITABLE: readonly Editable[] = [
  'Title', 'Description', 'Status', 'Priority', 'Severity', 'Category', 'Notifications', 'RelatedOpsItems',
  'ActualStartTime', 'ActualEndTime', 'PlannedStartTime', 'PlannedEndTime',
];

/** UpdateOpsItem: checks every change, then applies them and bumps the version. */
export function updateOpsItem(caller: Ctx, input: UpdateOpsItemRequest): void {
  const ctx = contextForArn(caller, input.OpsItemId, input.OpsItemArn, 'ssm:UpdateOpsItem');
  const rec = getItemForWrite(ctx, input.OpsItemId);
  const changes: Partial<OpsItemRecord> = {};
  if (input.Status !== undefined) {
    checkStatus(rec.OpsItemType, input.Status);
    changes.Status = input.Status;
  }
  if (input.Notifications !== undefined) changes.Notifications = checkNotifications(ctx, input.Notifications);
  if (input.RelatedOpsItems !== undefined) changes.RelatedOpsItems = checkRelated(ctx, input.RelatedOpsItems, rec.OpsItemId);
  for (const k of ['Title', 'Description', 'Priority', 'Severity', 'Category', 'ActualStartTime', 'ActualEndTime', 'PlannedStartTime', 'PlannedEndTime'] as const) {
    if (input[k] !== undefined) (changes as Record<string, unknown>)[k] = input[k];
  }
  const data = copyData(input.OperationalData);
  checkOperationalData(data, rec.OpsItemType);
  const toDelete = input.OperationalDataToDelete ?? [];
  if (toDelete.includes(DEDUP_KEY) && rec.DedupString !== undefined) throw invalid(messages.dedupImmutable(), 'OperationalDataToDelete');
  if (Object.hasOwn(data, DEDUP_KEY) && (rec.DedupString === undefined || dedupStringOf(data[DEDUP_KEY].Value) !== rec.DedupString)) {
    throw invalid(messages.dedupImmutable(), 'OperationalData');
  }

  // ---- every check passed ----
  Object.assign(rec, changes);
  const next = copyData(rec.OperationalData);
  for (const [k, v] of Object.entries(data)) setOwn(next, k, v);
  for (const k of toDelete) delete next[k];
  rec.OperationalData = next;
  rec.Version++;
  rec.LastModifiedBy = callerArn(caller);
  rec.LastModifiedTime = toEpochSeconds(ctx.now);
  const changed = [...EDITABLE.filter((k) => input[k] !== undefined), ...(Object.keys(data).length || toDelete.length ? ['OperationalData'] : [])];
  recordEvent(ctx, rec.OpsItemId, 'OpsItem Update', { OpsItemId: rec.OpsItemId, ChangedFields: changed, Status: rec.Status, Version: String(rec.Version) });
}

/** DeleteOpsItem: idempotent; the OpsItem, its timeline and its related items go. */
export function deleteOpsItem(ctx: Ctx, id: string): void {
  const slice = sliceOf(ctx);
  if (!Object.hasOwn(slice.items, id)) return;
  delete slice.items[id];
  slice.events = slice.events.filter((e) => e.OpsItemId !== id);
  for (const [assoc, r] of Object.entries(slice.related)) if (r.OpsItemId === id) delete slice.related[assoc];
  slice.deleting[id] = toEpochSeconds(ctx.now);
}

// ---- views ----

/** Only SearchableString data is visible to DescribeOpsItems (and its filters). */
export const isSearchable = (v: OpsItemDataValue) => v.Type === 'SearchableString';

function optional<T extends object>(out: T, rec: OpsItemRecord): T {
  const o = out as Record<string, unknown>;
  for (const k of ['Priority', 'Severity', 'Category', 'ActualStartTime', 'ActualEndTime', 'PlannedStartTime', 'PlannedEndTime'] as const) {
    if (rec[k] !== undefined) o[k] = rec[k];
  }
  return out;
}

/** GetOpsItem's OpsItem: everything, all operational data included. */
export function opsItemView(owner: { account: string; region: string }, rec: OpsItemRecord): OpsItem {
  return optional(
    {
      CreatedBy: rec.CreatedBy,
      OpsItemType: rec.OpsItemType,
      CreatedTime: rec.CreatedTime,
      Description: rec.Description,
      LastModifiedBy: rec.LastModifiedBy,
      LastModifiedTime: rec.LastModifiedTime,
      Notifications: rec.Notifications.map((n) => ({ ...n })),
      RelatedOpsItems: rec.RelatedOpsItems.map((r) => ({ ...r })),
      Status: rec.Status as OpsItem['Status'],
      OpsItemId: rec.OpsItemId,
      Version: String(rec.Version),
      Title: rec.Title,
      Source: rec.Source,
      OperationalData: copyData(rec.OperationalData),
      OpsItemArn: opsItemArn(owner, rec.OpsItemId),
    },
    rec,
  );
}

/** DescribeOpsItems' OpsItemSummary: searchable operational data only. */
export function opsItemSummary(rec: OpsItemRecord): OpsItemSummary {
  return optional(
    {
      CreatedBy: rec.CreatedBy,
      CreatedTime: rec.CreatedTime,
      LastModifiedBy: rec.LastModifiedBy,
      LastModifiedTime: rec.LastModifiedTime,
      Source: rec.Source,
      Status: rec.Status as OpsItemSummary['Status'],
      OpsItemId: rec.OpsItemId,
      Title: rec.Title,
      OperationalData: copyData(rec.OperationalData, isSearchable),
      OpsItemType: rec.OpsItemType,
    },
    rec,
  );
}

/** The ARNs an OpsItem lists under /aws/resources, and the runbooks under /aws/automations. */
export function listedData(rec: OpsItemRecord, key: typeof RESOURCES_KEY | typeof AUTOMATIONS_KEY, field: 'arn' | 'automationId'): string[] {
  const v = rec.OperationalData[key];
  if (!v) return [];
  try {
    const list = JSON.parse(v.Value ?? '[]') as Record<string, unknown>[];
    return list.map((e) => e[field]).filter((x): x is string => typeof x === 'string');
  } catch {
    return [];
  }
}
