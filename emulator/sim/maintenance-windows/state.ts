/**
 * Maintenance Windows' slice of region state: windows with their registered targets and tasks, the
 * executions of the last 30 days with their task executions and invocations, and the outcomes that
 * tests set for the LAMBDA and STEP_FUNCTIONS tasks the emulator simulates.
 *
 * Records use the wire member names (PascalCase) where a member is also a wire member; timestamps
 * are epoch seconds except the engine's own bookkeeping (epoch ms, named `...At`). Every key of the
 * maps is an id the emulator made (mw-..., UUIDs), never a user-supplied name, so plain objects are
 * safe here. Order (windows by creation, targets and tasks by registration, executions by start)
 * comes from sequence numbers, so listing is stable after a snapshot is restored.
 */
import { defineSlice } from '../../state/store.js';
import { alarmConfiguration, arr, bool, int, num, obj, oneOf, rec, str, tagList, targetList } from '../../state/schema.js';
import type { Ctx } from '../../core/context.js';
import type {
  AlarmConfiguration,
  CreateMaintenanceWindowRequest,
  LoggingInfo,
  MaintenanceWindowExecutionStatus,
  MaintenanceWindowResourceType,
  MaintenanceWindowTaskCutoffBehavior,
  MaintenanceWindowTaskInvocationParameters,
  MaintenanceWindowTaskParameterValueExpression,
  MaintenanceWindowTaskType,
  Tag,
  Target,
} from '../../generated/ssm/types.js';

/** The request's members as given (StartDate/EndDate as the caller wrote them: Terraform reads them back verbatim). */
export interface WindowRecord extends Omit<CreateMaintenanceWindowRequest, 'ClientToken' | 'Tags'> {
  Seq: number;
  WindowId: string;
  Enabled: boolean;
  /** Epoch seconds. */
  CreatedDate: number;
  ModifiedDate: number;
  Tags: Tag[];
  /** Epoch ms: when the current schedule took effect (creation or the last schedule change). */
  ScheduleAnchor: number;
  Targets: Record<string, TargetRecord>;
  Tasks: Record<string, TaskRecord>;
  /** Registration order of targets and tasks. */
  ChildSeq: number;
  /** Executions of this window, oldest first. */
  Executions: string[];
  /** The execution that has not finished yet (SKIPPED_OVERLAPPING guards against a second). */
  Running?: string;
}

export interface TargetRecord {
  Seq: number;
  WindowId: string;
  WindowTargetId: string;
  ResourceType: MaintenanceWindowResourceType;
  Targets: Target[];
  OwnerInformation?: string;
  Name?: string;
  Description?: string;
}

export interface TaskRecord {
  Seq: number;
  WindowId: string;
  WindowTaskId: string;
  TaskArn: string;
  Type: MaintenanceWindowTaskType;
  Targets: Target[];
  TaskParameters?: Record<string, MaintenanceWindowTaskParameterValueExpression>;
  TaskInvocationParameters?: MaintenanceWindowTaskInvocationParameters;
  Priority: number;
  LoggingInfo?: LoggingInfo;
  /** As given; views answer the service-linked role when absent. */
  ServiceRoleArn?: string;
  /** "1" placeholders for a task without targets, as AWS inserts. */
  MaxConcurrency: string;
  MaxErrors: string;
  Name?: string;
  Description?: string;
  /** Only when given: AWS reads back nothing for the default (CONTINUE_TASK). */
  CutoffBehavior?: MaintenanceWindowTaskCutoffBehavior;
  AlarmConfiguration?: AlarmConfiguration;
}

/** What one invocation runs on: a node (or another resource), or nothing for a task without targets. */
export interface InvocationTarget {
  /** Instance id (RESOURCE_ID). */
  resourceId?: string;
  /** INSTANCE ids as given; RESOURCE_GROUP members as ARNs (TARGET_ID). */
  targetId?: string;
  /** AWS::EC2::Instance or AWS::SSM::ManagedInstance (RESOURCE_TYPE). */
  resourceType?: string;
  /** INSTANCE or RESOURCE_GROUP (TARGET_TYPE). */
  targetType?: MaintenanceWindowResourceType;
  windowTargetId?: string;
  ownerInformation?: string;
  /** Invocations of different window targets run one window target after another. */
  group: number;
  /** Set when the target cannot run (a named instance that is not a managed node). */
  problem?: string;
}

export interface InvocationRecord {
  InvocationId: string;
  /** The command id, Automation execution id, or the simulated Lambda/Step Functions run's id. */
  ExecutionId?: string;
  TaskType: MaintenanceWindowTaskType;
  /** The request the invocation made, as JSON text (AWS's Parameters member). */
  Parameters?: string;
  Status: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime: number;
  EndTime?: number;
  OwnerInformation?: string;
  WindowTargetId?: string;
  /** The node or resource (not a wire member of the invocation). */
  ResourceId?: string;
}

