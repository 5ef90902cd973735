/**
 * The checks of window, target and task requests beyond the model's: what RegisterTarget/Task and
 * their Update operations refuse (ValidationException unless said), and AWS's quotas
 * (ResourceLimitExceededException). Handlers call these before they change anything.
 *
 * Quotas (Systems Manager service quotas, Maintenance Windows): 50 windows per account and Region, 20
 * tasks and 100 targets per window, 10 targets per task (the observed "The maximum number of window
 * targets is 10"); a target's InstanceIds are limited to 50 by the model.
 */
import type { Ctx } from '../../core/context.js';
import { DoesNotExistException, ResourceLimitExceededException, ValidationException } from '../../generated/ssm/errors.js';
import type {
  MaintenanceWindowResourceType,
  MaintenanceWindowTaskInvocationParameters,
  MaintenanceWindowTaskType,
  Target,
} from '../../generated/ssm/types.js';
import { getInstance, matchesTargets, validateTargets } from '../fleet/index.js';
import * as messages from './messages.js';
import { getExecution, getTarget, getWindow, windowsOf, type ExecutionRecord, type TaskExecutionRecord, type WindowRecord } from './state.js';

/** A window's and a target's optional members: kept only when given; Update with Replace clears those not given. */
export const WINDOW_OPTIONAL = ['Description', 'StartDate', 'EndDate', 'ScheduleTimezone', 'ScheduleOffset'] as const;
export const TARGET_OPTIONAL = ['OwnerInformation', 'Name', 'Description'] as const;
/** A task's optional members: kept only when given; Update with Replace clears those not given. */
export const TASK_OPTIONAL = ['TaskParameters', 'TaskInvocationParameters', 'LoggingInfo', 'ServiceRoleArn', 'Name', 'Description', 'CutoffBehavior', 'AlarmConfiguration'] as const;

export const MAX_WINDOWS = 50;
export const MAX_TASKS_PER_WINDOW = 20;
export const MAX_TARGETS_PER_WINDOW = 100;
export const MAX_WINDOW_TARGETS_PER_TASK = 10;

/** The window, or DoesNotExistException with AWS's text. */
export function windowOrThrow(ctx: Ctx, id: string): WindowRecord {
  const w = getWindow(ctx, id);
  if (!w) throw new DoesNotExistException(messages.windowNotFound(id));
  return w;
}

export function checkWindowQuota(ctx: Ctx): void {
  if (Object.keys(windowsOf(ctx).windows).length >= MAX_WINDOWS) throw new ResourceLimitExceededException(messages.tooManyWindows(MAX_WINDOWS));
}

export function checkCutoff(cutoff: number, duration: number): void {
  if (cutoff >= duration) throw new ValidationException(messages.cutoffTooLarge(cutoff, duration));
}

const INSTANCE_KEY = (key: string) => key.toLowerCase() === 'instanceids' || key.startsWith('tag:') || key === 'tag-key';
const GROUP_KEY = (key: string) => key === 'resource-groups:Name' || key === 'resource-groups:ResourceTypeFilters';

/**
 * A window target's Targets: INSTANCE targets name nodes (InstanceIds, tag:<key>, tag-key);
 * RESOURCE_GROUP targets name one group (resource-groups:Name) and optionally the member types.
 * The shared resolver then checks the forms (one group, values, wildcards).
 */
export function checkWindowTargets(resourceType: MaintenanceWindowResourceType, targets: readonly Target[]): void {
  for (const t of targets) {
    const key = t.Key ?? '';
    if (resourceType === 'INSTANCE' && !INSTANCE_KEY(key)) throw new ValidationException(messages.instanceTargetKey(key));
    if (resourceType === 'RESOURCE_GROUP' && !GROUP_KEY(key)) throw new ValidationException(messages.resourceGroupTargetKey(key));
  }
  if (resourceType === 'RESOURCE_GROUP' && !targets.some((t) => t.Key === 'resource-groups:Name')) {
    throw new ValidationException(messages.resourceGroupNameRequired());
  }
  validateTargets(targets, { profile: 'maintenance-window', invalidTarget: (m) => new ValidationException(m) });
}

export function checkTargetQuota(w: WindowRecord): void {
  if (Object.keys(w.Targets).length >= MAX_TARGETS_PER_WINDOW) throw new ResourceLimitExceededException(messages.tooManyTargets(w.WindowId, MAX_TARGETS_PER_WINDOW));
}

export function checkTaskQuota(w: WindowRecord): void {
  if (Object.keys(w.Tasks).length >= MAX_TASKS_PER_WINDOW) throw new ResourceLimitExceededException(messages.tooManyTasks(w.WindowId, MAX_TASKS_PER_WINDOW));
}

/**
 * A task's Targets: one entry, WindowTargetIds (1-10 of this window's targets) or InstanceIds (only
 * when the window allows unassociated targets). Run Command tasks need targets; the others may go
 * without ("Registering maintenance window tasks without targets").
 */
