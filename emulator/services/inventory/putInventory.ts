import { defineOperation } from '../../core/operation.js';
import { putInventory } from '../../sim/inventory/put.js';

/** PutInventory: semantics in sim/inventory/put.ts. AWS answers an empty object (the AWS CLI prints nothing). */
export default defineOperation('PutInventory', (input, ctx) => {
  putInventory(ctx, input.InstanceId, input.Items);
  return {};
});
