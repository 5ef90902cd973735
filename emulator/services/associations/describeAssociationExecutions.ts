import { defineOperation } from '../../core/operation.js';
import { AssociationDoesNotExist } from '../../generated/ssm/errors.js';
import { getAssociation } from '../../sim/associations/state.js';
import { executionView } from '../../sim/associations/views.js';
import * as m from '../../sim/associations/messages.js';
import { executionFilter } from './filters.js';
import { numberKey, paged } from './paging.js';

/**
 * DescribeAssociationExecutions: the association's executions, newest first (the AWS CLI's example
 * lists them so), filtered by ExecutionId, Status or CreatedTime (filters.ts).
 */
export default defineOperation('DescribeAssociationExecutions', (input, ctx) => {
  const a = getAssociation(ctx, input.AssociationId);
  if (!a) throw new AssociationDoesNotExist(m.doesNotExist());
  const match = executionFilter(input.Filters);
  // Newest first: the key counts down with creation order (Executions is oldest first).
  const newestFirst = [...a.Executions].reverse().filter(match);
  const { page, NextToken } = paged(newestFirst, (e) => numberKey(1e15 - e.Seq), input.MaxResults ?? 50, input.NextToken);
  return { AssociationExecutions: page.map((e) => executionView(a, e)), ...(NextToken && { NextToken }) };
});
