import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPayoutMethod } from '../src/modules/affiliates/payout-methods.service.ts';
import { issueStatement } from '../src/modules/billing/issue-statement.ts';
import { recordStatementPayment } from '../src/modules/billing/record-statement-payment.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { matureHeldCommissions } from '../src/modules/commissions/mature-held-commissions.ts';
import { loadPlatformDefaults } from '../src/modules/commissions/platform-defaults.ts';
import { findClickInDatabase } from '../src/modules/conversions/click-record.ts';
import { recordConversion } from '../src/modules/conversions/record-conversion.ts';
import { applyOrderStatus } from '../src/modules/orders/apply-order-status.ts';
import { REQUESTABLE_ORDER_STATUSES } from '../src/modules/orders/order-status.ts';
import { approvePayout } from '../src/modules/payouts/decide-payout.ts';
import { createPayoutBatch } from '../src/modules/payouts/payout-batches.ts';
import { payouts } from '../src/modules/payouts/payouts.tables.ts';
import { requestPayout } from '../src/modules/payouts/request-payout.ts';
import { markPayoutPaid } from '../src/modules/payouts/settle-payout.ts';
import { savePlatformSettings } from '../src/modules/platform-settings/platform-settings.repository.ts';
import { rebuildReportBuckets } from '../src/modules/reports/rebuild-report-buckets.ts';
import { insertClicks } from '../src/modules/tracking/insert-clicks.ts';
import type { ClickRow } from '../src/modules/tracking/clicks.tables.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { AppError } from '../src/platform/errors.ts';
import { newId } from '../src/platform/ids.ts';
import { formatMoney } from '../src/platform/money.ts';
import { backend } from './support/database.ts';
import { insertCampaign, insertLink, orderId } from './support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const DAY = 86_400_000;
const EXPECTED = ['INVALID_TRANSITION', 'REFUND_EXCEEDS_REMAINDER', 'UNPROCESSABLE', 'NOTHING_TO_PAY', 'PAYOUT_BELOW_MINIMUM', 'NOTHING_TO_BILL'];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FIGURE_COLUMNS = [
  'clicks',
  'attributable_clicks',
  'conversions',
  'revenue',
  'commission_pending',
  'commission_hold',
  'commission_approved',
  'commission_payable',
  'commission_paid',
  'commission_reversed',
  'commission_rejected',
];
const FIGURES = sql.raw(FIGURE_COLUMNS.join(', '));
const HOLDS_SOMETHING = sql`(${FIGURES}) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`;

/** Every roll-up row that holds something, of the fine buckets and both coarse totals, as comparable text. */
async function buckets(): Promise<string[]> {
  const rows = await queryRows<{ line: string }>(
    t.platform.db,
    sql`select concat_ws('|', 'bucket', merchant_id, livemode, extract(epoch from bucket), campaign_id, product_id, affiliate_id, link_id, sub_id, currency,
        ${FIGURES}) as line
      from report_buckets where ${HOLDS_SOMETHING}
      union all
      select concat_ws('|', 'merchant', merchant_id, livemode, grain, extract(epoch from bucket), campaign_id, currency, ${FIGURES})
      from report_merchant_totals where ${HOLDS_SOMETHING}
      union all
      select concat_ws('|', 'affiliate', merchant_id, livemode, grain, extract(epoch from bucket), campaign_id, affiliate_id, currency, ${FIGURES})
      from report_affiliate_totals where ${HOLDS_SOMETHING}
      order by 1`,
  );
  return rows.map((r) => r.line);
}

/** The coarse totals that the fine buckets imply: each grain's sums, binned independently of the triggers. */
async function totalsFromBuckets(): Promise<string[]> {
  const sums = sql.raw(FIGURE_COLUMNS.map((c) => `sum(${c})`).join(', '));
  const binned = sql`(select *, date_bin(make_interval(secs => g.grain), bucket, timestamptz '1970-01-01 00:00:00+00') as binned
    from report_buckets cross join (values (900), (3600), (86400)) as g(grain)) as b`;
  const rows = await queryRows<{ line: string }>(
    t.platform.db,
    sql`select concat_ws('|', 'affiliate', merchant_id, livemode, grain, extract(epoch from binned), campaign_id, affiliate_id, currency, ${sums}) as line
      from ${binned}
      group by merchant_id, livemode, grain, binned, campaign_id, affiliate_id, currency
      having (${sums}) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      union all
      select concat_ws('|', 'merchant', merchant_id, livemode, grain, extract(epoch from binned), campaign_id, currency, ${sums})
      from ${binned}
      group by merchant_id, livemode, grain, binned, campaign_id, currency
      having (${sums}) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      order by 1`,
  );
  return rows.map((r) => r.line);
}

