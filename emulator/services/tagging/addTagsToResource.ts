import { defineOperation } from '../../core/operation.js';
import { resolveTagged } from '../../sim/tags/resolve.js';
import { mergedTags, replaceTags } from '../../sim/tags/model.js';

/**
 * AddTagsToResource: adds or overwrites tags on any taggable SSM resource. Everything is checked
 * (type, id, reserved keys, the per-resource limit counting existing tags) before the tags change.
 */
export default defineOperation('AddTagsToResource', (input, ctx) => {
  const r = resolveTagged(ctx, input.ResourceType, input.ResourceId);
  r.type.checkWrite?.(ctx, input.ResourceId);
  const next = mergedTags(r.tags, input.Tags, r.maxTags);
  replaceTags(r.tags, next);
  r.type.changed?.(ctx, input.ResourceId);
  return {};
});
