/**
 * "Calendar State Change" events (user guide, Change Calendar events): when a calendar's state changes
 * on the virtual clock, EventBridge gets {state, atTime, nextTransitionTime} with the calendar
 * document's ARN. A calendar is followed from the moment a version of it becomes Active (the
 * documentWatchers port of sim/documents), and again when its default version changes: a task waits for
 * its next transition, sends the event and waits for the one after. A calendar deleted meanwhile is no longer followed. As AWS documents,
 * calendars shared from other accounts send no events to the account they are shared with.
 */
import type { Ctx } from '../../core/context.js';
import { ServiceError } from '../../core/errors.js';
import { calendarStateAt } from './index.js';

export const CALENDAR_TASK = 'automation.calendar';

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Waits for the calendar's next transition (replacing any wait for it). */
export function followCalendar(ctx: Ctx, name: string): void {
  let next: number | undefined;
  try {
    next = calendarStateAt(ctx, [name], ctx.now).nextTransitionTime;
  } catch (e) {
    if (e instanceof ServiceError) return;
    throw e;
  }
  const key = `calendar:${name}`;
  if (next === undefined) ctx.emu.scheduler.cancel(key);
  else ctx.emu.scheduler.schedule({ at: next, kind: CALENDAR_TASK, account: ctx.account, region: ctx.region, key, payload: { name } });
}

export const calendarTasks = {
  [CALENDAR_TASK](task: { payload: { name: string } }, ctx: Ctx) {
    let state, before;
    try {
      state = calendarStateAt(ctx, [task.payload.name], ctx.now);
      before = calendarStateAt(ctx, [task.payload.name], ctx.now - 1);
    } catch (e) {
      if (e instanceof ServiceError) return; // deleted, or no longer a calendar
      throw e;
    }
    // A transition the calendar's new content no longer has: no event, follow the new one.
    if (state.state === before.state) return followCalendar(ctx, task.payload.name);
    ctx.emu.events.emit(ctx, {
      source: 'aws.ssm',
      detailType: 'Calendar State Change',
      resources: [`arn:aws:ssm:${ctx.region}:${ctx.account}:document/${task.payload.name}`],
      detail: { state: state.state, atTime: iso(ctx.now), ...(state.nextTransitionTime !== undefined && { nextTransitionTime: iso(state.nextTransitionTime) }) },
    });
    followCalendar(ctx, task.payload.name);
  },
};