describe(`report roll-ups on ${backend}`, () => {
  it('a rebuild from raw rows equals the roll-ups kept up incrementally, after any workload', async () => {
    const db = t.platform.db;
    await savePlatformSettings({ minimumPayout: 1n }, db);
    const m = await makeMerchant(t);
    const adminId = (await makeAdmin(t)).userId;
    const affiliates = [(await makeAffiliate(t)).affiliateId, (await makeAffiliate(t)).affiliateId];
    for (const [i, affiliateId] of affiliates.entries()) {
      await addPayoutMethod(db, t.platform.secrets, affiliateId, { type: 'ESEWA', accountHolderName: 'Asha Gurung', mobileNumber: `982000000${i}` });
    }
    const campaigns: CampaignRow[] = [];
    for (const livemode of [true, true, false]) {
      campaigns.push(await insertCampaign(db, { merchantId: m.merchantId, livemode, defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 }));
    }
    const links: Array<Awaited<ReturnType<typeof insertLink>>> = [];
    for (const campaign of campaigns)
      for (const affiliateId of affiliates)
        links.push(await insertLink(db, { affiliateId, merchantId: m.merchantId, livemode: campaign.livemode, campaignId: campaign.id }));
    const deps = { db, defaults: loadPlatformDefaults(t.config), findClick: findClickInDatabase(db) };
    const clickIds: string[] = [];
    const orderIds: Array<{ id: string; livemode: boolean }> = [];
    const base = Date.now() - 40 * DAY;

    const click = fc.record({
      link: fc.nat(links.length - 1),
      minutes: fc.integer({ min: 0, max: 20 * 24 * 60 }),
      attributable: fc.boolean(),
      sub: fc.constantFrom(undefined, 'yt', 'ig'),
    });
    const step = fc.oneof(
      { weight: 3, arbitrary: fc.record({ op: fc.constant('clicks' as const), batch: fc.array(click, { minLength: 1, maxLength: 12 }) }) },
      {
        weight: 4,
        arbitrary: fc.record({
          op: fc.constant('convert' as const),
          click: fc.nat(),
          cents: fc.integer({ min: 100, max: 2_000_000 }),
          after: fc.integer({ min: 1, max: 3000 }),
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({
          op: fc.constant('status' as const),
          order: fc.nat(),
          status: fc.constantFrom(...REQUESTABLE_ORDER_STATUSES),
          partial: fc.boolean(),
        }),
      },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('mature' as const) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('bill' as const) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('payout' as const), affiliate: fc.nat(1) }) },
    );

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
        for (const s of steps) {
          try {
            switch (s.op) {
              case 'clicks': {
                const rows: ClickRow[] = s.batch.map((c) => {
                  const link = links[c.link]!;
                  return {
                    id: newId('clk'),
                    linkId: link.id,
                    affiliateId: link.affiliateId,
                    merchantId: m.merchantId,
                    livemode: link.livemode,
                    campaignId: link.campaignId,
                    productId: null,
                    clickedAt: new Date(base + c.minutes * 60_000),
                    ipHash: randomBytes(6).toString('hex'),
                    userAgent: 'test',
                    referrer: null,
                    trafficSource: null,
                    subIds: c.sub ? { sub1: c.sub } : {},
                    attributable: c.attributable,
                    unattributableReason: c.attributable ? null : 'LINK_ARCHIVED',
                    riskFlags: [],
                  };
                });
                await insertClicks(db, rows);
                clickIds.push(...rows.filter((r) => r.attributable).map((r) => r.id));
                break;
              }
              case 'convert': {
                if (clickIds.length === 0) break;
                const clickId = clickIds[s.click % clickIds.length]!;
                const [found] = await queryRows<{ clicked_at: string; livemode: boolean }>(
                  db,
                  sql`select clicked_at::text, livemode from clicks where id = ${clickId}`,
                );
                const id = orderId('RP');
                const occurredAt = new Date(new Date(found!.clicked_at).getTime() + s.after * 60_000).toISOString();
                const principal = { merchantId: m.merchantId, livemode: found!.livemode, actor: 'merchant:key_property' };
                await recordConversion(deps, principal, { orderId: id, clickId, amount: formatMoney(BigInt(s.cents)), occurredAt, status: 'delivered' });
                orderIds.push({ id, livemode: found!.livemode });
                break;
              }
              case 'status': {
                if (orderIds.length === 0) break;
                const target = orderIds[s.order % orderIds.length]!;
                const refund = s.status === 'refunded' && s.partial ? { refundAmount: '0.50' } : {};
                await applyOrderStatus(
                  db,
                  { merchantId: m.merchantId, livemode: target.livemode, actor: 'merchant:key_property' },
                  target.id,
                  { status: s.status, ...refund },
                  14,
                );
                break;
              }
              case 'mature':
                await matureHeldCommissions(db, { now: new Date(Date.now() + 30 * DAY) });
                break;
              case 'bill': {
                const statement = await issueStatement(db, { merchantId: m.merchantId, currency: 'NPR', actor: 'system' });
                if (statement && statement.total > 0n)
                  await recordStatementPayment(db, statement.id, { amount: formatMoney(statement.total), reference: `PAY-${statement.id}` }, adminId);
                break;
              }
              case 'payout': {
                const requested = await requestPayout(db, affiliates[s.affiliate]!, {});
                await approvePayout(db, requested.id, adminId);
                await createPayoutBatch(db, 'ESEWA', { adminUserId: null });
                await markPayoutPaid(db, requested.id, `REF-${requested.id}`, adminId);
                break;
              }
            }
          } catch (error) {
            if (!(error instanceof AppError && EXPECTED.includes(error.code))) throw error;
          }
        }
        const incremental = await buckets();
        expect(incremental.filter((line) => !line.startsWith('bucket|'))).toEqual(await totalsFromBuckets());
        await rebuildReportBuckets(db, { from: null, to: null });
        expect(await buckets()).toEqual(incremental);
        // A rebuild of some days leaves the others as they were, and those days right.
        const from = new Date(Math.floor((base + 5 * DAY) / DAY) * DAY);
        await rebuildReportBuckets(db, { from, to: new Date(from.getTime() + 3 * DAY) });
        expect(await buckets()).toEqual(incremental);
      }),
      { numRuns: backend === 'postgres' ? 8 : 12 },
    );
    // Finish with the whole money path once, so paid commissions are certainly among the states checked.
    await matureHeldCommissions(db, { now: new Date(Date.now() + 30 * DAY) });
    const statement = await issueStatement(db, { merchantId: m.merchantId, currency: 'NPR', actor: 'system' });
    if (statement && statement.total > 0n)
      await recordStatementPayment(db, statement.id, { amount: formatMoney(statement.total), reference: `PAY-${statement.id}` }, adminId);
    for (const affiliateId of affiliates) {
      const requested = await requestPayout(db, affiliateId, {}).catch(() => null);
      if (!requested) continue;
      await approvePayout(db, requested.id, adminId);
      await createPayoutBatch(db, 'ESEWA', { adminUserId: null });
      await markPayoutPaid(db, requested.id, `REF-${requested.id}`, adminId);
    }
    const incremental = await buckets();
    await rebuildReportBuckets(db, { from: null, to: null });
    expect(await buckets()).toEqual(incremental);
    // The histories reached paid commissions and refunds, so more than clicks ran.
    const [states] = await queryRows<{ paid: string; reversed: string; conversions: string }>(
      db,
      sql`select sum(commission_paid)::text as paid, sum(commission_reversed)::text as reversed, sum(conversions)::text as conversions from report_buckets where merchant_id = ${m.merchantId}`,
    );
    expect(BigInt(states!.paid)).toBeGreaterThan(0n);
    expect(BigInt(states!.reversed)).toBeGreaterThan(0n);
    expect(Number(states!.conversions)).toBeGreaterThan(10);
    expect((await db.select({ id: payouts.id }).from(payouts)).length).toBeGreaterThan(0);
  });
});
