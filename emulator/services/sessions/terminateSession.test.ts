import { describe, expect, it } from 'vitest';
import { DescribeSessionsCommand, TerminateSessionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { FLEET, openSession, startSession } from './testkit.js';

const t = useEmulator({ fleet: FLEET });

describe('TerminateSession', () => {
  it('ends a session: Terminating, then Terminated with an EndDate a second later', async () => {
    const s = await startSession(t);
    expect(await t.ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }))).toMatchObject({ SessionId: s.SessionId });
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'Active' }))).Sessions![0].Status).toBe('Terminating');
    await t.advance(1);
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'History' }))).Sessions![0]).toMatchObject({
      Status: 'Terminated',
      EndDate: new Date('2025-01-01T00:00:01Z'),
    });
  });

  it('closes the data channel: channel_closed, then the socket', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('sh-5.2$ ');
    await t.ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }));
    expect(await s.client.closed).toEqual({ code: 1000, reason: 'Session terminated' });
    expect(s.client.channelClosed).toMatchObject({ SessionId: s.SessionId, Output: '' });
  });

  it('leaves an unknown or already ended session as it is, answering its id', async () => {
    expect(await t.ssm.send(new TerminateSessionCommand({ SessionId: 'root-0123456789abcdef0' }))).toMatchObject({ SessionId: 'root-0123456789abcdef0' });
    const s = await startSession(t);
    await t.ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }));
    await t.advance(5);
    await t.ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }));
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'History' }))).Sessions![0].EndDate).toEqual(new Date('2025-01-01T00:00:01Z'));
  });

  it('sends the CloudTrail event', async () => {
    const s = await startSession(t);
    await t.ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }));
    const names = (await t.http.get('/_emulator/events')).body.events.map((e: any) => e.detail.eventName);
    expect(names).toEqual(['StartSession', 'TerminateSession']);
  });

  it('requires a SessionId (ValidationException)', async () => {
    expect((await t.rpc('TerminateSession', {})).body.__type).toBe('ValidationException');
  });
});
