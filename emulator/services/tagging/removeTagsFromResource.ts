import { defineOperation } from '../../core/operation.js';
import { resolveTagged } from '../../sim/tags/resolve.js';
import { checkTagKeys, replaceTags } from '../../sim/tags/model.js';

/** RemoveTagsFromResource: removes the given keys; keys the resource does not have are ignored. */
export default defineOperation('RemoveTagsFromResource', (input, ctx) => {
  const r = resolveTagged(ctx, input.ResourceType, input.ResourceId);
  r.type.checkWrite?.(ctx, input.ResourceId);
  checkTagKeys(input.TagKeys);
  const drop = new Set(input.TagKeys);
  const next = r.tags.filter((t) => !drop.has(t.Key));
  if (next.length !== r.tags.length) {
    replaceTags(r.tags, next);
    r.type.changed?.(ctx, input.ResourceId);
  }
  return {};
});
