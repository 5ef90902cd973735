/**
 * Change Calendar state, for capabilities that honour CalendarNames (State Manager associations,
 * Automation's change-calendar checks, Change Manager). Provided by the area that implements
 * GetCalendarState (ChangeCalendar documents evaluated against the virtual clock); without a
 * provider every calendar reads as unknown, and callers refuse CalendarNames honestly.
 */
import type { Ctx } from '../../core/context.js';
import { definePort } from '../../core/ports.js';
import type { CalendarState } from '../../generated/ssm/types.js';

export interface CalendarStateAt {
  /** OPEN or CLOSED at `at`. */
  state: CalendarState;
  /** Epoch ms of the next change of state, when there is one. */
  nextTransitionTime?: number;
}

export interface ChangeCalendars {
  /**
   * The combined state of the named calendars (names or ARNs) at epoch ms `at`: CLOSED when any is
   * closed. Throws the errors GetCalendarState answers (an unknown calendar, a document that is not
   * a ChangeCalendar).
   */
  stateAt(ctx: Ctx, names: readonly string[], at: number): CalendarStateAt;
}

export const changeCalendars = definePort<ChangeCalendars>('calendars.state');
