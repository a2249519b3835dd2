import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clicks } from '../src/modules/tracking/clicks.tables.ts';
import { ensureClickPartitions } from '../src/modules/tracking/click-partitions.ts';
import { insertClicks } from '../src/modules/tracking/insert-clicks.ts';
import { findClick } from '../src/modules/tracking/find-click.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { backend } from './support/database.ts';
import { makeMerchant } from './support/factories.ts';
import { makeLink } from './support/link-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
// Nothing is written until a test says so (or the app shuts down).
const HOLD = { clickFlushIntervalMs: 3_600_000, clickFlushBatchSize: 100_000 };

let t: TestApp;
const open: TestApp[] = [];
beforeAll(async () => {
  t = await createTestApp({ listen: true, config: HOLD });
  open.push(t);
});
afterAll(async () => {
  for (const app of open) await app.close().catch(() => undefined);
});

async function clickOnce(t: TestApp, code: string, ip: string) {
  const response = await t.app.inject({ method: 'GET', url: `/r/${code}`, headers: { 'user-agent': CHROME, 'x-forwarded-for': ip } });
  return new URL(response.headers.location as string).searchParams.get('affiliate_click_id')!;
}

const storedCount = async (t: TestApp, linkId: string) =>
  Number((await t.platform.db.select({ n: count() }).from(clicks).where(eq(clicks.linkId, linkId)))[0]!.n);

describe(`click buffer on ${backend}`, () => {
  it('answers before writing, and findClick sees a click that is still in the buffer', async () => {
    const merchant = await makeMerchant(t);
    const { link } = await makeLink(t, merchant, { product: {} });
    const clickId = await clickOnce(t, link.code, '198.51.100.1');

    expect(await storedCount(t, link.id)).toBe(0);
    const buffered = await t.app.tracking.findClick(clickId);
    expect(buffered).toMatchObject({ id: clickId, linkId: link.id, merchantId: merchant.merchantId, attributable: true });
    // The merchant can verify it already, too.
    expect((await merchant.live.get(`/api/v1/clicks/${clickId}`)).status).toBe(200);

    await t.app.tracking.flushClicks();
    expect(await storedCount(t, link.id)).toBe(1);
    const stored = await t.app.tracking.findClick(clickId);
    expect(stored).toEqual(buffered);
    expect(await t.app.tracking.findClick('clk_AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
  });

  it('writes buffered clicks on graceful shutdown; they are there when the app reopens', async () => {
    const first = await createTestApp({ onDisk: true, config: HOLD });
    const merchant = await makeMerchant(first);
    const { link } = await makeLink(first, merchant);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await clickOnce(first, link.code, `198.51.100.${i + 1}`));
    expect(await storedCount(first, link.id)).toBe(0);
    await first.close({ keepDatabase: true });

    const second = await createTestApp({ reopen: first });
    open.push(second);
    const rows = await second.platform.db.select({ id: clicks.id }).from(clicks).where(eq(clicks.linkId, link.id));
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await findClick({ buffer: { get: () => undefined }, db: second.platform.db }, ids[0]!)).toMatchObject({ id: ids[0], linkId: link.id });
  });

  it('writes a retried batch once', async () => {
    const merchant = await makeMerchant(t);
    const { link } = await makeLink(t, merchant);
    const clickId = await clickOnce(t, link.code, '198.51.100.99');
    const row = (await t.app.tracking.findClick(clickId))!;
    await insertClicks(t.platform.db, [row]);
    await insertClicks(t.platform.db, [row]);
    await t.app.tracking.flushClicks();
    expect(await storedCount(t, link.id)).toBe(1);
  });

  it('stores every field exactly as recorded, for a batch mixing links, agents, referrers and sub-ids', async () => {
    const merchant = await makeMerchant(t);
    const withProduct = await makeLink(t, merchant, { product: {} });
    const campaignOnly = await makeLink(t, merchant);
    const template = (await t.app.tracking.findClick(await clickOnce(t, withProduct.link.code, '198.51.100.150')))!;
    const other = (await t.app.tracking.findClick(await clickOnce(t, campaignOnly.link.code, '198.51.100.151')))!;
    await t.app.tracking.flushClicks();
    const at = (ms: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, 0) + ms);
    const batch = [
      {
        ...template,
        id: 'clk_MIXEDMIXEDMIXEDMIXED01',
        clickedAt: at(1),
        userAgent: 'Agent "A" \\ with ümlauts',
        referrer: 'https://news.example.com/a?b=c',
        trafficSource: 'referral',
      },
      { ...other, id: 'clk_MIXEDMIXEDMIXEDMIXED02', clickedAt: at(999), userAgent: 'Agent "A" \\ with ümlauts', subIds: { sub1: 'spring', sub5: 'x,y' } },
      {
        ...template,
        id: 'clk_MIXEDMIXEDMIXEDMIXED03',
        clickedAt: at(123_456_789),
        userAgent: null,
        riskFlags: ['IP_VELOCITY' as const, 'LINK_VELOCITY' as const],
      },
      { ...template, id: 'clk_MIXEDMIXEDMIXEDMIXED04', clickedAt: at(7), attributable: false, unattributableReason: 'CAMPAIGN_PAUSED' as const },
      { ...other, id: 'clk_MIXEDMIXEDMIXEDMIXED05', clickedAt: at(-1), userAgent: 'Another agent' },
      // Same link id, other facts: must keep its own facts, not take those of the link's first click.
      { ...template, id: 'clk_MIXEDMIXEDMIXEDMIXED06', clickedAt: at(5), campaignId: other.campaignId, productId: null, livemode: false },
    ];
    await insertClicks(t.platform.db, batch);
    for (const click of batch) expect(await findClick({ buffer: { get: () => undefined }, db: t.platform.db }, click.id)).toEqual(click);
  });

  it('completes a batch that was partly stored before, storing each click once', async () => {
    const merchant = await makeMerchant(t);
    const { link } = await makeLink(t, merchant);
    const first = (await t.app.tracking.findClick(await clickOnce(t, link.code, '198.51.100.97')))!;
    const second = (await t.app.tracking.findClick(await clickOnce(t, link.code, '198.51.100.98')))!;
    await t.app.tracking.flushClicks();
    const third = { ...second, id: 'clk_THIRDTHIRDTHIRDTHIRD0' };
    await insertClicks(t.platform.db, [first, third, second]);
    const rows = await t.platform.db.select({ id: clicks.id }).from(clicks).where(eq(clicks.linkId, link.id));
    expect(rows.map((r) => r.id).sort()).toEqual([first.id, second.id, third.id].sort());
  });
});

