import { defineOperation } from '../../core/operation.js';
import { decodeToken, encodeToken } from '../../core/pagination.js';
import { DoesNotExistException, ValidationException } from '../../generated/ssm/errors.js';
import type { ScheduledWindowExecution } from '../../generated/ssm/types.js';
import {
  formatScheduleTime,
  getWindow,
  messages,
  upcomingRuns,
  windowCoversTargets,
  windowsInOrder,
  type WindowRecord,
} from '../../sim/maintenance-windows/index.js';
import { DEFAULT_MAX_RESULTS } from './paging.js';
import { scheduleFilters } from './filters.js';

interface Cursor {
  /** The last run answered (epoch ms) and its window: the next page starts after them. */
  t: number;
  w: string;
}

/**
 * DescribeMaintenanceWindowSchedule: the upcoming runs of one window (WindowId), of the windows
 * registered for a target (Targets + ResourceType), or of every window when neither is given
 * [unverified], earliest first, each in its window's time zone as AWS writes it. Filters
 * ScheduledAfter (inclusive) and ScheduledBefore (inclusive) bound the times [unverified:
 * inclusiveness is not documented]. A page holds MaxResults runs (default 50); NextToken continues
 * after the last one. Disabled windows have no runs.
 */
export default defineOperation('DescribeMaintenanceWindowSchedule', (input, ctx) => {
  let windows: WindowRecord[];
  if (input.WindowId !== undefined) {
    const w = getWindow(ctx, input.WindowId);
    if (!w) throw new DoesNotExistException(messages.windowNotFound(input.WindowId));
    windows = [w];
  } else if (input.Targets !== undefined) {
    if (input.ResourceType === undefined) throw new ValidationException(messages.targetsNeedResourceType());
    windows = windowsInOrder(ctx).filter((w) => windowCoversTargets(ctx, w, input.Targets!, input.ResourceType!));
  } else {
    windows = windowsInOrder(ctx);
  }
  const { test, after, before } = scheduleFilters(input.Filters);
  const max = input.MaxResults ?? DEFAULT_MAX_RESULTS;
  const invalid = () => new ValidationException(messages.invalidNextToken());
  const cursor = input.NextToken === undefined ? undefined : decodeToken<Cursor>(input.NextToken, invalid);
  if (cursor && (typeof cursor.t !== 'number' || typeof cursor.w !== 'string')) throw invalid();
  // Runs strictly after `from`; runs at the cursor's instant belong to windows after the cursor's.
  const from = Math.max(ctx.now, after - 1, cursor ? cursor.t - 1 : -Infinity);
  const runs: { at: number; w: WindowRecord }[] = [];
  for (const w of windows) {
    for (const at of upcomingRuns(w, from, max + 1)) {
      if (at > before) break;
      if (!test(at)) continue;
      if (cursor && (at < cursor.t || (at === cursor.t && w.WindowId <= cursor.w))) continue;
      runs.push({ at, w });
    }
  }
  runs.sort((a, b) => a.at - b.at || (a.w.WindowId < b.w.WindowId ? -1 : 1));
  const pageRuns = runs.slice(0, max);
  const out: ScheduledWindowExecution[] = pageRuns.map(({ at, w }) => ({ WindowId: w.WindowId, Name: w.Name, ExecutionTime: formatScheduleTime(at, w.ScheduleTimezone) }));
  const last = pageRuns[pageRuns.length - 1];
  return { ScheduledWindowExecutions: out, ...(runs.length > max && last && { NextToken: encodeToken({ t: last.at, w: last.w.WindowId } satisfies Cursor) }) };
});
