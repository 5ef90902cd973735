/**
 * The tagging capability area: AddTagsToResource, RemoveTagsFromResource and ListTagsForResource for
 * every ResourceTypeForTagging. The operations are generic: each area that owns a taggable resource
 * declares a TaggableType (registry.ts) in its Area.taggable, and the handlers only talk to that.
 */
import type { Area } from '../../core/operation.js';
import addTagsToResource from './addTagsToResource.js';
import removeTagsFromResource from './removeTagsFromResource.js';
import listTagsForResource from './listTagsForResource.js';

export const taggingArea: Area = {
  name: 'tagging',
  operations: [addTagsToResource, removeTagsFromResource, listTagsForResource],
};
