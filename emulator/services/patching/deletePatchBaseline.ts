/**
 * DeletePatchBaseline: deletes one of the account's baselines. A baseline registered with a patch
 * group, or registered as its OS's default, is in use (ResourceInUseException); AWS's predefined
 * baselines cannot be deleted. Deleting a baseline that does not exist answers its id, as AWS does for
 * an id it no longer has [unverified].
 */
import { defineOperation } from '../../core/operation.js';
import { ResourceInUseException } from '../../generated/ssm/errors.js';
import { groupsOf, isDefault, lookupBaseline } from '../../sim/patching/baselines.js';
import * as m from '../../sim/patching/messages.js';
import { patchingOf } from '../../sim/patching/state.js';
import { invalid, requireBaseline } from './common.js';

export default defineOperation('DeletePatchBaseline', (input, ctx) => {
  const found = lookupBaseline(ctx, input.BaselineId);
  if (!found) return { BaselineId: input.BaselineId };
  const b = requireBaseline(ctx, input.BaselineId);
  if (b.owner === 'AWS') throw invalid(m.awsBaselineReadOnly(b.BaselineId));
  const groups = groupsOf(ctx, b);
  if (groups.length) throw new ResourceInUseException(m.baselineInUseByGroups(b.BaselineId, groups));
  if (isDefault(ctx, b)) throw new ResourceInUseException(m.baselineIsDefault(b.BaselineId));
  delete patchingOf(ctx).baselines[b.BaselineId];
  return { BaselineId: b.BaselineId };
});
