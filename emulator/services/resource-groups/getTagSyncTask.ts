/** GetTagSyncTask: a tag-sync task by ARN, with its status (ACTIVE) and when it was created. */
import { defineRgOperation } from '../../core/operation.js';
import { getTagSyncTask } from '../../sim/resource-groups/membership.js';
import { groupsOf } from '../../sim/resource-groups/state.js';
import { taskView } from './views.js';

export default defineRgOperation('GetTagSyncTask', (input, ctx) => {
  const task = getTagSyncTask(ctx, input.TaskArn);
  return taskView(groupsOf(ctx).groups[task.Group], task);
});