export interface TaskExecutionRecord {
  TaskExecutionId: string;
  WindowTaskId: string;
  /** The task as registered when it started (later updates do not change a running task). */
  Task: TaskRecord;
  ServiceRole: string;
  Status: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime: number;
  EndTime?: number;
  Invocations: InvocationRecord[];
  Engine: {
    /** Everything the task will run on, in order; invocations are created as they are sent. */
    queue: InvocationTarget[];
    next: number;
    inFlight: number;
    concurrency: number;
    maxErrors: number;
    errors: number;
    /** Errors exceeded MaxErrors, or the cutoff stopped a CANCEL_TASK task: nothing new is sent. */
    stopped?: 'errors' | 'cutoff';
    /** Set only while invocations are being started (an invocation that ends at once must not recurse). */
    dispatching?: boolean;
  };
}

export interface ExecutionRecord {
  Seq: number;
  WindowId: string;
  WindowExecutionId: string;
  Status: MaintenanceWindowExecutionStatus;
  StatusDetails?: string;
  StartTime: number;
  EndTime?: number;
  Tasks: TaskExecutionRecord[];
  Engine: {
    /** Epoch ms: no task starts at or after this instant (end of the window minus the cutoff). */
    cutoffAt: number;
    /** Epoch ms: the end of the window. */
    endAt: number;
    /** Priorities still to run, lowest first, each with its task ids. */
    pending: { priority: number; tasks: string[] }[];
    cutoffReached?: boolean;
    cancelRequested?: boolean;
    /** Tasks that never started because the cutoff came first. */
    skippedByCutoff?: number;
    /** Set only while one priority's tasks are being started. */
    starting?: boolean;
  };
}

/** The outcome of a simulated LAMBDA or STEP_FUNCTIONS invocation (control API / fixture). */
export interface SimulatedOutcome {
  Status: 'SUCCESS' | 'FAILED' | 'TIMED_OUT';
  StatusDetails?: string;
  /** How long the simulated run takes (default 5 s). */
  DurationSeconds?: number;
}

export interface WindowsSlice {
  windows: Record<string, WindowRecord>;
  executions: Record<string, ExecutionRecord>;
  seq: number;
  executionSeq: number;
  /**
   * Outcomes of simulated invocations, by TaskArn (the function or state machine as registered) or
   * "*" for any. A list, not a map: the keys are user-supplied text.
   */
  outcomes: { TaskArn: string; Outcome: SimulatedOutcome }[];
}

/** MaintenanceWindowExecutionStatus (the model's enum): executions, task executions and invocations. */
export const EXECUTION_STATUSES = ['PENDING', 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'TIMED_OUT', 'CANCELLING', 'CANCELLED', 'SKIPPED_OVERLAPPING'] as const;
export const TASK_TYPES = ['RUN_COMMAND', 'AUTOMATION', 'STEP_FUNCTIONS', 'LAMBDA'] as const;
export const SIMULATED_STATUSES = ['SUCCESS', 'FAILED', 'TIMED_OUT'] as const;

