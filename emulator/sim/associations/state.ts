/**
 * State Manager's slice of region state: associations, each with its versions, the status it has on
 * every node it targets, and its executions with one run per target (the per-node runner's NodeRun
 * records, sim/commands/runner.ts), as plain JSON in wire member names.
 *
 * Sizes: an association on 10,000 nodes keeps one small status record per node and, per execution,
 * one run record per node (plugin outputs already truncated as Run Command's are). Executions older
 * than EXECUTION_RETENTION_MS are dropped when a new one starts, so a rate(30 minutes) association
 * does not grow without bound. Derived indexes (executions by id) live in WeakMaps keyed by the
 * record, so a restored snapshot rebuilds them.
 */
import { defineSlice } from '../../state/store.js';
import type { Ctx } from '../../core/context.js';
import { countsSchema, nodeRunMembers, storedStepSchema, type CommandCounts, type NodeRun, type StoredStep } from '../commands/state.js';
import { alarmConfiguration, arr, bool, int, num, obj, oneOf, rec, str, tagList, targetList, targetLocation, targetMaps } from '../../state/schema.js';
import type { AssociationStatus, CreateAssociationBatchRequestEntry, PlatformType, Tag } from '../../generated/ssm/types.js';

/**
 * What one version of an association says: the request's members, as given (CreateAssociation's,
 * without the legacy InstanceId, which belongs to the association, not to a version).
 */
export type AssociationSpec = Omit<CreateAssociationBatchRequestEntry, 'InstanceId'> & { AssociationDispatchAssumeRole?: string };

export type AssociationVersionRecord = AssociationSpec & {
  AssociationVersion: string;
  /** Epoch seconds. */
  CreatedDate: number;
};

/** The association's status on one node (DescribeInstanceAssociationsStatus), as the agent reports it. */
export interface NodeStatus {
  /** Pending | InProgress | Success | Failed | TimedOut. */
  Status: string;
  /** Associated | InProgress | Success | Failed | TimedOut | Cancelled | ... */
  DetailedStatus: string;
  AssociationVersion: string;
  /** The document version that ran (a number). */
  DocumentVersion?: string;
  /** Epoch seconds of the last run's end (absent until the node has run the association). */
  ExecutionDate?: number;
  ExecutionSummary?: string;
  ErrorCode?: string;
  /** Epoch seconds of the last successful run. */
  LastSuccessfulExecutionDate?: number;
  /** The execution whose result this is. */
  ExecutionId?: string;
}

/** One target of an execution: a run of the document on one node. */
export interface TargetRun extends NodeRun {
  /** The id the agent's run is known by (OutputSource.OutputSourceId, OutputSourceType RunCommand). */
  OutputSourceId: string;
}

export type ExecutionTrigger = 'create' | 'update' | 'schedule' | 'manual' | 'new-targets';

export interface ExecutionRecord {
  ExecutionId: string;
  /** Creation order within the association (listing is newest first). */
  Seq: number;
  AssociationVersion: string;
  /** Pending | InProgress | Success | Failed | Skipped. */
  Status: string;
  DetailedStatus: string;
  /** Epoch seconds. */
  CreatedTime: number;
  Trigger: ExecutionTrigger;
  Targets: TargetRun[];
  /** An Automation association's execution: the Automation execution it started (its one target) and its status. */
  Automation?: { ExecutionId: string; Status: string };
  Engine: {
    /** The association's id (the runner's owner id is association:execution). */
    owner: string;
    documentName: string;
    documentVersion: string;
    schemaVersion: string;
    platformTypes: PlatformType[];
    steps: StoredStep[];
    concurrency: number;
    maxErrors: number;
    /** Index of the next queued target to send. */
    next: number;
    /** Sent and not yet terminal. */
    inFlight: number;
    counts: CommandCounts;
    completed: number;
    /** MaxErrors exceeded or the Duration cutoff passed: nothing new is sent. */
    stopped?: 'errors' | 'cutoff' | 'superseded';
  };
}

export interface AssociationRecord {
  AssociationId: string;
  /** Creation order in the region (listing order). */
  Seq: number;
  /** Legacy associations (CreateAssociation InstanceId): the one node. */
  InstanceId?: string;
  /** Epoch seconds. */
  Date: number;
  LastUpdateAssociationDate: number;
  LastExecutionDate?: number;
  LastSuccessfulExecutionDate?: number;
  /** Legacy associations only: the status UpdateAssociationStatus sets. */
  Status?: AssociationStatus;
  Tags: Tag[];
  /** Oldest first; the last is the current version. */
  Versions: AssociationVersionRecord[];
  /** Instance id -> the association's status there (nodes the association targets). */
  Nodes: Record<string, NodeStatus>;
  /** How many nodes have each Status (kept in step with Nodes). */
  Counts: Record<string, number>;
  /** Oldest first. */
  Executions: ExecutionRecord[];
  Engine: {
    /** Epoch ms when the current version took effect (creation or last update): schedules count from it. */
    anchor: number;
    /** The current version's document is an Automation runbook (runs through the automationStarter port). */
    automation: boolean;
    /** The document's ARN (event resources). */
    documentArn: string;
    /** The overview Status last sent to EventBridge. */
    reported?: string;
    /** No execution has started since the association was created or updated (Overview Pending/Creating). */
    fresh: boolean;
    /** A run asked for while an execution was still going: it starts when that one settles. */
    queued?: ExecutionTrigger;
    /** Executions created so far (their Seq). */
    executions: number;
  };
}

