/**
 * The wire views of associations, their versions, executions, execution targets and per-node
 * statuses, built from the records (sim/associations/state.ts). Members without a value are left out,
 * as AWS leaves them out; shapes follow the AWS CLI's recorded examples (awscli/examples/ssm):
 *
 *   Overview         Pending/Creating until the first execution after a create or update starts;
 *                    then Status from the nodes (Failed if any failed or timed out, Pending while any
 *                    is pending or running, else Success), DetailedStatus the most telling node
 *                    detail (InProgress, Failed, TimedOut, Associated, Success), and
 *                    AssociationStatusAggregatedCount the nodes per Status ({} for an association that
 *                    targets no node, whose executions succeed on nothing).
 *   DocumentVersion  "$DEFAULT" in descriptions and listings when none was given; versions
 *                    (ListAssociationVersions) show only what was given.
 *   Executions       ResourceCountByStatus is text in Java's map form, "{Failed=1, Success=2}" (keys
 *                    sorted: the order AWS uses is not documented [unverified]).
 */
import type {
  Association,
  AssociationDescription,
  AssociationExecution,
  AssociationExecutionTarget,
  AssociationOverview,
  AssociationVersionInfo,
  InstanceAssociationStatusInfo,
} from '../../generated/ssm/types.js';
import type { AssociationRecord, AssociationSpec, AssociationVersionRecord, ExecutionRecord, NodeStatus, TargetRun } from './state.js';
import { currentVersion } from './state.js';

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const has = (counts: Record<string, number>, k: string) => (counts[k] ?? 0) > 0;

