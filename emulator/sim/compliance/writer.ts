/**
 * The compliance writer: how a capability records compliance for a resource (State Manager writes
 * ComplianceType "Association" when an association's SyncCompliance is AUTO; Patch Manager writes
 * "Patch" after a scan or install; PutComplianceItems writes "Custom:*" and the others). The
 * compliance area provides it (services/compliance), so ListComplianceItems,
 * ListComplianceSummaries and ListResourceComplianceSummaries see what every capability wrote; when
 * that area is not loaded, writes go nowhere (nothing reads them either).
 *
 *   import { writeCompliance } from '../compliance/writer.js';
 *   writeCompliance(ctx, { ResourceId: 'i-...', ResourceType: 'ManagedInstance', ComplianceType: 'Patch',
 *     ExecutionSummary: { ExecutionTime: toEpochSeconds(ctx.now), ExecutionId: commandId, ExecutionType: 'Command' },
 *     Items: [...], UploadType: 'COMPLETE' });
 *
 * The request is PutComplianceItems' own shape, already valid (callers inside the emulator build it):
 * COMPLETE replaces the resource's items of that type, PARTIAL merges by item Id.
 */
import type { Ctx } from '../../core/context.js';
import { definePort } from '../../core/ports.js';
import type { PutComplianceItemsRequest } from '../../generated/ssm/types.js';

export interface ComplianceWriter {
  put(ctx: Ctx, request: PutComplianceItemsRequest): void;
}

export const complianceWriter = definePort<ComplianceWriter>('compliance.writer');

/** Records compliance through the compliance area, if it is loaded. */
export function writeCompliance(ctx: Ctx, request: PutComplianceItemsRequest): void {
  ctx.emu.ports.one(complianceWriter)?.put(ctx, request);
}
