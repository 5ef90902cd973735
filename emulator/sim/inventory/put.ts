/**
 * PutInventory's semantics, shared by the operation and the aws:softwareInventory simulator (the
 * agent uploads what it gathered with PutInventory).
 *
 * The whole call is checked before anything is written (one bad item refuses the call):
 * - the node must be a managed node of the account and Region (InvalidInstanceId);
 * - a type is an AWS:* type Systems Manager defines (schema.ts) or Custom:<name>; anything else is
 *   InvalidTypeNameException, and so is AWS:InstanceInformation, which Systems Manager keeps itself
 *   (unverified);
 * - AWS:* items use a schema version the type accepts (UnsupportedInventorySchemaVersionException)
 *   and only the type's attributes (InvalidItemContentException);
 * - Context is for AWS:ComplianceItem only (UnsupportedInventoryItemContextException), with the keys
 *   ComplianceType, ExecutionId, ExecutionType, ExecutionTime (InvalidInventoryItemContextException);
 * - custom types: at most 20 per account and Region (CustomSchemaCountLimitExceededException), at
 *   most 50 attributes, an attribute may not differ from a known one in case only (user guide:
 *   "you must consistently reference this attribute"), an item's content at most 200 KB
 *   (ItemSizeLimitExceededException); a call's content at most 1 MB (TotalSizeLimitExceededException);
 * - an item with a ContentHash and no Content must match the hash stored for that type
 *   (ItemContentMismatchException: the agent then sends the content, agent/plugins/inventory).
 *
 * Then each item:
 * - an unchanged ContentHash keeps the stored content and only takes the new CaptureTime (API
 *   reference: "The PutInventory API doesn't update the inventory item type contents if the MD5
 *   hash hasn't changed since last update");
 * - a custom item of a version a DisableSchema turned off, or lower than the type's current
 *   version, is ignored and announced on EventBridge (user guide: the system "ignores all new data
 *   if the version is less than or equal to the turned off version"; "PutInventory call with old
 *   schema version" events);
 * - AWS:ComplianceItem items are compliance: each becomes a PutComplianceItems of its Context's
 *   ComplianceType (COMPLETE) through the complianceWriter port, as the agent's patching plugin
 *   reports Patch compliance; inventory reads them back from Compliance (derived.ts).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import {
  CustomSchemaCountLimitExceededException,
  InvalidInstanceId,
  InvalidInventoryItemContextException,
  InvalidItemContentException,
  InvalidTypeNameException,
  ItemContentMismatchException,
  ItemSizeLimitExceededException,
  SubTypeCountLimitExceededException,
  TotalSizeLimitExceededException,
  UnsupportedInventoryItemContextException,
  UnsupportedInventorySchemaVersionException,
} from '../../generated/ssm/errors.js';
import type { ComplianceItemEntry, ComplianceSeverity, ComplianceStatus, InventoryItem } from '../../generated/ssm/types.js';
import { writeCompliance } from '../compliance/writer.js';
import { getResource, SEVERITIES, STATUSES } from '../compliance/state.js';
import { getInstance } from '../fleet/state.js';
import { emitInventoryChange } from './events.js';
import { awsType, compareVersions, isCustomType, LIMITS, type TypeDef } from './schema.js';
import { customSchema, indexWrite, inventoryOf, nodeInventory, type CustomSchema, type Entry, type InventorySlice, type NodeInventory, type StoredItem } from './state.js';
import { instanceInformation, instanceInformationTime } from './instance-info.js';
import * as messages from './messages.js';

const COMPLIANCE_ITEM = 'AWS:ComplianceItem';
const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v ?? []), 'utf8');

interface Checked {
  item: InventoryItem;
  aws?: TypeDef;
}

function checkContext(item: InventoryItem, def: TypeDef | undefined): void {
  const ctxKeys = item.Context ? Object.keys(item.Context) : [];
  if (ctxKeys.length === 0) return;
  if (!def?.ContextKeys) throw new UnsupportedInventoryItemContextException(messages.contextNotAllowed(item.TypeName), { TypeName: item.TypeName });
  for (const k of ctxKeys) if (!def.ContextKeys.includes(k)) throw new InvalidInventoryItemContextException(messages.invalidContextKey(k, def.ContextKeys));
}

function checkAwsItem(item: InventoryItem, def: TypeDef): void {
  if (def.ServiceMaintained) throw new InvalidTypeNameException(messages.serviceMaintainedType(item.TypeName));
  if (!def.Accepted.includes(item.SchemaVersion)) {
    throw new UnsupportedInventorySchemaVersionException(messages.unsupportedVersion(item.TypeName, item.SchemaVersion, def.Accepted));
  }
  const known = new Set(def.Attributes.map((a) => a.Name));
  for (const entry of item.Content ?? []) {
    for (const k of Object.keys(entry)) if (!known.has(k)) throw new InvalidItemContentException(messages.unknownAttribute(item.TypeName, k), { TypeName: item.TypeName });
  }
  if (item.TypeName === COMPLIANCE_ITEM && item.Content) {
    if (item.Context?.ComplianceType === undefined) throw new InvalidInventoryItemContextException(messages.contextKeyRequired('ComplianceType'));
    for (const entry of item.Content) {
      if (entry.Status !== undefined && !(STATUSES as readonly string[]).includes(entry.Status)) throw new InvalidItemContentException(messages.invalidComplianceContent('Status', entry.Status), { TypeName: item.TypeName });
      if (entry.Severity !== undefined && !(SEVERITIES as readonly string[]).includes(entry.Severity)) {
        throw new InvalidItemContentException(messages.invalidComplianceContent('Severity', entry.Severity), { TypeName: item.TypeName });
      }
    }
  }
}

/** The attributes a custom type will have after this item (checked for case conflicts and count). */
function customAttributes(item: InventoryItem, schema: CustomSchema | undefined): string[] {
  const attrs = schema ? schema.Attributes.slice() : [];
  const lower = new Map(attrs.map((a) => [a.toLowerCase(), a]));
  for (const entry of item.Content ?? []) {
    for (const k of Object.keys(entry)) {
      const seen = lower.get(k.toLowerCase());
      if (seen === k) continue;
      if (seen !== undefined) throw new InvalidItemContentException(messages.attributeCaseConflict(item.TypeName, k, seen), { TypeName: item.TypeName });
      lower.set(k.toLowerCase(), k);
      attrs.push(k);
    }
  }
  if (attrs.length > LIMITS.customTypeAttributes) throw new InvalidItemContentException(messages.tooManyAttributes(item.TypeName, LIMITS.customTypeAttributes), { TypeName: item.TypeName });
  return attrs;
}

