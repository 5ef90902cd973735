/**
 * RegisterDefaultPatchBaseline: the baseline becomes its OS's default. "To reset the Amazon Web
 * Services-predefined patch baseline as the default, specify the full patch baseline ARN"; the answer
 * names the baseline by its pb- id either way (the user guide's example).
 */
import { defineOperation } from '../../core/operation.js';
import { parseBaselineRef } from '../../sim/patching/baselines.js';
import { patchingOf } from '../../sim/patching/state.js';
import { requireBaseline } from './common.js';

export default defineOperation('RegisterDefaultPatchBaseline', (input, ctx) => {
  const b = requireBaseline(ctx, input.BaselineId);
  patchingOf(ctx).defaults[b.OperatingSystem] = b.BaselineId;
  const ref = parseBaselineRef(b.BaselineId);
  return { BaselineId: ref.ok ? ref.id : b.BaselineId };
});
