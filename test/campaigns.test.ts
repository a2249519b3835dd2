import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../src/modules/campaigns/campaigns.tables.ts';
import { createCampaign } from '../src/modules/campaigns/create-campaign.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
let merchant: TestMerchant;
let other: TestMerchant;
beforeAll(async () => {
  t = await createTestApp({ listen: true });
  [merchant, other] = await Promise.all([makeMerchant(t), makeMerchant(t)]);
});
afterAll(() => t.close());

const PAST = '2020-01-01T00:00:00.000Z';
const FUTURE = '2999-01-01T00:00:00.000Z';

async function create(body: Record<string, unknown> = {}, who: TestMerchant = merchant, mode: 'test' | 'live' = 'test') {
  const response = await who[mode].post('/api/v1/campaigns', { title: 'Dashain Sale', ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function countCampaigns(merchantId: string) {
  return (await t.platform.db.select().from(campaigns).where(eq(campaigns.merchantId, merchantId))).length;
}

describe(`campaigns API on ${backend}`, () => {
  describe('create', () => {
    it('creates a DRAFT campaign with a CMP- code and returns the full campaign', async () => {
      const response = await merchant.test.post('/api/v1/campaigns', {
        title: 'Dashain Sale',
        defaultCommissionType: 'PERCENTAGE',
        defaultCommissionValue: '12',
        cookieDurationDays: 30,
        approvalRequired: false,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        title: 'Dashain Sale',
        status: 'DRAFT',
        defaultCommissionType: 'PERCENTAGE',
        defaultCommissionValue: '12',
        cookieDurationDays: 30,
        approvalRequired: false,
        approved: true,
        publicListing: false,
        listed: false,
        live: false,
        livemode: false,
        currency: 'NPR',
      });
      expect(response.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(response.body.campaignCode).toMatch(/^CMP-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
    });

    it('needs only a title and fills the defaults', async () => {
      const body = await create({ title: 'Minimal' });
      expect(body).toMatchObject({
        title: 'Minimal',
        status: 'DRAFT',
        cookieDurationDays: 30,
        approvalRequired: false,
        allowedTrafficSources: [],
        defaultCommissionType: null,
        defaultCommissionValue: null,
        startDate: null,
        endDate: null,
        description: null,
        termsAndConditions: null,
      });
    });

    it('stores every optional field', async () => {
      const body = await create({
        title: 'Tihar',
        description: 'Festival of lights',
        category: 'Electronics',
        landingUrl: `https://shop.${merchant.domain}/tihar`,
        startDate: '2030-10-01T00:00:00Z',
        endDate: '2030-11-01T00:00:00+05:45',
        defaultCommissionType: 'FIXED',
        defaultCommissionValue: '250',
        cookieDurationDays: 0,
        allowedTrafficSources: ['Instagram', 'tiktok', 'instagram'],
        termsAndConditions: 'No coupon sites',
        approvalRequired: true,
        holdDays: 7,
      });
      expect(body).toMatchObject({
        description: 'Festival of lights',
        category: 'Electronics',
        startDate: '2030-10-01T00:00:00.000Z',
        endDate: '2030-10-31T18:15:00.000Z',
        defaultCommissionType: 'FIXED',
        defaultCommissionValue: '250.00',
        cookieDurationDays: 0,
        allowedTrafficSources: ['instagram', 'tiktok'],
        termsAndConditions: 'No coupon sites',
        approvalRequired: true,
        approved: false,
        holdDays: 7,
      });
    });

    it('replays a retried create instead of creating twice', async () => {
      const before = await countCampaigns(merchant.merchantId);
      const first = await merchant.test.post('/api/v1/campaigns', { title: 'Once' }, 'campaign-once');
      const again = await merchant.test.post('/api/v1/campaigns', { title: 'Once' }, 'campaign-once');
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      expect(await countCampaigns(merchant.merchantId)).toBe(before + 1);
    });

    it('picks another code when the generated one is taken', async () => {
      const existing = await create({ title: 'Holder' });
      const codes = [existing.campaignCode, existing.campaignCode, 'CMP-ZZZZ22'];
      const created = await createCampaign(t.platform.db, { merchantId: merchant.merchantId, livemode: false }, { title: 'Retry' }, () => codes.shift()!);
      expect(created.campaignCode).toBe('CMP-ZZZZ22');
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a missing title', { title: undefined }, 'title', 'REQUIRED'],
      ['a title over 160 characters', { title: 'x'.repeat(161) }, 'title', 'MAXLENGTH'],
      ['a blank title', { title: '   ' }, 'title', 'PATTERN'],
      ['cookieDurationDays below 0', { cookieDurationDays: -1 }, 'cookieDurationDays', 'MINIMUM'],
      ['cookieDurationDays above 365', { cookieDurationDays: 366 }, 'cookieDurationDays', 'MAXIMUM'],
      ['a fractional cookieDurationDays', { cookieDurationDays: 1.5 }, 'cookieDurationDays', 'TYPE'],
      ['cookieDurationDays as a string', { cookieDurationDays: '30' }, 'cookieDurationDays', 'TYPE'],
      ['a startDate that is not ISO 8601', { startDate: '01/10/2030' }, 'startDate', 'FORMAT'],
      ['an endDate without time zone', { endDate: '2030-10-01T00:00:00' }, 'endDate', 'FORMAT'],
      ['an endDate before startDate', { startDate: '2030-10-02T00:00:00Z', endDate: '2030-10-01T00:00:00Z' }, 'endDate', 'END_BEFORE_START'],
      ['an endDate equal to startDate', { startDate: '2030-10-02T00:00:00Z', endDate: '2030-10-02T00:00:00Z' }, 'endDate', 'END_BEFORE_START'],
      ['a commission type without value', { defaultCommissionType: 'PERCENTAGE' }, 'defaultCommissionValue', 'REQUIRED_TOGETHER'],
      ['a commission value without type', { defaultCommissionValue: '10' }, 'defaultCommissionType', 'REQUIRED_TOGETHER'],
      [
        'a commission value as a JSON number',
        { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 12 },
        'defaultCommissionValue',
        'MUST_BE_DECIMAL_STRING',
      ],
      ['a percentage above 100', { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '100.5' }, 'defaultCommissionValue', 'INVALID_PERCENTAGE'],
      [
        'a percentage with 3 decimals',
        { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '12.345' },
        'defaultCommissionValue',
        'INVALID_PERCENTAGE',
      ],
      ['a negative value', { defaultCommissionType: 'FIXED', defaultCommissionValue: '-5' }, 'defaultCommissionValue', 'INVALID_DECIMAL'],
      ['money with 3 decimals', { defaultCommissionType: 'FIXED', defaultCommissionValue: '1.005' }, 'defaultCommissionValue', 'INVALID_MONEY'],
      ['an unknown commission type', { defaultCommissionType: 'FLAT', defaultCommissionValue: '5' }, 'defaultCommissionType', 'ENUM'],
      ['traffic sources that are not a list', { allowedTrafficSources: 'instagram' }, 'allowedTrafficSources', 'TYPE'],
      ['approvalRequired that is not a boolean', { approvalRequired: 'yes' }, 'approvalRequired', 'TYPE'],
      ['an unknown field', { status: 'ACTIVE' }, 'status', 'UNKNOWN_FIELD'],
      ['a landing URL off the approved domains', { landingUrl: 'https://elsewhere.example.net/' }, 'landingUrl', 'DOMAIN_NOT_APPROVED'],
    ])('rejects %s with 400 naming the field, creating nothing', async (_name, patch, field, code) => {
      const before = await countCampaigns(merchant.merchantId);
      const body = JSON.parse(JSON.stringify({ title: 'Bad', ...patch }));
      const response = await merchant.test.post('/api/v1/campaigns', body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
      expect(await countCampaigns(merchant.merchantId)).toBe(before);
    });
  });

  describe('list and get', () => {
    let lister: TestMerchant;
    beforeAll(async () => {
      lister = await makeMerchant(t);
      for (const title of ['A', 'B', 'C']) await create({ title }, lister);
      const active = await create({ title: 'Active' }, lister);
      await lister.test.post(`/api/v1/campaigns/${active.id}/activate`);
      const paused = await create({ title: 'Paused' }, lister);
      await lister.test.post(`/api/v1/campaigns/${paused.id}/activate`);
      await lister.test.post(`/api/v1/campaigns/${paused.id}/pause`);
      await create({ title: 'Expired', startDate: '2019-01-01T00:00:00Z', endDate: PAST }, lister);
      const archived = await create({ title: 'Archived' }, lister);
      await lister.test.patch(`/api/v1/campaigns/${archived.id}`, { status: 'ARCHIVED' });
      await create({ title: 'Live mode' }, lister, 'live');
    });

    it('pages newest first with page, pageSize and total', async () => {
      const first = await lister.test.get('/api/v1/campaigns?page=1&pageSize=2');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 7 });
      expect(first.body.data.map((c: { title: string }) => c.title)).toEqual(['Archived', 'Expired']);
      const last = await lister.test.get('/api/v1/campaigns?page=4&pageSize=2');
      expect(last.body.data.map((c: { title: string }) => c.title)).toEqual(['A']);
      const defaults = await lister.test.get('/api/v1/campaigns');
      expect(defaults.body).toMatchObject({ page: 1, pageSize: 50, total: 7 });
    });

    it.each([
      ['DRAFT', ['C', 'B', 'A']],
      ['ACTIVE', ['Active']],
      ['PAUSED', ['Paused']],
      ['EXPIRED', ['Expired']],
      ['ARCHIVED', ['Archived']],
    ])('filters by status %s', async (status, titles) => {
      const response = await lister.test.get(`/api/v1/campaigns?status=${status}`);
      expect(response.body.data.map((c: { title: string }) => c.title)).toEqual(titles);
      expect(response.body.data.every((c: { status: string }) => c.status === status)).toBe(true);
      expect(response.body.total).toBe(titles.length);
    });

    it.each([
      ['pageSize above 200', 'pageSize=201', 'query.pageSize'],
      ['pageSize 0', 'pageSize=0', 'query.pageSize'],
      ['page 0', 'page=0', 'query.page'],
      ['an unknown status', 'status=LIVE', 'query.status'],
    ])('rejects %s', async (_name, query, field) => {
      const response = await lister.test.get(`/api/v1/campaigns?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
    });

    it('accepts pageSize 200', async () => {
      expect((await lister.test.get('/api/v1/campaigns?pageSize=200')).status).toBe(200);
    });

    it('keeps modes apart: the live key lists only live campaigns', async () => {
      const live = await lister.live.get('/api/v1/campaigns');
      expect(live.body.data.map((c: { title: string }) => c.title)).toEqual(['Live mode']);
    });

    it('gets one campaign by id', async () => {
      const created = await create({ title: 'Fetch me' });
      const response = await merchant.test.get(`/api/v1/campaigns/${created.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(created);
    });

    it('answers 404 for another merchant’s campaign, the other mode, an unknown id and a malformed id', async () => {
      const mine = await create({ title: 'Private' });
      for (const [client, path] of [
        [other.test, `/api/v1/campaigns/${mine.id}`],
        [merchant.live, `/api/v1/campaigns/${mine.id}`],
        [merchant.test, '/api/v1/campaigns/00000000-0000-4000-8000-000000000000'],
        [merchant.test, '/api/v1/campaigns/not-a-uuid'],
      ] as const) {
        const response = await client.get(path);
        expect(response.status, path).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
      for (const [method, path, body] of [
        ['PATCH', `/api/v1/campaigns/${mine.id}`, { title: 'Stolen' }],
        ['POST', `/api/v1/campaigns/${mine.id}/activate`, undefined],
        ['POST', `/api/v1/campaigns/${mine.id}/pause`, undefined],
      ] as const) {
        expect((await other.test.request({ method, path, body })).status).toBe(404);
        expect((await merchant.live.request({ method, path, body })).status).toBe(404);
      }
      expect((await merchant.test.get(`/api/v1/campaigns/${mine.id}`)).body).toMatchObject({ title: 'Private', status: 'DRAFT' });
    });
  });

  describe('update', () => {
    it('partially updates: a commission value alone keeps the stored type', async () => {
      const created = await create({ defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '12', description: 'Keep me' });
      const response = await merchant.test.patch(`/api/v1/campaigns/${created.id}`, { defaultCommissionValue: '15', cookieDurationDays: 45 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        defaultCommissionType: 'PERCENTAGE',
        defaultCommissionValue: '15',
        cookieDurationDays: 45,
        description: 'Keep me',
        title: 'Dashain Sale',
      });
    });

    it('clears optional fields with null', async () => {
      const created = await create({ description: 'x', endDate: FUTURE, defaultCommissionType: 'FIXED', defaultCommissionValue: '10' });
      const response = await merchant.test.patch(`/api/v1/campaigns/${created.id}`, {
        description: null,
        endDate: null,
        defaultCommissionType: null,
        defaultCommissionValue: null,
      });
      expect(response.body).toMatchObject({ description: null, endDate: null, defaultCommissionType: null, defaultCommissionValue: null });
    });

    it.each<[string, Record<string, unknown>, Record<string, unknown>, string, string]>([
      ['an endDate before the stored startDate', { startDate: '2030-10-02T00:00:00Z' }, { endDate: '2030-10-01T00:00:00Z' }, 'endDate', 'END_BEFORE_START'],
      ['a startDate after the stored endDate', { endDate: '2030-10-01T00:00:00Z' }, { startDate: '2030-10-05T00:00:00Z' }, 'startDate', 'END_BEFORE_START'],
      ['a value alone when no type is stored', {}, { defaultCommissionValue: '15' }, 'defaultCommissionType', 'REQUIRED_TOGETHER'],
      [
        'a type change without a value',
        { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '10' },
        { defaultCommissionType: 'FIXED' },
        'defaultCommissionValue',
        'REQUIRED_TOGETHER',
      ],
      [
        'a value alone invalid for the stored type',
        { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: '10' },
        { defaultCommissionValue: '150' },
        'defaultCommissionValue',
        'INVALID_PERCENTAGE',
      ],
      ['a status other than ARCHIVED', {}, { status: 'ACTIVE' }, 'status', 'ENUM'],
      ['a title over 160 characters', {}, { title: 'y'.repeat(161) }, 'title', 'MAXLENGTH'],
      ['a cookieDurationDays of 400', {}, { cookieDurationDays: 400 }, 'cookieDurationDays', 'MAXIMUM'],
      [
        'a number for the commission value',
        { defaultCommissionType: 'FIXED', defaultCommissionValue: '10' },
        { defaultCommissionValue: 15 },
        'defaultCommissionValue',
        'MUST_BE_DECIMAL_STRING',
      ],
      ['the campaignCode (not editable)', {}, { campaignCode: 'CMP-AAAAAA' }, 'campaignCode', 'UNKNOWN_FIELD'],
    ])('rejects %s', async (_name, initial, patch, field, code) => {
      const created = await create(initial);
      const response = await merchant.test.patch(`/api/v1/campaigns/${created.id}`, patch);
      expect(response.status).toBe(400);
      expect(response.body.error.details).toContainEqual(expect.objectContaining({ field, code }));
      expect((await merchant.test.get(`/api/v1/campaigns/${created.id}`)).body).toEqual(created);
    });

    it('archives through PATCH status ARCHIVED, after which nothing changes it', async () => {
      const created = await create();
      const archived = await merchant.test.patch(`/api/v1/campaigns/${created.id}`, { status: 'ARCHIVED' });
      expect(archived.status).toBe(200);
      expect(archived.body.status).toBe('ARCHIVED');
      for (const [method, path, body] of [
        ['POST', `/api/v1/campaigns/${created.id}/activate`, undefined],
        ['POST', `/api/v1/campaigns/${created.id}/pause`, undefined],
        ['PATCH', `/api/v1/campaigns/${created.id}`, { status: 'ARCHIVED' }],
        ['PATCH', `/api/v1/campaigns/${created.id}`, { title: 'Revived' }],
      ] as const) {
        const response = await merchant.test.request({ method, path, body });
        expect(response.status, `${method} ${path}`).toBe(409);
        expect(response.body.error.code).toBe('INVALID_TRANSITION');
      }
    });

    it('has no /archive endpoint', async () => {
      const created = await create();
      expect((await merchant.test.post(`/api/v1/campaigns/${created.id}/archive`)).status).toBe(404);
    });
  });

  describe('status machine', () => {
    it('activates, pauses and reactivates; refuses invalid transitions with 409', async () => {
      const { id } = await create();
      const path = (action: string) => `/api/v1/campaigns/${id}/${action}`;
      const pauseDraft = await merchant.test.post(path('pause'));
      expect(pauseDraft.status).toBe(409);
      expect(pauseDraft.body.error.code).toBe('INVALID_TRANSITION');

      const active = await merchant.test.post(path('activate'));
      expect(active.status).toBe(200);
      expect(active.body).toMatchObject({ status: 'ACTIVE', live: true });
      expect((await merchant.test.post(path('activate'))).body.error.code).toBe('INVALID_TRANSITION');

      const paused = await merchant.test.post(path('pause'));
      expect(paused.body).toMatchObject({ status: 'PAUSED', live: false });
      expect((await merchant.test.post(path('pause'))).status).toBe(409);

      const again = await merchant.test.post(path('activate'));
      expect(again.body.status).toBe('ACTIVE');
    });

    it('reads EXPIRED once endDate has passed, whatever is stored, and cannot be activated', async () => {
      const { id } = await create({ endDate: FUTURE });
      await merchant.test.post(`/api/v1/campaigns/${id}/activate`);
      await t.platform.db
        .update(campaigns)
        .set({ endDate: new Date(PAST) })
        .where(eq(campaigns.id, id));

      const expired = await merchant.test.get(`/api/v1/campaigns/${id}`);
      expect(expired.body).toMatchObject({ status: 'EXPIRED', live: false });
      const listed = await merchant.test.get('/api/v1/campaigns?status=EXPIRED&pageSize=200');
      expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(id);
      const active = await merchant.test.get('/api/v1/campaigns?status=ACTIVE&pageSize=200');
      expect(active.body.data.map((c: { id: string }) => c.id)).not.toContain(id);

      for (const action of ['activate', 'pause']) {
        const response = await merchant.test.post(`/api/v1/campaigns/${id}/${action}`);
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('INVALID_TRANSITION');
      }
      // Moving endDate into the future brings back the stored status.
      const extended = await merchant.test.patch(`/api/v1/campaigns/${id}`, { endDate: FUTURE });
      expect(extended.body.status).toBe('ACTIVE');
    });

    it('can archive an expired campaign', async () => {
      const { id } = await create({ endDate: PAST });
      const archived = await merchant.test.patch(`/api/v1/campaigns/${id}`, { status: 'ARCHIVED' });
      expect(archived.body.status).toBe('ARCHIVED');
    });

    it('is not live before its startDate', async () => {
      const { id } = await create({ startDate: FUTURE });
      const active = await merchant.test.post(`/api/v1/campaigns/${id}/activate`);
      expect(active.body).toMatchObject({ status: 'ACTIVE', live: false });
    });

    it('serialises concurrent transitions: one activation wins, the other is refused', async () => {
      const { id } = await create();
      const results = await Promise.all([merchant.test.post(`/api/v1/campaigns/${id}/activate`), merchant.test.post(`/api/v1/campaigns/${id}/activate`)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });
  });

  it('documents the catalog endpoints in the OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const [path, method] of [
      ['/api/v1/campaigns', 'post'],
      ['/api/v1/campaigns/{id}', 'patch'],
      ['/api/v1/campaigns/{id}/activate', 'post'],
      ['/api/v1/products/upsert', 'post'],
      ['/api/v1/products/archive', 'post'],
      ['/api/v1/product-feeds/{id}/run', 'post'],
    ] as const) {
      expect(spec.paths[path]?.[method]?.summary, `${method} ${path}`).toEqual(expect.any(String));
    }
    expect(spec.paths['/api/v1/campaigns'].post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/Campaign');
    expect(spec.components.schemas.Campaign.properties.campaignCode).toBeDefined();
  });
});