function check(ctx: Ctx, slice: InventorySlice, instanceId: string, items: readonly InventoryItem[]): Checked[] {
  if (!getInstance(ctx, instanceId)) throw new InvalidInstanceId(messages.instanceNotFound(instanceId));
  const node = nodeInventory(slice, instanceId);
  const out: Checked[] = [];
  const newCustom = new Set<string>();
  let total = 0;
  for (const item of items) {
    const aws = awsType(item.TypeName);
    if (!aws && !(isCustomType(item.TypeName) && item.TypeName.length > 'Custom:'.length)) throw new InvalidTypeNameException(messages.unknownType(item.TypeName));
    checkContext(item, aws);
    if (aws) checkAwsItem(item, aws);
    else {
      const schema = customSchema(slice, item.TypeName);
      if (!schema) newCustom.add(item.TypeName);
      customAttributes(item, schema);
      if (bytes(item.Content) > LIMITS.customItemBytes) throw new ItemSizeLimitExceededException(messages.itemTooLarge(item.TypeName, LIMITS.customItemBytes), { TypeName: item.TypeName });
    }
    if (item.Content === undefined && item.ContentHash !== undefined && item.TypeName !== COMPLIANCE_ITEM) {
      const stored = node && Object.hasOwn(node.Items, item.TypeName) ? node.Items[item.TypeName] : undefined;
      if (stored?.ContentHash !== item.ContentHash) throw new ItemContentMismatchException(messages.hashMismatch(item.TypeName), { TypeName: item.TypeName });
    }
    total += bytes(item.Content);
    out.push({ item, ...(aws && { aws }) });
  }
  if (newCustom.size && Object.keys(slice.schemas).length + newCustom.size > LIMITS.customTypes) {
    throw new CustomSchemaCountLimitExceededException(messages.customTypeLimit(LIMITS.customTypes));
  }
  if (total > LIMITS.callBytes) throw new TotalSizeLimitExceededException(messages.totalTooLarge(LIMITS.callBytes));
  checkComplianceSubTypes(ctx, instanceId, items);
  return out;
}

/** AWS:ComplianceItem's sub-types are compliance types: at most 10 custom ones per node. */
function checkComplianceSubTypes(ctx: Ctx, instanceId: string, items: readonly InventoryItem[]): void {
  const adding = new Set(items.filter((i) => i.TypeName === COMPLIANCE_ITEM).map((i) => i.Context?.ComplianceType ?? '').filter((t) => t.startsWith('Custom:')));
  if (!adding.size) return;
  for (const r of getResource(ctx.scope, 'ManagedInstance', instanceId)?.Records ?? []) if (r.ComplianceType.startsWith('Custom:')) adding.add(r.ComplianceType);
  if (adding.size > LIMITS.complianceSubTypes) throw new SubTypeCountLimitExceededException(messages.complianceSubTypeLimit(LIMITS.complianceSubTypes));
}

function parseCaptureTime(s: string): number {
  return toEpochSeconds(Date.parse(s));
}

