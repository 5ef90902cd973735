import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { WebSocket } from 'ws';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from './testing/harness.js';
import { defineOperation, type Area } from './core/operation.js';

// A test area: a WebSocket endpoint that echoes with its path label, and an operation that answers
// the endpoint its request came to (as StartSession's StreamUrl will).
const echoArea: Area = {
  name: 'server-test',
  operations: [
    defineOperation('GetParameter', (input, ctx) => ({
      Parameter: { Name: input.Name, Type: 'String', Value: JSON.stringify(ctx.endpoint), Version: 1 },
    })),
  ],
  upgrades: [
    {
      path: '/v1/echo/{id}',
      handle(ws, req, params) {
        ws.on('message', (data) => ws.send(`${params.id} ${new URL(req.url!, 'http://x').searchParams.get('role')}: ${String(data)}`));
      },
    },
    {
      path: '/v1/broken',
      handle() {
        throw new Error('boom');
      },
    },
  ],
};
// Bound to every interface, as in Docker, so Host headers of a port mapping are answered.
const t = useEmulator({ areas: [echoArea], access: { bindHost: '0.0.0.0' } });
const wsUrl = (path: string) => t.endpoint.replace(/^http/, 'ws') + path;

/** Opens a socket; resolves with it once open, or with the HTTP status that refused the upgrade. */
function connect(path: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(path));
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once('error', reject);
  });
}

describe('WebSocket upgrades (Area.upgrades)', () => {
  it("hands the socket of a matching path to the area's handler, with the path's labels", async () => {
    const ws = (await connect('/v1/echo/session%2D1?role=publisher')) as WebSocket;
    const reply = new Promise<string>((resolve) => ws.once('message', (d) => resolve(String(d))));
    ws.send('hello');
    expect(await reply).toBe('session-1 publisher: hello');
    ws.close();
  });

  it('refuses an unknown path with 404 and stays up; a handler that throws closes its socket with 1011', async () => {
    expect(await connect('/v1/nothing')).toBe(404);
    expect(await connect('/v1/echo/a/b')).toBe(404);
    const broken = (await connect('/v1/broken')) as WebSocket;
    const code = await new Promise<number>((resolve) => broken.once('close', (c) => resolve(c)));
    expect(code).toBe(1011);
    // A raw upgrade request that is no WebSocket handshake: answered, not crashed.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.endpoint}/v1/echo/x`, { headers: { Connection: 'Upgrade', Upgrade: 'websocket' } });
      req.on('response', (res) => resolve(res.statusCode!));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    expect((await t.http.get('/_emulator/health')).status).toBe(200);
  });
});

describe('ctx.endpoint', () => {
  const endpointOf = async (headers: Record<string, string>) => JSON.parse((await t.rpc('GetParameter', { Name: 'x' }, headers)).body.Parameter.Value);

  it('is the host and port of the Host header the client used', async () => {
    const port = Number(new URL(t.endpoint).port);
    const viaSdk = await t.ssm.send(new GetParameterCommand({ Name: 'x' }));
    expect(JSON.parse(viaSdk.Parameter!.Value!)).toEqual({ host: '127.0.0.1', port, protocol: 'http' });
    // Behind a port mapping (docker run -p 9000:4583) the client addressed another port than ours.
    expect(await endpointOf({ Host: 'ssm.local.test:9000' })).toEqual({ host: 'ssm.local.test', port: 9000, protocol: 'http' });
    expect(await endpointOf({ Host: '[::1]:4583' })).toEqual({ host: '[::1]', port: 4583, protocol: 'http' });
    expect(await endpointOf({ Host: 'emulator' })).toEqual({ host: 'emulator', port: 80, protocol: 'http' });
  });

  it("falls back to the server's own address when the Host header is unusable", async () => {
    const port = Number(new URL(t.endpoint).port);
    expect(await endpointOf({ Host: 'bad host:99999' })).toEqual({ host: '127.0.0.1', port, protocol: 'http' });
  });
});
