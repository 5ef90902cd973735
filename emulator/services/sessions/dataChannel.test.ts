/**
 * The data channel at StreamUrl, through the test client (emulator/testing/datachannel-client.ts):
 * refusals, frames, acknowledgements and resends, the terminal, endings, timeouts, session types.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { GetDocumentCommand, StartSessionCommand, TerminateSessionCommand, UpdateDocumentCommand, UpdateDocumentDefaultVersionCommand } from '@aws-sdk/client-ssm';
import { useEmulator, TEST_START } from '../../testing/harness.js';
import { DataChannelClient } from '../../testing/datachannel-client.js';
import { decodeFrame, encodeFrame, Flag, flagPayload, MessageType, PayloadType } from '../../sim/sessions/frames.js';
import { FLEET, LINUX, UBUNTU, WINDOWS, controlSessions, openSession, startSession, waitForStatus } from './testkit.js';

const t = useEmulator({ fleet: FLEET });

async function setPreferences(inputs: Record<string, unknown>): Promise<void> {
  const doc = JSON.parse((await t.ssm.send(new GetDocumentCommand({ Name: 'SSM-SessionManagerRunShell' }))).Content!);
  Object.assign(doc.inputs, inputs);
  const up = await t.ssm.send(new UpdateDocumentCommand({ Name: 'SSM-SessionManagerRunShell', Content: JSON.stringify(doc), DocumentVersion: '$LATEST' }));
  await t.ssm.send(new UpdateDocumentDefaultVersionCommand({ Name: 'SSM-SessionManagerRunShell', DocumentVersion: up.DocumentDescription!.DocumentVersion }));
}

describe('data channel: who may connect', () => {
  it('closes the socket with 1008 and a clear reason for an unknown session, a wrong token, an ended session, or no token first', async () => {
    const s = await startSession(t);
    const url = s.StreamUrl.replace(s.SessionId, 'root-00000000000000000');
    expect(await (await DataChannelClient.open(url, s.TokenValue)).closed).toEqual({ code: 1008, reason: 'Session root-00000000000000000 does not exist' });
    expect(await (await DataChannelClient.open(s.StreamUrl, 'not-the-token')).closed).toEqual({ code: 1008, reason: 'Invalid TokenValue: call ResumeSession for a new token' });
    expect((await (await DataChannelClient.open(s.StreamUrl, s.TokenValue, { rawFirstMessage: 'hello' })).closed).code).toBe(1008);
    expect((await (await DataChannelClient.open(s.StreamUrl, s.TokenValue, { rawFirstMessage: Buffer.from([1, 2, 3]) })).closed).reason).toMatch(/first message must be/);
    await t.ssm.send(new TerminateSessionCommand({ SessionId: s.SessionId }));
    await t.advance(1);
    expect(await (await DataChannelClient.open(s.StreamUrl, s.TokenValue)).closed).toEqual({ code: 1008, reason: `Session ${s.SessionId} has ended (Terminated)` });
  });

  it('marks the session Connected, then Disconnected when the socket drops', async () => {
    const s = await openSession(t);
    await waitForStatus(t, s.SessionId, 'Connected');
    expect((await controlSessions(t))[0].connected).toBe(true);
    s.client.close();
    await waitForStatus(t, s.SessionId, 'Disconnected');
  });

  it('cuts the connection on POST /_emulator/sessions/{id}/disconnect (Disconnected, resumable); 404 unknown, 409 without a client', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    const cut = await t.http.post(`/_emulator/sessions/${s.SessionId}/disconnect`);
    expect(cut.status).toBe(200);
    expect(cut.body.session.SessionId).toBe(s.SessionId);
    const closed = await s.client.closed;
    expect(closed.code).toBe(1006); // no close frame: as a network failure
    await waitForStatus(t, s.SessionId, 'Disconnected');
    expect((await t.http.post(`/_emulator/sessions/${s.SessionId}/disconnect`)).status).toBe(409);
    expect((await t.http.post('/_emulator/sessions/root-00000000000000000/disconnect')).status).toBe(404);
  });

  it('lets a second connection with the token take over the session, closing the first', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    const second = await DataChannelClient.open(s.StreamUrl, s.TokenValue, { continueFrom: s.client });
    expect((await s.client.closed).reason).toBe('Another connection opened this session');
    second.type('echo taken over\r');
    await second.waitForOutput('taken over\r\n');
    second.close();
  });
});

describe('data channel: frames and reliability', () => {
  it('sends frames with the right header: length 116, the virtual CreatedDate, a SHA-256 digest, SYN on the first', async () => {
    await t.http.post('/_emulator/clock').send({ now: '2025-03-04T05:06:07.000Z' });
    const s = await startSession(t);
    const raw: Buffer[] = [];
    const ws = new WebSocket(s.StreamUrl);
    ws.on('message', (d: Buffer, binary) => binary && raw.push(Buffer.from(d)));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ MessageSchemaVersion: '1.0', RequestId: 'r', TokenValue: s.TokenValue }));
    for (let i = 0; i < 500 && !raw.length; i++) await new Promise((r) => setTimeout(r, 5));
    ws.close();
    const buf = raw[0]!;
    expect(buf.readUInt32BE(0)).toBe(116);
    expect(buf.toString('latin1', 4, 36)).toBe('output_stream_data'.padEnd(32, ' '));
    expect(buf.readUInt32BE(36)).toBe(1);
    expect(Number(buf.readBigUInt64BE(40))).toBe(Date.parse('2025-03-04T05:06:07.000Z'));
    expect(Number(buf.readBigInt64BE(48))).toBe(0);
    expect(Number(buf.readBigUInt64BE(56))).toBe(1);
    const payload = buf.subarray(120);
    expect(buf.readUInt32BE(116)).toBe(payload.length);
    expect(buf.subarray(80, 112)).toEqual(createHash('sha256').update(payload).digest());
    expect(buf.readUInt32BE(112)).toBe(PayloadType.Output);
    expect(payload.toString()).toBe('sh-5.2$ ');
  });

  it('acknowledges every sequenced input, processes it in order, and drops a resend', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    const c = s.client;
    // seq 1 before seq 0: processed 0 then 1 once both are there
    const second = c.input(PayloadType.Output, 'echo two\r', { seq: 1, send: false });
    const first = c.input(PayloadType.Output, 'echo one; ', { seq: 0, send: false });
    c.resend(second);
    c.resend(first);
    c.resend(first); // a duplicate
    await c.waitForOutput('two\r\n');
    await c.waitFor(() => c.acked.has(0) && c.acked.has(1), 'acknowledgements');
    expect(c.output()).toBe('sh-5.2$ echo one; echo two\r\none\r\ntwo\r\nsh-5.2$ ');
    expect(c.frames.filter((f) => f.messageType === MessageType.Acknowledge)).toHaveLength(3);
  });

  it('sends unacknowledged output again until the client acknowledges it', async () => {
    const s = await openSession(t, {}, { autoAck: false });
    const c = s.client;
    await c.waitFor(() => c.frames.filter((f) => f.sequenceNumber === 0 && f.messageType === MessageType.Output).length >= 2, 'a resend', 3000);
    c.ack(c.frames[0]!);
    const count = () => c.frames.filter((f) => f.sequenceNumber === 0 && f.messageType === MessageType.Output).length;
    const seen = count();
    // no more resends once acknowledged: a new frame (the echo) arrives, but frame 0 does not again
    c.type('x');
    await c.waitFor(() => c.frames.some((f) => f.sequenceNumber === 1), 'the echo');
    c.ack(c.frames.find((f) => f.sequenceNumber === 1)!);
    expect(count()).toBe(seen);
  });

  it('ignores frames it cannot read, and goes on', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    s.client.ws.send(Buffer.from('garbage'));
    s.client.ws.send(Buffer.alloc(200, 0xff));
    const bad = encodeFrame({ messageType: MessageType.Input, sequenceNumber: 0, payloadType: PayloadType.Size, payload: 'not json', createdDate: 1 });
    s.client.ws.send(bad);
    s.client.input(PayloadType.Output, 'echo fine\r', { seq: 1 });
    await s.client.waitForOutput('fine\r\n');
  });
});

describe('data channel: the terminal', () => {
  it('echoes keys, erases with Backspace, abandons a line with Ctrl-C, swallows arrow keys', async () => {
    const { client: c } = await openSession(t);
    await c.waitForOutput('sh-5.2$ ');
    c.type('echo hellp\x7fo');
    c.type('\x1b[A\x1b[D');
    c.type('\r');
    await c.waitForOutput('hello\r\nsh-5.2$ ');
    c.type('rm -rf /\x03');
    await c.waitForOutput('rm -rf /^C\r\nsh-5.2$ ');
    expect(c.output()).toBe('sh-5.2$ echo hellp\b \bo\r\nhello\r\nsh-5.2$ rm -rf /^C\r\nsh-5.2$ ');
  });

  it('keeps state between lines, continues an unfinished statement with "> ", and takes the terminal size', async () => {
    const { client: c } = await openSession(t);
    await c.waitForOutput('$ ');
    c.input(PayloadType.Size, JSON.stringify({ cols: 120, rows: 40 }));
    c.type('cd /var/log; n=3\r');
    c.type('for i in 1 2; do\r');
    await c.waitForOutput('\r\n> ');
    c.type('echo "$i:$n:$(pwd):$COLUMNS"; done\r');
    await c.waitForOutput('1:3:/var/log:120\r\n2:3:/var/log:120\r\nsh-5.2$ ');
  });

  it('runs as ssm-user in /usr/bin with HOME, and dash on Ubuntu prompts "$ "', async () => {
    const { client: c } = await openSession(t);
    await c.waitForOutput('$ ');
    c.type('whoami; pwd; echo $HOME\r');
    await c.waitForOutput('ssm-user\r\n/usr/bin\r\n/home/ssm-user\r\n');
    const u = await openSession(t, { Target: UBUNTU });
    await u.client.waitForOutput('$ ');
    expect(u.client.output()).toBe('$ ');
  });

  it('ends on exit: "exit", channel_closed, the socket closed, the session Terminated', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    s.client.type('exit 4\r');
    expect(await s.client.closed).toEqual({ code: 1000, reason: 'Session terminated' });
    expect(s.client.output().endsWith('exit 4\r\nexit\r\n')).toBe(true);
    expect(s.client.channelClosed).toMatchObject({ Output: '', SessionId: s.SessionId });
    await t.advance(1);
    await waitForStatus(t, s.SessionId, 'Terminated');
  });

  it('ends on Ctrl-D at an empty prompt, and on the TerminateSession flag', async () => {
    const a = await openSession(t);
    await a.client.waitForOutput('$ ');
    a.client.type('\x04');
    expect((await a.client.closed).code).toBe(1000);
    const b = await openSession(t);
    await b.client.waitForOutput('$ ');
    b.client.input(PayloadType.Flag, flagPayload(Flag.TerminateSession));
    expect((await b.client.closed).code).toBe(1000);
    await waitForStatus(t, b.SessionId, 'Terminating');
  });

  it('runs the shell profile of the preferences first, as if typed', async () => {
    await setPreferences({ shellProfile: { linux: 'cd /tmp\nexport GREETING=hi', windows: '' } });
    await t.advance(1);
    const { client: c } = await openSession(t);
    await c.waitForOutput('GREETING=hi\r\nsh-5.2$ ');
    expect(c.output()).toBe('sh-5.2$ cd /tmp\r\nsh-5.2$ export GREETING=hi\r\nsh-5.2$ ');
    c.type('echo $GREETING $(pwd)\r');
    await c.waitForOutput('hi /tmp\r\n');
  });

  it('gives Windows nodes PowerShell, with its banner and prompt', async () => {
    const { client: c } = await openSession(t, { Target: WINDOWS });
    await c.waitForOutput('PS C:\\Windows\\system32> ');
    expect(c.output()).toBe('Windows PowerShell\r\nCopyright (C) Microsoft Corporation. All rights reserved.\r\n\r\nPS C:\\Windows\\system32> ');
    c.type('$n = 6 * 7\r');
    c.type('"answer $n"\r');
    await c.waitForOutput('answer 42\r\nPS C:\\Windows\\system32> ');
  });
});

describe('data channel: what a session changes', () => {
  it('keeps service changes in the session: the node and other sessions still see the service running', async () => {
    const nodeRecord = async () => ((await t.http.get('/_emulator/fleet/instances')).body.instances as any[]).find((n) => n.InstanceId === LINUX);
    const before = await nodeRecord();
    const a = await openSession(t);
    await a.client.waitForOutput('sh-5.2$ ');
    a.client.type('sudo systemctl stop sshd; systemctl is-active sshd\r');
    await a.client.waitForOutput('inactive\r\nsh-5.2$ ', 5000);
    const b = await openSession(t);
    await b.client.waitForOutput('sh-5.2$ ');
    b.client.type('systemctl is-active sshd\r');
    await b.client.waitForOutput('\r\nactive\r\nsh-5.2$ ', 5000);
    expect(before).toBeDefined();
    expect(await nodeRecord()).toEqual(before);
    a.client.close();
    b.client.close();
  });
});

describe('data channel: timeouts on the virtual clock', () => {
  it('ends a session idle for idleSessionTimeout (20 minutes), counting from the last input', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    await t.advance(15 * 60);
    s.client.type('true\r');
    await s.client.waitForOutput('$ true\r\n');
    await t.advance(15 * 60);
    expect((await controlSessions(t))[0].Status).toBe('Connected');
    await t.advance(6 * 60);
    expect(await s.client.closed).toEqual({ code: 1000, reason: 'Session terminated' });
    expect(s.client.channelClosed!.Output).toMatch(/timed out due to inactivity \(20 minutes\)/);
    const [rec] = await controlSessions(t);
    expect(rec).toMatchObject({ Status: 'Terminated', EndDate: Date.parse('2025-01-01T00:35:00Z') / 1000 });
  });

  it('ends a session at maxSessionDuration whatever happens', async () => {
    await setPreferences({ maxSessionDuration: '2', idleSessionTimeout: '60' });
    await t.advance(1);
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    await t.advance(120);
    expect((await s.client.closed).code).toBe(1000);
    expect(s.client.channelClosed!.Output).toMatch(/maximum session duration \(2 minutes\)/);
    expect((await controlSessions(t))[0].EndDate).toBe((TEST_START + 121_000) / 1000);
  });

  it('ends a session that never connects after the idle timeout too', async () => {
    const s = await startSession(t);
    await t.advance(20 * 60);
    await waitForStatus(t, s.SessionId, 'Terminated');
  });

  it("ends the sessions of a node whose agent stops, or that leaves the fleet", async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    await t.http.post(`/_emulator/fleet/instances/${LINUX}/stop-agent`).send({});
    expect((await s.client.closed).code).toBe(1000);
    expect(s.client.channelClosed!.Output).toMatch(/SSM Agent on i-0a0000000000000a1 stopped/);
    const u = await openSession(t, { Target: UBUNTU });
    await u.client.waitForOutput('$ ');
    await t.http.delete(`/_emulator/fleet/instances/${UBUNTU}`);
    expect(u.client.channelClosed ?? (await u.client.closed, u.client.channelClosed)).toMatchObject({ Output: expect.stringMatching(/no longer a managed node/) });
  });

  it('ends sessions that had a data channel when state is restored (their shells are gone); Connecting ones can still connect', async () => {
    const s = await openSession(t);
    await waitForStatus(t, s.SessionId, 'Connected');
    const waiting = await startSession(t, { Target: UBUNTU });
    const snapshot = (await t.http.get('/_emulator/state')).body;
    expect((await t.http.post('/_emulator/state').send(snapshot)).status).toBe(200);
    expect((await s.client.closed).code).toBe(1012);
    const sessions = await controlSessions(t);
    expect(sessions.find((x) => x.SessionId === s.SessionId)).toMatchObject({ Status: 'Terminated', EndReason: expect.stringMatching(/state was restored/) });
    const late = await DataChannelClient.open(waiting.StreamUrl, waiting.TokenValue);
    await late.waitForOutput('$ ');
    late.close();
  });

  it('closes live sockets when the emulator is reset', async () => {
    const s = await openSession(t);
    await s.client.waitForOutput('$ ');
    await t.http.post('/_emulator/reset').send({});
    expect(await s.client.closed).toEqual({ code: 1012, reason: 'The emulator was reset' });
  });
});

describe('data channel: commands', () => {
  it('AWS-StartInteractiveCommand runs the command on a terminal and ends (no handshake)', async () => {
    const s = await openSession(t, { DocumentName: 'AWS-StartInteractiveCommand', Parameters: { command: ['echo one; echo two >&2; whoami'] } });
    await s.client.closed;
    expect(s.client.output()).toBe('one\r\ntwo\r\nssm-user\r\n');
    expect(s.client.processed.some((f) => f.payloadType === PayloadType.HandshakeRequest)).toBe(false);
    await t.advance(1);
    await waitForStatus(t, s.SessionId, 'Terminated');
  });

  it('AWS-StartNonInteractiveCommand handshakes first, then sends the output and ends', async () => {
    const s = await openSession(t, { DocumentName: 'AWS-StartNonInteractiveCommand', Parameters: { command: ['echo hello; exit 3'] } });
    await s.client.closed;
    const [req] = s.client.processed;
    expect(req!.payloadType).toBe(PayloadType.HandshakeRequest);
    expect(JSON.parse(req!.payload.toString())).toEqual({
      AgentVersion: '3.0.161.0',
      RequestedClientActions: [{ ActionType: 'SessionType', ActionParameters: { SessionType: 'NonInteractiveCommands', Properties: null } }],
    });
    expect(s.client.processed[1]!.payloadType).toBe(PayloadType.HandshakeComplete);
    expect(JSON.parse(s.client.processed[1]!.payload.toString())).toEqual({ HandshakeTimeToComplete: 0, CustomerMessage: '' });
    expect(s.client.output()).toBe('hello\n');
  });

  it('separates stdout, stderr and the exit code when separateOutputStream is true, with the prefixes', async () => {
    const s = await openSession(t, {
      DocumentName: 'AWS-StartNonInteractiveCommand',
      Parameters: { command: ['echo out1; echo err1 >&2; echo out2; exit 3'], separateOutputStream: ['true'], stdoutSeparatorPrefix: ['STDOUT:'], stderrSeparatorPrefix: ['STDERR:'] },
    });
    await s.client.closed;
    expect(s.client.output([PayloadType.Output])).toBe('STDOUT:out1\nout2\n');
    expect(s.client.output([PayloadType.StdErr])).toBe('STDERR:err1\n');
    expect(s.client.output([PayloadType.ExitCode])).toBe('EXIT_CODE: 3');
  });

  it('fails a session whose client refuses the handshake, and answers a duplicate handshake response once', async () => {
    const refused = await openSession(t, { DocumentName: 'AWS-StartNonInteractiveCommand', Parameters: { command: ['true'] } }, { handshake: 'refuse' });
    await refused.client.closed;
    expect(refused.client.channelClosed!.Output).toBe('Encountered error while initiating handshake. refused by the test');
    await waitForStatus(t, refused.SessionId, 'Failed');

    const dup = await openSession(t, { DocumentName: 'AWS-StartNonInteractiveCommand', Parameters: { command: ['echo once'] } }, { handshake: 'ignore' });
    await dup.client.waitFor(() => dup.client.processed.length > 0, 'the handshake request');
    const seq = dup.client.answerHandshake();
    dup.client.resend(seq);
    dup.client.answerHandshake();
    await dup.client.closed;
    expect(dup.client.processed.filter((f) => f.payloadType === PayloadType.HandshakeComplete)).toHaveLength(1);
    expect(dup.client.output()).toBe('once\n');
  });

  it('a client that never answers the handshake leaves the session waiting (until the idle timeout)', async () => {
    const s = await openSession(t, { DocumentName: 'AWS-StartNonInteractiveCommand', Parameters: { command: ['echo never'] } }, { handshake: 'ignore', clientVersion: false });
    await s.client.waitFor(() => s.client.processed.length > 0, 'the handshake request');
    await waitForStatus(t, s.SessionId, 'Connected');
    await t.advance(20 * 60);
    expect((await s.client.closed).code).toBe(1000);
    expect(s.client.output()).toBe('');
  });
});

describe('data channel: the server survives', () => {
  it('answers 404 to an upgrade at another path and keeps serving', async () => {
    const ws = new WebSocket(`${t.endpoint.replace('http', 'ws')}/v1/data-channel/`);
    const status = await new Promise<number>((r) => ws.on('unexpected-response', (_q, res) => r(res.statusCode!)));
    expect(status).toBe(404);
    await startSession(t);
  });

  it('decodes what it encodes (the test client and the server share the codec)', () => {
    const f = decodeFrame(encodeFrame({ messageType: 'input_stream_data', sequenceNumber: 7, flags: 1, payloadType: 1, payload: 'é', createdDate: 5, messageId: '01234567-89ab-cdef-0123-456789abcdef' }))!;
    expect(f).toMatchObject({ messageType: 'input_stream_data', sequenceNumber: 7, flags: 1, payloadType: 1, createdDate: 5, messageId: '01234567-89ab-cdef-0123-456789abcdef' });
    expect(f.payload.toString()).toBe('é');
    expect(StartSessionCommand).toBeDefined();
  });
});