export interface AssociationsSlice {
  byId: Record<string, AssociationRecord>;
  seq: number;
  /** How many associations exist (the 2,000 quota is checked on every create). */
  count: number;
}

const TRIGGERS = ['create', 'update', 'schedule', 'manual', 'new-targets'] as const satisfies readonly ExecutionTrigger[];

const versionSchema = obj(
  { Name: str, AssociationVersion: str, CreatedDate: num },
  {
    DocumentVersion: str, Parameters: rec(arr(str)), Targets: targetList, ScheduleExpression: str, ScheduleOffset: int,
    OutputLocation: obj({}, { S3Location: obj({}, { OutputS3Region: str, OutputS3BucketName: str, OutputS3KeyPrefix: str }) }),
    AssociationName: str, AutomationTargetParameterName: str, MaxErrors: str, MaxConcurrency: str,
    ComplianceSeverity: oneOf('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNSPECIFIED'), SyncCompliance: oneOf('AUTO', 'MANUAL'), ApplyOnlyAtCronInterval: bool,
    CalendarNames: arr(str), TargetLocations: arr(targetLocation), Duration: int, TargetMaps: targetMaps, AlarmConfiguration: alarmConfiguration,
    AssociationDispatchAssumeRole: str,
  },
);
const nodeStatusSchema = obj(
  { Status: oneOf('Pending', 'InProgress', 'Success', 'Failed', 'TimedOut'), DetailedStatus: str, AssociationVersion: str },
  { DocumentVersion: str, ExecutionDate: num, ExecutionSummary: str, ErrorCode: str, LastSuccessfulExecutionDate: num, ExecutionId: str },
);
const executionSchema = obj(
  {
    ExecutionId: str, Seq: int, AssociationVersion: str, Status: oneOf('Pending', 'InProgress', 'Success', 'Failed', 'Skipped'), DetailedStatus: str,
    CreatedTime: num, Trigger: oneOf(...TRIGGERS), Targets: arr(obj({ ...nodeRunMembers.required, OutputSourceId: str }, nodeRunMembers.optional)),
    Engine: obj(
      {
        owner: str, documentName: str, documentVersion: str, schemaVersion: str, platformTypes: arr(str), steps: arr(storedStepSchema),
        concurrency: int, maxErrors: int, next: int, inFlight: int, counts: countsSchema, completed: int,
      },
      { stopped: oneOf('errors', 'cutoff', 'superseded') },
    ),
  },
  { Automation: obj({ ExecutionId: str, Status: str }) },
);
const associationSchema = obj(
  {
    AssociationId: str, Seq: int, Date: num, LastUpdateAssociationDate: num, Tags: tagList, Versions: { ...arr(versionSchema), minItems: 1 },
    Nodes: rec(nodeStatusSchema), Counts: rec(int), Executions: arr(executionSchema),
    Engine: obj(
      { anchor: num, automation: bool, documentArn: str, fresh: bool, executions: int },
      { reported: str, queued: oneOf(...TRIGGERS) },
    ),
  },
  {
    InstanceId: str, LastExecutionDate: num, LastSuccessfulExecutionDate: num,
    Status: obj({ Date: num, Name: str, Message: str }, { AdditionalInfo: str }),
  },
);

export const associationsSlice = defineSlice<AssociationsSlice>(
  'associations',
  () => ({ byId: Object.create(null), seq: 0, count: 0 }),
  obj({ byId: rec(associationSchema), seq: int, count: int }),
);

export const associationsOf = (ctx: { scope: Ctx['scope'] }) => associationsSlice.of(ctx.scope);

export function getAssociation(ctx: { scope: Ctx['scope'] }, id: string): AssociationRecord | undefined {
  const all = associationsOf(ctx).byId;
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

/** Associations of the region in creation order (a fresh array). */
export function associationsInOrder(ctx: { scope: Ctx['scope'] }): AssociationRecord[] {
  return Object.values(associationsOf(ctx).byId).sort((a, b) => a.Seq - b.Seq);
}

export const currentVersion = (a: AssociationRecord): AssociationVersionRecord => a.Versions[a.Versions.length - 1];

const executionIndex = new WeakMap<AssociationRecord, Map<string, ExecutionRecord>>();

export function getExecution(a: AssociationRecord, executionId: string): ExecutionRecord | undefined {
  let m = executionIndex.get(a);
  if (!m || m.size !== a.Executions.length || (a.Executions.length && !m.has(a.Executions[a.Executions.length - 1].ExecutionId))) {
    m = new Map(a.Executions.map((e) => [e.ExecutionId, e]));
    executionIndex.set(a, m);
  }
  return m.get(executionId);
}
