import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/platform/db/client.ts';
import { domainEvents } from '../src/platform/events/events.tables.ts';
import { orders } from '../src/modules/orders/orders.tables.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, type TestMerchant } from './support/factories.ts';
import { insertCampaign, insertClick, insertProduct, orderId, setMerchantDefaults } from './support/conversion-factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
let affiliateId: string;
let live: CampaignRow;
let test: CampaignRow;

const MIN = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  merchant = await makeMerchant(t);
  other = await makeMerchant(t);
  affiliateId = (await makeAffiliate(t)).affiliateId;
  live = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
  test = await insertCampaign(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: false,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
  await insertProduct(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    externalProductId: 'PH-A54-128',
    commissionType: 'PERCENTAGE',
    commissionValue: 500,
  });
  await insertProduct(t.platform.db, {
    merchantId: merchant.merchantId,
    livemode: true,
    externalProductId: 'CASE-1',
    commissionType: 'FIXED',
    commissionValue: 2500,
  });
});
afterAll(() => t.close());

const post = (client = merchant.live, body: Record<string, unknown>, key?: string) => client.post('/api/v1/conversions', body, key);

describe(`POST /api/v1/conversions on ${backend}`, () => {
  it('attributes the seed example: 5 % of 49.90 is 2.49, pending', async () => {
    const clickId = await insertClick(t.platform.db, live, affiliateId);
    const id = orderId();
    const response = await post(merchant.live, {
      orderId: id,
      clickId,
      amount: '49.90',
      currency: 'NPR',
      status: 'confirmed',
      occurredAt: new Date().toISOString(),
      items: [{ sku: 'PH-A54-128', qty: 1, price: '49.90' }],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      conversionId: expect.stringMatching(/^cv_/),
      orderId: id,
      livemode: true,
      attributed: true,
      affiliateRef: affiliateId,
      commission: { amount: '2.49', currency: 'NPR', status: 'pending' },
      risk: { score: 0, reasons: [], reviewRequired: false },
      deduplicated: false,
    });
    const events = await t.platform.db.select().from(domainEvents).where(eq(domainEvents.merchantId, merchant.merchantId));
    const attributed = events.find((e) => e.type === 'conversion.attributed' && e.data.orderId === id);
    expect(attributed?.livemode).toBe(true);
    const changed = events.find((e) => e.type === 'commission.status_changed' && (e.data.commission as { orderId: string }).orderId === id);
    expect(changed?.data).toMatchObject({
      from: null,
      to: 'pending',
      reason: 'order_reported',
      commission: { amount: '2.49', rate: { type: 'PERCENTAGE', value: '5', source: 'product' } },
    });
  });

  describe('commission resolution through the API', () => {
    const cases: Array<{ name: string; body: Record<string, unknown>; amount: string; source: string; before?: () => Promise<void> }> = [
      {
        name: 'a product FIXED rate is paid per unit',
        body: { amount: '300.00', items: [{ sku: 'CASE-1', qty: 3, price: '100.00' }] },
        amount: '75.00',
        source: 'product',
      },
      {
        name: 'an unknown SKU falls to the campaign default',
        body: { amount: '200.00', items: [{ sku: 'NOPE', qty: 2, price: '100.00' }] },
        amount: '20.00',
        source: 'campaign',
      },
      {
        name: 'mixed lines each resolve on their own',
        body: {
          amount: '149.90',
          items: [
            { sku: 'PH-A54-128', qty: 1, price: '49.90' },
            { sku: 'NOPE', qty: 1, price: '100.00' },
          ],
        },
        amount: '12.49',
        source: 'campaign',
      },
      { name: 'no items: the campaign default on the order amount', body: { amount: '49.90' }, amount: '4.99', source: 'campaign' },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const clickId = await insertClick(t.platform.db, live, affiliateId);
        const response = await post(merchant.live, { orderId: orderId(), clickId, ...c.body });
        expect(response.status).toBe(201);
        expect(response.body.commission.amount).toBe(c.amount);
        const order = await merchant.live.get(`/api/v1/orders/${response.body.orderId}`);
        expect(order.body.commission.rate.source).toBe(c.source);
      });
    }

    it('no items: a campaign FIXED default is paid once per order', async () => {
      const fixed = await insertCampaign(t.platform.db, {
        merchantId: merchant.merchantId,
        livemode: true,
        defaultCommissionType: 'FIXED',
        defaultCommissionValue: 15000,
      });
      const clickId = await insertClick(t.platform.db, fixed, affiliateId);
      const response = await post(merchant.live, { orderId: orderId(), clickId, amount: '9999.00' });
      expect(response.body.commission).toEqual({ amount: '150.00', currency: 'NPR', status: 'pending' });
    });

    it('falls to the merchant default, then to the platform default', async () => {
      const bare = await makeMerchant(t);
      const campaign = await insertCampaign(t.platform.db, { merchantId: bare.merchantId, livemode: true });
      const first = await post(bare.live, { orderId: orderId(), clickId: await insertClick(t.platform.db, campaign, affiliateId), amount: '100.00' });
      expect(first.body.commission.amount).toBe('5.00');
      const order = await bare.live.get(`/api/v1/orders/${first.body.orderId}`);
      expect(order.body.commission.rate).toEqual({ type: 'PERCENTAGE', value: '5', source: 'platform' });
      await setMerchantDefaults(t.platform.db, bare.merchantId, { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 750 });
      const second = await post(bare.live, { orderId: orderId(), clickId: await insertClick(t.platform.db, campaign, affiliateId), amount: '100.00' });
      expect(second.body.commission.amount).toBe('7.50');
    });
  });

  describe('unattributed orders are stored with a reason', () => {
    const cases: Array<{ reason: string; click: () => Promise<string | undefined>; client?: () => TestMerchant['live'] }> = [
      { reason: 'NO_CLICK_ID', click: async () => undefined },
      { reason: 'UNKNOWN_CLICK', click: async () => 'clk_doesnotexist' },
      { reason: 'UNKNOWN_CLICK', click: async () => insertClick(t.platform.db, test, affiliateId) }, // a test-mode click, live key
      { reason: 'UNKNOWN_CLICK', click: async () => insertClick(t.platform.db, live, affiliateId), client: () => other.live }, // another merchant's click
      { reason: 'CLICK_NOT_ATTRIBUTABLE', click: () => insertClick(t.platform.db, live, affiliateId, { attributable: false }) },
      { reason: 'EXPIRED_WINDOW', click: () => insertClick(t.platform.db, live, affiliateId, { clickedAt: ago(31 * DAY) }) },
      {
        reason: 'CAMPAIGN_INACTIVE',
        click: async () =>
          insertClick(t.platform.db, await insertCampaign(t.platform.db, { merchantId: merchant.merchantId, livemode: true, status: 'PAUSED' }), affiliateId),
      },
      {
        reason: 'CAMPAIGN_INACTIVE',
        click: async () =>
          insertClick(t.platform.db, await insertCampaign(t.platform.db, { merchantId: merchant.merchantId, livemode: true, status: 'ARCHIVED' }), affiliateId),
      },
      {
        reason: 'CAMPAIGN_INACTIVE',
        click: async () =>
          insertClick(
            t.platform.db,
            await insertCampaign(t.platform.db, { merchantId: merchant.merchantId, livemode: true, startDate: ago(10 * DAY), endDate: ago(MIN) }),
            affiliateId,
          ),
      },
    ];
    for (const c of cases) {
      it(`${c.reason}${c.client ? ' (another merchant)' : ''}`, async () => {
        const client = c.client?.() ?? merchant.live;
        const id = orderId();
        const clickId = await c.click();
        const response = await post(client, { orderId: id, ...(clickId ? { clickId } : {}), amount: '49.90' });
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({
          orderId: id,
          attributed: false,
          unattributedReason: c.reason,
          affiliateRef: null,
          commission: null,
          deduplicated: false,
        });
        const order = await client.get(`/api/v1/orders/${id}`);
        expect(order.status).toBe(200);
        expect(order.body).toMatchObject({ attributed: false, unattributedReason: c.reason, status: 'pending', amount: '49.90' });
      });
    }

    it('records conversion.unattributed with the reason', async () => {
      const id = orderId();
      await post(merchant.live, { orderId: id, amount: '10.00' });
      const [event] = await t.platform.db
        .select()
        .from(domainEvents)
        .where(and(eq(domainEvents.type, 'conversion.unattributed'), sql`${domainEvents.data}->>'orderId' = ${id}`));
      expect(event?.data).toMatchObject({ attributed: false, unattributedReason: 'NO_CLICK_ID' });
    });
  });

  describe('cookieDurationDays = 0 accepts a conversion within 60 minutes of the click', () => {
    let lastClick: CampaignRow;
    beforeAll(async () => {
      lastClick = await insertCampaign(t.platform.db, { merchantId: merchant.merchantId, livemode: true, cookieDurationDays: 0 });
    });
    for (const [minutes, expected] of [
      [59, true],
      [61, false],
    ] as const) {
      it(`${minutes} minutes after the click → ${expected ? 'attributed' : 'EXPIRED_WINDOW'}`, async () => {
        const clickedAt = new Date(Date.now() - 2 * 60 * MIN);
        const clickId = await insertClick(t.platform.db, lastClick, affiliateId, { clickedAt });
        const response = await post(merchant.live, {
          orderId: orderId(),
          clickId,
          amount: '10.00',
          occurredAt: new Date(clickedAt.getTime() + minutes * MIN).toISOString(),
        });
        expect(response.body.attributed).toBe(expected);
        if (!expected) expect(response.body.unattributedReason).toBe('EXPIRED_WINDOW');
      });
    }
  });

  describe('deduplication', () => {
    it('answers a repeat of the same order with the first conversion, deduplicated', async () => {
      const clickId = await insertClick(t.platform.db, live, affiliateId);
      const id = orderId();
      const first = await post(merchant.live, { orderId: id, clickId, amount: '49.90' }, 'key-1');
      const again = await post(merchant.live, { orderId: id, clickId, amount: '99.00' }, 'key-2');
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...first.body, deduplicated: true });
      const rows = await t.platform.db.select().from(orders).where(eq(orders.orderId, id));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.amount).toBe(4990n);
    });

    it('replays the stored answer for the same idempotency key', async () => {
      const id = orderId();
      const first = await post(merchant.live, { orderId: id, amount: '5.00' }, 'key-replay');
      const replay = await post(merchant.live, { orderId: id, amount: '5.00' }, 'key-replay');
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);
    });

    it('keeps the same order id apart per mode and per merchant', async () => {
      const id = orderId();
      const a = await post(merchant.live, { orderId: id, amount: '5.00' });
      const b = await post(merchant.test, { orderId: id, amount: '5.00' });
      const c = await post(other.live, { orderId: id, amount: '5.00' });
      expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
      expect(new Set([a.body.conversionId, b.body.conversionId, c.body.conversionId]).size).toBe(3);
      expect(b.body.livemode).toBe(false);
    });
  });

  describe('validation', () => {
    const cases: Array<{ name: string; body: Record<string, unknown>; field: string; code: string }> = [
      { name: 'a JSON number for amount', body: { amount: 49.9 }, field: 'amount', code: 'MUST_BE_DECIMAL_STRING' },
      {
        name: 'a JSON number for an item price',
        body: { items: [{ sku: 'A', qty: 1, price: 4990 }] },
        field: 'items[0].price',
        code: 'MUST_BE_DECIMAL_STRING',
      },
      { name: 'too many decimals', body: { amount: '49.901' }, field: 'amount', code: 'TOO_MANY_DECIMALS' },
      { name: 'a lowercase currency', body: { currency: 'npr' }, field: 'currency', code: 'PATTERN' },
      { name: 'a four-letter currency', body: { currency: 'NPRS' }, field: 'currency', code: 'PATTERN' },
      { name: 'a date that is not ISO 8601', body: { occurredAt: '14/06/2026' }, field: 'occurredAt', code: 'FORMAT' },
      { name: 'lines adding up to more than the amount', body: { items: [{ sku: 'A', qty: 2, price: '49.90' }] }, field: 'items', code: 'ITEMS_EXCEED_AMOUNT' },
      { name: 'a zero quantity', body: { items: [{ sku: 'A', qty: 0, price: '1.00' }] }, field: 'items[0].qty', code: 'MINIMUM' },
      { name: 'a missing orderId', body: { orderId: undefined }, field: 'orderId', code: 'REQUIRED' },
      { name: 'an unknown status', body: { status: 'lost' }, field: 'status', code: 'ENUM' },
      { name: 'a snake_case field', body: { order_id: 'x' }, field: 'order_id', code: 'UNKNOWN_FIELD' },
    ];
    for (const c of cases) {
      it(`rejects ${c.name} naming ${c.field}, and stores nothing`, async () => {
        const id = orderId();
        const body = JSON.parse(JSON.stringify({ orderId: id, amount: '49.90', ...c.body }));
        const response = await post(merchant.live, body);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
        expect(response.body.error.details).toContainEqual(expect.objectContaining({ field: c.field, code: c.code }));
        expect(await t.platform.db.select().from(orders).where(eq(orders.orderId, id))).toHaveLength(0);
      });
    }
  });

  it('stores the applied rate, source and per-line detail', async () => {
    const clickId = await insertClick(t.platform.db, live, affiliateId);
    const response = await post(merchant.live, {
      orderId: orderId(),
      clickId,
      amount: '149.90',
      items: [
        { sku: 'PH-A54-128', qty: 1, price: '49.90' },
        { sku: 'NOPE', qty: 1, price: '100.00' },
      ],
    });
    const lines = await queryRows<{ sku: string; rate_source: string; rate_value: number; amount: bigint }>(
      t.platform.db,
      sql`select l.sku, l.rate_source, l.rate_value, l.amount from commission_lines l join commissions c on c.id = l.commission_id
          where c.conversion_id = ${response.body.conversionId} order by l.line_no`,
    );
    expect(lines).toEqual([
      { sku: 'PH-A54-128', rate_source: 'product', rate_value: 500, amount: 249n },
      { sku: 'NOPE', rate_source: 'campaign', rate_value: 1000, amount: 1000n },
    ]);
  });
});
