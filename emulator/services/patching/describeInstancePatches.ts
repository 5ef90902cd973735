/**
 * DescribeInstancePatches: the patches of a node's last Scan or Install and their states, filtered by
 * Classification, KBId, Severity and State (any of the values). States are reported as the CLI shows
 * them: Installed, InstalledOther, InstalledPendingReboot, InstalledRejected, Missing, NotApplicable,
 * Failed, AvailableSecurityUpdate. For InstalledOther and NotApplicable patches "Patch Manager omits
 * some data ... such as the values for Classification and Severity"; CVE ids are "reported only for
 * patches with a status of Missing or Failed"; a patch that is not installed has InstalledTime 0.
 * MaxResults 10-100; default 50 [unverified].
 */
import { defineOperation } from '../../core/operation.js';
import { pageSorted } from '../../core/pagination.js';
import { InvalidFilter, InvalidInstanceId } from '../../generated/ssm/errors.js';
import type { PatchComplianceData } from '../../generated/ssm/types.js';
import { getInstance } from '../../sim/fleet/state.js';
import { catalogByName } from '../../sim/patching/catalog.js';
import * as m from '../../sim/patching/messages.js';
import { STATE } from '../../sim/patching/scan.js';
import { nodeRecord, STATE_CODES } from '../../sim/patching/state.js';
import { badToken, orchestratorFilters, seqKey } from './common.js';
import { DEFAULT_PAGE } from './describePatchBaselines.js';

const KEYS = ['Classification', 'KBId', 'Severity', 'State'] as const;

export default defineOperation('DescribeInstancePatches', (input, ctx) => {
  if (!getInstance(ctx, input.InstanceId)) throw new InvalidInstanceId(m.instanceNotFound(input.InstanceId));
  const f = orchestratorFilters(input.Filters, KEYS, (msg) => new InvalidFilter(msg));
  const record = nodeRecord(ctx, input.InstanceId);
  const catalog = record?.Catalog ? catalogByName(ctx.emu, record.Catalog) : undefined;
  const rows: { n: number; data: PatchComplianceData }[] = [];
  (record?.Report ?? []).forEach(([key, code, installed], n) => {
    const p = catalog?.byKey.get(key);
    const brief = code === STATE.InstalledOther || code === STATE.NotApplicable;
    const data: PatchComplianceData = {
      Title: brief ? '' : (p?.title ?? key),
      KBId: p?.kbId ?? key,
      Classification: brief ? '' : (p?.classification ?? ''),
      Severity: brief ? '' : (p?.severity ?? ''),
      State: STATE_CODES[code] as PatchComplianceData['State'],
      InstalledTime: installed,
      ...((code === STATE.Missing || code === STATE.Failed) && p?.wire.CVEIds?.length && { CVEIds: p.wire.CVEIds.join(',') }),
    };
    const ok = (k: (typeof KEYS)[number]) => !f.has(k) || f.get(k)!.includes(String(data[k]));
    if (KEYS.every(ok)) rows.push({ n, data });
  });
  const { page, nextToken } = pageSorted(rows, (r) => seqKey(r.n), input.MaxResults ?? DEFAULT_PAGE, input.NextToken, badToken);
  return { Patches: page.map((r) => r.data), ...(nextToken && { NextToken: nextToken }) };
});
