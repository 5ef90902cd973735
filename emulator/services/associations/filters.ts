/**
 * The filters of the association list operations, in one place (to move onto core/filters.ts when
 * it lands on main):
 *
 *   ListAssociations                      AssociationFilterList {key, value}: InstanceId (legacy
 *                                         associations only, as the API reference says), Name,
 *                                         AssociationId, AssociationStatusName (the overview Status),
 *                                         LastExecutedBefore / LastExecutedAfter (ISO-8601 dates),
 *                                         AssociationName, ResourceGroupName (a resource-groups:Name
 *                                         target). Filters are ANDed.
 *   DescribeAssociationExecutions         Filters {Key, Value, Type}: ExecutionId and Status with EQUAL,
 *                                         CreatedTime with EQUAL, LESS_THAN or GREATER_THAN (ISO-8601).
 *   DescribeAssociationExecutionTargets   Filters {Key, Value}: Status, ResourceId, ResourceType (equal).
 * A date that does not parse, or an operator a key does not take, answers ValidationException (none
 * of these operations lists a filter error) [unverified].
 */
import { ValidationException } from '../../generated/ssm/errors.js';
import type {
  AssociationExecution,
  AssociationExecutionFilter,
  AssociationExecutionTargetsFilter,
  AssociationFilter,
} from '../../generated/ssm/types.js';
import type { AssociationRecord } from '../../sim/associations/state.js';
import { currentVersion } from '../../sim/associations/state.js';
import { overview, type TargetRow } from '../../sim/associations/views.js';
import * as m from '../../sim/associations/messages.js';

function epochSeconds(key: string, value: string): number {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new ValidationException(m.invalidDate(key, value));
  return t / 1000;
}

/** The document name an association runs (its Name may be an ARN). */
const documentName = (name: string) => name.slice(name.lastIndexOf('/') + 1);

export function associationFilter(filters: readonly AssociationFilter[] | undefined): (a: AssociationRecord) => boolean {
  const tests = (filters ?? []).map(({ key, value }): ((a: AssociationRecord) => boolean) => {
    switch (key) {
      case 'InstanceId':
        return (a) => a.InstanceId === value;
      case 'Name':
        return (a) => currentVersion(a).Name === value || documentName(currentVersion(a).Name) === value;
      case 'AssociationId':
        return (a) => a.AssociationId === value;
      case 'AssociationStatusName':
        return (a) => overview(a).Status === value;
      case 'LastExecutedBefore': {
        const t = epochSeconds(key, value);
        return (a) => a.LastExecutionDate !== undefined && a.LastExecutionDate < t;
      }
      case 'LastExecutedAfter': {
        const t = epochSeconds(key, value);
        return (a) => a.LastExecutionDate !== undefined && a.LastExecutionDate > t;
      }
      case 'AssociationName':
        return (a) => currentVersion(a).AssociationName === value;
      case 'ResourceGroupName':
        return (a) => (currentVersion(a).Targets ?? []).some((t) => (t.Key === 'resource-groups:Name' || t.Key === 'ResourceGroup') && t.Values?.includes(value));
    }
  });
  return (a) => tests.every((t) => t(a));
}

export function executionFilter(filters: readonly AssociationExecutionFilter[] | undefined): (e: AssociationExecution) => boolean {
  const tests = (filters ?? []).map(({ Key, Value, Type }): ((e: AssociationExecution) => boolean) => {
    if (Key === 'CreatedTime') {
      const t = epochSeconds(Key, Value);
      return Type === 'LESS_THAN' ? (e) => e.CreatedTime! < t : Type === 'GREATER_THAN' ? (e) => e.CreatedTime! > t : (e) => e.CreatedTime === t;
    }
    if (Type !== 'EQUAL') throw new ValidationException(m.invalidFilterType(Key, Type));
    return Key === 'ExecutionId' ? (e) => e.ExecutionId === Value : (e) => e.Status === Value;
  });
  return (e) => tests.every((t) => t(e));
}

export function targetFilter(filters: readonly AssociationExecutionTargetsFilter[] | undefined): (t: TargetRow) => boolean {
  const tests = (filters ?? []).map(({ Key, Value }) => (t: TargetRow) => t[Key] === Value);
  return (t) => tests.every((f) => f(t));
}
