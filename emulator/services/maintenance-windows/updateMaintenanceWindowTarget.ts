import { defineOperation } from '../../core/operation.js';
import { DoesNotExistException, ValidationException } from '../../generated/ssm/errors.js';
import { checkWindowTargets, getTarget, messages, TARGET_OPTIONAL, targetView, windowOrThrow } from '../../sim/maintenance-windows/index.js';

/**
 * UpdateMaintenanceWindowTarget: members given replace the stored ones ("If a parameter is null, then
 * the corresponding field isn't modified"); with Replace, Targets is required and the optional
 * members not given are cleared. New targets must suit the target's ResourceType.
 */
export default defineOperation('UpdateMaintenanceWindowTarget', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  const t = getTarget(w, input.WindowTargetId);
  if (!t) throw new DoesNotExistException(messages.targetNotFound(w.WindowId, input.WindowTargetId));
  if (input.Replace && input.Targets === undefined) throw new ValidationException(messages.replaceNeeds(['Targets']));
  if (input.Targets !== undefined) checkWindowTargets(t.ResourceType, input.Targets);
  if (input.Targets !== undefined) t.Targets = structuredClone(input.Targets);
  for (const k of TARGET_OPTIONAL) {
    if (input[k] !== undefined) t[k] = input[k];
    else if (input.Replace) delete t[k];
  }
  const { ResourceType: _type, ...view } = targetView(t);
  return view;
});
