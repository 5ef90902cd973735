/** Tag: adds or overwrites tags of a group (PUT /resources/{Arn}/tags); answers the tags given. */
import { defineRgOperation } from '../../core/operation.js';
import { groupByArn } from '../../sim/resource-groups/model.js';
import { checkTags } from '../../sim/resource-groups/groups.js';

export default defineRgOperation('Tag', (input, ctx) => {
  const g = groupByArn(ctx, input.Arn);
  checkTags(input.Tags, g.Tags);
  Object.assign(g.Tags, input.Tags);
  return { Arn: g.GroupArn, Tags: { ...input.Tags } };
});
