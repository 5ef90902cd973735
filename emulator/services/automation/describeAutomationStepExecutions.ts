import { defineOperation } from '../../core/operation.js';
import { assert } from '../../core/errors.js';
import { AutomationExecutionNotFoundException } from '../../generated/ssm/errors.js';
import { getExecution } from '../../sim/automation/state.js';
import { stepView } from '../../sim/automation/views.js';
import * as m from '../../sim/automation/messages.js';
import { compileStepFilters } from './filters.js';
import { DEFAULT_MAX_RESULTS, makePosition, readPosition } from './paging.js';

/**
 * DescribeAutomationStepExecutions: an execution's step executions in the order they were listed
 * (the runbook's steps, then steps that ran again and loop iterations), or in reverse with
 * ReverseOrder; Filters narrow them.
 */
export default defineOperation('DescribeAutomationStepExecutions', (input, ctx) => {
  const ex = getExecution(ctx, input.AutomationExecutionId);
  assert(ex, () => new AutomationExecutionNotFoundException(m.executionNotFound(input.AutomationExecutionId)));
  const max = input.MaxResults ?? DEFAULT_MAX_RESULTS;
  const match = compileStepFilters(input.Filters);
  const from = readPosition(input.NextToken, 's') ?? 0;
  const order = ex.StepExecutions.map((s, i) => ({ s, i }));
  if (input.ReverseOrder) order.reverse();
  const matching = order.filter(({ s }) => match(s));
  const page = matching.slice(from, from + max);
  const more = from + max < matching.length;
  return { StepExecutions: page.map(({ s }) => stepView(s)), ...(more && { NextToken: makePosition('s', from + max) }) };
});
