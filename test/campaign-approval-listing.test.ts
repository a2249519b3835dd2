import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../src/modules/campaigns/campaigns.tables.ts';
import { merchants } from '../src/modules/merchants/merchants.tables.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
let admin: SessionClient;
let merchantSession: SessionClient;
let otherSession: SessionClient;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  [merchant, other] = await Promise.all([makeMerchant(t, { businessName: 'Himalayan Goods' }), makeMerchant(t)]);
  admin = await signIn(t, (await makeAdmin(t)).email);
  merchantSession = await signIn(t, merchant.email);
  otherSession = await signIn(t, other.email);
});
afterAll(() => t.close());

async function create(body: Record<string, unknown> = {}, who: TestMerchant = merchant, mode: 'test' | 'live' = 'test') {
  const response = await who[mode].post('/api/v1/campaigns', { title: 'Campaign', ...body });
  expect(response.status).toBe(201);
  return response.body as { id: string; [key: string]: unknown };
}

/** Only live campaigns are ever listed: test data stays in the sandbox. */
const createLive = (body: Record<string, unknown> = {}, who: TestMerchant = merchant) => create(body, who, 'live');

const publicIds = async (query = '') => {
  const response = await t.app.inject({ method: 'GET', url: `/api/public/campaigns?pageSize=200${query}` });
  expect(response.statusCode).toBe(200);
  return (response.json().data as Array<{ id: string }>).map((c) => c.id);
};

describe(`campaign approval on ${backend}`, () => {
  it('blocks activation with 422 until an admin approves, then allows it', async () => {
    const { id } = await create({ approvalRequired: true });
    const blocked = await merchant.test.post(`/api/v1/campaigns/${id}/activate`);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error.code).toBe('CAMPAIGN_APPROVAL_REQUIRED');
    expect((await merchant.test.get(`/api/v1/campaigns/${id}`)).body.status).toBe('DRAFT');

    const pending = await admin.request('GET', '/api/admin/campaigns/pending?pageSize=200');
    expect(pending.status).toBe(200);
    expect(pending.body.data.map((c: { id: string }) => c.id)).toContain(id);
    // Each waiting campaign names its store, and keeps every campaign field.
    expect(pending.body.data.find((c: { id: string }) => c.id === id)).toMatchObject({
      id,
      merchantName: expect.stringMatching(/\S/),
      approvalRequired: true,
      campaignCode: expect.stringMatching(/^CMP-/),
    });

    const approved = await admin.request('POST', `/api/admin/campaigns/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id, approved: true, status: 'DRAFT' });
    expect(approved.body.approvedAt).toEqual(expect.any(String));
    const [row] = await t.platform.db.select().from(campaigns).where(eq(campaigns.id, id));
    expect(row?.approvedBy).toBe(admin.user.id);

    const again = await admin.request('POST', `/api/admin/campaigns/${id}/approve`);
    expect(again.body.approvedAt).toBe(approved.body.approvedAt);
    const after = await admin.request('GET', '/api/admin/campaigns/pending?pageSize=200');
    expect(after.body.data.map((c: { id: string }) => c.id)).not.toContain(id);

    const active = await merchant.test.post(`/api/v1/campaigns/${id}/activate`);
    expect(active.status).toBe(200);
    expect(active.body.status).toBe('ACTIVE');
  });

  it('activates at once when approval is not required', async () => {
    const { id } = await create({ approvalRequired: false });
    expect((await merchant.test.post(`/api/v1/campaigns/${id}/activate`)).status).toBe(200);
  });

  it('refuses approval of a campaign that does not need it, an archived one, and an unknown one', async () => {
    const plain = await create();
    expect((await admin.request('POST', `/api/admin/campaigns/${plain.id}/approve`)).body.error.code).toBe('CONFLICT');
    const archived = await create({ approvalRequired: true });
    await merchant.test.patch(`/api/v1/campaigns/${archived.id}`, { status: 'ARCHIVED' });
    expect((await admin.request('POST', `/api/admin/campaigns/${archived.id}/approve`)).status).toBe(409);
    expect((await admin.request('POST', '/api/admin/campaigns/00000000-0000-4000-8000-000000000000/approve')).status).toBe(404);
  });

  it('lets only admins approve or see the queue', async () => {
    const { id } = await create({ approvalRequired: true });
    const byMerchant = await merchantSession.request('POST', `/api/admin/campaigns/${id}/approve`);
    expect(byMerchant.status).toBe(403);
    expect((await merchantSession.request('GET', '/api/admin/campaigns/pending')).status).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/admin/campaigns/${id}/approve` });
    expect(anonymous.statusCode).toBe(401);
    expect((await merchant.test.get(`/api/v1/campaigns/${id}`)).body.approved).toBe(false);
  });
});

