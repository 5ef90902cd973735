/**
 * Tags of hybrid nodes through AddTagsToResource / RemoveTagsFromResource / ListTagsForResource
 * (ResourceType ManagedInstance). Only mi- nodes: an EC2 instance's tags are EC2 tags, which SSM's
 * tagging API does not reach (change them with PATCH /_emulator/fleet/instances/{id}).
 */
import type { TaggableType } from '../../sim/tags/registry.js';
import { allInstances, getInstance, notify } from '../../sim/fleet/state.js';
import { instanceArn } from '../../sim/fleet/instance.js';

export const managedInstanceTaggable: TaggableType = {
  resourceType: 'ManagedInstance',
  tags(ctx, resourceId) {
    const inst = getInstance(ctx, resourceId);
    return inst && inst.ResourceType === 'ManagedInstance' ? inst.Tags : undefined;
  },
  changed(ctx, resourceId) {
    if (getInstance(ctx, resourceId)) notify(ctx, { type: 'tags-changed', instanceId: resourceId });
  },
  list(ctx) {
    return allInstances(ctx)
      .filter((i) => i.ResourceType === 'ManagedInstance')
      .map((i) => ({ id: i.InstanceId, arn: instanceArn(ctx, i), tags: i.Tags }));
  },
};
