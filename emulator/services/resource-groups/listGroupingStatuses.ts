/**
 * ListGroupingStatuses: the last GROUP or UNGROUP action on each resource of a static group (SUCCESS,
 * FAILED with the error, or IN_PROGRESS while a host-management group works), filtered by status and
 * resource-arn (values ORed, filters ANDed), paged by ARN. The operation models no NotFoundException:
 * an unknown group answers BadRequestException.
 */
import { defineRgOperation } from '../../core/operation.js';
import { BadRequestException, NotFoundException } from '../../generated/resource-groups/errors.js';
import { findGroup, pageByKey } from '../../sim/resource-groups/model.js';
import type { GroupRecord } from '../../sim/resource-groups/state.js';
import * as messages from '../../sim/resource-groups/messages.js';

export const DEFAULT_MAX_RESULTS = 50;

export default defineRgOperation('ListGroupingStatuses', (input, ctx) => {
  let g: GroupRecord;
  try {
    g = findGroup(ctx, input);
  } catch (e) {
    if (e instanceof NotFoundException) throw new BadRequestException(messages.groupingGroupNotFound(input.Group));
    throw e;
  }
  const seen = new Set<string>();
  const tests = (input.Filters ?? []).map((f) => {
    if (seen.has(f.Name)) throw new BadRequestException(messages.duplicateFilter(f.Name));
    seen.add(f.Name);
    return f.Name === 'status' ? (s: { Status?: string }) => f.Values.includes(s.Status ?? '') : (s: { ResourceArn?: string }) => f.Values.includes(s.ResourceArn ?? '');
  });
  const list = (g.GroupingStatuses ?? []).filter((s) => tests.every((t) => t(s))).sort((a, b) => (a.ResourceArn! < b.ResourceArn! ? -1 : 1));
  const { page, next } = pageByKey(list, (s) => s.ResourceArn!, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  return { Group: input.Group, GroupingStatuses: page.map((s) => ({ ...s })), ...(next !== undefined && { NextToken: next }) };
});
