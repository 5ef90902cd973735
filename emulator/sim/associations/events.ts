/**
 * What State Manager sends to EventBridge (user guide "Amazon EventBridge event examples for Systems
 * Manager", State Manager events; the detail members and their formats are the examples'):
 *
 *   "EC2 State Manager Association State Change"           resources: the document's ARN
 *     detail {association-id, document-name, association-version, document-version ("Optional.empty"
 *     when none was given), targets (JSON text), creation-date, last-successful-execution-date,
 *     last-execution-date, last-updated-date, status, association-status-aggregated-count (JSON
 *     text), schedule-expression, association-cwe-version "1.0"}
 *     sent when the association's overview Status changes (Pending, Success, Failed).
 *   "EC2 State Manager Instance Association State Change"  resources: the node's and the document's ARNs
 *     detail {association-id, instance-id, document-name, document-version, targets, creation-date,
 *     last-successful-execution-date, last-execution-date, status, detailed-status, error-code,
 *     execution-summary, output-url, instance-association-cwe-version "1"}
 *     sent when the association's Status on a node changes by what the agent reports (a run received,
 *     a run ended), not for the service's Pending/Associated of a node first targeted.
 * Members without a value are left out. Creation and update dates carry milliseconds, execution dates
 * are to the second, as in the examples.
 */
import type { Ctx } from '../../core/context.js';
import { nodeArn } from '../fleet/nodes.js';
import type { AssociationRecord, NodeStatus } from './state.js';
import { currentVersion } from './state.js';

const isoMs = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();
const isoS = (seconds: number) => isoMs(seconds).replace(/\.\d{3}Z$/, 'Z');
const targetsText = (a: AssociationRecord) => JSON.stringify((currentVersion(a).Targets ?? []).map((t) => ({ key: t.Key, values: t.Values ?? [] })));
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));

export function emitAssociationState(ctx: Ctx, a: AssociationRecord, status: string, counts: Record<string, number>): void {
  const spec = currentVersion(a);
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: 'EC2 State Manager Association State Change',
    resources: [a.Engine.documentArn],
    detail: defined({
      'association-id': a.AssociationId,
      'document-name': spec.Name,
      'association-version': spec.AssociationVersion,
      'document-version': spec.DocumentVersion ?? 'Optional.empty',
      targets: targetsText(a),
      'creation-date': isoMs(a.Date),
      'last-successful-execution-date': a.LastSuccessfulExecutionDate === undefined ? undefined : isoS(a.LastSuccessfulExecutionDate),
      'last-execution-date': a.LastExecutionDate === undefined ? undefined : isoS(a.LastExecutionDate),
      'last-updated-date': isoMs(a.LastUpdateAssociationDate),
      status,
      'association-status-aggregated-count': JSON.stringify(counts),
      'schedule-expression': spec.ScheduleExpression,
      'association-cwe-version': '1.0',
    }),
  });
}

export function emitInstanceAssociationState(ctx: Ctx, a: AssociationRecord, instanceId: string, s: NodeStatus): void {
  const spec = currentVersion(a);
  ctx.emu.events.emit(ctx, {
    source: 'aws.ssm',
    detailType: 'EC2 State Manager Instance Association State Change',
    resources: [nodeArn(ctx, instanceId), a.Engine.documentArn],
    detail: defined({
      'association-id': a.AssociationId,
      'instance-id': instanceId,
      'document-name': spec.Name,
      'document-version': s.DocumentVersion,
      targets: targetsText(a),
      'creation-date': isoS(a.Date),
      'last-successful-execution-date': s.LastSuccessfulExecutionDate === undefined ? undefined : isoS(s.LastSuccessfulExecutionDate),
      'last-execution-date': s.ExecutionDate === undefined ? undefined : isoS(s.ExecutionDate),
      status: s.Status,
      'detailed-status': s.DetailedStatus,
      'error-code': s.ErrorCode,
      'execution-summary': s.ExecutionSummary,
      'instance-association-cwe-version': '1',
    }),
  });
}
