import { defineOperation } from '../../core/operation.js';
import { toEpochSeconds } from '../../core/context.js';
import { ValidationException } from '../../generated/ssm/errors.js';
import {
  checkCutoff,
  checkDates,
  emitWindowState,
  messages,
  parseWindowSchedule,
  scheduleNextOpen,
  windowOrThrow,
  windowUpdateView,
  WINDOW_OPTIONAL,
} from '../../sim/maintenance-windows/index.js';

const REQUIRED = ['Name', 'Schedule', 'Duration', 'Cutoff', 'AllowUnassociatedTargets'] as const;

/**
 * UpdateMaintenanceWindow: "Only specified parameters are modified"; with Replace, every member
 * CreateMaintenanceWindow requires must be given and optional members not given are cleared. The
 * result is checked as a whole (Cutoff < Duration, the schedule with its zone and offset, the dates)
 * before anything changes; a schedule change takes effect now (a cron match already past this period
 * does not run). Enabling or disabling sends the window's state-change event.
 */
export default defineOperation('UpdateMaintenanceWindow', (input, ctx) => {
  const w = windowOrThrow(ctx, input.WindowId);
  if (input.Replace) {
    const missing = REQUIRED.filter((k) => input[k] === undefined);
    if (missing.length) throw new ValidationException(messages.replaceNeeds(missing));
  }
  const next = { ...w };
  for (const k of WINDOW_OPTIONAL) {
    if (input[k] !== undefined) (next as Record<string, unknown>)[k] = input[k];
    else if (input.Replace) delete next[k];
  }
  for (const k of [...REQUIRED, 'Enabled'] as const) if (input[k] !== undefined) (next as Record<string, unknown>)[k] = input[k];
  checkCutoff(next.Cutoff, next.Duration);
  parseWindowSchedule(next.Schedule, next.ScheduleTimezone, next.ScheduleOffset);
  checkDates(next.StartDate, next.EndDate);

  const scheduleChanged = next.Schedule !== w.Schedule || next.ScheduleTimezone !== w.ScheduleTimezone || next.ScheduleOffset !== w.ScheduleOffset;
  const enabledChanged = next.Enabled !== w.Enabled;
  for (const k of WINDOW_OPTIONAL) if (next[k] === undefined) delete w[k];
  Object.assign(w, next, { ModifiedDate: toEpochSeconds(ctx.now) }, scheduleChanged && { ScheduleAnchor: ctx.now });
  if (enabledChanged) emitWindowState(ctx, w.WindowId, w.Enabled);
  scheduleNextOpen(ctx, w);
  return windowUpdateView(w);
});
