import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { clicks } from '../src/modules/tracking/clicks.tables.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { newId } from '../src/platform/ids.ts';
import { backend } from './support/database.ts';
import { insertCampaign, insertLink } from './support/conversion-factories.ts';
import { makeAffiliate, makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Zones whose local midnight is a quarter (Kathmandu +5:45, Chatham +12:45/+13:45) or half hour off
// the hour (Lord Howe, whose daylight saving moves by 30 minutes), or moves with daylight saving (New York).
const ZONES = ['Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/New_York', 'UTC'];
const QUARTER = 900_000;
const START = Date.parse('2026-02-20T00:00:00Z');
const SPAN_QUARTERS = 290 * 96;

let t: TestApp;
let m: TestMerchant;
const campaigns: CampaignRow[] = [];

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  m = await makeMerchant(t);
  const db = t.platform.db;
  const affiliates = [(await makeAffiliate(t)).affiliateId, (await makeAffiliate(t)).affiliateId, (await makeAffiliate(t)).affiliateId];
  for (let i = 0; i < 2; i++)
    campaigns.push(await insertCampaign(db, { merchantId: m.merchantId, livemode: true, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 }));
  const links: Array<Awaited<ReturnType<typeof insertLink>>> = [];
  for (const campaign of campaigns)
    for (const affiliateId of affiliates) links.push(await insertLink(db, { affiliateId, merchantId: m.merchantId, livemode: true, campaignId: campaign.id }));
  // Clicks at random minutes over most of a year, many right beside a quarter hour, in a few flushed batches.
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let batch = 0; batch < 6; batch++) {
    const rows = Array.from({ length: 250 }, () => {
      const link = links[Math.floor(random() * links.length)]!;
      const quarter = START + Math.floor(random() * SPAN_QUARTERS) * QUARTER;
      const edge = [0, 1_000, QUARTER - 1_000, 60_000 * Math.floor(random() * 15)][Math.floor(random() * 4)]!;
      return {
        id: newId('clk'),
        linkId: link.id,
        affiliateId: link.affiliateId,
        merchantId: m.merchantId,
        livemode: true,
        campaignId: link.campaignId,
        clickedAt: new Date(quarter + edge),
        ipHash: randomBytes(8).toString('hex'),
        attributable: random() > 0.1,
      };
    });
    await db.insert(clicks).values(rows);
  }
});
afterAll(() => t.close());

/** Attributable clicks per key straight from the raw clicks, for the same local days. */
async function rawClicks(key: string, tz: string, from: string, to: string, campaignId?: string) {
  const rows = await queryRows<{ key: string; clicks: string }>(
    t.platform.db,
    sql`select ${sql.raw(key)} as key, count(*) filter (where attributable)::text as clicks from clicks
      where merchant_id = ${m.merchantId} and livemode
        and clicked_at >= (${from}::date)::timestamp at time zone ${tz}::text and clicked_at < (${to}::date + 1)::timestamp at time zone ${tz}::text
        ${campaignId ? sql`and campaign_id = ${campaignId}` : sql``}
      group by 1`,
  );
  return new Map(rows.map((r) => [r.key, Number(r.clicks)]));
}

describe(`reports read from the coarse roll-ups, exact in every zone, on ${backend}`, () => {
  for (const tz of ZONES) {
    it(`answers summary, timeseries and affiliates like the raw clicks in ${tz}`, async () => {
      for (const [from, to] of [
        ['2026-03-01', '2026-05-29'],
        ['2026-10-02', '2026-11-03'],
        ['2026-06-10', '2026-06-10'],
      ] as const) {
        const range = `from=${from}&to=${to}&tz=${tz}`;
        const day = await rawClicks(`((clicked_at at time zone '${tz}')::date)::text`, tz, from, to);
        const series = await m.live.get(`/api/v1/reports/timeseries?${range}`);
        expect(series.status).toBe(200);
        for (const entry of series.body.data as Array<{ date: string; clicks: number }>)
          expect([entry.date, entry.clicks]).toEqual([entry.date, day.get(entry.date) ?? 0]);
        const total = [...day.values()].reduce((a, b) => a + b, 0);
        expect(total).toBeGreaterThan(0);
        expect((await m.live.get(`/api/v1/reports/summary?${range}`)).body.clicks).toBe(total);
        const byAffiliate = await rawClicks('affiliate_id', tz, from, to);
        const top = await m.live.get(`/api/v1/reports/affiliates?${range}&limit=10&sort=clicks`);
        expect(new Map((top.body.data as Array<{ affiliateId: string; clicks: number }>).map((a) => [a.affiliateId, a.clicks]))).toEqual(byAffiliate);
        const campaignId = campaigns[1]!.id;
        const inCampaign = await rawClicks(`''`, tz, from, to, campaignId);
        expect((await m.live.get(`/api/v1/reports/summary?${range}&campaignId=${campaignId}`)).body.clicks).toBe(inCampaign.get('') ?? 0);
      }
    });
  }
});
