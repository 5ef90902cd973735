/**
 * OpsItems and OpsMetadata as taggable resource types (AddTagsToResource and its neighbours).
 * ResourceId is the OpsItem id (oi-...), or the OpsMetadata's resource id with or without its
 * leading slash (aws/ssm/MyGroup/appmanager); an OpsMetadata object carries at most 5 tags.
 */
import type { TaggableType } from '../../sim/tags/registry.js';
import { opsItems } from '../../sim/ops-items/state.js';
import { metadataForTagging, MAX_TAGS } from '../../sim/ops-items/metadata.js';

export const opsItemTaggable: TaggableType = {
  resourceType: 'OpsItem',
  tags: (ctx, id) => {
    const items = opsItems.peek(ctx.scope)?.items;
    return items && Object.hasOwn(items, id) ? items[id].Tags : undefined;
  },
  wrongType: (id) => !/^oi-[0-9a-f]{12}$/.test(id),
};

export const opsMetadataTaggable: TaggableType = {
  resourceType: 'OpsMetadata',
  tags: (ctx, id) => metadataForTagging(ctx, id)?.Tags,
  maxTags: MAX_TAGS,
};
