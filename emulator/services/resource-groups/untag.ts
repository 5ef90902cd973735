/** Untag: removes tag keys from a group (PATCH /resources/{Arn}/tags); keys it lacks are ignored. */
import { defineRgOperation } from '../../core/operation.js';
import { groupByArn } from '../../sim/resource-groups/model.js';

export default defineRgOperation('Untag', (input, ctx) => {
  const g = groupByArn(ctx, input.Arn);
  for (const k of input.Keys) delete g.Tags[k];
  return { Arn: g.GroupArn, Keys: [...input.Keys] };
});
