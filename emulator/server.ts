/**
 * The HTTP server: the AWS JSON RPC path (POST with X-Amz-Target) is served by a lean node:http
 * handler; everything else (the /_emulator control API, Resource Groups' REST routes) by express.
 * Express costs about two thirds of the throughput on the hot path, so it only sees the rest.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from './emulator.js';
import { createApp } from './app.js';
import { createRpcHandler } from './protocol/json-rpc.js';

export function createServer(emu: Emulator): http.Server {
  const rpc = createRpcHandler(emu);
  const app = createApp(emu);
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.headers['x-amz-target'] !== undefined) rpc(req, res);
    else app(req, res);
  });
  server.keepAliveTimeout = 65_000;
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
