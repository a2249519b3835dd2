import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '../src/modules/ledger/ledger.tables.ts';
import { verifyLedger } from '../src/modules/ledger/verify-ledger.ts';
import { payouts } from '../src/modules/payouts/payouts.tables.ts';
import { backend } from './support/database.ts';
import { insertCampaign } from './support/conversion-factories.ts';
import { makeAdmin, makeAffiliate, makeMerchant, PASSWORD, signIn, type SessionClient } from './support/factories.ts';
import { approvedCommission } from './support/money-factories.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

// Concurrency across connections needs a real server: PGlite runs one statement at a time anyway.
describe.runIf(backend === 'postgres')('payouts under concurrency on postgres', () => {
  let t: TestApp;
  let admin: SessionClient;
  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    admin = await signIn(t, (await makeAdmin(t)).email);
    await admin.request('PATCH', '/api/admin/settings', { minimumPayout: '100.00' });
  });
  afterAll(() => t.close());

  async function affiliateWithPayable() {
    const merchant = await makeMerchant(t);
    const campaign = await insertCampaign(t.platform.db, {
      merchantId: merchant.merchantId,
      livemode: true,
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: 1000,
    });
    const a = await makeAffiliate(t);
    const session = await signIn(t, a.email);
    expect(
      (await session.request('POST', '/api/affiliate/payout-methods', { type: 'ESEWA', accountHolderName: 'Hari Bista', mobileNumber: '9841234567' })).status,
    ).toBe(201);
    await approvedCommission(t, merchant, campaign, a.affiliateId, '3000.00');
    await approvedCommission(t, merchant, campaign, a.affiliateId, '2000.00');
    const statement = (await admin.request('POST', `/api/admin/merchants/${merchant.merchantId}/statements`)).body;
    await admin.request('POST', `/api/admin/statements/${statement.id}/payments`, { amount: statement.total, reference: `B-${statement.id}` });
    return { ...a, session };
  }

  /** Log in over real HTTP, for a server in another process. */
  async function httpSession(baseUrl: string, email: string) {
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    return (path: string, body: unknown = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });
  }

  it('many concurrent requests for the same balance make one payout', async () => {
    const a = await affiliateWithPayable();
    const post = await httpSession(t.url, a.email);
    const answers = await Promise.all(Array.from({ length: 12 }, () => post('/api/affiliate/payouts')));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(11);
    const rows = await t.platform.db.select().from(payouts).where(eq(payouts.affiliateId, a.affiliateId));
    expect(rows.map((p) => p.amount)).toEqual([50_000n]);
    expect((await verifyLedger(t.platform.db)).mismatches).toEqual([]);
  });

  it('two admins marking one payout paid at once post it once', async () => {
    const a = await affiliateWithPayable();
    const id = (await a.session.request('POST', '/api/affiliate/payouts')).body.id;
    await admin.request('POST', `/api/admin/payouts/${id}/approve`);
    await admin.request('POST', '/api/admin/payout-batches', { method: 'ESEWA' });
    const second = await signIn(t, (await makeAdmin(t)).email);
    const results = await Promise.all([
      admin.request('POST', `/api/admin/payouts/${id}/paid`, { reference: `ESW-${id}` }),
      second.request('POST', `/api/admin/payouts/${id}/paid`, { reference: `ESW-${id}-b` }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const posted = await t.platform.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.payoutId, id), eq(ledgerEntries.kind, 'payout_posted')));
    expect(posted).toHaveLength(2); // one posting: its processing and payable legs
    const paidLegs = await t.platform.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.payoutId, id), eq(ledgerEntries.kind, 'commission_paid')));
    expect(paidLegs).toHaveLength(4); // two commissions, each payable → paid once
    expect((await verifyLedger(t.platform.db)).mismatches).toEqual([]);
  });

  it('two server processes on one database never reserve the same money twice', async () => {
    const a = await affiliateWithPayable();
    const env = { DATABASE_URL: t.databaseUrl!, MASTER_KEY: t.config.masterKey! };
    let servers: ServerProcess[] = [];
    try {
      servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      const posts = await Promise.all(servers.map((s) => httpSession(s.url, a.email)));
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => posts[i % 2]!('/api/affiliate/payouts')));
      expect(answers.map((r) => r.status).filter((s) => s === 201)).toHaveLength(1);
      expect(await t.platform.db.select().from(payouts).where(eq(payouts.affiliateId, a.affiliateId))).toHaveLength(1);
      expect((await verifyLedger(t.platform.db)).mismatches).toEqual([]);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }, 120_000);
});
