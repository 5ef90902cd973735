/**
 * What happens to inventory over time:
 *
 * - DeleteInventory (custom types only) answers at once with a deletion id and a summary of what it
 *   will delete (per schema version: Count, RemainingCount); the deletion then runs and completes
 *   DELETION_SECONDS later (the user guide's describe-inventory-deletions examples took about five
 *   minutes): the data is removed, LastStatus goes from InProgress ("The Delete is in progress") to
 *   Complete ("Deletion is successful"), and EventBridge hears one "delete" event per node and one
 *   "delete-summary" event. DisableSchema turns the type's current version off at once (later items
 *   of that version or lower are ignored); DeleteSchema removes the type itself when the deletion
 *   completes. DryRun only answers the summary, without a deletion id. One deletion of a type at a
 *   time (InvalidInventoryRequestException; unverified).
 * - DescribeInventoryDeletions lists the deletions of the last 30 days (the guide: "all deletions
 *   run in the last 30 days"), oldest first.
 * - A node that leaves the fleet keeps its inventory, shown with InstanceStatus Terminated, for 30
 *   days (the guide: "Systems Manager retains the inventory data for 30 days and then deletes it");
 *   a task then drops it. Inventory of nodes still in the fleet does not expire here (AWS also
 *   deletes data older than 30 days; see docs/inventory-compliance.md).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { idempotent } from '../../core/idempotency.js';
import { pageSorted } from '../../core/pagination.js';
import {
  InvalidDeleteInventoryParametersException,
  InvalidDeletionIdException,
  InvalidInventoryRequestException,
  InvalidNextToken,
  InvalidTypeNameException,
} from '../../generated/ssm/errors.js';
import type {
  DeleteInventoryRequest,
  DeleteInventoryResult,
  DescribeInventoryDeletionsRequest,
  DescribeInventoryDeletionsResult,
  InventoryDeletionStatusItem,
  InventoryDeletionSummary,
} from '../../generated/ssm/types.js';
import type { Task } from '../../time/scheduler.js';
import { emitInventoryChange } from './events.js';
import { compareVersions, isCustomType, LIMITS } from './schema.js';
import { customSchema, dropNode, invalidate, inventoryNodeIds, inventoryOf, nodeInventory, type DeletionRecord, type InventorySlice } from './state.js';
import * as messages from './messages.js';

export const DELETION_SECONDS = 300;
/** DescribeInventoryDeletions MaxResults: 1 to 50 (model); the default is the maximum (unverified). */
export const DELETIONS_MAX_RESULTS = 50;

export const INVENTORY_TASKS = { deletion: 'inventory.deletion', purge: 'inventory.purge' } as const;

function summaryOf(slice: InventorySlice, typeName: string): InventoryDeletionSummary {
  const byVersion = new Map<string, number>();
  for (const id of inventoryNodeIds(slice)) {
    const items = slice.nodes[id].Items;
    if (Object.hasOwn(items, typeName)) byVersion.set(items[typeName].SchemaVersion, (byVersion.get(items[typeName].SchemaVersion) ?? 0) + 1);
  }
  const versions = [...byVersion.keys()].sort(compareVersions);
  const total = [...byVersion.values()].reduce((a, b) => a + b, 0);
  return {
    TotalCount: total,
    RemainingCount: total,
    SummaryItems: versions.map((Version) => ({ Version, Count: byVersion.get(Version)!, RemainingCount: byVersion.get(Version)! })),
  };
}

export function deleteInventory(ctx: Ctx, req: DeleteInventoryRequest): DeleteInventoryResult {
  const slice = inventoryOf(ctx);
  if (!isCustomType(req.TypeName) || !customSchema(slice, req.TypeName)) throw new InvalidTypeNameException(messages.deleteNeedsCustomType(req.TypeName));
  if (req.DryRun) return { TypeName: req.TypeName, DeletionSummary: summaryOf(slice, req.TypeName) };
  return idempotent(ctx, req.ClientToken, req, () => new InvalidDeleteInventoryParametersException(messages.tokenReused()), () => {
    if (slice.deletions.some((d) => d.TypeName === req.TypeName && d.LastStatus === 'InProgress')) {
      throw new InvalidInventoryRequestException(messages.deletionInProgress(req.TypeName));
    }
    const now = toEpochSeconds(ctx.now);
    const record: DeletionRecord = {
      DeletionId: ctx.emu.ids.uuid(),
      TypeName: req.TypeName,
      DeletionStartTime: now,
      LastStatus: 'InProgress',
      LastStatusMessage: messages.deletionInProgressMessage(),
      LastStatusUpdateTime: now,
      DeletionSummary: summaryOf(slice, req.TypeName),
      ...(req.SchemaDeleteOption && { SchemaDeleteOption: req.SchemaDeleteOption }),
    };
    slice.deletions.push(record);
    const schema = customSchema(slice, req.TypeName)!;
    if (req.SchemaDeleteOption === 'DisableSchema') schema.DisabledVersion = schema.Version;
    ctx.emu.scheduler.schedule({
      at: ctx.now + DELETION_SECONDS * 1000,
      kind: INVENTORY_TASKS.deletion,
      account: ctx.account,
      region: ctx.region,
      key: `inventory:deletion:${record.DeletionId}`,
      payload: { id: record.DeletionId },
    });
    return { DeletionId: record.DeletionId, TypeName: req.TypeName, DeletionSummary: record.DeletionSummary };
  });
}