const status = oneOf(...EXECUTION_STATUSES);
const taskType = oneOf(...TASK_TYPES);
const resourceType = oneOf('INSTANCE', 'RESOURCE_GROUP');
const parameterValues = rec(arr(str));
const targetSchema = obj(
  { Seq: int, WindowId: str, WindowTargetId: str, ResourceType: resourceType, Targets: targetList },
  { OwnerInformation: str, Name: str, Description: str },
);
const taskSchema = obj(
  { Seq: int, WindowId: str, WindowTaskId: str, TaskArn: str, Type: taskType, Targets: targetList, Priority: int, MaxConcurrency: str, MaxErrors: str },
  {
    TaskParameters: rec(obj({}, { Values: arr(str) })),
    TaskInvocationParameters: obj(
      {},
      {
        RunCommand: obj(
          {},
          {
            Comment: str, CloudWatchOutputConfig: obj({}, { CloudWatchLogGroupName: str, CloudWatchOutputEnabled: bool }), DocumentHash: str,
            DocumentHashType: str, DocumentVersion: str, NotificationConfig: obj({}, { NotificationArn: str, NotificationEvents: arr(str), NotificationType: str }),
            OutputS3BucketName: str, OutputS3KeyPrefix: str, Parameters: parameterValues, ServiceRoleArn: str, TimeoutSeconds: int,
          },
        ),
        Automation: obj({}, { DocumentVersion: str, Parameters: parameterValues }),
        Lambda: obj({}, { ClientContext: str, Qualifier: str, Payload: str }),
        StepFunctions: obj({}, { Input: str, Name: str }),
      },
    ),
    LoggingInfo: obj({ S3BucketName: str, S3Region: str }, { S3KeyPrefix: str }),
    ServiceRoleArn: str, Name: str, Description: str, CutoffBehavior: oneOf('CONTINUE_TASK', 'CANCEL_TASK'), AlarmConfiguration: alarmConfiguration,
  },
);
const windowSchema = obj(
  {
    Seq: int, WindowId: str, Name: str, Schedule: str, Duration: int, Cutoff: int, AllowUnassociatedTargets: bool, Enabled: bool, CreatedDate: num,
    ModifiedDate: num, Tags: tagList, ScheduleAnchor: num, Targets: rec(targetSchema), Tasks: rec(taskSchema), ChildSeq: int, Executions: arr(str),
  },
  { Description: str, StartDate: str, EndDate: str, ScheduleTimezone: str, ScheduleOffset: int, Running: str },
);
const invocationSchema = obj(
  { InvocationId: str, TaskType: taskType, Status: status, StartTime: num },
  { ExecutionId: str, Parameters: str, StatusDetails: str, EndTime: num, OwnerInformation: str, WindowTargetId: str, ResourceId: str },
);
const invocationTarget = obj(
  { group: int },
  { resourceId: str, targetId: str, resourceType: str, targetType: resourceType, windowTargetId: str, ownerInformation: str, problem: str },
);
const taskExecutionSchema = obj(
  {
    TaskExecutionId: str, WindowTaskId: str, Task: taskSchema, ServiceRole: str, Status: status, StartTime: num, Invocations: arr(invocationSchema),
    Engine: obj(
      { queue: arr(invocationTarget), next: int, inFlight: int, concurrency: int, maxErrors: int, errors: int },
      { stopped: oneOf('errors', 'cutoff'), dispatching: bool },
    ),
  },
  { StatusDetails: str, EndTime: num },
);
const executionSchema = obj(
  {
    Seq: int, WindowId: str, WindowExecutionId: str, Status: status, StartTime: num, Tasks: arr(taskExecutionSchema),
    Engine: obj(
      { cutoffAt: num, endAt: num, pending: arr(obj({ priority: int, tasks: arr(str) })) },
      { cutoffReached: bool, cancelRequested: bool, skippedByCutoff: int, starting: bool },
    ),
  },
  { StatusDetails: str, EndTime: num },
);
export const windowsSliceSchema = obj({
  windows: rec(windowSchema),
  executions: rec(executionSchema),
  seq: int,
  executionSeq: int,
  outcomes: arr(obj({ TaskArn: str, Outcome: obj({ Status: oneOf(...SIMULATED_STATUSES) }, { StatusDetails: str, DurationSeconds: num }) })),
});

export const windowsSlice = defineSlice<WindowsSlice>(
  'maintenance-windows',
  () => ({ windows: {}, executions: {}, seq: 0, executionSeq: 0, outcomes: [] }),
  windowsSliceSchema,
);

export const windowsOf = (ctx: { scope: Ctx['scope'] }) => windowsSlice.of(ctx.scope);

const own = <T>(map: Record<string, T>, id: string): T | undefined => (Object.hasOwn(map, id) ? map[id] : undefined);

export const getWindow = (ctx: { scope: Ctx['scope'] }, id: string) => own(windowsOf(ctx).windows, id);
export const getExecution = (ctx: { scope: Ctx['scope'] }, id: string) => own(windowsOf(ctx).executions, id);
export const getTarget = (w: WindowRecord, id: string) => own(w.Targets, id);
export const getTask = (w: WindowRecord, id: string) => own(w.Tasks, id);
export const getOutcome = (ctx: { scope: Ctx['scope'] }, taskArn: string) => windowsOf(ctx).outcomes.find((o) => o.TaskArn === taskArn)?.Outcome;

/** The members of `source` named in `keys` that have a value, copied: a record keeps only what was given. */
export function givenMembers<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = structuredClone(source[k]);
  return out;
}

const bySeq = (a: { Seq: number }, b: { Seq: number }) => a.Seq - b.Seq;

/** The scope's windows, oldest first. */
export function windowsInOrder(ctx: { scope: Ctx['scope'] }): WindowRecord[] {
  return Object.values(windowsOf(ctx).windows).sort(bySeq);
}

export const targetsInOrder = (w: WindowRecord): TargetRecord[] => Object.values(w.Targets).sort(bySeq);
export const tasksInOrder = (w: WindowRecord): TaskRecord[] => Object.values(w.Tasks).sort(bySeq);

export const isExecutionTerminal = (s: MaintenanceWindowExecutionStatus) => s !== 'PENDING' && s !== 'IN_PROGRESS' && s !== 'CANCELLING';
