/**
 * Finds the resource a tagging request names, through the registry of taggable types that the areas
 * provide (registry.ts, the taggableResources port). A type whose area is not loaded has no
 * resources, so every id of it answers InvalidResourceId, as AWS answers an id that names nothing.
 */
import type { Ctx } from '../../core/context.js';
import type { Tag, ResourceTypeForTagging } from '../../generated/ssm/types.js';
import { InvalidResourceId, InvalidResourceType } from '../../generated/ssm/errors.js';
import { taggableType, type TaggableType } from './registry.js';
import { MAX_TAGS } from './model.js';
import * as messages from './messages.js';

/**
 * Id shapes that AWS refuses as the wrong type before looking anything up, used when the owning area
 * does not declare its own rule: ManagedInstance ids are on-premises node ids (mi-...), and an EC2
 * instance id there is the documented InvalidResourceType case.
 */
const WRONG_TYPE: Partial<Record<ResourceTypeForTagging, (id: string) => boolean>> = {
  ManagedInstance: (id) => !/^mi-[0-9a-f]{8,17}$/.test(id),
};

const DEFAULT_MAX: Partial<Record<ResourceTypeForTagging, number>> = { Automation: 5 };

export interface TaggedResource {
  type?: TaggableType;
  tags: Tag[];
  maxTags: number;
}

export function resolveTagged(ctx: Ctx, resourceType: ResourceTypeForTagging, resourceId: string): TaggedResource & { type: TaggableType } {
  const type = taggableType(ctx.emu, resourceType);
  const wrongType = type?.wrongType ?? WRONG_TYPE[resourceType];
  if (wrongType?.(resourceId)) throw new InvalidResourceType(messages.invalidResourceType());
  const tags = type?.tags(ctx, resourceId);
  if (!type || !tags) throw new InvalidResourceId(messages.invalidResourceId());
  return { type, tags, maxTags: type.maxTags ?? DEFAULT_MAX[resourceType] ?? MAX_TAGS };
}
