/**
 * The HTTP server: the AWS JSON RPC path (POST with X-Amz-Target) is served by a lean node:http
 * handler; everything else (the /_emulator control API, Resource Groups' REST routes) by express.
 * Express costs about two thirds of the throughput on the hot path, so it only sees the rest.
 *
 * Express is also loaded lazily (it takes longer to import than the rest of the emulator), and
 * /_emulator/health is answered without it, so the emulator reports healthy as soon as it listens.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Emulator } from './emulator.js';
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
  server.keepAliveTimeout = 65_000;
  // Start loading express right after listening, off the start-up path.
  server.once('listening', () =>
    setImmediate(() => {
      if (server.listening) void loadApp().catch(() => {});
    }),
  );
  return server;
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