export function checkTaskTargets(w: WindowRecord, type: MaintenanceWindowTaskType, targets: readonly Target[]): void {
  if (targets.length === 0) {
    if (type === 'RUN_COMMAND') throw new ValidationException(messages.runCommandNeedsTargets());
    return;
  }
  if (targets.length > 1) throw new ValidationException(messages.oneTaskTarget());
  const [t] = targets;
  const key = t!.Key ?? '';
  const values = t!.Values ?? [];
  if (key === 'WindowTargetIds') {
    if (values.length === 0) throw new ValidationException(messages.runCommandNeedsTargets());
    if (values.length > MAX_WINDOW_TARGETS_PER_TASK) throw new ValidationException(messages.tooManyWindowTargetIds(MAX_WINDOW_TARGETS_PER_TASK));
    for (const id of values) if (!getTarget(w, id)) throw new DoesNotExistException(messages.targetNotFound(w.WindowId, id));
  } else if (key.toLowerCase() === 'instanceids') {
    if (values.length === 0) throw new ValidationException(messages.runCommandNeedsTargets());
    if (!w.AllowUnassociatedTargets) throw new ValidationException(messages.unassociatedNotAllowed(w.WindowId));
  } else {
    throw new ValidationException(messages.invalidTaskTargetKey(key));
  }
}

/**
 * MaxConcurrency and MaxErrors as stored: required with targets; refused without them, where AWS
 * inserts the placeholder "1".
 */
export function rateControls(targets: readonly Target[], maxConcurrency: string | undefined, maxErrors: string | undefined): { MaxConcurrency: string; MaxErrors: string } {
  if (targets.length === 0) {
    if (maxConcurrency !== undefined || maxErrors !== undefined) {
      throw new ValidationException(messages.targetlessRateControls(maxErrors !== undefined, maxConcurrency !== undefined));
    }
    return { MaxConcurrency: '1', MaxErrors: '1' };
  }
  const missing = [maxConcurrency === undefined && 'MaxConcurrency', maxErrors === undefined && 'MaxErrors'].filter((m): m is string => !!m);
  if (missing.length) throw new ValidationException(messages.rateControlsRequired(missing));
  return { MaxConcurrency: maxConcurrency!, MaxErrors: maxErrors! };
}

const MEMBER_OF_TYPE: Record<MaintenanceWindowTaskType, keyof MaintenanceWindowTaskInvocationParameters> = {
  RUN_COMMAND: 'RunCommand',
  AUTOMATION: 'Automation',
  LAMBDA: 'Lambda',
  STEP_FUNCTIONS: 'StepFunctions',
};

/** "Populate only the fields that match the task type. All other fields should be empty." */
export function checkInvocationParameters(type: MaintenanceWindowTaskType, p: MaintenanceWindowTaskInvocationParameters | undefined): void {
  if (!p) return;
  const given = (Object.keys(p) as (keyof MaintenanceWindowTaskInvocationParameters)[]).filter((k) => p[k] !== undefined);
  if (given.some((k) => k !== MEMBER_OF_TYPE[type])) throw new ValidationException(messages.invocationParametersMismatch(type, given));
}

/** Ids of the window's tasks that name a window target (DeregisterTarget with Safe). */
export function tasksUsingTarget(w: WindowRecord, targetId: string): string[] {
  return Object.values(w.Tasks)
    .filter((t) => t.Targets.some((x) => x.Key === 'WindowTargetIds' && (x.Values ?? []).includes(targetId)))
    .map((t) => t.WindowTaskId);
}

/**
 * Whether a window is registered for one of the given targets (DescribeMaintenanceWindowsForTarget,
 * DescribeMaintenanceWindowSchedule by target): for InstanceIds, a window target that resolves to the
 * node now (tags, groups) or names it, or a task that names it; for resource-groups:Name, a
 * RESOURCE_GROUP target of that group; for other keys (tag:...), a window target with the same key
 * and a common value.
 */
export function windowCoversTargets(ctx: Ctx, w: WindowRecord, query: readonly Target[], resourceType: MaintenanceWindowResourceType): boolean {
  const windowTargets = Object.values(w.Targets);
  return query.some((q) => {
    const key = q.Key ?? '';
    const values = q.Values ?? [];
    if (key.toLowerCase() === 'instanceids' && resourceType === 'INSTANCE') {
      return values.some((id) => {
        const node = getInstance(ctx, id);
        const named = (targets: readonly Target[]) => targets.some((t) => t.Key?.toLowerCase() === 'instanceids' && (t.Values ?? []).includes(id));
        return (
          windowTargets.some((t) => named(t.Targets) || (node !== undefined && matchesTargets(ctx, node, t.Targets, { profile: 'maintenance-window' }))) ||
          Object.values(w.Tasks).some((t) => named(t.Targets))
        );
      });
    }
    return windowTargets.some(
      (t) => t.ResourceType === resourceType && t.Targets.some((x) => x.Key === key && (x.Values ?? []).some((v) => values.includes(v))),
    );
  });
}

/** An execution, or DoesNotExistException. */
export function executionOrThrow(ctx: Ctx, id: string): ExecutionRecord {
  const e = getExecution(ctx, id);
  if (!e) throw new DoesNotExistException(messages.executionNotFound(id));
  return e;
}

/** A task execution of an execution, or DoesNotExistException. */
export function taskExecutionOrThrow(ctx: Ctx, executionId: string, taskId: string): { exec: ExecutionRecord; te: TaskExecutionRecord } {
  const exec = executionOrThrow(ctx, executionId);
  const te = exec.Tasks.find((t) => t.TaskExecutionId === taskId);
  if (!te) throw new DoesNotExistException(messages.taskExecutionNotFound(executionId, taskId));
  return { exec, te };
}