/** An AWS:ComplianceItem item as the PutComplianceItems request it stands for. */
function reportCompliance(ctx: Ctx, instanceId: string, item: InventoryItem): void {
  const c = item.Context ?? {};
  const executionTime = c.ExecutionTime !== undefined && Number.isFinite(Date.parse(c.ExecutionTime)) ? parseCaptureTime(c.ExecutionTime) : parseCaptureTime(item.CaptureTime);
  const reserved = new Set(['Id', 'Title', 'Status', 'Severity', 'ComplianceType', 'ExecutionId', 'ExecutionType', 'ExecutionTime']);
  const entries: ComplianceItemEntry[] = (item.Content ?? []).map((e) => {
    const details = Object.fromEntries(Object.entries(e).filter(([k]) => !reserved.has(k)));
    return {
      ...(e.Id !== undefined && { Id: e.Id }),
      ...(e.Title !== undefined && { Title: e.Title }),
      Severity: (e.Severity ?? 'UNSPECIFIED') as ComplianceSeverity,
      Status: (e.Status ?? 'COMPLIANT') as ComplianceStatus,
      ...(Object.keys(details).length && { Details: details }),
    };
  });
  writeCompliance(ctx, {
    ResourceId: instanceId,
    ResourceType: 'ManagedInstance',
    ComplianceType: c.ComplianceType!,
    ExecutionSummary: {
      ExecutionTime: executionTime,
      ...(c.ExecutionId !== undefined && { ExecutionId: c.ExecutionId }),
      ...(c.ExecutionType !== undefined && { ExecutionType: c.ExecutionType }),
    },
    Items: entries,
    ...(item.ContentHash !== undefined && { ItemContentHash: item.ContentHash }),
    UploadType: 'COMPLETE',
  });
}

/** A custom item the type's versions refuse (the reason), or undefined when it is accepted. */
function refusedVersion(schema: CustomSchema | undefined, item: InventoryItem): string | undefined {
  if (!schema) return undefined;
  if (schema.DisabledVersion !== undefined && compareVersions(item.SchemaVersion, schema.DisabledVersion) <= 0) {
    return messages.disabledVersionPut(item.TypeName, item.SchemaVersion, schema.DisabledVersion);
  }
  if (compareVersions(item.SchemaVersion, schema.Version) < 0) return messages.olderVersionPut(item.TypeName, item.SchemaVersion, schema.Version);
  return undefined;
}

function writeCustomSchema(slice: InventorySlice, item: InventoryItem): void {
  const schema = customSchema(slice, item.TypeName);
  const Attributes = customAttributes(item, schema);
  if (!schema) slice.schemas[item.TypeName] = { TypeName: item.TypeName, Version: item.SchemaVersion, Attributes };
  else {
    schema.Attributes = Attributes;
    if (compareVersions(item.SchemaVersion, schema.Version) > 0) schema.Version = item.SchemaVersion;
  }
}

/** The node's record (created when new), its instance information refreshed. */
function nodeRecord(ctx: Ctx, slice: InventorySlice, instanceId: string): NodeInventory {
  const inst = getInstance(ctx, instanceId)!;
  const now = toEpochSeconds(ctx.now);
  const LastInfo = { Info: instanceInformation(inst, now), CaptureTime: instanceInformationTime(inst, now) };
  const node = nodeInventory(slice, instanceId);
  if (node) {
    node.LastInfo = LastInfo;
    return node;
  }
  return (slice.nodes[instanceId] = { Items: {}, LastInfo });
}

export function putInventory(ctx: Ctx, instanceId: string, items: readonly InventoryItem[]): void {
  const slice = inventoryOf(ctx);
  const checked = check(ctx, slice, instanceId, items);
  for (const { item, aws } of checked) {
    if (item.TypeName === COMPLIANCE_ITEM) {
      reportCompliance(ctx, instanceId, item);
      continue;
    }
    if (!aws) {
      const reason = refusedVersion(customSchema(slice, item.TypeName), item);
      if (reason !== undefined) {
        emitInventoryChange(ctx, { action: 'put', status: 'failed', resourceId: instanceId, reason, typeName: item.TypeName });
        continue;
      }
      writeCustomSchema(slice, item);
    }
    const node = nodeRecord(ctx, slice, instanceId);
    const stored = Object.hasOwn(node.Items, item.TypeName) ? node.Items[item.TypeName] : undefined;
    if (stored && item.ContentHash !== undefined && stored.ContentHash === item.ContentHash) {
      stored.CaptureTime = item.CaptureTime;
      continue;
    }
    const record: StoredItem = {
      TypeName: item.TypeName,
      SchemaVersion: item.SchemaVersion,
      CaptureTime: item.CaptureTime,
      ...(item.ContentHash !== undefined && { ContentHash: item.ContentHash }),
      Content: (item.Content ?? []).map((e: Entry) => ({ ...e })),
    };
    node.Items[item.TypeName] = record;
    indexWrite(slice, item.TypeName, instanceId, stored?.Content, record.Content);
  }
}
