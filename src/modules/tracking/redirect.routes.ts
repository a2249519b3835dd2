import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { TrustedProxy } from '../../platform/http/client-address.ts';
import type { App } from '../../platform/module.ts';
import type { LinkCache } from './link-cache.ts';
import { LINK_CODE_SHAPE, type LinkTarget } from './load-link-target.ts';
import { NOT_FOUND_PAGE, UNAVAILABLE_PAGE } from './not-found-page.ts';
import { readVisit } from './read-visit.ts';
import type { RecordClick } from './record-click.ts';

// Never cached, so every click is seen and a cached answer can never replay someone else's click id.
// The buyer's referrer reaches the merchant as an origin only.
const REDIRECT_HEADERS = ['cache-control', 'no-store', 'referrer-policy', 'strict-origin-when-cross-origin', 'x-robots-tag', 'noindex, nofollow'];
const PAGE_HEADERS = [
  'content-type',
  'text/html; charset=utf-8',
  'cache-control',
  'no-store',
  'referrer-policy',
  'no-referrer',
  'x-robots-tag',
  'noindex, nofollow',
];
const PREFIX = '/r/';

type Target = LinkTarget & { redirect: NonNullable<LinkTarget['redirect']> };

export interface RedirectDeps {
  cache: LinkCache<LinkTarget>;
  recordClick: RecordClick;
  log: FastifyBaseLogger;
  /** Which peers may name the visitor's address (TRUST_PROXY). */
  trustedProxy: TrustedProxy;
  /** True once shutdown has begun: late requests on kept-alive connections are turned away. */
  isClosing(): boolean;
  /** Calls `answer` once the clicks recorded so far are safe from a crash (spooled to disk). */
  whenRecorded(answer: () => void): void;
}

/**
 * `GET|HEAD /r/<code>` on plain node:http objects — the hot path. A cached link is answered without
 * touching the database (a miss reads it once); the click goes to the buffer for the next batch write.
 * Returns false for any other request.
 */
export function createRedirectHandler({ cache, recordClick, log, trustedProxy, isClosing, whenRecorded }: RedirectDeps) {
  const send = (response: ServerResponse, status: number, headers: string[], body?: string) => {
    response.writeHead(status, headers);
    response.end(body);
  };

  const answer = (request: IncomingMessage, response: ServerResponse, target: LinkTarget | null, search: string) => {
    if (target === null || target.redirect === null) return send(response, 404, PAGE_HEADERS, NOT_FOUND_PAGE);
    let location = target.redirect.plain;
    try {
      location = recordClick(target as Target, readVisit(request, search, trustedProxy));
    } catch (error) {
      // The buyer still gets where they were going; the click is what is lost, and it is logged.
      log.error({ err: error }, 'recording a click failed');
    }
    const headers = [...REDIRECT_HEADERS, 'location', location];
    whenRecorded(() => send(response, 302, headers));
  };

  return function serveRedirect(request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url!;
    if (!url.startsWith(PREFIX) || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const queryAt = url.indexOf('?', PREFIX.length);
    const code = queryAt === -1 ? url.slice(PREFIX.length) : url.slice(PREFIX.length, queryAt);
    if (code.includes('/')) return false;
    if (isClosing()) {
      send(response, 503, ['connection', 'close', 'retry-after', '1', ...PAGE_HEADERS], UNAVAILABLE_PAGE);
      return true;
    }
    const search = queryAt === -1 ? '' : url.slice(queryAt + 1);
    const cached = cache.peek(code);
    if (cached !== undefined) {
      answer(request, response, cached, search);
      return true;
    }
    if (!LINK_CODE_SHAPE.test(code)) {
      answer(request, response, null, search);
      return true;
    }
    cache.get(code).then(
      (target) => answer(request, response, target, search),
      (error: unknown) => {
        log.error({ err: error }, 'link lookup failed');
        send(response, 503, ['retry-after', '5', ...PAGE_HEADERS], UNAVAILABLE_PAGE);
      },
    );
    return true;
  };
}

/**
 * The same handler as a Fastify route, for requests that reach Fastify rather than the front door
 * (app.inject in tests, or a server built without it).
 */
export function registerRedirectRoute(app: App, serveRedirect: ReturnType<typeof createRedirectHandler>): void {
  app.get('/r/:code', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    reply.hijack();
    if (!serveRedirect(request.raw, reply.raw)) reply.raw.writeHead(404).end();
  });
}
