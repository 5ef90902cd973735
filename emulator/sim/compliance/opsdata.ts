/**
 * AWS:ComplianceSummary OpsData for GetOpsSummary (OpsCenter's opsDataSources port): one entity per
 * resource and compliance type, as ListResourceComplianceSummaries lists them. AWS names the type
 * (OpsResultAttribute) but does not document its attributes; these are the emulator's
 * [unverified]: ResourceId, ResourceType, ComplianceType, Status, OverallSeverity, CompliantCount,
 * NonCompliantCount (numbers, for sum aggregators), ExecutionTime and ExecutionId when reported.
 * The entity id is `<ResourceId>/<ComplianceType>`; the capture time is the execution time.
 */
import type { OpsDataSource } from '../ops-items/opsdata.js';
import { isoTime } from '../ops-items/opsdata.js';
import { complianceRows } from './lists.js';
import { complianceSlice } from './state.js';

export const complianceSummarySource: OpsDataSource = {
  typeName: 'AWS:ComplianceSummary',
  attributes: {
    ResourceId: 'string',
    ResourceType: 'string',
    ComplianceType: 'string',
    Status: 'string',
    OverallSeverity: 'string',
    CompliantCount: 'number',
    NonCompliantCount: 'number',
    ExecutionTime: 'string',
    ExecutionId: 'string',
  },
  rows(ctx) {
    // A read never creates the slice (replay stays byte for byte).
    const resources = Object.values(complianceSlice.peek(ctx.scope)?.resources ?? {});
    return [...complianceRows(resources)].map(({ resource, record, summary }) => {
      const executed = isoTime(Number(record.ExecutionSummary.ExecutionTime));
      return {
        id: `${resource.ResourceId}/${record.ComplianceType}`,
        attributes: {
          ResourceId: resource.ResourceId,
          ResourceType: resource.ResourceType,
          ComplianceType: record.ComplianceType,
          Status: summary.Status!,
          OverallSeverity: summary.OverallSeverity!,
          CompliantCount: String(summary.CompliantSummary!.CompliantCount ?? 0),
          NonCompliantCount: String(summary.NonCompliantSummary!.NonCompliantCount ?? 0),
          ExecutionTime: executed,
          ...(record.ExecutionSummary.ExecutionId !== undefined && { ExecutionId: record.ExecutionSummary.ExecutionId }),
        },
        captureTime: executed,
      };
    });
  },
};
