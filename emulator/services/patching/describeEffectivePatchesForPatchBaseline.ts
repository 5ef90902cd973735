/**
 * DescribeEffectivePatchesForPatchBaseline: the patches in a baseline now, with their approval state
 * (APPROVED, PENDING_APPROVAL, EXPLICIT_APPROVED, EXPLICIT_REJECTED), compliance level and approval
 * date. "Applies to patch baselines for Windows only": another OS is UnsupportedOperatingSystem.
 * The evaluation is cached per baseline revision and day (sim/patching/approval.ts), so paging a large
 * catalog costs a slice. MaxResults 1-100; default 50 [unverified].
 */
import { defineOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { pageSorted } from '../../core/pagination.js';
import { UnsupportedOperatingSystem } from '../../generated/ssm/errors.js';
import type { EffectivePatch } from '../../generated/ssm/types.js';
import { DEPLOYMENT, evaluate, type Evaluation } from '../../sim/patching/approval.js';
import { catalogsFor } from '../../sim/patching/catalog.js';
import * as m from '../../sim/patching/messages.js';
import { LEVEL_CODES } from '../../sim/patching/state.js';
import { badToken, requireBaseline, seqKey } from './common.js';
import { DEFAULT_PAGE } from './describePatchBaselines.js';

interface Row {
  e: Evaluation;
  i: number;
}
const rowKey = (r: Row) => `${r.e.catalog.name}\u0000${seqKey(r.e.catalog.patches[r.i].order)}`;

export default defineOperation('DescribeEffectivePatchesForPatchBaseline', (input, ctx) => {
  const b = requireBaseline(ctx, input.BaselineId);
  if (b.OperatingSystem !== 'WINDOWS') throw new UnsupportedOperatingSystem(m.effectivePatchesWindowsOnly(b.OperatingSystem));
  const now = toEpochSeconds(ctx.now);
  const rows: Row[] = [];
  for (const catalog of catalogsFor(ctx.emu, 'WINDOWS')) {
    const e = evaluate(b, catalog, now);
    for (let k = e.effective.length - 1; k >= 0; k--) rows.push({ e, i: e.effective[k] });
  }
  const { page, nextToken } = pageSorted(rows, rowKey, input.MaxResults ?? DEFAULT_PAGE, input.NextToken, badToken);
  const EffectivePatches: EffectivePatch[] = page.map(({ e, i }) => {
    const date = e.approvalDate[i];
    return {
      Patch: { ...e.catalog.patches[i].wire },
      PatchStatus: { DeploymentStatus: DEPLOYMENT[e.status[i]], ComplianceLevel: LEVEL_CODES[e.level[i]], ...(!Number.isNaN(date) && { ApprovalDate: date }) },
    };
  });
  return { EffectivePatches, ...(nextToken && { NextToken: nextToken }) };
});
