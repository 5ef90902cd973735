import { defineOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { mergedTags } from '../../sim/tags/model.js';
import {
  checkCutoff,
  checkDates,
  checkWindowQuota,
  givenMembers,
  WINDOW_OPTIONAL,
  parseWindowSchedule,
  scheduleNextOpen,
  windowsOf,
  type WindowRecord,
} from '../../sim/maintenance-windows/index.js';
import { withClientToken } from './clientToken.js';

/**
 * CreateMaintenanceWindow: checks the schedule (cron/rate/at under the window rules, time zone,
 * offset), Cutoff < Duration, the dates, the tags and the quota, then stores the window (enabled)
 * and schedules its first opening. A ClientToken retry answers the first answer.
 */
export default defineOperation('CreateMaintenanceWindow', (input, ctx) =>
  withClientToken(ctx, input, () => {
    checkCutoff(input.Cutoff, input.Duration);
    parseWindowSchedule(input.Schedule, input.ScheduleTimezone, input.ScheduleOffset);
    checkDates(input.StartDate, input.EndDate);
    const tags = mergedTags([], input.Tags ?? []);
    checkWindowQuota(ctx);
    const slice = windowsOf(ctx);
    const now = toEpochSeconds(ctx.now);
    const w: WindowRecord = {
      Seq: ++slice.seq,
      WindowId: `mw-${ctx.emu.ids.hex(17)}`,
      Name: input.Name,
      ...givenMembers(input, WINDOW_OPTIONAL),
      Schedule: input.Schedule,
      Duration: input.Duration,
      Cutoff: input.Cutoff,
      AllowUnassociatedTargets: input.AllowUnassociatedTargets,
      Enabled: true,
      CreatedDate: now,
      ModifiedDate: now,
      Tags: tags,
      ScheduleAnchor: ctx.now,
      Targets: {},
      Tasks: {},
      ChildSeq: 0,
      Executions: [],
    };
    slice.windows[w.WindowId] = w;
    scheduleNextOpen(ctx, w);
    return { WindowId: w.WindowId };
  }),
);
