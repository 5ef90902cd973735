/**
 * The HTTP server: the AWS JSON RPC path (POST with X-Amz-Target) is served by a lean node:http
 * handler, as is STS's query protocol (POST / with a form-encoded body, protocol/sts.ts); everything else (the /_emulator control API, Resource Groups' REST routes) by express.
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
import { accessPolicy, corsAllowed, corsHeaders, hostAllowed, ownOrigin, rawHeader, refuse, type AccessOptions, type AccessPolicy } from './protocol/guard.js';
import { sendHealth } from './control/health.js';
import { createStsHandler, isQueryRequest } from './protocol/sts.js';
import { scriptPool } from './sim/shell/pool.js';

export function createServer(emu: Emulator, access: AccessOptions = {}): http.Server {
  // Due tasks run in slices from here on: no request, timer or script holds the event loop.
  emu.shareEventLoop();
  const rpc = createRpcHandler(emu, { accessKeys: access.accessKeys });
  const sts = createStsHandler(emu.log, { accessKeys: access.accessKeys });
  const policy = accessPolicy(access);
  let app: Express | undefined;
  let loading: Promise<Express> | undefined;
  const loadApp = () => (loading ??= import('./app.js').then((m) => (app = m.createApp(emu, { accessKeys: access.accessKeys }))));
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      const headers = rpcHeaders(req.rawHeaders);
      // POST / is the AWS API even without X-Amz-Target: it answers in AWS's error format.
      if (headers.target !== undefined || req.url === '/') {
        if (!hostAllowed(policy, headers.host)) return refuse(res, true, hostRefusal(headers.host));
        // The dashboard (a page the emulator serves itself) calls the SSM API same-origin.
        if (headers.origin !== undefined && headers.origin.toLowerCase() !== ownOrigin(headers.host)) {
          if (!corsAllowed(policy, headers.origin)) return refuse(res, true, originRefusal(headers.origin));
          for (const [k, v] of Object.entries(corsHeaders(headers.origin))) res.setHeader(k, v);
        }
        // A form-encoded body without X-Amz-Target is the query protocol: STS (protocol/sts.ts).
        if (headers.target === undefined && isQueryRequest(req)) return sts(req, res);
        return rpc(req, res, headers);
      }
    }
    if (!guardOther(policy, req, res)) return;
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
  server.on('upgrade', createUpgradeHandler(emu, policy));
  server.keepAliveTimeout = 65_000;
  // Start loading express (and the simulated shell's worker threads) right after listening, off the
  // start-up path.
  server.once('listening', () =>
    setImmediate(() => {
      if (!server.listening) return;
      void loadApp().catch(() => {});
      scriptPool.warm();
    }),
  );
  return server;
}

const hostRefusal = (host: string | undefined) =>
  `Host ${host === undefined ? '(none)' : JSON.stringify(host)} is not answered: the emulator listens on a loopback address and answers localhost and loopback names only (add names with --allow-host).`;
const originRefusal = (origin: string) => `Origin ${origin} may not call the SSM API from a browser (allow it with --cors-origins).`;

/**
 * Host and Origin rules for everything but the RPC path (see protocol/guard.ts). Answers the
 * request itself (403, or a CORS preflight) and returns false when it must go no further.
 */
function guardOther(policy: AccessPolicy, req: IncomingMessage, res: http.ServerResponse): boolean {
  const host = rawHeader(req, 'host');
  const control = (req.url ?? '/').startsWith('/_emulator');
  if (!hostAllowed(policy, host)) {
    refuse(res, !control, hostRefusal(host));
    return false;
  }
  const origin = rawHeader(req, 'origin');
  if (origin === undefined) return true;
  if (control) {
    if (origin.toLowerCase() === ownOrigin(host)) return true;
    refuse(res, false, `Origin ${origin} may not use the control API: only pages the emulator serves itself may.`);
    return false;
  }
  // A browser's preflight for the SSM API (POST / with X-Amz-Target): answered here, never by express.
  if (req.method === 'OPTIONS') {
    if (!corsAllowed(policy, origin)) refuse(res, true, originRefusal(origin));
    else res.writeHead(204, corsHeaders(origin)).end();
    return false;
  }
  return true;
}

function createUpgradeHandler(emu: Emulator, policy: AccessPolicy) {
  const routes = emu.areas.flatMap((a) => (a.upgrades ?? []).map((route) => ({ route, template: pathTemplate(route.path) })));
  let wss: Promise<WebSocketServer> | undefined;
  const failed = (what: string, err: unknown) => emu.log.log('error', what, { error: String((err as Error)?.stack ?? err) });

  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A client that goes away mid-handshake must not take the process with it.
    socket.on('error', () => socket.destroy());
    const host = rawHeader(req, 'host');
    if (!hostAllowed(policy, host)) return refuseUpgrade(socket, 403, 'Forbidden', hostRefusal(host));
    const origin = rawHeader(req, 'origin');
    if (origin !== undefined && origin.toLowerCase() !== ownOrigin(host) && !corsAllowed(policy, origin)) {
      return refuseUpgrade(socket, 403, 'Forbidden', `Origin ${origin} may not open the emulator's WebSocket endpoints.`);
    }
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
