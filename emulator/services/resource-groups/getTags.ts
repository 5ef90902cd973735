/** GetTags: the tags of a group (GET /resources/{Arn}/tags). */
import { defineRgOperation } from '../../core/operation.js';
import { groupByArn } from '../../sim/resource-groups/model.js';

export default defineRgOperation('GetTags', (input, ctx) => {
  const g = groupByArn(ctx, input.Arn);
  return { Arn: g.GroupArn, Tags: { ...g.Tags } };
});
