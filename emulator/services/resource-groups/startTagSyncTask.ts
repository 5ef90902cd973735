/**
 * StartTagSyncTask: an application group follows a tag (TagKey and TagValue) or a tag query: every
 * resource that carries it is a member while the task runs (sim/resource-groups/membership.ts).
 */
import { defineRgOperation } from '../../core/operation.js';
import { startTagSync } from '../../sim/resource-groups/membership.js';
import { groupsOf } from '../../sim/resource-groups/state.js';
import { taskView } from './views.js';

export default defineRgOperation('StartTagSyncTask', (input, ctx) => {
  const task = startTagSync(ctx, input);
  const { Status: _status, CreatedAt: _created, ErrorMessage: _error, ...out } = taskView(groupsOf(ctx).groups[task.Group], task);
  return out;
});
