/**
 * Compliance filters (ComplianceStringFilter: Key, Values, Type EQUAL | NOT_EQUAL | BEGIN_WITH |
 * LESS_THAN | GREATER_THAN, EQUAL by default) for ListComplianceItems (per item) and
 * ListComplianceSummaries / ListResourceComplianceSummaries (per resource and type). Filters are
 * ANDed; the values of one filter are ORed.
 *
 * Keys (the user guide's compliance walkthrough and the AWS CLI examples use ComplianceType, Id,
 * Status, Severity, OverallSeverity, DocumentName, ExecutionId, ExecutionType, ExecutionTime,
 * InstanceId, PatchGroup and AWS:InstanceInformation.PlatformType):
 *   ComplianceType, ResourceId (also InstanceId), ResourceType, ExecutionId, ExecutionType,
 *   ExecutionTime (a time: 2019-02-18T16:00:00Z), Status, Severity, OverallSeverity, Id, Title,
 *   AWS:InstanceInformation.<attribute> (the node's inventory instance information), and any other
 *   key names an item detail (DocumentName, PatchGroup, PatchState, ...: Details are free-form, so
 *   an unknown key is a detail no item has rather than an error; unverified).
 * At the resource level, item keys (Id, Title, Severity, details) match when any item of the type
 * matches; Status is the type's status there.
 *
 * NOT_EQUAL matches when no value of the key equals any filter value. LESS_THAN / GREATER_THAN
 * compare times for ExecutionTime, numbers when both sides are numbers, text otherwise.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { InvalidFilter } from '../../generated/ssm/errors.js';
import type { ComplianceStringFilter } from '../../generated/ssm/types.js';
import { getInstance } from '../fleet/state.js';
import { compareValues, instanceInformation, INSTANCE_INFORMATION_PREFIX } from '../inventory/instance-info.js';
import { SEVERITIES, type ComplianceRecord, type ResourceCompliance, type StoredComplianceItem } from './state.js';
import type { RecordSummary } from './summary.js';
import * as messages from './messages.js';

export interface ComplianceRow {
  resource: ResourceCompliance;
  record: ComplianceRecord;
  summary: RecordSummary;
  /** Set for item-level filtering (ListComplianceItems). */
  item?: StoredComplianceItem;
}

export type RowTest = (row: ComplianceRow) => boolean;

const STATUSES = ['COMPLIANT', 'NON_COMPLIANT'];
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseTime(key: string, value: string): number {
  const ms = ISO.test(value) ? Date.parse(/T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? `${value}Z` : value) : NaN;
  if (!Number.isFinite(ms)) throw new InvalidFilter(messages.invalidFilterTime(key, value));
  return toEpochSeconds(ms);
}

const present = (v: string | undefined): v is string => v !== undefined;

/** The values a row has for a key (several at the resource level for item keys). */
function valuesOf(ctx: Ctx, key: string, row: ComplianceRow): string[] {
  const items = row.item ? [row.item] : row.record.Items;
  switch (key) {
    case 'ComplianceType':
      return [row.record.ComplianceType];
    case 'ResourceId':
    case 'InstanceId':
      return [row.resource.ResourceId];
    case 'ResourceType':
      return [row.resource.ResourceType];
    case 'ExecutionId':
      return [row.record.ExecutionSummary.ExecutionId].filter(present);
    case 'ExecutionType':
      return [row.record.ExecutionSummary.ExecutionType].filter(present);
    case 'Status':
      return [row.item ? row.item.Status : row.summary.Status];
    case 'OverallSeverity':
      return [row.summary.OverallSeverity];
    case 'Severity':
      return items.map((i) => i.Severity);
    case 'Id':
      return items.map((i) => i.Id).filter(present);
    case 'Title':
      return items.map((i) => i.Title).filter(present);
  }
  if (key.startsWith(INSTANCE_INFORMATION_PREFIX)) {
    const node = getInstance(ctx, row.resource.ResourceId);
    const v = node ? instanceInformation(node, toEpochSeconds(ctx.now))[key.slice(INSTANCE_INFORMATION_PREFIX.length)] : undefined;
    return [v].filter(present);
  }
  return items.map((i) => (i.Details && Object.hasOwn(i.Details, key) ? i.Details[key] : undefined)).filter(present);
}

function compile(ctx: Ctx, f: ComplianceStringFilter): RowTest {
  const key = f.Key;
  if (key === undefined) throw new InvalidFilter(messages.filterKeyRequired());
  const values = f.Values ?? [];
  if (values.length === 0) throw new InvalidFilter(messages.filterValuesRequired(key));
  const type = f.Type ?? 'EQUAL';
  const enumOf: readonly string[] | undefined = key === 'Status' ? STATUSES : key === 'Severity' || key === 'OverallSeverity' ? SEVERITIES : undefined;
  if (enumOf && (type === 'EQUAL' || type === 'NOT_EQUAL')) {
    for (const v of values) if (!enumOf.includes(v)) throw new InvalidFilter(messages.invalidFilterValue(key, v, enumOf));
  }
  if (key === 'ExecutionTime') {
    const times = values.map((v) => parseTime(key, v));
    const t = (row: ComplianceRow) => row.record.ExecutionSummary.ExecutionTime;
    switch (type) {
      case 'LESS_THAN':
        return (row) => times.some((x) => t(row) < x);
      case 'GREATER_THAN':
        return (row) => times.some((x) => t(row) > x);
      case 'NOT_EQUAL':
        return (row) => !times.includes(t(row));
      case 'EQUAL':
        return (row) => times.includes(t(row));
      case 'BEGIN_WITH':
        throw new InvalidFilter(messages.invalidFilterTime(key, values[0]));
    }
  }
  const some = (row: ComplianceRow, test: (v: string) => boolean) => valuesOf(ctx, key, row).some(test);
  switch (type) {
    case 'EQUAL':
      return (row) => some(row, (v) => values.includes(v));
    case 'NOT_EQUAL':
      return (row) => !some(row, (v) => values.includes(v));
    case 'BEGIN_WITH':
      return (row) => some(row, (v) => values.some((p) => v.startsWith(p)));
    case 'LESS_THAN':
      return (row) => some(row, (v) => values.some((x) => compareValues(v, x) < 0));
    case 'GREATER_THAN':
      return (row) => some(row, (v) => values.some((x) => compareValues(v, x) > 0));
  }
}

export function compileComplianceFilters(ctx: Ctx, filters: readonly ComplianceStringFilter[] | undefined): RowTest {
  const tests = (filters ?? []).map((f) => compile(ctx, f));
  return (row) => tests.every((t) => t(row));
}
