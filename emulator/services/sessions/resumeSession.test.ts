import { describe, expect, it } from 'vitest';
import { ResumeSessionCommand, TerminateSessionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { DataChannelClient } from '../../testing/datachannel-client.js';
import { FLEET, openSession, startSession, waitForStatus } from './testkit.js';

const t = useEmulator({ fleet: FLEET });

describe('ResumeSession', () => {
  it('gives a disconnected session a new token that reconnects it to the same shell; the old token stops working', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    s.client.type('cd /tmp; greeting=hello\r');
    await s.client.waitForOutput('\r\nsh-5.2$ ', 5000);
    s.client.close();
    await waitForStatus(t, s.SessionId, 'Disconnected');

    const r = await t.ssm.send(new ResumeSessionCommand({ SessionId: s.SessionId }));
    expect(r.SessionId).toBe(s.SessionId);
    expect(r.StreamUrl).toBe(s.StreamUrl);
    expect(r.TokenValue).not.toBe(s.TokenValue);

    const old = await DataChannelClient.open(s.StreamUrl, s.TokenValue);
    expect((await old.closed).code).toBe(1008);

    // The channel goes on where it was: the client keeps its sequence numbers, as the plugin does.
    const again = await DataChannelClient.open(r.StreamUrl!, r.TokenValue!, { continueFrom: s.client });
    await waitForStatus(t, s.SessionId, 'Connected');
    again.type('echo "$greeting from $(pwd)"\r');
    await again.waitForOutput('hello from /tmp\r\n');
    again.close();
  });

  it('answers an ended session with its id and no token (the plugin reports it timed out)', async () => {
    const s = await startSession(t);
    await t.ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }));
    const r = await t.ssm.send(new ResumeSessionCommand({ SessionId: s.SessionId }));
    expect(r).toMatchObject({ SessionId: s.SessionId });
    expect(r.TokenValue).toBeUndefined();
    expect(r.StreamUrl).toBeUndefined();
  });

  it('answers DoesNotExistException for an unknown session', async () => {
    await expectError(t.ssm.send(new ResumeSessionCommand({ SessionId: 'root-0123456789abcdef0' })), 'DoesNotExistException', /root-0123456789abcdef0/);
  });
});
