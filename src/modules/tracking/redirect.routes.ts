import type { App } from '../../app.ts';
import type { LinkCache } from './link-cache.ts';
import { LINK_CODE_SHAPE, type LinkTarget } from './load-link-target.ts';
import { NOT_FOUND_PAGE, UNAVAILABLE_PAGE } from './not-found-page.ts';
import type { RecordClick } from './record-click.ts';

// The buyer's referrer reaches the merchant as an origin only; redirects are never cached, so every
// click is seen (and a cached redirect can never replay someone else's click id).
const REDIRECT_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-robots-tag': 'noindex, nofollow',
};
const PAGE_HEADERS = { ...REDIRECT_HEADERS, 'content-type': 'text/html; charset=utf-8', 'referrer-policy': 'no-referrer' };

/**
 * `GET /r/:code` — the hot path. A cached link answers without touching the database; the click is
 * queued for the next batch write. (HEAD is answered by the same handler and never counted.)
 */
export function registerRedirect(app: App, { cache, recordClick }: { cache: LinkCache<LinkTarget>; recordClick: RecordClick }): void {
  app.get<{ Params: { code: string } }>('/r/:code', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    const code = request.params.code;
    let target = cache.peek(code);
    if (target === undefined) {
      try {
        target = LINK_CODE_SHAPE.test(code) ? await cache.get(code) : null;
      } catch (error) {
        request.log.error({ err: error }, 'link lookup failed');
        return reply.code(503).headers(PAGE_HEADERS).header('retry-after', '5').send(UNAVAILABLE_PAGE);
      }
    }
    if (target === null || target.redirect === null) return reply.code(404).headers(PAGE_HEADERS).send(NOT_FOUND_PAGE);

    const location = recordClick(target as LinkTarget & { redirect: NonNullable<LinkTarget['redirect']> }, {
      method: request.method,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      referrer: request.headers.referer,
      query: request.query as Record<string, unknown>,
    });
    return reply.code(302).headers(REDIRECT_HEADERS).header('location', location).send();
  });
}
