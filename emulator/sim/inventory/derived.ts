/**
 * Reading inventory: one accessor for every type, whether its items were put (the store) or are
 * derived from another capability's state at read time:
 *
 *   AWS:InstanceInformation   the fleet record (live), or the last one of a node that left
 *   AWS:ComplianceItem        Compliance's items of the node, one entry per item, with the
 *                             compliance type and execution as the Context members
 *   AWS:ComplianceSummary     Compliance's summary of the node, one entry per compliance type
 *
 * Systems Manager stores compliance as these two inventory types (PutInventory's AWS:ComplianceItem
 * Context, GetInventorySchema's AWS:ComplianceSummary attributes), so GetInventory and
 * ListInventoryEntries show compliance from every source.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { complianceSlice, type ResourceCompliance } from '../compliance/state.js';
import { summarize } from '../compliance/summary.js';
import { getInstance, sortedInstanceIds } from '../fleet/state.js';
import { captureTime, instanceInformation, instanceInformationTime, instanceInformationValue } from './instance-info.js';
import { INSTANCE_INFORMATION } from './schema.js';
import { inventoryNodeIds, nodeInventory, nodesWithType, storedItem, type Entry, type InventorySlice, type StoredItem } from './state.js';

const COMPLIANCE_ITEM = 'AWS:ComplianceItem';
const COMPLIANCE_SUMMARY = 'AWS:ComplianceSummary';

export const isDerivedType = (typeName: string) => typeName === INSTANCE_INFORMATION || typeName === COMPLIANCE_ITEM || typeName === COMPLIANCE_SUMMARY;

/** Every entity GetInventory knows, ascending: the fleet's nodes and the nodes that left it within 30 days. */
export function entityIds(ctx: Ctx, slice: InventorySlice): readonly string[] {
  const fleet = sortedInstanceIds(ctx);
  let gone: string[] | undefined;
  for (const id of inventoryNodeIds(slice)) if (slice.nodes[id].TerminatedAt !== undefined) (gone ??= []).push(id);
  if (!gone) return fleet;
  return [...fleet, ...gone].sort();
}

function complianceResource(ctx: Ctx, id: string): ResourceCompliance | undefined {
  const all = complianceSlice.of(ctx.scope).resources;
  const key = `ManagedInstance/${id}`;
  return Object.hasOwn(all, key) ? all[key] : undefined;
}

const latest = (r: ResourceCompliance) => Math.max(...r.Records.map((x) => x.ExecutionSummary.ExecutionTime));

function complianceItems(r: ResourceCompliance): Entry[] {
  const out: Entry[] = [];
  for (const rec of r.Records) {
    const ctxMembers: Entry = { ComplianceType: rec.ComplianceType, ExecutionTime: captureTime(rec.ExecutionSummary.ExecutionTime) };
    if (rec.ExecutionSummary.ExecutionId !== undefined) ctxMembers.ExecutionId = rec.ExecutionSummary.ExecutionId;
    if (rec.ExecutionSummary.ExecutionType !== undefined) ctxMembers.ExecutionType = rec.ExecutionSummary.ExecutionType;
    for (const i of rec.Items) {
      out.push({
        ...ctxMembers,
        ...(i.Id !== undefined && { Id: i.Id }),
        ...(i.Title !== undefined && { Title: i.Title }),
        Status: i.Status,
        Severity: i.Severity,
        ...i.Details,
      });
    }
  }
  return out;
}