/** Drops a node's record when nothing is left in it and it does not stand for a node that left. */
function dropEmpty(slice: InventorySlice, id: string): void {
  const node = slice.nodes[id];
  if (Object.keys(node.Items).length === 0 && node.TerminatedAt === undefined) dropNode(slice, id);
}

function completeDeletion(ctx: Ctx, deletionId: string): void {
  const slice = inventoryOf(ctx);
  const record = slice.deletions.find((d) => d.DeletionId === deletionId);
  if (!record || record.LastStatus !== 'InProgress') return;
  const type = record.TypeName;
  for (const id of inventoryNodeIds(slice).slice()) {
    const items = slice.nodes[id].Items;
    if (!Object.hasOwn(items, type)) continue;
    delete items[type];
    emitInventoryChange(ctx, { action: 'delete', status: 'succeeded', resourceId: id, reason: '', typeName: type });
    dropEmpty(slice, id);
  }
  invalidate(slice, type);
  if (record.SchemaDeleteOption === 'DeleteSchema') delete slice.schemas[type];
  const s = record.DeletionSummary;
  record.DeletionSummary = { ...s, RemainingCount: 0, SummaryItems: (s.SummaryItems ?? []).map((i) => ({ ...i, RemainingCount: 0 })) };
  record.LastStatus = 'Complete';
  record.LastStatusMessage = messages.deletionCompleteMessage();
  record.LastStatusUpdateTime = toEpochSeconds(ctx.now);
  // The summary as the guide's delete-summary event spells it (camel-case members).
  const summary = JSON.stringify({
    totalCount: s.TotalCount,
    remainingCount: 0,
    summaryItems: (s.SummaryItems ?? []).map((i) => ({ version: i.Version, count: i.Count, remainingCount: 0 })),
  });
  emitInventoryChange(ctx, { action: 'delete-summary', status: 'succeeded', reason: messages.deletionSummaryReason(type, summary), typeName: type });
}

const RECENT_SECONDS = 30 * 24 * 3600;
const deletionKey = (d: DeletionRecord) => `${String(d.DeletionStartTime.toFixed(3)).padStart(16, '0')}|${d.DeletionId}`;

export function describeInventoryDeletions(ctx: Ctx, req: DescribeInventoryDeletionsRequest): DescribeInventoryDeletionsResult {
  const slice = inventoryOf(ctx);
  const now = toEpochSeconds(ctx.now);
  let list = slice.deletions.filter((d) => now - d.DeletionStartTime < RECENT_SECONDS);
  if (req.DeletionId !== undefined) {
    list = slice.deletions.filter((d) => d.DeletionId === req.DeletionId);
    if (!list.length) throw new InvalidDeletionIdException(messages.deletionNotFound(req.DeletionId));
  }
  const sorted = list.slice().sort((a, b) => (deletionKey(a) < deletionKey(b) ? -1 : 1));
  const invalid = () => new InvalidNextToken(messages.invalidNextToken());
  const { page, nextToken } = pageSorted(sorted, deletionKey, req.MaxResults ?? DELETIONS_MAX_RESULTS, req.NextToken, invalid);
  const InventoryDeletions: InventoryDeletionStatusItem[] = page.map((d) => ({
    DeletionId: d.DeletionId,
    TypeName: d.TypeName,
    DeletionStartTime: d.DeletionStartTime,
    LastStatus: d.LastStatus,
    LastStatusMessage: d.LastStatusMessage,
    DeletionSummary: d.DeletionSummary,
    LastStatusUpdateTime: d.LastStatusUpdateTime,
  }));
  return { InventoryDeletions, ...(nextToken && { NextToken: nextToken }) };
}

// ──────────────────────────────────── nodes leaving the fleet ────────────────────────────────────

const purgeKey = (id: string) => `inventory:purge:${id}`;

/** A node left the fleet: its inventory stays 30 days, as a terminated node's. */
export function nodeLeft(ctx: Ctx, id: string): void {
  const slice = inventoryOf(ctx);
  const node = nodeInventory(slice, id);
  if (!node) return;
  node.TerminatedAt = toEpochSeconds(ctx.now);
  ctx.emu.scheduler.schedule({ at: ctx.now + LIMITS.retentionSeconds * 1000, kind: INVENTORY_TASKS.purge, account: ctx.account, region: ctx.region, key: purgeKey(id), payload: { id } });
}

/** A node (re)joined the fleet: if it had left, it is a managed node again. */
export function nodeJoined(ctx: Ctx, id: string): void {
  const node = nodeInventory(inventoryOf(ctx), id);
  if (node?.TerminatedAt === undefined) return;
  delete node.TerminatedAt;
  ctx.emu.scheduler.cancel(purgeKey(id));
}

function purge(ctx: Ctx, id: string): void {
  const slice = inventoryOf(ctx);
  if (nodeInventory(slice, id)?.TerminatedAt !== undefined) dropNode(slice, id);
}

export const inventoryTasks = {
  [INVENTORY_TASKS.deletion]: (task: Task<{ id: string }>, ctx: Ctx) => completeDeletion(ctx, task.payload.id),
  [INVENTORY_TASKS.purge]: (task: Task<{ id: string }>, ctx: Ctx) => purge(ctx, task.payload.id),
};
