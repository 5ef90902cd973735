import { defineOperation } from '../../core/operation.js';
import { resolveTagged } from '../../sim/tags/resolve.js';

/** ListTagsForResource: the resource's tags in the order they were added (an empty list when none). */
export default defineOperation('ListTagsForResource', (input, ctx) => {
  const r = resolveTagged(ctx, input.ResourceType, input.ResourceId);
  return { TagList: r.tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
});
