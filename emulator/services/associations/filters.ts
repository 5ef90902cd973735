/**
 * The filters of the association list operations, declared for the filter engine (core/filters.ts):
 *
 *   ListAssociations                      AssociationFilterList {key, value}: InstanceId (legacy
 *                                         associations only, as the API reference says), Name (the
 *                                         document, by name or ARN), AssociationId,
 *                                         AssociationStatusName (the overview Status),
 *                                         LastExecutedBefore / LastExecutedAfter (ISO-8601 dates),
 *                                         AssociationName, ResourceGroupName (a resource-groups:Name
 *                                         target).
 *   DescribeAssociationExecutions         Filters {Key, Value, Type}: ExecutionId and Status with EQUAL,
 *                                         CreatedTime with EQUAL, LESS_THAN or GREATER_THAN (ISO-8601).
 *   DescribeAssociationExecutionTargets   Filters {Key, Value}: Status, ResourceId, ResourceType (equal).
 * Filters are ANDed. A date that does not parse, or an operator a key does not take, answers
 * ValidationException: none of these operations lists a filter error [unverified]. The keys are enums
 * of the model, checked before the handler runs.
 */
import { defineFilters, type FilterErrors } from '../../core/filters.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import type { AssociationExecutionFilter, AssociationExecutionTargetsFilter, AssociationFilter } from '../../generated/ssm/types.js';
import type { AssociationRecord, ExecutionRecord } from '../../sim/associations/state.js';
import { currentVersion } from '../../sim/associations/state.js';
import { overview, type TargetRow } from '../../sim/associations/views.js';
import * as m from '../../sim/associations/messages.js';

const errors: FilterErrors = {
  unknownKey: (key) => new ValidationException(m.invalidFilterType(key, 'any')),
  badValue: ({ key, value }) => new ValidationException(m.invalidDate(key, value)),
  badOperator: (operator, _allowed, key) => new ValidationException(m.invalidFilterType(key, operator)),
};

/** The document name an association runs (its Name may be an ARN). */
const documentName = (name: string) => name.slice(name.lastIndexOf('/') + 1);

const associationFilters = defineFilters<AssociationRecord>({
  name: 'ListAssociations',
  defaults: { operator: 'Equal' },
  errors,
  keys: {
    InstanceId: { read: (a) => a.InstanceId },
    Name: { read: (a) => [currentVersion(a).Name, documentName(currentVersion(a).Name)] },
    AssociationId: { read: (a) => a.AssociationId },
    AssociationStatusName: { read: (a) => overview(a).Status },
    LastExecutedBefore: { read: (a) => a.LastExecutionDate, type: 'date', operator: 'LessThan' },
    LastExecutedAfter: { read: (a) => a.LastExecutionDate, type: 'date', operator: 'GreaterThan' },
    AssociationName: { read: (a) => currentVersion(a).AssociationName },
    ResourceGroupName: {
      read: (a) => (currentVersion(a).Targets ?? []).filter((t) => t.Key === 'resource-groups:Name' || t.Key === 'ResourceGroup').flatMap((t) => t.Values ?? []),
    },
  },
});

const executionFilters = defineFilters<ExecutionRecord>({
  name: 'DescribeAssociationExecutions',
  defaults: { operators: ['EQUAL'], operator: 'EQUAL' },
  errors,
  keys: {
    ExecutionId: { read: (e) => e.ExecutionId },
    Status: { read: (e) => e.Status },
    CreatedTime: { read: (e) => e.CreatedTime, type: 'date', operators: ['EQUAL', 'LESS_THAN', 'GREATER_THAN'] },
  },
});

const targetFilters = defineFilters<TargetRow>({
  name: 'DescribeAssociationExecutionTargets',
  defaults: { operator: 'Equal' },
  errors,
  keys: {
    Status: { read: (t) => t.Status },
    ResourceId: { read: (t) => t.ResourceId },
    ResourceType: { read: (t) => t.ResourceType },
  },
});

export function associationFilter(filters: readonly AssociationFilter[] | undefined): (a: AssociationRecord) => boolean {
  return associationFilters.compile((filters ?? []).map((f) => ({ key: f.key, values: [f.value] }))).test;
}

export function executionFilter(filters: readonly AssociationExecutionFilter[] | undefined): (e: ExecutionRecord) => boolean {
  return executionFilters.compile((filters ?? []).map((f) => ({ key: f.Key, values: [f.Value], operator: f.Type }))).test;
}

export function targetFilter(filters: readonly AssociationExecutionTargetsFilter[] | undefined): (t: TargetRow) => boolean {
  return targetFilters.compile((filters ?? []).map((f) => ({ key: f.Key, values: [f.Value] }))).test;
}
