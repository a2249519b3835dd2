import type { IncomingMessage } from 'node:http';
import type { Visit } from './record-click.ts';

/**
 * What the redirect needs from a request, read in one pass over the raw header list: reading
 * `request.headers` would first build an object of every header, a measurable share of a redirect.
 * Header names match case-insensitively and the first of a repeated header counts, as in
 * `request.headers` for User-Agent and Referer.
 *
 * The visitor's address is what Fastify computes with `trustProxy: true` (the app's setting): the
 * left-most X-Forwarded-For entry, else the socket's peer address.
 */
export function readVisit(request: IncomingMessage, search: string): Visit {
  let userAgent: string | undefined;
  let referrer: string | undefined;
  let forwardedFor: string | undefined;
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 10) {
      if (userAgent === undefined && name.toLowerCase() === 'user-agent') userAgent = raw[i + 1];
    } else if (name.length === 7) {
      if (referrer === undefined && name.toLowerCase() === 'referer') referrer = raw[i + 1];
    } else if (name.length === 15) {
      if (forwardedFor === undefined && name.toLowerCase() === 'x-forwarded-for') forwardedFor = raw[i + 1];
    }
  }
  return { method: request.method!, ip: leftMostAddress(forwardedFor) ?? request.socket.remoteAddress ?? '', userAgent, referrer, search };
}

function leftMostAddress(forwardedFor: string | undefined): string | undefined {
  if (!forwardedFor) return undefined;
  const comma = forwardedFor.indexOf(',');
  const first = (comma === -1 ? forwardedFor : forwardedFor.slice(0, comma)).trim();
  return first === '' ? undefined : first;
}
