/**
 * Port sessions (AWS-StartPortForwardingSession, ...ToRemoteHost, AWS-StartSSHSession): basic port
 * forwarding to the real address a node's fleet fixture maps (PortForwards), through the test client.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../../testing/harness.js';
import { Flag, flagPayload, PayloadType } from '../../sim/sessions/frames.js';
import { FLEET, LINUX, openSession, waitForStatus } from './testkit.js';

const t = useEmulator({ fleet: FLEET });

/** A TCP server that answers "echo:<data>" and counts its connections. */
let server: net.Server;
let port = 0;
let connections = 0;
beforeAll(async () => {
  server = net.createServer((s) => {
    connections++;
    s.on('data', (d) => s.write(`echo:${d}`));
    s.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const mapPorts = (forwards: Record<string, string>) => t.http.patch(`/_emulator/fleet/instances/${LINUX}`).send({ PortForwards: forwards });

describe('port sessions', () => {
  it('handshake first (SessionType Port with the document properties, agent 3.0.161.0: basic forwarding), then bytes both ways', async () => {
    await mapPorts({ '5432': `127.0.0.1:${port}` });
    const { client: c, SessionId } = await openSession(t, { DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['5432'], localPortNumber: ['15432'] } });
    await c.waitForHandshake();
    expect(JSON.parse(c.processed[0]!.payload.toString())).toEqual({
      AgentVersion: '3.0.161.0',
      RequestedClientActions: [
        { ActionType: 'SessionType', ActionParameters: { SessionType: 'Port', Properties: { portNumber: '5432', type: 'LocalPortForwarding', localPortNumber: '15432' } } },
      ],
    });
    expect(c.processed[1]!.payloadType).toBe(PayloadType.HandshakeComplete);
    const before = connections;
    c.type('hello');
    await c.waitForOutput('echo:hello');
    expect(connections).toBe(before + 1);
    await waitForStatus(t, SessionId, 'Connected');
    c.close();
  });

  it('closes the connection on DisconnectToPort and opens a new one with the next data', async () => {
    await mapPorts({ '5432': `127.0.0.1:${port}` });
    const { client: c } = await openSession(t, { DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['5432'] } });
    await c.waitForHandshake();
    c.type('one');
    await c.waitForOutput('echo:one');
    const before = connections;
    c.input(PayloadType.Flag, flagPayload(Flag.DisconnectToPort));
    c.type('two');
    await c.waitForOutput('echo:two');
    expect(connections).toBe(before + 1);
    c.close();
  });

  it('forwards a remote host the node reaches when the fixture maps host:port', async () => {
    await mapPorts({ 'db.internal:3306': `127.0.0.1:${port}` });
    const { client: c } = await openSession(t, {
      DocumentName: 'AWS-StartPortForwardingSessionToRemoteHost',
      Parameters: { host: ['db.internal'], portNumber: ['3306'], localPortNumber: ['13306'] },
    });
    await c.waitForHandshake();
    c.type('select 1');
    await c.waitForOutput('echo:select 1');
    c.close();
  });

  it('answers ConnectToPortError and fails the session for a port the fixture does not map', async () => {
    const { client: c, SessionId } = await openSession(t, { DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['8080'] } });
    await c.closed;
    const flag = c.processed.find((f) => f.payloadType === PayloadType.Flag)!;
    expect(flag.payload.readUInt32BE(0)).toBe(Flag.ConnectToPortError);
    expect(c.channelClosed!.Output).toBe(
      'Unable to connect to specified port: nothing listens on port 8080 on i-0a0000000000000a1 (the emulator forwards only ports its fleet fixture maps: PortForwards)',
    );
    await waitForStatus(t, SessionId, 'Failed');
  });

  it('answers ConnectToPortError when the mapped address refuses the connection', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const dead = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await mapPorts({ '5432': `127.0.0.1:${dead}` });
    const { client: c, SessionId } = await openSession(t, { DocumentName: 'AWS-StartPortForwardingSession', Parameters: { portNumber: ['5432'] } });
    await c.closed;
    expect(c.channelClosed!.Output).toBe(`Unable to connect to specified port: dial tcp 127.0.0.1:${dead}: connect: connection refused`);
    await waitForStatus(t, SessionId, 'Failed');
  });

  it('AWS-StartSSHSession (no forwarding type) ends when the server closes the connection', async () => {
    const once = net.createServer((s) => s.end('SSH-2.0-OpenSSH_9.6\r\n'));
    await new Promise<void>((r) => once.listen(0, '127.0.0.1', () => r()));
    await mapPorts({ '22': `127.0.0.1:${(once.address() as net.AddressInfo).port}` });
    const { client: c, SessionId } = await openSession(t, { DocumentName: 'AWS-StartSSHSession' });
    await c.closed;
    expect(c.output()).toBe('SSH-2.0-OpenSSH_9.6\r\n');
    await t.advance(1);
    await waitForStatus(t, SessionId, 'Terminated');
    await new Promise<void>((r) => once.close(() => r()));
  });
});
