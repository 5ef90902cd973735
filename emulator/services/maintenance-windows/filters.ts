/**
 * MaintenanceWindowFilter for the Describe* operations of maintenance windows (kept in one file so it
 * moves to core/filters.ts once that lands). A filter's values are ORed, filters are ANDed. Keys, as
 * the API reference lists them per operation:
 *
 *   DescribeMaintenanceWindows                     Name, Enabled ("Name=MyMaintenanceWindow and Enabled=True")
 *   DescribeMaintenanceWindowTargets               Type, WindowTargetId, OwnerInformation
 *   DescribeMaintenanceWindowTasks                 WindowTaskId, TaskArn, Priority, TaskType
 *   DescribeMaintenanceWindowExecutions            ExecutedBefore, ExecutedAfter (ISO 8601 date-times)
 *   DescribeMaintenanceWindowExecutionTasks        STATUS
 *   DescribeMaintenanceWindowExecutionTaskInvocations  STATUS
 *
 * Name matches names that start with the value: the user guide's example filters "Key=Name,Values=My"
 * and lists My-First-Maintenance-Window and My-Second-Maintenance-Window. A key the operation does not
 * support answers ValidationException [unverified: AWS's behaviour for unknown keys is not documented].
 */
import { ValidationException } from '../../generated/ssm/errors.js';
import type { MaintenanceWindowFilter } from '../../generated/ssm/types.js';
import { messages, parseIsoDateTime } from '../../sim/maintenance-windows/index.js';

type Test<T> = (item: T) => boolean;
/** Builds a test from a filter's values (throws ValidationException for a bad value). */
type KeySpec<T> = (values: readonly string[], key: string) => Test<T>;

export function compileFilters<T>(filters: readonly MaintenanceWindowFilter[] | undefined, spec: Record<string, KeySpec<T>>): Test<T> {
  const tests: Test<T>[] = [];
  for (const f of filters ?? []) {
    const key = f.Key ?? '';
    if (!Object.hasOwn(spec, key)) throw new ValidationException(messages.invalidFilterKey(key, Object.keys(spec)));
    tests.push(spec[key]!(f.Values ?? [], key));
  }
  return (item) => tests.every((t) => t(item));
}

/** The item's field equals one of the values. */
export const oneOf =
  <T>(field: (item: T) => string | undefined): KeySpec<T> =>
  (values) =>
  (item) => {
    const v = field(item);
    return v !== undefined && values.includes(v);
  };

/** The values must be among `allowed` (case as given). */
export const enumOf =
  <T>(allowed: readonly string[], field: (item: T) => string): KeySpec<T> =>
  (values, key) => {
    for (const v of values) if (!allowed.includes(v)) throw new ValidationException(messages.invalidFilterValue(key, v, `one of ${allowed.join(', ')}`));
    return (item) => values.includes(field(item));
  };

/** Boolean values, True/False in any case. */
export const booleanOf =
  <T>(field: (item: T) => boolean): KeySpec<T> =>
  (values, key) => {
    const wanted = values.map((v) => {
      const l = v.toLowerCase();
      if (l !== 'true' && l !== 'false') throw new ValidationException(messages.invalidFilterValue(key, v, 'true or false'));
      return l === 'true';
    });
    return (item) => wanted.includes(field(item));
  };

/** An epoch-seconds field compared with one ISO 8601 date-time value: 'before' (<=) or 'after' (>=). */
export const timeBound =
  <T>(field: (item: T) => number, side: 'before' | 'after'): KeySpec<T> =>
  (values, key) => {
    const bounds = values.map((v) => {
      const ms = parseIsoDateTime(v);
      if (ms === undefined) throw new ValidationException(messages.invalidFilterValue(key, v, 'a date and time such as 2024-11-04T05:00:00Z'));
      return ms / 1000;
    });
    return (item) => bounds.some((b) => (side === 'before' ? field(item) <= b : field(item) >= b));
  };

export const EXECUTION_STATUSES = ['PENDING', 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'TIMED_OUT', 'CANCELLING', 'CANCELLED', 'SKIPPED_OVERLAPPING'] as const;