describe(`public listing on ${backend}`, () => {
  it('lists a campaign only once it is opted in, active and approved', async () => {
    const { id } = await createLive({
      title: 'Listed',
      category: 'Electronics',
      termsAndConditions: 'No coupon sites',
      defaultCommissionType: 'PERCENTAGE',
      defaultCommissionValue: '12.5',
    });
    expect(await publicIds()).not.toContain(id);

    const optIn = await merchantSession.request('POST', `/api/merchant/campaigns/${id}/listing`, { public: true });
    expect(optIn.status).toBe(200);
    expect(optIn.body).toMatchObject({ publicListing: true, listed: false });
    expect(await publicIds()).not.toContain(id); // still a draft

    const active = await merchant.live.post(`/api/v1/campaigns/${id}/activate`);
    expect(active.body).toMatchObject({ listed: true });
    const response = await t.app.inject({ method: 'GET', url: '/api/public/campaigns?pageSize=200' });
    const entry = response.json().data.find((c: { id: string }) => c.id === id);
    expect(entry).toMatchObject({
      title: 'Listed',
      category: 'Electronics',
      termsAndConditions: 'No coupon sites',
      merchant: { name: 'Himalayan Goods' },
      commission: { type: 'PERCENTAGE', value: '12.5', currency: 'NPR', source: 'campaign' },
      cookieDurationDays: 30,
      approvalRequired: false,
      livemode: true,
    });

    await merchant.live.post(`/api/v1/campaigns/${id}/pause`);
    expect(await publicIds()).not.toContain(id);
    await merchant.live.post(`/api/v1/campaigns/${id}/activate`);
    expect(await publicIds()).toContain(id);

    const optOut = await merchantSession.request('POST', `/api/merchant/campaigns/${id}/listing`, { public: false });
    expect(optOut.body).toMatchObject({ publicListing: false, listed: false });
    expect(await publicIds()).not.toContain(id);
  });

  it('hides expired campaigns and campaigns waiting for approval', async () => {
    const expiring = await createLive({ endDate: '2999-01-01T00:00:00Z' });
    await merchantSession.request('POST', `/api/merchant/campaigns/${expiring.id}/listing`, { public: true });
    await merchant.live.post(`/api/v1/campaigns/${expiring.id}/activate`);
    expect(await publicIds()).toContain(expiring.id);
    await t.platform.db
      .update(campaigns)
      .set({ endDate: new Date('2020-01-01T00:00:00Z') })
      .where(eq(campaigns.id, expiring.id));
    expect(await publicIds()).not.toContain(expiring.id);

    // Active, then approval switched on: not approved yet, so not listed.
    const unapproved = await createLive();
    await merchantSession.request('POST', `/api/merchant/campaigns/${unapproved.id}/listing`, { public: true });
    await merchant.live.post(`/api/v1/campaigns/${unapproved.id}/activate`);
    expect(await publicIds()).toContain(unapproved.id);
    const patched = await merchant.live.patch(`/api/v1/campaigns/${unapproved.id}`, { approvalRequired: true });
    expect(patched.body).toMatchObject({ status: 'ACTIVE', approved: false, listed: false });
    expect(await publicIds()).not.toContain(unapproved.id);
    await admin.request('POST', `/api/admin/campaigns/${unapproved.id}/approve`);
    expect(await publicIds()).toContain(unapproved.id);
  });

  it('hides campaigns of a merchant that is no longer approved', async () => {
    const suspended = await makeMerchant(t);
    const { id } = await createLive({}, suspended);
    await suspended.live.post(`/api/v1/campaigns/${id}/activate`);
    await admin.request('POST', `/api/admin/campaigns/${id}/listing`, { public: true });
    expect(await publicIds()).toContain(id);
    await t.platform.db.update(merchants).set({ status: 'SUSPENDED' }).where(eq(merchants.id, suspended.merchantId));
    expect(await publicIds()).not.toContain(id);
  });

  it('filters by category (case-insensitive), never lists a test-mode campaign, and pages', async () => {
    const ids: string[] = [];
    for (const [category, mode] of [
      ['Fashion', 'live'],
      ['fashion', 'live'],
      ['Books', 'test'],
      ['fashion', 'test'],
    ] as const) {
      const response = await merchant[mode].post('/api/v1/campaigns', { title: `${category} ${mode}`, category });
      const activated = await merchant[mode].post(`/api/v1/campaigns/${response.body.id}/activate`);
      const listing = await merchantSession.request('POST', `/api/merchant/campaigns/${response.body.id}/listing`, { public: true });
      expect(listing.body).toMatchObject({ publicListing: true, listed: mode === 'live' });
      expect(activated.body.listed).toBe(false);
      ids.push(response.body.id);
    }
    expect((await publicIds('&category=FASHION')).sort()).toEqual([ids[0], ids[1]].sort());
    expect(await publicIds('&category=books')).toEqual([]);
    expect(await publicIds('&search=ASHION%20LI')).toEqual(expect.arrayContaining([ids[0], ids[1]]));
    const paged = await t.app.inject({ method: 'GET', url: '/api/public/campaigns?category=fashion&pageSize=1&page=2' });
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(paged.json().data).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/campaigns?pageSize=500' })).statusCode).toBe(400);
  });

  it('shows the fallback commission when the campaign sets none: merchant, then platform', async () => {
    const fallback = await makeMerchant(t);
    const { id } = await createLive({}, fallback);
    await fallback.live.post(`/api/v1/campaigns/${id}/activate`);
    await admin.request('POST', `/api/admin/campaigns/${id}/listing`, { public: true });
    const find = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/public/campaigns?pageSize=200' })).json().data.find((c: { id: string }) => c.id === id);
    expect((await find()).commission).toEqual({ type: 'PERCENTAGE', value: '5', currency: 'NPR', source: 'platform' });
    await fallback.live.patch('/api/v1/account', { defaultCommissionType: 'FIXED', defaultCommissionValue: '75' });
    expect((await find()).commission).toEqual({ type: 'FIXED', value: '75.00', currency: 'NPR', source: 'merchant' });
  });

  it('lets a merchant change only its own campaigns’ listing, with a session and CSRF token', async () => {
    const { id } = await createLive();
    const foreign = await otherSession.request('POST', `/api/merchant/campaigns/${id}/listing`, { public: true });
    expect(foreign.status).toBe(404);
    const noCsrf = await merchantSession.request('POST', `/api/merchant/campaigns/${id}/listing`, { public: true }, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.status).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/merchant/campaigns/${id}/listing`, payload: { public: true } });
    expect(anonymous.statusCode).toBe(401);
    const invalid = await merchantSession.request('POST', `/api/merchant/campaigns/${id}/listing`, { public: 'yes' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].field).toBe('public');
    expect((await merchant.live.get(`/api/v1/campaigns/${id}`)).body.publicListing).toBe(false);
  });
});

describe(`merchant dashboard on the shared campaign routes on ${backend}`, () => {
  const test = { 'x-mode': 'test' };
  it('creates, lists, reads, updates, activates and pauses through /api/v1 with the session, in the mode X-Mode names', async () => {
    const created = await merchantSession.request('POST', '/api/v1/campaigns', { title: 'From dashboard' }, test);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'From dashboard', livemode: false, status: 'DRAFT' });
    const viaApi = await merchant.test.get(`/api/v1/campaigns/${created.body.id}`);
    expect(viaApi.status).toBe(200);

    const list = await merchantSession.request('GET', '/api/v1/campaigns?pageSize=200', undefined, test);
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(created.body.id);
    const liveList = await merchantSession.request('GET', '/api/v1/campaigns?pageSize=200');
    expect(liveList.body.data.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
    expect((await merchantSession.request('GET', `/api/v1/campaigns/${created.body.id}`, undefined, { 'x-mode': 'live' })).status).toBe(404);

    const patched = await merchantSession.request('PATCH', `/api/v1/campaigns/${created.body.id}`, { cookieDurationDays: 7 }, test);
    expect(patched.body.cookieDurationDays).toBe(7);
    expect((await merchantSession.request('POST', `/api/v1/campaigns/${created.body.id}/activate`, undefined, test)).body.status).toBe('ACTIVE');
    expect((await merchantSession.request('POST', `/api/v1/campaigns/${created.body.id}/pause`, undefined, test)).body.status).toBe('PAUSED');
    expect((await merchantSession.request('GET', `/api/v1/campaigns/${created.body.id}`, undefined, test)).body.status).toBe('PAUSED');
    expect((await otherSession.request('GET', `/api/v1/campaigns/${created.body.id}`, undefined, test)).status).toBe(404);
    expect((await otherSession.request('PATCH', `/api/v1/campaigns/${created.body.id}`, { title: 'x' }, test)).status).toBe(404);
  });

  it('refuses a session write without the CSRF token on a shared route', async () => {
    const refused = await merchantSession.request('POST', '/api/v1/campaigns', { title: 'No token' }, { ...test, 'x-csrf-token': '' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CSRF_FAILED');
  });
});
