/**
 * GetPatchBaseline: a baseline and the patch groups registered with it. A predefined baseline is named
 * by its ARN ("To retrieve information about an Amazon Web Services managed patch baseline, specify
 * the full Amazon Resource Name"); its pb- id alone does not exist in the caller's account.
 */
import { defineOperation } from '../../core/operation.js';
import { baselineView, groupsOf } from '../../sim/patching/baselines.js';
import { requireBaseline } from './common.js';

export default defineOperation('GetPatchBaseline', (input, ctx) => {
  const b = requireBaseline(ctx, input.BaselineId);
  return { ...baselineView(b), PatchGroups: groupsOf(ctx, b) };
});
