/**
 * The resource types that AddTagsToResource / RemoveTagsFromResource / ListTagsForResource reach.
 * Each area that owns a taggable resource (Parameter, Document, ManagedInstance, MaintenanceWindow,
 * PatchBaseline, OpsItem, OpsMetadata, Automation, Association) provides a TaggableType through the
 * taggableResources port (`provides: [taggableResources.provide(parameterTaggable)]`);
 * the tagging handlers and Resource Groups only talk to this interface.
 */
import type { Ctx } from '../../core/context.js';
import type { Tag, ResourceTypeForTagging } from '../../generated/ssm/types.js';
import type { Runtime } from '../../core/runtime.js';
import { definePort } from '../../core/ports.js';

export interface TaggableType {
  readonly resourceType: ResourceTypeForTagging;
  /**
   * The live, mutable tag list of a resource, or undefined when no such resource exists in the
   * caller's scope. `resourceId` is what the caller sent (a name, an id, or for some types an ARN).
   */
  tags(ctx: Ctx, resourceId: string): Tag[] | undefined;
  /** Called after the tags of a resource changed (to update tag indexes, events). */
  changed?(ctx: Ctx, resourceId: string): void;
  /** Every resource of this type in the scope with its ARN and tags (Resource Groups, tag filters). */
  list?(ctx: Ctx): { id: string; arn: string; tags: Tag[] }[];
  /** How many tags a resource of this type can carry (default 50; Automation executions: 5). */
  readonly maxTags?: number;
  /**
   * When an id cannot belong to this type at all (AWS answers InvalidResourceType, e.g. an EC2
   * instance id "i-..." given as a ManagedInstance, which must be "mi-..."), return true.
   */
  wrongType?(resourceId: string): boolean;
  /** Refuses a change AWS refuses (e.g. tags on an AWS-owned resource) by throwing; called first. */
  checkWrite?(ctx: Ctx, resourceId: string): void;
}

/** The port every area with a taggable resource type provides to. */
export const taggableResources = definePort<TaggableType>('tags.taggable-resources');

const byType = new WeakMap<Runtime, Map<string, TaggableType>>();

/** The taggable type a loaded area provides for a ResourceTypeForTagging, or undefined. */
export function taggableType(runtime: Runtime, resourceType: string): TaggableType | undefined {
  let m = byType.get(runtime);
  if (!m) byType.set(runtime, (m = new Map(runtime.ports.all(taggableResources).map((t) => [t.resourceType, t]))));
  return m.get(resourceType);
}
