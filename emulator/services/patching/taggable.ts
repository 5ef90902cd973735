/**
 * Tags of the account's patch baselines (ResourceType PatchBaseline, ResourceId pb-...). AWS's
 * predefined baselines are not the account's: they cannot be tagged.
 */
import type { TaggableType } from '../../sim/tags/registry.js';
import { customBaseline } from '../../sim/patching/baselines.js';
import { patchingOf } from '../../sim/patching/state.js';

export const patchBaselineTaggable: TaggableType = {
  resourceType: 'PatchBaseline',
  tags: (ctx, id) => customBaseline(ctx, id)?.Tags,
  list: (ctx) =>
    Object.values(patchingOf(ctx).baselines).map((b) => ({ id: b.BaselineId, arn: `arn:aws:ssm:${ctx.region}:${ctx.account}:patchbaseline/${b.BaselineId}`, tags: b.Tags })),
};