function complianceSummaries(r: ResourceCompliance): Entry[] {
  return r.Records.map((rec) => {
    const s = summarize(rec);
    const detail = (k: string) => rec.Items.find((i) => i.Details?.[k] !== undefined)?.Details?.[k];
    const e: Entry = { ComplianceType: rec.ComplianceType };
    const group = detail('PatchGroup');
    const baseline = detail('PatchBaselineId');
    if (group !== undefined) e.PatchGroup = group;
    if (baseline !== undefined) e.PatchBaselineId = baseline;
    Object.assign(e, { Status: s.Status, OverallSeverity: s.OverallSeverity });
    if (rec.ExecutionSummary.ExecutionId !== undefined) e.ExecutionId = rec.ExecutionSummary.ExecutionId;
    if (rec.ExecutionSummary.ExecutionType !== undefined) e.ExecutionType = rec.ExecutionSummary.ExecutionType;
    e.ExecutionTime = captureTime(rec.ExecutionSummary.ExecutionTime);
    const counts = (prefix: string, sev: Record<string, number | undefined> | undefined) => {
      for (const [k, v] of Object.entries(sev ?? {})) e[`${prefix}${k}`] = String(v ?? 0);
    };
    counts('Compliant', s.CompliantSummary.SeveritySummary as Record<string, number>);
    counts('NonCompliant', s.NonCompliantSummary.SeveritySummary as Record<string, number>);
    return e;
  });
}

/** The item of a type for a node (put or derived), or undefined when the node has none. */
export function itemOf(ctx: Ctx, slice: InventorySlice, id: string, typeName: string): StoredItem | undefined {
  if (typeName === INSTANCE_INFORMATION) {
    const inst = getInstance(ctx, id);
    const now = toEpochSeconds(ctx.now);
    if (inst) return { TypeName: typeName, SchemaVersion: '1.0', CaptureTime: instanceInformationTime(inst, now), Content: [instanceInformation(inst, now)] };
    const gone = nodeInventory(slice, id);
    if (gone?.TerminatedAt === undefined) return undefined;
    return { TypeName: typeName, SchemaVersion: '1.0', CaptureTime: gone.LastInfo.CaptureTime, Content: [{ ...gone.LastInfo.Info, InstanceStatus: 'Terminated' }] };
  }
  if (typeName === COMPLIANCE_ITEM || typeName === COMPLIANCE_SUMMARY) {
    const r = complianceResource(ctx, id);
    if (!r || r.Records.length === 0) return undefined;
    const Content = typeName === COMPLIANCE_ITEM ? complianceItems(r) : complianceSummaries(r);
    return { TypeName: typeName, SchemaVersion: '1.0', CaptureTime: captureTime(latest(r)), Content };
  }
  return storedItem(slice, id, typeName);
}

/** Ids of the entities holding an item of the type, ascending. */
export function entitiesWithType(ctx: Ctx, slice: InventorySlice, typeName: string): readonly string[] {
  if (typeName === INSTANCE_INFORMATION) return entityIds(ctx, slice);
  if (typeName === COMPLIANCE_ITEM || typeName === COMPLIANCE_SUMMARY) {
    const known = new Set(entityIds(ctx, slice));
    const ids: string[] = [];
    for (const r of Object.values(complianceSlice.of(ctx.scope).resources)) {
      if (r.ResourceType === 'ManagedInstance' && r.Records.length && known.has(r.ResourceId)) ids.push(r.ResourceId);
    }
    return ids.sort();
  }
  return nodesWithType(slice, typeName);
}

/**
 * The values an entity has for one attribute of a derived type, or undefined when it does not hold
 * the type. For AWS:InstanceInformation only that attribute is read (a filter scans every node).
 */
export function derivedValues(ctx: Ctx, slice: InventorySlice, id: string, typeName: string, attribute: string): string[] | undefined {
  if (typeName === INSTANCE_INFORMATION) {
    const inst = getInstance(ctx, id);
    if (inst) {
      const v = instanceInformationValue(inst, attribute, toEpochSeconds(ctx.now));
      return v === undefined ? [] : [v];
    }
  }
  const item = itemOf(ctx, slice, id, typeName);
  if (!item) return undefined;
  const out: string[] = [];
  for (const e of item.Content) if (Object.hasOwn(e, attribute)) out.push(e[attribute]);
  return out;
}