describe(`click partitions on ${backend}`, () => {
  it('keeps monthly partitions ahead and moves early arrivals out of the default partition', async () => {
    const merchant = await makeMerchant(t);
    const { link } = await makeLink(t, merchant);
    const row = (await t.app.tracking.findClick(await clickOnce(t, link.code, '198.51.100.200')))!;
    await t.app.tracking.flushClicks();

    // A click dated five months ahead has no partition yet, so it lands in the default partition.
    const later = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 5, 15));
    await insertClicks(t.platform.db, [{ ...row, id: 'clk_FUTUREFUTUREFUTUREFUTU', clickedAt: later }]);
    const partitionOf = async (id: string) =>
      (await queryRows<{ p: string }>(t.platform.db, sql`select tableoid::regclass::text as p from clicks where id = ${id}`))[0]?.p;
    expect(await partitionOf('clk_FUTUREFUTUREFUTUREFUTU')).toBe('clicks_default');
    const month = `clicks_${later.getUTCFullYear()}_${String(later.getUTCMonth() + 1).padStart(2, '0')}`;
    expect(await partitionOf(row.id)).toMatch(/^clicks_\d{4}_\d{2}$/);

    const created = await ensureClickPartitions(t.platform.db, later, 0);
    expect(created).toEqual([month]);
    expect(await partitionOf('clk_FUTUREFUTUREFUTUREFUTU')).toBe(month);
    expect(await ensureClickPartitions(t.platform.db, later, 0)).toEqual([]);
  });
});
