import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.ts';
import { LinkCache } from './link-cache.ts';
import type { LinkTarget } from './load-link-target.ts';
import { redirectTemplate } from './redirect-target.ts';
import { createRedirectHandler } from './redirect.routes.ts';

const target: LinkTarget = {
  linkId: 'lnk_1',
  affiliateId: 'aff_1',
  merchantId: 'mer_1',
  livemode: true,
  campaignId: 'c1',
  productId: null,
  redirect: redirectTemplate('https://shop.example.com/p?x=1#top'),
  allowedTrafficSources: [],
  blockedReason: null,
  startsAt: null,
  endsAt: null,
};

function setup(options: { load?: (code: string) => Promise<LinkTarget | null>; record?: () => string; closing?: boolean } = {}) {
  const cache = new LinkCache<LinkTarget>(options.load ?? (async (code) => (code === 'GOODCODE1' ? target : null)), {
    ttlMs: 60_000,
    maxEntries: 10,
    clock: systemClock,
  });
  const handler = createRedirectHandler({
    trustedProxy: () => false,
    cache,
    recordClick: options.record ?? (() => 'https://shop.example.com/p?x=1&affiliate_click_id=clk_x#top'),
    log: pino({ level: 'silent' }),
    isClosing: () => options.closing ?? false,
    whenRecorded: (answer) => answer(),
  });
  return (url: string, method = 'GET') =>
    new Promise<{ handled: boolean; status?: number; headers?: string[]; body?: string }>((resolve) => {
      const request = { url, method, rawHeaders: ['User-Agent', 'x'], socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
      let status: number | undefined;
      let headers: string[] | undefined;
      const response = {
        writeHead(code: number, list: string[]) {
          status = code;
          headers = list;
        },
        end(body?: string) {
          resolve({ handled: true, status, headers, body });
        },
      } as unknown as ServerResponse;
      if (!handler(request, response)) resolve({ handled: false });
    });
}

const header = (headers: string[] | undefined, name: string) => {
  const at = headers?.indexOf(name) ?? -1;
  return at === -1 ? undefined : headers![at + 1];
};

describe('the redirect handler', () => {
  it('redirects a known code (read once, then from the cache) and 404s an unknown one', async () => {
    let reads = 0;
    const serve = setup({ load: async (code) => (reads++, code === 'GOODCODE1' ? target : null) });
    for (let i = 0; i < 2; i++) {
      const answer = await serve('/r/GOODCODE1?sub1=a');
      expect(answer.status).toBe(302);
      expect(header(answer.headers, 'location')).toBe('https://shop.example.com/p?x=1&affiliate_click_id=clk_x#top');
      expect(header(answer.headers, 'cache-control')).toBe('no-store');
    }
    expect(reads).toBe(1);
    const unknown = await serve('/r/NOSUCHCODE');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('doesn’t go anywhere');
    // Malformed codes never reach the database.
    expect((await serve('/r/%3Cscript%3E')).status).toBe(404);
    expect(reads).toBe(2);
  });

  it('leaves everything else to Fastify', async () => {
    const serve = setup();
    expect((await serve('/r/GOODCODE1', 'POST')).handled).toBe(false);
    expect((await serve('/r/GOODCODE1/more')).handled).toBe(false);
    expect((await serve('/api/v1/clicks')).handled).toBe(false);
    expect((await serve('/rr/GOODCODE1')).handled).toBe(false);
  });

  it('still sends the buyer on when recording the click fails', async () => {
    const serve = setup({
      record: () => {
        throw new Error('boom');
      },
    });
    const answer = await serve('/r/GOODCODE1');
    expect(answer.status).toBe(302);
    expect(header(answer.headers, 'location')).toBe('https://shop.example.com/p?x=1#top');
  });

  it('answers 503 when the link cannot be read, and while shutting down', async () => {
    const failing = setup({ load: async () => Promise.reject(new Error('database down')) });
    const down = await failing('/r/GOODCODE1');
    expect(down.status).toBe(503);
    expect(header(down.headers, 'retry-after')).toBe('5');
    const closing = await setup({ closing: true })('/r/GOODCODE1');
    expect(closing.status).toBe(503);
    expect(header(closing.headers, 'connection')).toBe('close');
  });
});
