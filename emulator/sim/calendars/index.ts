/**
 * Change calendars by name: the documents (the caller's own, or shared with it by ARN), their state
 * at an instant, and the changeCalendars port implementation that the automation area provides.
 * GetCalendarState's errors are thrown here: InvalidDocument (no such document), InvalidDocumentType
 * (not a ChangeCalendar), UnsupportedCalendarException (content ical.js cannot read).
 */
import type { Ctx } from '../../core/context.js';
import { InvalidDocumentType, UnsupportedCalendarException } from '../../generated/ssm/errors.js';
import { resolveDocument } from '../documents/index.js';
import { CalendarContentError, combinedState } from './calendar.js';
import type { CalendarStateAt, ChangeCalendars } from './port.js';
import * as m from '../automation/messages.js';

export { combinedState, timeline, parseCalendar, HORIZON_MS } from './calendar.js';

/** The state of the named calendars at epoch ms `at`. */
export function calendarStateAt(ctx: Ctx, names: readonly string[], at: number): CalendarStateAt {
  const texts = names.map((name) => {
    const doc = resolveDocument(ctx, { name }, { types: ['ChangeCalendar'], typeError: (msg) => new InvalidDocumentType(msg) });
    return { name: doc.name, content: doc.content };
  });
  try {
    const r = combinedState(
      texts.map((t) => t.content),
      at,
    );
    return { state: r.open ? 'OPEN' : 'CLOSED', ...(r.next !== undefined && { nextTransitionTime: r.next }) };
  } catch (e) {
    if (e instanceof CalendarContentError) throw new UnsupportedCalendarException(m.unsupportedCalendar(names.join(', '), e.message));
    throw e;
  }
}

export const calendarPort: ChangeCalendars = { stateAt: calendarStateAt };
