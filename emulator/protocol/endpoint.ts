/**
 * The host and port a request was addressed to (Ctx.endpoint), for URLs the emulator hands back
 * (a Session Manager StreamUrl): the Host header, which is what the client used, also behind a
 * port mapping (Docker's 4583 -> another host port) where the socket's own address is not; the
 * address the connection arrived at when the header is absent or malformed.
 */
import type { Socket } from 'node:net';
import type { Endpoint } from '../core/context.js';

/** host, or host:port; IPv6 literals in brackets. Only what a URL authority can carry. */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d{1,5}))?$/;

export function endpointOf(host: string | undefined, socket: Socket): Endpoint {
  const protocol = (socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const m = host === undefined ? null : HOST.exec(host);
  if (m) {
    const port = m[2] === undefined ? (protocol === 'https' ? 443 : 80) : Number(m[2]);
    if (port <= 65535) return { host: m[1], port, protocol };
  }
  const address = socket.localAddress ?? '127.0.0.1';
  const local = address.startsWith('::ffff:') ? address.slice(7) : address;
  return { host: local.includes(':') ? `[${local}]` : local, port: socket.localPort ?? 0, protocol };
}
