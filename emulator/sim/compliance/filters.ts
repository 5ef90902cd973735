/**
 * Compliance filters (ComplianceStringFilter: Key, Values, Type EQUAL | NOT_EQUAL | BEGIN_WITH |
 * LESS_THAN | GREATER_THAN, EQUAL by default) for ListComplianceItems (per item) and
 * ListComplianceSummaries / ListResourceComplianceSummaries (per resource and type), on the
 * emulator's filter engine (core/filters.ts): values ORed, filters ANDed.
 *
 * Keys (the user guide's compliance walkthrough and the AWS CLI examples use ComplianceType, Id,
 * Status, Severity, OverallSeverity, DocumentName, ExecutionId, ExecutionType, ExecutionTime,
 * InstanceId, PatchGroup and AWS:InstanceInformation.PlatformType):
 *   ComplianceType, ResourceId (also InstanceId), ResourceType, ExecutionId, ExecutionType,
 *   ExecutionTime (an instant: 2019-02-18T16:00:00Z), Status, Severity, OverallSeverity (their enum
 *   values under EQUAL / NOT_EQUAL), Id, Title, AWS:InstanceInformation.<attribute> (the node's
 *   inventory instance information), and any other key names an item detail (DocumentName,
 *   PatchGroup, PatchState, ...: Details are free-form, so an unknown key is a detail no item has
 *   rather than an error; unverified). A request's spec is built from its keys for that reason.
 * At the resource level, item keys (Id, Title, Severity, details) are lists over the type's items
 * (any item matches; NOT_EQUAL: none equals); Status is the type's status there.
 * A filter without Key or Values: InvalidFilter.
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { defineFilters, type KeySpec } from '../../core/filters.js';
import { InvalidFilter } from '../../generated/ssm/errors.js';
import type { ComplianceStringFilter } from '../../generated/ssm/types.js';
import { getInstance } from '../fleet/state.js';
import { instanceInformationValue, INSTANCE_INFORMATION_PREFIX } from '../inventory/instance-info.js';
import { SEVERITIES, STATUSES, type ComplianceRecord, type ResourceCompliance, type StoredComplianceItem } from './state.js';
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

type Spec = KeySpec<ComplianceRow, Ctx>;

const OPERATORS = ['EQUAL', 'NOT_EQUAL', 'BEGIN_WITH', 'LESS_THAN', 'GREATER_THAN'];

const present = (v: string | undefined): v is string => v !== undefined;
const itemsOf = (row: ComplianceRow) => (row.item ? [row.item] : row.record.Items);

const FIXED: Record<string, Spec> = {
  ComplianceType: { read: (r) => r.record.ComplianceType },
  ResourceId: { read: (r) => r.resource.ResourceId },
  InstanceId: { read: (r) => r.resource.ResourceId },
  ResourceType: { read: (r) => r.resource.ResourceType },
  ExecutionId: { read: (r) => r.record.ExecutionSummary.ExecutionId },
  ExecutionType: { read: (r) => r.record.ExecutionSummary.ExecutionType },
  ExecutionTime: {
    type: 'date',
    operators: ['EQUAL', 'NOT_EQUAL', 'LESS_THAN', 'GREATER_THAN'],
    read: (r) => r.record.ExecutionSummary.ExecutionTime,
    errors: { badValue: ({ key, value }) => new InvalidFilter(messages.invalidFilterTime(key, value)) },
  },
  Status: { allowed: STATUSES, read: (r) => (r.item ? r.item.Status : r.summary.Status) },
  OverallSeverity: { allowed: SEVERITIES, read: (r) => r.summary.OverallSeverity },
  Severity: { allowed: SEVERITIES, read: (r) => itemsOf(r).map((i) => i.Severity) },
  Id: { read: (r) => itemsOf(r).map((i) => i.Id).filter(present) },
  Title: { read: (r) => itemsOf(r).map((i) => i.Title).filter(present) },
};

/** A key the fixed set does not name: the node's instance information, or an item detail. */
function openKey(key: string): Spec {
  if (key.startsWith(INSTANCE_INFORMATION_PREFIX)) {
    const attribute = key.slice(INSTANCE_INFORMATION_PREFIX.length);
    return {
      read: (r, ctx) => {
        const node = getInstance(ctx, r.resource.ResourceId);
        return node ? instanceInformationValue(node, attribute, toEpochSeconds(ctx.now)) : undefined;
      },
    };
  }
  return { read: (r) => itemsOf(r).map((i) => (i.Details && Object.hasOwn(i.Details, key) ? i.Details[key] : undefined)).filter(present) };
}

export function compileComplianceFilters(ctx: Ctx, filters: readonly ComplianceStringFilter[] | undefined): RowTest {
  const list = filters ?? [];
  for (const f of list) if (f.Key === undefined) throw new InvalidFilter(messages.filterKeyRequired());
  const keys = Object.fromEntries(list.map((f) => [f.Key!, Object.hasOwn(FIXED, f.Key!) ? FIXED[f.Key!] : openKey(f.Key!)]));
  const engine = defineFilters<ComplianceRow, Ctx>({
    name: 'compliance',
    defaults: { operators: OPERATORS, operator: 'EQUAL', minValues: 1 },
    errors: {
      // Every key of the request has a spec (fixed, or open), so no key is unknown.
      unknownKey: (key) => new InvalidFilter(messages.invalidFilterKey(key)),
      badValue: ({ key, value, allowed }) => new InvalidFilter(messages.invalidFilterValue(key, value, allowed ?? [])),
      missingValues: (key) => new InvalidFilter(messages.filterValuesRequired(key)),
    },
    keys,
  });
  const filter = engine.compile(list.map((f) => ({ key: f.Key!, values: f.Values, operator: f.Type })));
  return (row) => filter.test(row, ctx);
}
