/**
 * Parameters as a taggable resource type (AddTagsToResource & co., Resource Groups). ResourceId is the
 * parameter name, with or without the leading slash of a single-level name, or the caller's own
 * parameter ARN; AWS public parameters and other accounts' parameters are not taggable by the caller.
 */
import type { Ctx } from '../../core/context.js';
import type { TaggableType } from '../../sim/tags/registry.js';
import { parameters } from '../../sim/parameters/state.js';
import { parseReference } from '../../sim/parameters/names.js';
import { recordArn } from '../../sim/parameters/model.js';

function record(ctx: Ctx, resourceId: string) {
  let ref;
  try {
    ref = parseReference(resourceId, { allowSelector: false, allowArn: true });
  } catch {
    return undefined;
  }
  if (ref.arn && (ref.arn.account !== ctx.account || ref.arn.region !== ctx.region)) return undefined;
  return parameters.of(ctx.scope).byName[ref.key];
}

export const parameterTaggable: TaggableType = {
  resourceType: 'Parameter',
  tags: (ctx, resourceId) => record(ctx, resourceId)?.Tags,
  list: (ctx) =>
    Object.values(parameters.of(ctx.scope).byName).map((rec) => ({ id: rec.Name, arn: recordArn(ctx, rec), tags: rec.Tags })),
};
