/**
 * Windows, targets, tasks and executions as the API returns them. Members without a value are left
 * out (the Terraform provider reads every member back, and a member AWS does not send would show as
 * drift): CutoffBehavior only when set, TaskParameters / TaskInvocationParameters / LoggingInfo
 * only when given. ServiceRoleArn is the service-linked role when the task names none, as in AWS's
 * describe-maintenance-window-tasks example.
 */
import type {
  GetMaintenanceWindowExecutionTaskInvocationResult,
  GetMaintenanceWindowResult,
  MaintenanceWindowExecution,
  MaintenanceWindowExecutionTaskIdentity,
  MaintenanceWindowIdentity,
  MaintenanceWindowTarget,
  MaintenanceWindowTask,
} from '../../generated/ssm/types.js';
import { serviceLinkedRole } from './engine.js';
import { nextExecutionTime } from './schedule.js';
import type { ExecutionRecord, InvocationRecord, TargetRecord, TaskExecutionRecord, TaskRecord, WindowRecord } from './state.js';

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The schedule members every window view shares. */
function scheduleMembers(w: WindowRecord) {
  return {
    StartDate: w.StartDate,
    EndDate: w.EndDate,
    Schedule: w.Schedule,
    ScheduleTimezone: w.ScheduleTimezone,
    ScheduleOffset: w.ScheduleOffset,
    Duration: w.Duration,
    Cutoff: w.Cutoff,
  };
}

export function windowIdentityView(w: WindowRecord, now: number): MaintenanceWindowIdentity {
  return defined({
    WindowId: w.WindowId,
    Name: w.Name,
    Description: w.Description,
    Enabled: w.Enabled,
    ...scheduleMembers(w),
    NextExecutionTime: nextExecutionTime(w, now),
  });
}

export function windowView(w: WindowRecord, now: number): GetMaintenanceWindowResult {
  return defined({
    WindowId: w.WindowId,
    Name: w.Name,
    Description: w.Description,
    ...scheduleMembers(w),
    NextExecutionTime: nextExecutionTime(w, now),
    AllowUnassociatedTargets: w.AllowUnassociatedTargets,
    Enabled: w.Enabled,
    CreatedDate: w.CreatedDate,
    ModifiedDate: w.ModifiedDate,
  });
}

/** UpdateMaintenanceWindow's answer: the window's members, without times. */
export function windowUpdateView(w: WindowRecord) {
  return defined({
    WindowId: w.WindowId,
    Name: w.Name,
    Description: w.Description,
    ...scheduleMembers(w),
    AllowUnassociatedTargets: w.AllowUnassociatedTargets,
    Enabled: w.Enabled,
  });
}

export function targetView(t: TargetRecord): MaintenanceWindowTarget {
  return defined({
    WindowId: t.WindowId,
    WindowTargetId: t.WindowTargetId,
    ResourceType: t.ResourceType,
    Targets: structuredClone(t.Targets),
    OwnerInformation: t.OwnerInformation,
    Name: t.Name,
    Description: t.Description,
  });
}

/** The members a task's views share (Describe*, Get, Update); `account` names the default role. */
function taskMembers(t: TaskRecord, account: string) {
  return {
    WindowId: t.WindowId,
    WindowTaskId: t.WindowTaskId,
    Targets: structuredClone(t.Targets),
    TaskArn: t.TaskArn,
    ServiceRoleArn: t.ServiceRoleArn ?? serviceLinkedRole(account),
    TaskParameters: t.TaskParameters && structuredClone(t.TaskParameters),
    Priority: t.Priority,
    MaxConcurrency: t.MaxConcurrency,
    MaxErrors: t.MaxErrors,
    LoggingInfo: t.LoggingInfo && { ...t.LoggingInfo },
    Name: t.Name,
    Description: t.Description,
    CutoffBehavior: t.CutoffBehavior,
    AlarmConfiguration: t.AlarmConfiguration && structuredClone(t.AlarmConfiguration),
  };
}

export function taskView(t: TaskRecord, account: string): MaintenanceWindowTask {
  return defined({ ...taskMembers(t, account), Type: t.Type });
}

/** GetMaintenanceWindowTask / UpdateMaintenanceWindowTask: TaskType and TaskInvocationParameters too. */
export function taskDetailView(t: TaskRecord, account: string, withType: boolean) {
  return defined({
    ...taskMembers(t, account),
    ...(withType && { TaskType: t.Type }),
    TaskInvocationParameters: t.TaskInvocationParameters && structuredClone(t.TaskInvocationParameters),
  });
}

export function executionView(e: ExecutionRecord): MaintenanceWindowExecution {
  return defined({
    WindowId: e.WindowId,
    WindowExecutionId: e.WindowExecutionId,
    Status: e.Status,
    StatusDetails: e.StatusDetails,
    StartTime: e.StartTime,
    EndTime: e.EndTime,
  });
}

export function taskExecutionIdentityView(e: ExecutionRecord, te: TaskExecutionRecord): MaintenanceWindowExecutionTaskIdentity {
  return defined({
    WindowExecutionId: e.WindowExecutionId,
    TaskExecutionId: te.TaskExecutionId,
    Status: te.Status,
    StatusDetails: te.StatusDetails,
    StartTime: te.StartTime,
    EndTime: te.EndTime,
    TaskArn: te.Task.TaskArn,
    TaskType: te.Task.Type,
    AlarmConfiguration: te.Task.AlarmConfiguration && structuredClone(te.Task.AlarmConfiguration),
  });
}

/** The parameters the task ran with, in the deprecated list-of-one-map shape of GetMaintenanceWindowExecutionTask. */
function taskParametersRun(t: TaskRecord) {
  const params = t.TaskInvocationParameters?.RunCommand?.Parameters ?? t.TaskInvocationParameters?.Automation?.Parameters;
  if (params) return [Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { Values: [...v] }]))];
  return t.TaskParameters ? [structuredClone(t.TaskParameters)] : undefined;
}

export function taskExecutionView(e: ExecutionRecord, te: TaskExecutionRecord) {
  return defined({
    WindowExecutionId: e.WindowExecutionId,
    TaskExecutionId: te.TaskExecutionId,
    TaskArn: te.Task.TaskArn,
    ServiceRole: te.ServiceRole,
    Type: te.Task.Type,
    TaskParameters: taskParametersRun(te.Task),
    Priority: te.Task.Priority,
    MaxConcurrency: te.Task.MaxConcurrency,
    MaxErrors: te.Task.MaxErrors,
    Status: te.Status,
    StatusDetails: te.StatusDetails,
    StartTime: te.StartTime,
    EndTime: te.EndTime,
    AlarmConfiguration: te.Task.AlarmConfiguration && structuredClone(te.Task.AlarmConfiguration),
  });
}

export function invocationView(e: ExecutionRecord, te: TaskExecutionRecord, inv: InvocationRecord): GetMaintenanceWindowExecutionTaskInvocationResult {
  return defined({
    WindowExecutionId: e.WindowExecutionId,
    TaskExecutionId: te.TaskExecutionId,
    InvocationId: inv.InvocationId,
    ExecutionId: inv.ExecutionId,
    TaskType: inv.TaskType,
    Parameters: inv.Parameters,
    Status: inv.Status,
    StatusDetails: inv.StatusDetails,
    StartTime: inv.StartTime,
    EndTime: inv.EndTime,
    OwnerInformation: inv.OwnerInformation,
    WindowTargetId: inv.WindowTargetId,
  });
}
