import { defineOperation } from '../../core/operation.js';
import {
  checkTargetQuota,
  checkWindowTargets,
  emitTargetRegistration,
  givenMembers,
  TARGET_OPTIONAL,
  windowOrThrow,
  type TargetRecord,
} from '../../sim/maintenance-windows/index.js';
import { withClientToken } from './clientToken.js';

/**
 * RegisterTargetWithMaintenanceWindow: INSTANCE targets (ids, tags) or a RESOURCE_GROUP target, kept
 * as given and resolved each time a task starts (instance ids need not be managed nodes yet).
 */
export default defineOperation('RegisterTargetWithMaintenanceWindow', (input, ctx) =>
  withClientToken(ctx, input, () => {
    const w = windowOrThrow(ctx, input.WindowId);
    checkWindowTargets(input.ResourceType, input.Targets);
    checkTargetQuota(w);
    const t: TargetRecord = {
      Seq: ++w.ChildSeq,
      WindowId: w.WindowId,
      WindowTargetId: ctx.emu.ids.uuid(),
      ResourceType: input.ResourceType,
      Targets: structuredClone(input.Targets),
      ...givenMembers(input, TARGET_OPTIONAL),
    };
    w.Targets[t.WindowTargetId] = t;
    emitTargetRegistration(ctx, w.WindowId, t.WindowTargetId, 'REGISTERED');
    return { WindowTargetId: t.WindowTargetId };
  }),
);
