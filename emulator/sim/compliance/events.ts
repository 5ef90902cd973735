/**
 * What Compliance sends to EventBridge: "Configuration Compliance State Change", for association and
 * patch compliance only (user guide, "Reference: Amazon EventBridge event patterns and types": "The
 * state of a managed node changes, for either association compliance or patch compliance"), when a
 * node's status for that type changes (first report included). Details as the guide's examples:
 *
 *   Association: last-runtime, compliance-status (compliant | non_compliant), resource-type
 *                (managed-instance), resource-id, compliance-type
 *   Patch:       resource-type, resource-id, compliance-status, compliance-type, patch-baseline-id,
 *                severity (the node's overall severity, lower case)
 *
 * The resource is the managed-instance ARN, for EC2 instances too (as in the guide's examples).
 * The baseline id comes from the items' PatchBaselineId detail when they carry one (unverified:
 * the guide does not say where it comes from).
 */
import type { Ctx } from '../../core/context.js';
import { arn, toMillis } from '../../core/context.js';
import { eventTime } from '../../core/events.js';
import type { ComplianceRecord, ResourceCompliance } from './state.js';
import type { RecordSummary } from './summary.js';

export const COMPLIANCE_DETAIL_TYPE = 'Configuration Compliance State Change';

/** Compliance types whose state changes AWS announces. */
export const ANNOUNCED_TYPES: ReadonlySet<string> = new Set(['Association', 'Patch']);

export function emitComplianceChange(ctx: Ctx, resource: ResourceCompliance, record: ComplianceRecord, summary: RecordSummary): void {
  const status = summary.Status.toLowerCase();
  const common = { 'resource-type': 'managed-instance', 'resource-id': resource.ResourceId, 'compliance-status': status, 'compliance-type': record.ComplianceType };
  let detail: Record<string, unknown>;
  if (record.ComplianceType === 'Association') {
    detail = { 'last-runtime': eventTime(toMillis(record.ExecutionSummary.ExecutionTime)), ...common };
  } else {
    const baseline = record.Items.find((i) => i.Details?.PatchBaselineId)?.Details?.PatchBaselineId;
    detail = { ...common, ...(baseline !== undefined && { 'patch-baseline-id': baseline }), severity: summary.OverallSeverity.toLowerCase() };
  }
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: COMPLIANCE_DETAIL_TYPE,
    resources: [arn(ctx, 'ssm', `managed-instance/${resource.ResourceId}`)],
    detail,
  });
}
