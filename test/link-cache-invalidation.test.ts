import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { makeLink } from './support/link-factories.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

// A long cache TTL: whatever these tests see change was invalidated by the change itself.
let t: TestApp;
let merchant: TestMerchant;
let ip = 0;
beforeAll(async () => {
  t = await createTestApp({ listen: true, config: { linkCacheTtlMs: 600_000, clickRepeatWindowSeconds: 0 } });
  merchant = await makeMerchant(t);
});
afterAll(() => t.close());

async function click(baseUrl: string, code: string) {
  const response = await fetch(`${baseUrl}/r/${code}`, {
    redirect: 'manual',
    headers: { 'user-agent': CHROME, 'x-forwarded-for': `198.51.100.${++ip % 250}` },
  });
  const location = response.headers.get('location')!;
  return { location, clickId: new URL(location).searchParams.get('affiliate_click_id') };
}

describe(`changes reach cached links at once, on ${backend}`, () => {
  it('pausing, activating and archiving a campaign through the API', async () => {
    const { link, campaign } = await makeLink(t, merchant);
    expect((await click(t.url, link.code)).clickId).not.toBeNull();
    expect((await merchant.live.post(`/api/v1/campaigns/${campaign.id}/pause`)).status).toBe(200);
    expect((await click(t.url, link.code)).clickId).toBeNull();
    expect((await merchant.live.post(`/api/v1/campaigns/${campaign.id}/activate`)).status).toBe(200);
    expect((await click(t.url, link.code)).clickId).not.toBeNull();
    expect((await merchant.live.patch(`/api/v1/campaigns/${campaign.id}`, { status: 'ARCHIVED' })).status).toBe(200);
    expect((await click(t.url, link.code)).clickId).toBeNull();
  });

  it('archiving a product, or moving it, through the API', async () => {
    const { link, product } = await makeLink(t, merchant, { product: { productUrl: `https://${merchant.domain}/p/first` } });
    expect((await click(t.url, link.code)).location).toMatch(`https://${merchant.domain}/p/first?`);
    expect((await merchant.live.patch(`/api/v1/products/${product!.id}`, { productUrl: `https://${merchant.domain}/p/moved` })).status).toBe(200);
    expect((await click(t.url, link.code)).location).toMatch(`https://${merchant.domain}/p/moved?`);
    expect((await merchant.live.post('/api/v1/products/archive', { productIds: [product!.id] })).status).toBe(200);
    expect((await click(t.url, link.code)).clickId).toBeNull();
  });

  describe.runIf(backend === 'postgres')('in another process', () => {
    let other: ServerProcess;
    const TTL_MS = 1000;
    beforeAll(async () => {
      other = await startServerProcess({
        DATABASE_URL: t.databaseUrl,
        MASTER_KEY: t.config.masterKey,
        LINK_CACHE_TTL_MS: String(TTL_MS),
        CLICK_REPEAT_WINDOW_SECONDS: '0',
      });
    }, 120_000);
    afterAll(() => other?.stop());

    it('a campaign paused through one process stops attributing in the other within twice its cache TTL', async () => {
      const { link, campaign } = await makeLink(t, merchant);
      expect((await click(other.url, link.code)).clickId).not.toBeNull(); // cached there now
      expect((await merchant.live.post(`/api/v1/campaigns/${campaign.id}/pause`)).status).toBe(200);
      const paused = Date.now();
      let attributed = true;
      while (attributed && Date.now() - paused < 2 * TTL_MS + 1000) {
        attributed = (await click(other.url, link.code)).clickId !== null;
        if (attributed) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(attributed).toBe(false);
      expect(Date.now() - paused).toBeLessThan(2 * TTL_MS + 500);
    });
  });
});
