import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { queryRows } from '../src/platform/db/client.ts';
import { verifyLedger } from '../src/modules/ledger/verify-ledger.ts';
import type { CampaignRow } from '../src/modules/campaigns/campaigns.tables.ts';
import { backend } from './support/database.ts';
import { makeAffiliate, makeMerchant, type TestMerchant } from './support/factories.ts';
import { insertCampaign, insertClick, orderId } from './support/conversion-factories.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe.runIf(backend === 'postgres')('conversions across two server processes on one PostgreSQL', () => {
  let t: TestApp;
  let merchant: TestMerchant;
  let campaign: CampaignRow;
  let affiliateId: string;
  const servers: ServerProcess[] = [];
  const clients: InfluencemartClient[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    merchant = await makeMerchant(t);
    affiliateId = (await makeAffiliate(t)).affiliateId;
    campaign = await insertCampaign(t.platform.db, {
      merchantId: merchant.merchantId,
      livemode: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const env = { DATABASE_URL: t.databaseUrl, MASTER_KEY: t.config.masterKey, DATABASE_POOL_SIZE: '20' };
    servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    for (const server of servers) clients.push(new InfluencemartClient({ baseUrl: server.url, ...merchant.keys.live, maxRetries: 8 }));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await t?.close();
  });

  it('the same order posted concurrently to both processes is one conversion', async () => {
    const orders = Array.from({ length: 25 }, () => orderId('MP'));
    const clickIds = await Promise.all(orders.map(() => insertClick(t.platform.db, campaign, affiliateId)));
    const responses = await Promise.all(
      orders.flatMap((id, i) =>
        // Four reports of each order: two to each process, each with its own idempotency key.
        [0, 1, 0, 1].map((server) =>
          clients[server]!.post('/api/v1/conversions', { orderId: id, clickId: clickIds[i], amount: '49.90', items: [{ sku: 'X', qty: 1, price: '49.90' }] }),
        ),
      ),
    );
    for (let i = 0; i < orders.length; i++) {
      const group = responses.slice(i * 4, i * 4 + 4);
      expect(group.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(group.map((r) => r.body.conversionId)).size).toBe(1);
      expect(group.filter((r) => r.body.deduplicated === false)).toHaveLength(1);
      expect(group.every((r) => r.body.commission?.amount === '4.99')).toBe(true);
    }
    const counts = await queryRows<{ orders: bigint; conversions: bigint; commissions: bigint; entries: bigint }>(
      t.platform.db,
      sql`select (select count(*) from orders where order_id like 'MP-%') as orders,
                 (select count(*) from conversions v join orders o on o.id = v.order_ref where o.order_id like 'MP-%') as conversions,
                 (select count(*) from commissions c join orders o on o.id = c.order_ref where o.order_id like 'MP-%') as commissions,
                 (select count(*) from ledger_entries e join commissions c on c.id = e.commission_id join orders o on o.id = c.order_ref where o.order_id like 'MP-%') as entries`,
    );
    expect(counts[0]).toEqual({ orders: 25n, conversions: 25n, commissions: 25n, entries: 25n });
  });

  it('one idempotency key sent to both processes at once runs once and answers the same', async () => {
    const id = orderId('MP');
    const clickId = await insertClick(t.platform.db, campaign, affiliateId);
    const body = { orderId: id, clickId, amount: '10.00' };
    const [a, b] = await Promise.all([
      clients[0]!.post('/api/v1/conversions', body, `same-${id}`),
      clients[1]!.post('/api/v1/conversions', body, `same-${id}`),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body).toEqual(b.body);
    // One ran, the other replayed its stored answer.
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].filter((h) => h === 'true')).toHaveLength(1);
  });

  it('concurrent partial refunds through both processes add up exactly', async () => {
    const id = orderId('MP');
    await clients[0]!.post('/api/v1/conversions', { orderId: id, clickId: await insertClick(t.platform.db, campaign, affiliateId), amount: '100.00' });
    await clients[1]!.patch(`/api/v1/orders/${id}`, { status: 'delivered' });
    const refunds = await Promise.all(
      Array.from({ length: 12 }, (_, i) => clients[i % 2]!.patch(`/api/v1/orders/${id}`, { status: 'refunded', refundAmount: '10.00' })),
    );
    const codes = refunds.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(10);
    expect(codes.filter((c) => c !== 200).every((c) => c === 409)).toBe(true);
    const order = await clients[0]!.get(`/api/v1/orders/${id}`);
    expect(order.body).toMatchObject({ status: 'refunded', refundedAmount: '100.00', commission: { status: 'reversed' } });
    expect(order.body.history.filter((h: { refundAmount: string | null }) => h.refundAmount === '10.00')).toHaveLength(10);
    expect((await verifyLedger(t.platform.db)).mismatches).toEqual([]);
  });
});
