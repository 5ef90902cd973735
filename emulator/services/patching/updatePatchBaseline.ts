/**
 * UpdatePatchBaseline: "Fields not specified in the request are left unchanged"; with Replace true,
 * "all fields that are required by the CreatePatchBaseline operation are also required" and the
 * optional ones not given are reset. The OS cannot change. AWS's predefined baselines cannot be
 * updated.
 */
import { defineOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { baselineView, checkBaselineContent } from '../../sim/patching/baselines.js';
import * as m from '../../sim/patching/messages.js';
import type { StoredBaseline } from '../../sim/patching/state.js';
import { invalid, requireBaseline } from './common.js';

export default defineOperation('UpdatePatchBaseline', (input, ctx) => {
  const b = requireBaseline(ctx, input.BaselineId);
  if (b.owner === 'AWS') throw invalid(m.awsBaselineReadOnly(b.BaselineId));
  const replace = input.Replace === true;
  if (replace && input.Name === undefined) throw invalid(m.replaceNeedsName());
  // What the baseline becomes: given members, then (Replace) defaults, else the current values.
  const pick = <K extends keyof StoredBaseline>(k: K, given: StoredBaseline[K] | undefined, reset: StoredBaseline[K]): StoredBaseline[K] =>
    given !== undefined ? structuredClone(given) : replace ? reset : b[k];
  const next: StoredBaseline = {
    ...b,
    Name: input.Name ?? b.Name,
    GlobalFilters: pick('GlobalFilters', input.GlobalFilters, { PatchFilters: [] }),
    ApprovalRules: pick('ApprovalRules', input.ApprovalRules, { PatchRules: [] }),
    ApprovedPatches: pick('ApprovedPatches', input.ApprovedPatches, []),
    ApprovedPatchesComplianceLevel: pick('ApprovedPatchesComplianceLevel', input.ApprovedPatchesComplianceLevel, 'UNSPECIFIED'),
    ApprovedPatchesEnableNonSecurity: pick('ApprovedPatchesEnableNonSecurity', input.ApprovedPatchesEnableNonSecurity, false),
    RejectedPatches: pick('RejectedPatches', input.RejectedPatches, []),
    RejectedPatchesAction: pick('RejectedPatchesAction', input.RejectedPatchesAction, 'ALLOW_AS_DEPENDENCY'),
    Sources: pick('Sources', input.Sources, []),
  };
  const description = input.Description !== undefined ? input.Description : replace ? undefined : b.Description;
  const status = input.AvailableSecurityUpdatesComplianceStatus !== undefined ? input.AvailableSecurityUpdatesComplianceStatus : replace ? undefined : b.AvailableSecurityUpdatesComplianceStatus;
  checkBaselineContent(ctx, b.OperatingSystem, next, invalid);
  delete next.Description;
  delete next.AvailableSecurityUpdatesComplianceStatus;
  if (description !== undefined) next.Description = description;
  if (status !== undefined) next.AvailableSecurityUpdatesComplianceStatus = status;
  next.ModifiedDate = toEpochSeconds(ctx.now);
  next.Revision = b.Revision + 1;
  // Replace the record's content in place: it is the one the slice holds.
  for (const k of Object.keys(b) as (keyof StoredBaseline)[]) if (!(k in next)) delete b[k];
  Object.assign(b, next);
  return baselineView(b);
});
