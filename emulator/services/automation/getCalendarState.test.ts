import { describe, expect, it } from 'vitest';
import { GetCalendarStateCommand, UpdateDocumentCommand, UpdateDocumentDefaultVersionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { changeCalendars } from '../../sim/calendars/port.js';
import { createCalendar as createCalendarDoc, calendar, calendarEvent as event, execution, expectError, runbook, start } from './testkit.js';

const t = useEmulator();

const createCalendar = (name: string, content: string) => createCalendarDoc(t, name, content);
const state = (CalendarNames: string[], AtTime?: string) => t.ssm.send(new GetCalendarStateCommand({ CalendarNames, ...(AtTime && { AtTime }) }));

describe('GetCalendarState', () => {
  it('DEFAULT_OPEN is CLOSED during an event; answers AtTime and NextTransitionTime in UTC', async () => {
    await createCalendar('Freeze', calendar('DEFAULT_OPEN', [event('1', ['DTSTART:20250102T000000Z', 'DTEND:20250103T000000Z'])]));
    expect(await state(['Freeze'])).toMatchObject({ State: 'OPEN', AtTime: '2025-01-01T00:00:01Z', NextTransitionTime: '2025-01-02T00:00:00Z' });
    expect(await state(['Freeze'], '2025-01-02T06:00:00+0100')).toMatchObject({ State: 'CLOSED', AtTime: '2025-01-02T05:00:00Z', NextTransitionTime: '2025-01-03T00:00:00Z' });
    await t.advance(24 * 3600);
    expect((await state(['Freeze'])).State).toBe('CLOSED');
    const after = await state(['Freeze'], '2025-01-04T00:00:00Z');
    expect(after.State).toBe('OPEN');
    expect(after.NextTransitionTime).toBeUndefined();
  });

  it('sends "Calendar State Change" events when the state changes on the virtual clock', async () => {
    await createCalendar('Freeze', calendar('DEFAULT_OPEN', [event('1', ['DTSTART:20250102T000000Z', 'DTEND:20250103T000000Z'])]));
    await t.advance(2 * 24 * 3600);
    const events = (await t.http.get('/_emulator/events?detail-type=Calendar%20State%20Change')).body.events as any[];
    expect(events.map((e) => [e.time, e.detail, e.resources])).toEqual([
      ['2025-01-02T00:00:00Z', { state: 'CLOSED', atTime: '2025-01-02T00:00:00Z', nextTransitionTime: '2025-01-03T00:00:00Z' }, ['arn:aws:ssm:us-east-1:000000000000:document/Freeze']],
      ['2025-01-03T00:00:00Z', { state: 'OPEN', atTime: '2025-01-03T00:00:00Z' }, ['arn:aws:ssm:us-east-1:000000000000:document/Freeze']],
    ]);
  });

  it('events follow the default version: a new default is followed at once, a newer version that is not the default is not', async () => {
    const freeze = (day: string) => calendar('DEFAULT_OPEN', [event('1', [`DTSTART:202501${day}T000000Z`, `DTEND:202501${day}T120000Z`])]);
    await createCalendar('Freeze', calendar('DEFAULT_OPEN'));
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'Freeze', Content: freeze('03'), DocumentFormat: 'TEXT', DocumentVersion: '$LATEST' }));
    await t.advance(1);
    await t.ssm.send(new UpdateDocumentCommand({ Name: 'Freeze', Content: freeze('02'), DocumentFormat: 'TEXT', DocumentVersion: '$LATEST' }));
    await t.advance(1);
    // Versions 2 and 3 are Active while version 1 (no events) is the default: nothing to follow yet.
    await t.ssm.send(new UpdateDocumentDefaultVersionCommand({ Name: 'Freeze', DocumentVersion: '2' }));
    // Version 3 (a freeze on the 2nd) is not the default: the 2nd passes without an event.
    await t.advance(3 * 24 * 3600);
    const events = (await t.http.get('/_emulator/events?detail-type=Calendar%20State%20Change')).body.events as any[];
    expect(events.map((e) => [e.time, e.detail.state])).toEqual([
      ['2025-01-03T00:00:00Z', 'CLOSED'],
      ['2025-01-03T12:00:00Z', 'OPEN'],
    ]);
  });

  it('DEFAULT_CLOSED is OPEN during recurring events, in the event\'s time zone', async () => {
    // Weekdays 09:00-17:00 New York time.
    await createCalendar('Hours', calendar('DEFAULT_CLOSED', [event('w', ['DTSTART;TZID=America/New_York:20250101T090000', 'DTEND;TZID=America/New_York:20250101T170000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'])]));
    expect(await state(['Hours'], '2025-01-01T15:00:00Z')).toMatchObject({ State: 'OPEN', NextTransitionTime: '2025-01-01T22:00:00Z' });
    expect(await state(['Hours'], '2025-01-04T15:00:00Z')).toMatchObject({ State: 'CLOSED', NextTransitionTime: '2025-01-06T14:00:00Z' });
  });

  it('several calendars: OPEN only when all are open; the port answers the same', async () => {
    await createCalendar('Open', calendar('DEFAULT_OPEN'));
    await createCalendar('Closed', calendar('DEFAULT_CLOSED'));
    expect((await state(['Open'])).State).toBe('OPEN');
    expect((await state(['Open', 'Closed'])).State).toBe('CLOSED');
    const port = t.emu.ports.one(changeCalendars)!;
    expect(port.stateAt(t.emu.context('000000000000', 'us-east-1'), ['Open', 'Closed'], t.emu.clock.now()).state).toBe('CLOSED');
  });

  it('refuses an unknown calendar, a document that is not a calendar, and a bad AtTime', async () => {
    await expectError(state(['Nope']), 'InvalidDocument');
    await expectError(state(['AWS-RunShellScript']), 'InvalidDocumentType');
    await createCalendar('Open', calendar('DEFAULT_OPEN'));
    await expectError(state(['Open'], 'tomorrow'), 'ValidationException');
  });

  it('Automation preferences: an execution that starts while the calendar is CLOSED fails', async () => {
    await createCalendar('Closed', calendar('DEFAULT_CLOSED'));
    await t.http.put('/_emulator/automation/preferences').send({ ChangeCalendarNames: ['Closed'] }).expect(200);
    await runbook(t, 'Nap', { mainSteps: [{ name: 's', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] });
    const ex = await execution(t, await start(t, { DocumentName: 'Nap' }));
    expect(ex.AutomationExecutionStatus).toBe('Failed');
    expect(ex.FailureMessage).toMatch(/change calendar Closed is CLOSED/);
  });
});
