/**
 * DescribeAutomationExecutions' AutomationExecutionFilter and DescribeAutomationStepExecutions'
 * StepExecutionFilter, declared for the filter engine (core/filters.ts). The keys are enums in the
 * model; values are checked here (statuses, times, numbers) and refused with InvalidFilterValue.
 * Several values of a filter are ORed; different filters are ANDed. Times (StartTimeBefore /
 * StartTimeAfter) are ISO 8601 instants, compared with the execution's or step's start time.
 */
import { defineFilters, type FilterErrors } from '../../core/filters.js';
import { InvalidFilterKey, InvalidFilterValue } from '../../generated/ssm/errors.js';
import type { AutomationExecutionFilter, StepExecutionFilter } from '../../generated/ssm/types.js';
import { AUTOMATION_STATUSES, type ExecutionRecord, type StepRecord } from '../../sim/automation/state.js';
import * as messages from './messages.js';

const errors: FilterErrors = {
  unknownKey: (key) => new InvalidFilterKey(messages.invalidFilterKey(key)),
  badValue: ({ key, value, allowed }) => new InvalidFilterValue(messages.invalidFilterValue(key, value, allowed)),
};

const time = <R>(read: (r: R) => number | undefined, operator: 'LessThan' | 'GreaterThan') => ({
  read,
  type: 'date' as const,
  operator,
  errors: { badValue: ({ key, value }: { key: string; value: string }) => new InvalidFilterValue(messages.invalidFilterTime(key, value)) },
});

const executionFilters = defineFilters<ExecutionRecord>({
  name: 'DescribeAutomationExecutions',
  defaults: { operator: 'Equal' },
  errors,
  keys: {
    DocumentNamePrefix: { read: (e) => e.DocumentName, operator: 'BeginWith' },
    ExecutionStatus: { read: (e) => e.AutomationExecutionStatus, allowed: AUTOMATION_STATUSES },
    ExecutionId: { read: (e) => e.AutomationExecutionId },
    ParentExecutionId: { read: (e) => e.ParentAutomationExecutionId },
    CurrentAction: { read: (e) => e.CurrentAction },
    StartTimeBefore: time<ExecutionRecord>((e) => e.ExecutionStartTime, 'LessThan'),
    StartTimeAfter: time<ExecutionRecord>((e) => e.ExecutionStartTime, 'GreaterThan'),
    AutomationType: { read: (e) => e.AutomationType, allowed: ['CrossAccount', 'Local'] },
    TagKey: { read: (e) => e.Tags.map((t) => t.Key) },
    TargetResourceGroup: { read: (e) => (e.Targets ?? []).filter((t) => t.Key === 'ResourceGroup').flatMap((t) => t.Values ?? []) },
    AutomationSubtype: { read: (e) => e.AutomationSubtype, allowed: ['ChangeRequest', 'AccessRequest'] },
    OpsItemId: { read: (e) => e.OpsItemId },
  },
});

const stepFilters = defineFilters<StepRecord>({
  name: 'DescribeAutomationStepExecutions',
  defaults: { operator: 'Equal' },
  errors,
  keys: {
    StartTimeBefore: time<StepRecord>((s) => s.ExecutionStartTime, 'LessThan'),
    StartTimeAfter: time<StepRecord>((s) => s.ExecutionStartTime, 'GreaterThan'),
    StepExecutionStatus: { read: (s) => s.StepStatus, allowed: AUTOMATION_STATUSES },
    StepExecutionId: { read: (s) => s.StepExecutionId },
    StepName: { read: (s) => s.StepName },
    Action: { read: (s) => s.Action },
    ParentStepExecutionId: { read: (s) => s.ParentStepDetails?.StepExecutionId },
    ParentStepIteration: {
      read: (s) => s.ParentStepDetails?.Iteration,
      type: 'number',
      errors: { badValue: ({ value }) => new InvalidFilterValue(messages.invalidIteration(value)) },
    },
    ParentStepIteratorValue: { read: (s) => s.ParentStepDetails?.IteratorValue },
  },
});

export const compileExecutionFilters = (filters: readonly AutomationExecutionFilter[] | undefined) =>
  executionFilters.compile((filters ?? []).map((f) => ({ key: f.Key, values: f.Values }))).test;

export const compileStepFilters = (filters: readonly StepExecutionFilter[] | undefined) =>
  stepFilters.compile((filters ?? []).map((f) => ({ key: f.Key, values: f.Values }))).test;