/** The counts without zero entries. */
export function nonZero(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

export function overview(a: AssociationRecord): AssociationOverview {
  if (a.Engine.fresh) return { Status: 'Pending', DetailedStatus: 'Creating' };
  const counts = nonZero(a.Counts);
  if (Object.keys(counts).length === 0) {
    // No node has the association: the latest execution says how it went (an Automation association,
    // targets matching nothing, a document that could not be run).
    const last = a.Executions[a.Executions.length - 1];
    const running = last && (last.Status === 'Pending' || last.Status === 'InProgress');
    const status = !last || running ? 'Pending' : last.Status === 'Failed' ? 'Failed' : 'Success';
    return { Status: status, DetailedStatus: last ? last.DetailedStatus : 'Associated', AssociationStatusAggregatedCount: {} };
  }
  const status = has(counts, 'Failed') || has(counts, 'TimedOut') ? 'Failed' : has(counts, 'Pending') || has(counts, 'InProgress') ? 'Pending' : 'Success';
  const detail = has(counts, 'InProgress')
    ? 'InProgress'
    : has(counts, 'Failed')
      ? 'Failed'
      : has(counts, 'TimedOut')
        ? 'TimedOut'
        : has(counts, 'Pending')
          ? 'Associated'
          : 'Success';
  return { Status: status, DetailedStatus: detail, AssociationStatusAggregatedCount: counts };
}

/** The members every association view shares, from a version's settings. */
function specMembers(spec: AssociationSpec, defaultVersion: boolean) {
  return {
    Name: spec.Name,
    DocumentVersion: spec.DocumentVersion ?? (defaultVersion ? '$DEFAULT' : undefined),
    Parameters: spec.Parameters,
    Targets: spec.Targets,
    ScheduleExpression: spec.ScheduleExpression,
    OutputLocation: spec.OutputLocation,
    AssociationName: spec.AssociationName,
    MaxErrors: spec.MaxErrors,
    MaxConcurrency: spec.MaxConcurrency,
    ComplianceSeverity: spec.ComplianceSeverity,
    SyncCompliance: spec.SyncCompliance,
    ApplyOnlyAtCronInterval: spec.ApplyOnlyAtCronInterval,
    CalendarNames: spec.CalendarNames,
    TargetLocations: spec.TargetLocations,
    ScheduleOffset: spec.ScheduleOffset,
    Duration: spec.Duration,
    TargetMaps: spec.TargetMaps,
    AssociationDispatchAssumeRole: spec.AssociationDispatchAssumeRole,
  };
}

/** AssociationDescription (Create, Describe, Update, UpdateAssociationStatus), of the current version or `version`. */
export function descriptionView(a: AssociationRecord, version: AssociationVersionRecord = currentVersion(a)): AssociationDescription {
  return defined({
    ...specMembers(version, true),
    InstanceId: a.InstanceId,
    AssociationVersion: version.AssociationVersion,
    Date: a.Date,
    LastUpdateAssociationDate: a.LastUpdateAssociationDate,
    Status: a.Status,
    Overview: overview(a),
    AutomationTargetParameterName: version.AutomationTargetParameterName,
    AssociationId: a.AssociationId,
    LastExecutionDate: a.LastExecutionDate,
    LastSuccessfulExecutionDate: a.LastSuccessfulExecutionDate,
    AlarmConfiguration: version.AlarmConfiguration,
  });
}

/** Association (ListAssociations). */
export function listView(a: AssociationRecord): Association {
  const v = currentVersion(a);
  return defined({
    Name: v.Name,
    InstanceId: a.InstanceId,
    AssociationId: a.AssociationId,
    AssociationVersion: v.AssociationVersion,
    DocumentVersion: v.DocumentVersion ?? '$DEFAULT',
    Targets: v.Targets,
    LastExecutionDate: a.LastExecutionDate,
    Overview: overview(a),
    ScheduleExpression: v.ScheduleExpression,
    AssociationName: v.AssociationName,
    ScheduleOffset: v.ScheduleOffset,
    Duration: v.Duration,
    TargetMaps: v.TargetMaps,
  });
}

/** AssociationVersionInfo (ListAssociationVersions). */
export function versionView(a: AssociationRecord, v: AssociationVersionRecord): AssociationVersionInfo {
  return defined({ AssociationId: a.AssociationId, AssociationVersion: v.AssociationVersion, CreatedDate: v.CreatedDate, ...specMembers(v, false) });
}

/** "{Failed=1, Success=2}", as AWS writes ResourceCountByStatus. */
function javaMap(counts: Record<string, number>): string {
  return `{${Object.keys(counts)
    .sort()
    .map((k) => `${k}=${counts[k]}`)
    .join(', ')}}`;
}

export function executionView(a: AssociationRecord, e: ExecutionRecord): AssociationExecution {
  const counts: Record<string, number> = {};
  if (e.Automation) counts[e.Automation.Status] = 1;
  for (const t of e.Targets) counts[t.Status] = (counts[t.Status] ?? 0) + 1;
  const version = a.Versions.find((v) => v.AssociationVersion === e.AssociationVersion);
  return defined({
    AssociationId: a.AssociationId,
    AssociationVersion: e.AssociationVersion,
    ExecutionId: e.ExecutionId,
    Status: e.Status,
    DetailedStatus: e.DetailedStatus,
    CreatedTime: e.CreatedTime,
    ResourceCountByStatus: javaMap(counts),
    AlarmConfiguration: version?.AlarmConfiguration,
  });
}

/**
 * The execution's targets as DescribeAssociationExecutionTargets lists them (node runs, or the
 * Automation execution), as light rows to filter and page; targetView() makes the wire view of a row.
 */
export interface TargetRow {
  ResourceId: string;
  ResourceType: string;
  Status: string;
  run?: TargetRun;
}

export function targetRows(e: ExecutionRecord): TargetRow[] {
  if (e.Automation) return [{ ResourceId: e.Automation.ExecutionId, ResourceType: 'AutomationExecution', Status: e.Automation.Status }];
  return e.Targets.map((run) => ({ ResourceId: run.InstanceId, ResourceType: 'ManagedInstance', Status: run.Status, run }));
}

export function targetView(a: AssociationRecord, e: ExecutionRecord, row: TargetRow): AssociationExecutionTarget {
  const base = { AssociationId: a.AssociationId, AssociationVersion: e.AssociationVersion, ExecutionId: e.ExecutionId, ResourceId: row.ResourceId, ResourceType: row.ResourceType, Status: row.Status };
  const t = row.run;
  if (!t) {
    return { ...base, DetailedStatus: row.Status, LastExecutionDate: e.CreatedTime, OutputSource: { OutputSourceId: row.ResourceId, OutputSourceType: 'Automation' } };
  }
  const last = t.EndedAt ?? t.StartedAt;
  return defined({
    ...base,
    DetailedStatus: t.StatusDetails,
    LastExecutionDate: last === undefined ? undefined : last / 1000,
    OutputSource: { OutputSourceId: t.OutputSourceId, OutputSourceType: 'RunCommand' },
  });
}

export function instanceStatusView(a: AssociationRecord, instanceId: string, s: NodeStatus): InstanceAssociationStatusInfo {
  const v = currentVersion(a);
  return defined({
    AssociationId: a.AssociationId,
    Name: v.Name,
    DocumentVersion: s.DocumentVersion,
    AssociationVersion: s.AssociationVersion,
    InstanceId: instanceId,
    ExecutionDate: s.ExecutionDate,
    Status: s.Status,
    DetailedStatus: s.DetailedStatus,
    ExecutionSummary: s.ExecutionSummary,
    ErrorCode: s.ErrorCode,
    AssociationName: v.AssociationName,
  });
}
