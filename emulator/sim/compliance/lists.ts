/**
 * The compliance lists:
 *
 * - ListComplianceItems: the items of the resources asked for (ResourceIds: one at a time, as the
 *   API reference says "Currently, you can only specify one resource ID per call"; ResourceTypes:
 *   ManagedInstance), or of every resource when none is named (unverified), by resource id,
 *   compliance type, then the order the items were reported in.
 * - ListResourceComplianceSummaries: one row per resource and compliance type (summary.ts), by
 *   resource id then type.
 * - ListComplianceSummaries: one row per compliance type, counting resources (summary.ts).
 * Filters: filters.ts. Pages are positions by key (resource id, type, item index), 1 to 50 rows
 * (model), 50 by default (unverified).
 */
import type { Ctx } from '../../core/context.js';
import { pageSorted } from '../../core/pagination.js';
import { InvalidNextToken, InvalidResourceId, InvalidResourceType } from '../../generated/ssm/errors.js';
import type {
  ComplianceItem,
  ComplianceSummaryItem,
  ListComplianceItemsRequest,
  ListComplianceItemsResult,
  ListComplianceSummariesRequest,
  ListComplianceSummariesResult,
  ListResourceComplianceSummariesRequest,
  ListResourceComplianceSummariesResult,
  ResourceComplianceSummaryItem,
} from '../../generated/ssm/types.js';
import { getInstance } from '../fleet/state.js';
import { compileComplianceFilters, type ComplianceRow } from './filters.js';
import { complianceSlice, getResource, type ResourceCompliance } from './state.js';
import { MANAGED_INSTANCE } from './store.js';
import { countSeverity, emptySeverities, summarize } from './summary.js';
import * as messages from './messages.js';

export const COMPLIANCE_MAX_RESULTS = 50;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const invalidToken = () => new InvalidNextToken(messages.invalidNextToken());

/** Every resource and record, sorted, with its summary. */
export function* complianceRows(resources: Iterable<ResourceCompliance>): Generator<ComplianceRow> {
  const sorted = [...resources].sort((a, b) => byText(a.ResourceId, b.ResourceId) || byText(a.ResourceType, b.ResourceType));
  for (const resource of sorted) {
    for (const record of resource.Records.slice().sort((a, b) => byText(a.ComplianceType, b.ComplianceType))) {
      yield { resource, record, summary: summarize(record) };
    }
  }
}

function resourcesFor(ctx: Ctx, req: ListComplianceItemsRequest): ResourceCompliance[] {
  for (const t of req.ResourceTypes ?? []) if (t !== MANAGED_INSTANCE) throw new InvalidResourceType(messages.invalidResourceType(t));
  const all = Object.values(complianceSlice.of(ctx.scope).resources);
  if (!req.ResourceIds) return all;
  if (req.ResourceIds.length > 1) throw new InvalidResourceId(messages.oneResourceIdOnly());
  const [id] = req.ResourceIds;
  const found = getResource(ctx.scope, MANAGED_INSTANCE, id);
  if (!found && !getInstance(ctx, id)) throw new InvalidResourceId(messages.invalidResourceId(id));
  return found ? [found] : [];
}

const pad = (i: number) => String(i).padStart(6, '0');

export function listComplianceItems(ctx: Ctx, req: ListComplianceItemsRequest): ListComplianceItemsResult {
  const test = compileComplianceFilters(ctx, req.Filters);
  const out: { key: string; item: ComplianceItem }[] = [];
  for (const row of complianceRows(resourcesFor(ctx, req))) {
    row.record.Items.forEach((item, i) => {
      if (!test({ ...row, item })) return;
      out.push({
        key: `${row.resource.ResourceId}\u0000${row.record.ComplianceType}\u0000${pad(i)}`,
        item: {
          ComplianceType: row.record.ComplianceType,
          ResourceType: row.resource.ResourceType,
          ResourceId: row.resource.ResourceId,
          ...(item.Id !== undefined && { Id: item.Id }),
          ...(item.Title !== undefined && { Title: item.Title }),
          Status: item.Status,
          Severity: item.Severity,
          ExecutionSummary: { ...row.record.ExecutionSummary },
          ...(item.Details !== undefined && { Details: { ...item.Details } }),
        },
      });
    });
  }
  const { page, nextToken } = pageSorted(out, (r) => r.key, req.MaxResults ?? COMPLIANCE_MAX_RESULTS, req.NextToken, invalidToken);
  return { ComplianceItems: page.map((r) => r.item), ...(nextToken && { NextToken: nextToken }) };
}

export function listResourceComplianceSummaries(ctx: Ctx, req: ListResourceComplianceSummariesRequest): ListResourceComplianceSummariesResult {
  const test = compileComplianceFilters(ctx, req.Filters);
  const out: { key: string; item: ResourceComplianceSummaryItem }[] = [];
  for (const row of complianceRows(Object.values(complianceSlice.of(ctx.scope).resources))) {
    if (!test(row)) continue;
    out.push({
      key: `${row.resource.ResourceId}\u0000${row.record.ComplianceType}`,
      item: {
        ComplianceType: row.record.ComplianceType,
        ResourceType: row.resource.ResourceType,
        ResourceId: row.resource.ResourceId,
        Status: row.summary.Status,
        OverallSeverity: row.summary.OverallSeverity,
        ExecutionSummary: { ...row.record.ExecutionSummary },
        CompliantSummary: row.summary.CompliantSummary,
        NonCompliantSummary: row.summary.NonCompliantSummary,
      },
    });
  }
  const { page, nextToken } = pageSorted(out, (r) => r.key, req.MaxResults ?? COMPLIANCE_MAX_RESULTS, req.NextToken, invalidToken);
  return { ResourceComplianceSummaryItems: page.map((r) => r.item), ...(nextToken && { NextToken: nextToken }) };
}

export function listComplianceSummaries(ctx: Ctx, req: ListComplianceSummariesRequest): ListComplianceSummariesResult {
  const test = compileComplianceFilters(ctx, req.Filters);
  const byType = new Map<string, ComplianceSummaryItem & { CompliantSummary: { CompliantCount: number }; NonCompliantSummary: { NonCompliantCount: number } }>();
  for (const row of complianceRows(Object.values(complianceSlice.of(ctx.scope).resources))) {
    if (!test(row)) continue;
    let s = byType.get(row.record.ComplianceType);
    if (!s) {
      s = {
        ComplianceType: row.record.ComplianceType,
        CompliantSummary: { CompliantCount: 0, SeveritySummary: emptySeverities() },
        NonCompliantSummary: { NonCompliantCount: 0, SeveritySummary: emptySeverities() },
      };
      byType.set(row.record.ComplianceType, s);
    }
    if (row.summary.Status === 'COMPLIANT') {
      s.CompliantSummary.CompliantCount++;
      countSeverity(s.CompliantSummary.SeveritySummary as ReturnType<typeof emptySeverities>, row.summary.OverallSeverity);
    } else {
      s.NonCompliantSummary.NonCompliantCount++;
      countSeverity(s.NonCompliantSummary.SeveritySummary as ReturnType<typeof emptySeverities>, row.summary.OverallSeverity);
    }
  }
  const list = [...byType.values()].sort((a, b) => byText(a.ComplianceType!, b.ComplianceType!));
  const { page, nextToken } = pageSorted(list, (s) => s.ComplianceType!, req.MaxResults ?? COMPLIANCE_MAX_RESULTS, req.NextToken, invalidToken);
  return { ComplianceSummaryItems: page, ...(nextToken && { NextToken: nextToken }) };
}
