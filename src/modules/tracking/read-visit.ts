import type { IncomingMessage } from 'node:http';
import { clientAddress, type TrustedProxy } from '../../platform/http/client-address.ts';
import type { Visit } from './record-click.ts';

/**
 * What the redirect needs from a request, read in one pass over the raw header list: reading
 * `request.headers` would first build an object of every header, a measurable share of a redirect.
 * Header names match case-insensitively; the first of a repeated User-Agent or Referer counts and
 * repeated X-Forwarded-For headers are joined, as in `request.headers`.
 *
 * The visitor's address follows the app's one rule (`clientAddress`): only trusted proxies speak.
 */
export function readVisit(request: IncomingMessage, search: string, trusted: TrustedProxy): Visit {
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
      if (name.toLowerCase() === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? raw[i + 1] : `${forwardedFor}, ${raw[i + 1]}`;
    }
  }
  return { method: request.method!, ip: clientAddress(request.socket.remoteAddress ?? '', forwardedFor, trusted), userAgent, referrer, search };
}
