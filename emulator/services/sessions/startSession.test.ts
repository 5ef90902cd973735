import { describe, expect, it } from 'vitest';
import { DescribeSessionsCommand, StartSessionCommand, UpdateDocumentCommand, GetDocumentCommand, UpdateDocumentDefaultVersionCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { expectError } from '../../testing/fleet.js';
import { FLEET, LINUX, OFFLINE, startSession } from './testkit.js';

const t = useEmulator({ fleet: FLEET });

describe('StartSession', () => {
  it('answers a root-<17 hex> SessionId, a token and a StreamUrl on the host and port the request came to', async () => {
    const s = await startSession(t);
    expect(s.SessionId).toMatch(/^root-[0-9a-f]{17}$/);
    expect(s.TokenValue.length).toBeGreaterThan(40);
    const port = new URL(t.endpoint).port;
    expect(s.StreamUrl).toBe(`ws://127.0.0.1:${port}/v1/data-channel/${s.SessionId}?role=publish_subscribe`);
  });

  it('builds the StreamUrl from the Host header, so a client behind a port mapping reaches it', async () => {
    const res = await t.rpc('StartSession', { Target: LINUX }, { Host: 'localhost:4566' });
    expect(res.status).toBe(200);
    expect(res.body.StreamUrl).toBe(`ws://localhost:4566/v1/data-channel/${res.body.SessionId}?role=publish_subscribe`);
  });

  it('records the session: Connecting, the default document, the caller, the reason, Standard access', async () => {
    const s = await startSession(t, { Reason: 'debugging the web tier' });
    const { Sessions } = await t.ssm.send(new DescribeSessionsCommand({ State: 'Active' }));
    expect(Sessions).toEqual([
      {
        SessionId: s.SessionId,
        Target: LINUX,
        Status: 'Connecting',
        StartDate: new Date('2025-01-01T00:00:00Z'),
        DocumentName: 'SSM-SessionManagerRunShell',
        Owner: 'arn:aws:iam::000000000000:root',
        Reason: 'debugging the web tier',
        AccessType: 'Standard',
      },
    ]);
  });

  it('sends the CloudTrail API call event with the token hidden', async () => {
    const s = await startSession(t, { Reason: 'why' });
    const events = (await t.http.get('/_emulator/events?detail-type=AWS%20API%20Call%20via%20CloudTrail')).body.events;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: 'aws.ssm',
      detail: {
        eventSource: 'ssm.amazonaws.com',
        eventName: 'StartSession',
        requestParameters: { target: LINUX, reason: 'why' },
        responseElements: { sessionId: s.SessionId, tokenValue: 'Value hidden due to security reasons.', streamUrl: s.StreamUrl },
        userIdentity: { type: 'Root', arn: 'arn:aws:iam::000000000000:root' },
      },
    });
  });

  it('takes the Session documents, checking their parameters', async () => {
    const pf = await startSession(t, { DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['5432'], localPortNumber: ['15432'] } });
    const ssh = await startSession(t, { DocumentName: 'AWS-StartSSHSession' });
    const { Sessions } = await t.ssm.send(new DescribeSessionsCommand({ State: 'Active' }));
    expect(Sessions!.map((s) => [s.SessionId, s.DocumentName])).toEqual([
      [ssh.SessionId, 'AWS-StartSSHSession'],
      [pf.SessionId, 'AWS-StartPortForwardingSession'],
    ]);
    await expectError(
      t.ssm.send(new StartSessionCommand({ Target: LINUX, DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['99999'] } })),
      'InvalidParameters',
      /portNumber/,
    );
    await expectError(t.ssm.send(new StartSessionCommand({ Target: LINUX, DocumentName: 'AWS-StartInteractiveCommand', Parameters: { nope: ['x'] } })), 'InvalidParameters');
    await expectError(t.ssm.send(new StartSessionCommand({ Target: LINUX, DocumentName: 'AWS-StartPortForwardingSessionToRemoteHost', Parameters: { portNumber: ['80'] } })), 'InvalidParameters', /host/);
  });

  it('answers InvalidDocument for an unknown document and, in AWS words, for a document that is not a Session document', async () => {
    await expectError(t.ssm.send(new StartSessionCommand({ Target: LINUX, DocumentName: 'No-Such-Document' })), 'InvalidDocument');
    await expectError(
      t.ssm.send(new StartSessionCommand({ Target: LINUX, DocumentName: 'AWS-RunShellScript' })),
      'InvalidDocument',
      "Document type: 'Command' is not supported. Only type: 'Session' is supported for Session Manager.",
    );
  });

  it('answers TargetNotConnected for an unknown node, a node whose agent is not running, and a node of another region', async () => {
    await expectError(t.ssm.send(new StartSessionCommand({ Target: 'i-0fffffffffffffff0' })), 'TargetNotConnected', 'i-0fffffffffffffff0 is not connected.');
    await expectError(t.ssm.send(new StartSessionCommand({ Target: OFFLINE })), 'TargetNotConnected', `${OFFLINE} is not connected.`);
    await expectError(t.client({ region: 'eu-west-1' }).send(new StartSessionCommand({ Target: LINUX })), 'TargetNotConnected');
    await t.http.post(`/_emulator/fleet/instances/${LINUX}/stop-agent`).send({});
    await expectError(t.ssm.send(new StartSessionCommand({ Target: LINUX })), 'TargetNotConnected');
  });

  it('refuses what the model refuses (Target missing or too long, a bad DocumentName) with ValidationException', async () => {
    expect((await t.rpc('StartSession', {})).body.__type).toBe('ValidationException');
    expect((await t.rpc('StartSession', { Target: 'x'.repeat(401) })).body.__type).toBe('ValidationException');
    expect((await t.rpc('StartSession', { Target: LINUX, DocumentName: 'bad name!' })).body.__type).toBe('ValidationException');
  });

  it('takes its preferences from SSM-SessionManagerRunShell: maxSessionDuration shows as MaxSessionDuration', async () => {
    const doc = JSON.parse((await t.ssm.send(new GetDocumentCommand({ Name: 'SSM-SessionManagerRunShell' }))).Content!);
    doc.inputs.maxSessionDuration = '90';
    doc.inputs.idleSessionTimeout = '5';
    const up = await t.ssm.send(new UpdateDocumentCommand({ Name: 'SSM-SessionManagerRunShell', Content: JSON.stringify(doc), DocumentVersion: '$LATEST' }));
    await t.ssm.send(new UpdateDocumentDefaultVersionCommand({ Name: 'SSM-SessionManagerRunShell', DocumentVersion: up.DocumentDescription!.DocumentVersion }));
    await startSession(t);
    const { Sessions } = await t.ssm.send(new DescribeSessionsCommand({ State: 'Active' }));
    expect(Sessions![0].MaxSessionDuration).toBe('90');
    // the preferences also hold for other session types
    await startSession(t, { DocumentName: 'AWS-StartSSHSession' });
    expect((await t.ssm.send(new DescribeSessionsCommand({ State: 'Active' }))).Sessions![0].MaxSessionDuration).toBe('90');
  });
});
