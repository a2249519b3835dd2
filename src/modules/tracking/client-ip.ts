import type { IncomingMessage } from 'node:http';

/**
 * The visitor's address as Fastify computes it with `trustProxy: true` (the app's setting): the
 * left-most X-Forwarded-For entry, else the socket's peer address.
 */
export function clientIp(request: IncomingMessage): string {
  const forwarded = request.headers['x-forwarded-for'];
  if (typeof forwarded === 'string' && forwarded !== '') {
    const comma = forwarded.indexOf(',');
    const first = (comma === -1 ? forwarded : forwarded.slice(0, comma)).trim();
    if (first !== '') return first;
  }
  return request.socket.remoteAddress ?? '';
}
