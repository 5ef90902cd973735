/**
 * CancelTagSyncTask: stops a tag-sync task. The resources it onboarded stay in the application (on AWS
 * they keep their awsApplication tag); GetTagSyncTask then answers NotFoundException.
 */
import { defineRgOperation } from '../../core/operation.js';
import { cancelTagSync } from '../../sim/resource-groups/membership.js';

export default defineRgOperation('CancelTagSyncTask', (input, ctx) => {
  cancelTagSync(ctx, input.TaskArn);
  return {};
});
