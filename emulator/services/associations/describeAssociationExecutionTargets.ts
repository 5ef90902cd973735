import { defineOperation } from '../../core/operation.js';
import { AssociationDoesNotExist, AssociationExecutionDoesNotExist } from '../../generated/ssm/errors.js';
import { getAssociation, getExecution } from '../../sim/associations/state.js';
import { targetRows, targetView } from '../../sim/associations/views.js';
import * as m from '../../sim/associations/messages.js';
import { targetFilter } from './filters.js';
import { paged } from './paging.js';

/**
 * DescribeAssociationExecutionTargets: the nodes one execution ran on (ResourceType ManagedInstance,
 * OutputSource RunCommand), in node id order, with the run's Status and DetailedStatus; an Automation
 * association's execution has one target, its Automation execution.
 */
export default defineOperation('DescribeAssociationExecutionTargets', (input, ctx) => {
  const a = getAssociation(ctx, input.AssociationId);
  if (!a) throw new AssociationDoesNotExist(m.doesNotExist());
  const e = getExecution(a, input.ExecutionId);
  if (!e) throw new AssociationExecutionDoesNotExist(m.executionDoesNotExist(input.ExecutionId));
  const match = targetFilter(input.Filters);
  const { page, NextToken } = paged(targetRows(e).filter(match), (r) => r.ResourceId, input.MaxResults ?? 50, input.NextToken);
  return { AssociationExecutionTargets: page.map((r) => targetView(a, e, r)), ...(NextToken && { NextToken }) };
});
