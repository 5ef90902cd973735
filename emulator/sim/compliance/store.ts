/**
 * Writing compliance: PutComplianceItems' semantics, shared by the operation and by every capability
 * that reports compliance through the complianceWriter port (State Manager's Association
 * compliance, Patch Manager's Patch compliance, inventory's AWS:ComplianceItem items).
 *
 * - ResourceType must be ManagedInstance and ResourceId a managed node of the account and Region
 *   (InvalidResourceType / InvalidResourceId; the API reference: "ManagedInstance is currently the
 *   only supported resource type"). Whether AWS checks that the node exists is not documented
 *   (unverified); it is checked here.
 * - An ItemContentHash equal to the one stored for that resource and type: nothing changes (API
 *   reference: "If the content hashes match, the request to put compliance information is
 *   ignored").
 * - UploadType COMPLETE (the default) replaces the type's items; an empty list clears the type.
 *   PARTIAL merges by item Id (an item with a known Id replaces it, others are added). The API
 *   reference reserves PARTIAL for association compliance with SyncCompliance MANUAL; the emulator
 *   merges for any type (the association's setting belongs to State Manager).
 * - At most 10 Custom:* types per node (ComplianceTypeCountLimitExceededException, user guide: "a
 *   maximum of 10 different custom compliance types").
 * - A change of status of Association or Patch compliance goes to EventBridge (events.ts).
 */
import type { Ctx } from '../../core/context.js';
import { ComplianceTypeCountLimitExceededException, InvalidResourceId, InvalidResourceType } from '../../generated/ssm/errors.js';
import type { ComplianceItemEntry, PutComplianceItemsRequest } from '../../generated/ssm/types.js';
import { getInstance } from '../fleet/state.js';
import { ANNOUNCED_TYPES, emitComplianceChange } from './events.js';
import { complianceSlice, resourceKey, type ComplianceRecord, type StoredComplianceItem } from './state.js';
import { summarize } from './summary.js';
import * as messages from './messages.js';

export const MANAGED_INSTANCE = 'ManagedInstance';
export const MAX_CUSTOM_TYPES = 10;

export const isCustomComplianceType = (type: string) => type.startsWith('Custom:');

function toStored(e: ComplianceItemEntry): StoredComplianceItem {
  return {
    ...(e.Id !== undefined && { Id: e.Id }),
    ...(e.Title !== undefined && { Title: e.Title }),
    Severity: e.Severity,
    Status: e.Status,
    ...(e.Details !== undefined && { Details: { ...e.Details } }),
  };
}

/** Checks the resource a compliance request names (shared with the list operations' ResourceIds). */
export function checkResource(ctx: Ctx, resourceType: string, resourceId: string): void {
  if (resourceType !== MANAGED_INSTANCE) throw new InvalidResourceType(messages.invalidResourceType(resourceType));
  if (!getInstance(ctx, resourceId)) throw new InvalidResourceId(messages.invalidResourceId(resourceId));
}

function merged(existing: readonly StoredComplianceItem[], incoming: readonly StoredComplianceItem[]): StoredComplianceItem[] {
  const out = existing.slice();
  const at = new Map<string, number>();
  out.forEach((item, i) => {
    if (item.Id !== undefined) at.set(item.Id, i);
  });
  for (const item of incoming) {
    const i = item.Id === undefined ? undefined : at.get(item.Id);
    if (i === undefined) {
      if (item.Id !== undefined) at.set(item.Id, out.length);
      out.push(item);
    } else {
      out[i] = item;
    }
  }
  return out;
}

export function putCompliance(ctx: Ctx, req: PutComplianceItemsRequest): void {
  checkResource(ctx, req.ResourceType, req.ResourceId);
  const all = complianceSlice.of(ctx.scope).resources;
  const key = resourceKey(req.ResourceType, req.ResourceId);
  const resource = Object.hasOwn(all, key) ? all[key] : undefined;
  const at = resource ? resource.Records.findIndex((r) => r.ComplianceType === req.ComplianceType) : -1;
  const existing = at >= 0 ? resource!.Records[at] : undefined;

  if (existing && req.ItemContentHash !== undefined && existing.ItemContentHash === req.ItemContentHash) return;
  if (!existing && isCustomComplianceType(req.ComplianceType) && resource) {
    const custom = resource.Records.filter((r) => isCustomComplianceType(r.ComplianceType)).length;
    if (custom >= MAX_CUSTOM_TYPES) throw new ComplianceTypeCountLimitExceededException(messages.customTypeLimit(MAX_CUSTOM_TYPES));
  }

  const incoming = req.Items.map(toStored);
  const items = req.UploadType === 'PARTIAL' && existing ? merged(existing.Items, incoming) : incoming;
  const before = existing ? summarize(existing).Status : undefined;

  if (items.length === 0) {
    if (existing) resource!.Records.splice(at, 1);
    if (resource && resource.Records.length === 0) delete all[key];
    return;
  }
  const record: ComplianceRecord = {
    ComplianceType: req.ComplianceType,
    ExecutionSummary: { ...req.ExecutionSummary },
    ...(req.ItemContentHash !== undefined && { ItemContentHash: req.ItemContentHash }),
    Items: items,
  };
  const target = resource ?? (all[key] = { ResourceId: req.ResourceId, ResourceType: req.ResourceType, Records: [] });
  if (existing) target.Records[at] = record;
  else target.Records.push(record);

  if (ANNOUNCED_TYPES.has(record.ComplianceType)) {
    const summary = summarize(record);
    if (summary.Status !== before) emitComplianceChange(ctx, target, record, summary);
  }
}
