/**
 * MaintenanceWindowFilter of the Describe* operations of maintenance windows, declared for the
 * filter engine (core/filters.ts). The shape has no operator: each key compares one way. A filter's
 * values are ORed, filters are ANDed. Keys, as the API reference lists them per operation:
 *
 *   DescribeMaintenanceWindows                     Name, Enabled ("Name=MyMaintenanceWindow and Enabled=True")
 *   DescribeMaintenanceWindowTargets               Type, WindowTargetId, OwnerInformation
 *   DescribeMaintenanceWindowTasks                 WindowTaskId, TaskArn, Priority, TaskType
 *   DescribeMaintenanceWindowExecutions            ExecutedBefore, ExecutedAfter (ISO 8601 date-times, inclusive)
 *   DescribeMaintenanceWindowExecutionTasks        STATUS
 *   DescribeMaintenanceWindowExecutionTaskInvocations  STATUS
 *
 * Name matches names that begin with the value: the user guide's example filters "Key=Name,Values=My"
 * and lists My-First-Maintenance-Window and My-Second-Maintenance-Window. Enabled takes true/false in
 * any case. A key the operation does not support, and a bad value, answer ValidationException (the
 * operations declare no filter error) [unverified: AWS's words and its handling of unknown keys are
 * not documented].
 */
import { defineFilters, type FilterErrors, type FilterInput, type KeySpec } from '../../core/filters.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import type { MaintenanceWindowFilter } from '../../generated/ssm/types.js';
import { EXECUTION_STATUSES, messages, TASK_TYPES, type ExecutionRecord, type InvocationRecord, type TargetRecord, type TaskExecutionRecord, type TaskRecord, type WindowRecord } from '../../sim/maintenance-windows/index.js';

/** One operation's filters: its keys, Equal unless a key says otherwise. */
function engine<R>(name: string, keys: Readonly<Record<string, KeySpec<R>>>) {
  const errors: FilterErrors = {
    unknownKey: (key) => new ValidationException(messages.invalidFilterKey(key, Object.keys(keys))),
    badValue: ({ key, value, allowed }) => new ValidationException(messages.invalidFilterValue(key, value, allowed)),
  };
  const filters = defineFilters<R>({ name, defaults: { operator: 'Equal' }, errors, keys });
  return (input: readonly MaintenanceWindowFilter[] | undefined) => {
    const compiled = filters.compile((input ?? []).map((f): FilterInput => ({ key: f.Key ?? '', values: f.Values })));
    return (record: R) => compiled.test(record);
  };
}

export const windowFilters = engine<WindowRecord>('DescribeMaintenanceWindows', {
  Name: { read: (w) => w.Name, operator: 'BeginWith' },
  Enabled: {
    read: (w) => String(w.Enabled),
    parse: (v) => {
      const l = v.toLowerCase();
      if (l !== 'true' && l !== 'false') throw new ValidationException(messages.invalidFilterValue('Enabled', v, ['true', 'false']));
      return l;
    },
  },
});

export const targetFilters = engine<TargetRecord>('DescribeMaintenanceWindowTargets', {
  Type: { read: (t) => t.ResourceType, allowed: ['INSTANCE', 'RESOURCE_GROUP'] },
  WindowTargetId: { read: (t) => t.WindowTargetId },
  OwnerInformation: { read: (t) => t.OwnerInformation },
});

export const taskFilters = engine<TaskRecord>('DescribeMaintenanceWindowTasks', {
  WindowTaskId: { read: (t) => t.WindowTaskId },
  TaskArn: { read: (t) => t.TaskArn },
  Priority: { read: (t) => t.Priority, type: 'number' },
  TaskType: { read: (t) => t.Type, allowed: TASK_TYPES },
});

export const executionFilters = engine<ExecutionRecord>('DescribeMaintenanceWindowExecutions', {
  ExecutedBefore: { read: (e) => e.StartTime, type: 'date', operator: 'LessThan', inclusive: true },
  ExecutedAfter: { read: (e) => e.StartTime, type: 'date', operator: 'GreaterThan', inclusive: true },
});

export const taskExecutionFilters = engine<TaskExecutionRecord>('DescribeMaintenanceWindowExecutionTasks', {
  STATUS: { read: (t) => t.Status, allowed: EXECUTION_STATUSES },
});

export const invocationFilters = engine<InvocationRecord>('DescribeMaintenanceWindowExecutionTaskInvocations', {
  STATUS: { read: (i) => i.Status, allowed: EXECUTION_STATUSES },
});

/** DescribeMaintenanceWindowSchedule's PatchOrchestratorFilter: a run's time against ISO 8601 bounds (inclusive) [unverified]. */
const scheduleEngine = defineFilters<{ at: number }>({
  name: 'DescribeMaintenanceWindowSchedule',
  errors: {
    unknownKey: (key) => new ValidationException(messages.invalidFilterKey(key, ['ScheduledBefore', 'ScheduledAfter'])),
    badValue: ({ key, value }) => new ValidationException(messages.invalidFilterValue(key, value)),
  },
  keys: {
    ScheduledBefore: { read: (r) => r.at, type: 'date', operator: 'LessThan', inclusive: true },
    ScheduledAfter: { read: (r) => r.at, type: 'date', operator: 'GreaterThan', inclusive: true },
  },
});

/**
 * The schedule filters: a test of a run (epoch seconds), and the span it allows (epoch ms), so runs
 * are computed from the first one allowed and no further than the last.
 */
export function scheduleFilters(input: readonly { Key?: string; Values?: string[] }[] | undefined) {
  const compiled = scheduleEngine.compile((input ?? []).map((f) => ({ key: f.Key ?? '', values: f.Values })));
  let after = -Infinity;
  let before = Infinity;
  for (const c of compiled.conditions) {
    const values = c.values as number[];
    if (!values.length) continue;
    if (c.key === 'ScheduledAfter') after = Math.max(after, Math.min(...values) * 1000);
    else before = Math.min(before, Math.max(...values) * 1000);
  }
  return { test: (atMs: number) => compiled.test({ at: atMs / 1000 }), after, before };
}
