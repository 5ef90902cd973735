/**
 * The HTTP server: the AWS JSON RPC path (POST with X-Amz-Target) is served by a lean node:http
 * handler; everything else (the /_emulator control API, Resource Groups' REST routes) by express.
 * Express costs about two thirds of the throughput on the hot path, so it only sees the rest.
 *
 * Express is also loaded lazily (it takes longer to import than the rest of the emulator), and
 * /_emulator/health is answered without it, so the emulator reports healthy as soon as it listens.
 *
 * WebSocket upgrades go to the areas' `upgrades` (core/http.ts), on the same port (a Session
 * Manager data channel is reached at the host and port the client used); the `ws` package, loaded
 * on the first one, does the handshake. An upgrade to any other path is answered 404 and closed.
 */
import http, { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Express } from 'express';
import type { WebSocketServer } from 'ws';
import type { Emulator } from './emulator.js';
import { matchPath, pathTemplate } from './core/http.js';
import { createRpcHandler, rpcHeaders } from './protocol/json-rpc.js';
import { sendHealth } from './control/health.js';

export function createServer(emu: Emulator): http.Server {
  const rpc = createRpcHandler(emu);
  let app: Express | undefined;
  let loading: Promise<Express> | undefined;
  const loadApp = () => (loading ??= import('./app.js').then((m) => (app = m.createApp(emu))));
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      const headers = rpcHeaders(req.rawHeaders);
      if (headers.target !== undefined) return rpc(req, res, headers);
    }
    if (req.method === 'GET' && (req.url === '/_emulator/health' || req.url === '/_emulator/health/')) return sendHealth(emu, res);
    if (app) return void app(req, res);
    loadApp().then(
      (a) => a(req, res),
      (err: unknown) => {
        emu.log.log('error', 'failed to load the express app', { error: String((err as Error)?.stack ?? err) });
        res.writeHead(500).end();
      },
    );
  });
  server.on('upgrade', createUpgradeHandler(emu));
  server.keepAliveTimeout = 65_000;
  // Start loading express right after listening, off the start-up path.
  server.once('listening', () =>
    setImmediate(() => {
      if (server.listening) void loadApp().catch(() => {});
    }),
  );
  return server;
}

function createUpgradeHandler(emu: Emulator) {
  const routes = emu.areas.flatMap((a) => (a.upgrades ?? []).map((route) => ({ route, template: pathTemplate(route.path) })));
  let wss: Promise<WebSocketServer> | undefined;
  const failed = (what: string, err: unknown) => emu.log.log('error', what, { error: String((err as Error)?.stack ?? err) });

  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A client that goes away mid-handshake must not take the process with it.
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0];
    for (const { route, template } of routes) {
      const params = matchPath(template, path);
      if (!params) continue;
      (wss ??= import('ws').then((m) => new m.WebSocketServer({ noServer: true }))).then(
        (server) =>
          server.handleUpgrade(req, socket, head, (ws) => {
            try {
              route.handle(ws, req, params, emu);
            } catch (err) {
              failed('WebSocket handler failed', err);
              ws.close(1011, 'internal error');
            }
          }),
        (err: unknown) => {
          failed('failed to load ws', err);
          refuseUpgrade(socket, 500, 'InternalError', 'The WebSocket server failed to start; see the emulator log.');
        },
      );
      return;
    }
    refuseUpgrade(socket, 404, 'NotFound', `No WebSocket endpoint at ${path}.`);
  };
}

/** Answers an upgrade request with a plain HTTP error and closes the connection. */
function refuseUpgrade(socket: Duplex, status: number, error: string, message: string): void {
  const body = JSON.stringify({ error, message });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
