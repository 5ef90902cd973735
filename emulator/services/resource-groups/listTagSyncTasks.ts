/**
 * ListTagSyncTasks: the tag-sync tasks of the account and Region, or of the application groups the
 * filters name (each filter one group, by GroupArn or GroupName; filters ORed), paged by task ARN.
 */
import { defineRgOperation } from '../../core/operation.js';
import { findGroup, groupByArn, pageByKey } from '../../sim/resource-groups/model.js';
import { groupsOf, type TagSyncTaskRecord } from '../../sim/resource-groups/state.js';
import { taskView } from './views.js';

export const DEFAULT_MAX_RESULTS = 50;

export default defineRgOperation('ListTagSyncTasks', (input, ctx) => {
  const slice = groupsOf(ctx);
  const wanted = (input.Filters ?? []).map((f) => (f.GroupArn !== undefined ? groupByArn(ctx, f.GroupArn) : findGroup(ctx, { Group: f.GroupName })).Name);
  const tasks = Object.values(slice.tagSyncTasks ?? {})
    .filter((t: TagSyncTaskRecord) => !wanted.length || wanted.includes(t.Group))
    .sort((a, b) => (a.TaskArn < b.TaskArn ? -1 : 1));
  const { page, next } = pageByKey(tasks, (t) => t.TaskArn, input.MaxResults ?? DEFAULT_MAX_RESULTS, input.NextToken);
  return { TagSyncTasks: page.map((t) => taskView(slice.groups[t.Group], t)), ...(next !== undefined && { NextToken: next }) };
});
