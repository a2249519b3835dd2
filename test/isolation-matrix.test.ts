import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfluencemartClient } from '../sdk/src/index.ts';
import { apiKeys } from '../src/modules/api-keys/api-keys.tables.ts';
import { campaignMemberships } from '../src/modules/memberships/memberships.tables.ts';
import type { RouteSummary } from '../src/platform/module.ts';
import { insertCampaign, insertClick, insertProduct, orderId } from './support/conversion-factories.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeAffiliate, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { makeLink } from './support/link-factories.ts';
import { approvedCommission } from './support/money-factories.ts';
import { sampleFor } from './support/schema-sample.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Every route with a record id in its path, called by every kind of principal that must not reach
 * that record, with a real id of the kind the parameter names, seeded for another tenant (merchant A
 * against merchant B, in each mode; the same merchant in the other mode; affiliate against affiliate;
 * admins and affiliates on merchant routes). Each GET is first answered 200 to the record's owner, so
 * the id is proven real and of the right kind; a parameter with no known kind fails the test until
 * it is added here with a seeded record.
 */

type Mode = 'test' | 'live';
const MODES: Mode[] = ['test', 'live'];
/** Record kinds a merchant owns, per mode (statements and API keys are listed under both modes they cover). */
type MerchantKind =
  'campaign' | 'product' | 'productFeed' | 'import' | 'click' | 'order' | 'webhookEndpoint' | 'webhookDelivery' | 'joinRequest' | 'apiKey' | 'statement';
/** joinedCampaign: a campaign the victim affiliate joined by approval, not publicly listed (so no one else may join or browse it). */
type AffiliateKind = 'link' | 'payoutMethod' | 'payout' | 'joinedCampaign';
/** A parameter that names no tenant's record (a template type). */
type Shared = 'none';

/** The kind each path parameter names: `<segment before it>/:<parameter>`. */
const MERCHANT_PARAMS: Record<string, MerchantKind | Shared> = {
  'campaigns/:id': 'campaign',
  'products/:id': 'product',
  'product-feeds/:id': 'productFeed',
  'imports/:id': 'import',
  'templates/:type': 'none',
  'clicks/:clickId': 'click',
  'orders/:orderId': 'order',
  'webhook-endpoints/:id': 'webhookEndpoint',
  'deliveries/:deliveryId': 'webhookDelivery',
  'join-requests/:affiliateId': 'joinRequest',
  'api-keys/:id': 'apiKey',
  'statements/:id': 'statement',
};
const AFFILIATE_PARAMS: Record<string, AffiliateKind | Shared> = {
  'links/:id': 'link',
  'payout-methods/:id': 'payoutMethod',
  'payouts/:id': 'payout',
  'campaigns/:id': 'joinedCampaign',
};
/** Kinds whose records belong to one mode: the owner's other mode must not reach them. */
const MODE_SCOPED = new Set<MerchantKind>([
  'campaign',
  'product',
  'productFeed',
  'import',
  'click',
  'order',
  'webhookEndpoint',
  'webhookDelivery',
  'joinRequest',
]);
/** Kinds the test mode does not have: statements bill live orders only. */
const LIVE_ONLY = new Set<MerchantKind>(['statement']);
const REFUSED = [403, 404];

let t: TestApp;
let victim: TestMerchant;
let attacker: TestMerchant;
let victimSession: SessionClient;
let attackerSession: SessionClient;
let victimAffiliateSession: SessionClient;
let otherAffiliateSession: SessionClient;
let adminSession: SessionClient;
const merchantIds: Record<Mode, Partial<Record<MerchantKind, string>>> = { test: {}, live: {} };
const affiliateIds: Partial<Record<AffiliateKind, string>> = {};
/** Text found only in the victims' data. */
let markers: string[];

async function seedMode(mode: Mode, affiliateId: string): Promise<void> {
  const client = victim[mode];
  const ids = merchantIds[mode];
  const livemode = mode === 'live';
  const campaign = await insertCampaign(t.platform.db, {
    merchantId: victim.merchantId,
    livemode,
    defaultCommissionType: 'PERCENTAGE',
    defaultCommissionValue: 1000,
  });
  ids.campaign = campaign.id;
  ids.product = (
    await insertProduct(t.platform.db, { merchantId: victim.merchantId, livemode, externalProductId: `victim-${mode}-${randomUUID().slice(0, 8)}` })
  ).id;
  const feed = await client.post('/api/v1/product-feeds', { url: `https://${victim.domain}/feed-${mode}.csv` });
  expect(feed.status, JSON.stringify(feed.body)).toBe(201);
  ids.productFeed = feed.body.id;
  const template = await client.get('/api/v1/imports/templates/products');
  expect(template.status).toBe(200);
  const upload = await client.request({ method: 'POST', path: '/api/v1/imports?type=products', csv: `${String(template.body).trim()}\n` });
  expect(upload.status, JSON.stringify(upload.body)).toBeLessThan(300);
  ids.import = (upload.body as { id: string }).id;
  if (livemode) {
    const made = await approvedCommission(t, victim, campaign, affiliateId, '1000.00');
    ids.order = made.orderId;
  } else {
    const id = orderId('VICTIM');
    const created = await client.post('/api/v1/conversions', {
      orderId: id,
      clickId: await insertClick(t.platform.db, campaign, affiliateId),
      amount: '100.00',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids.order = id;
  }
  ids.click = await insertClick(t.platform.db, campaign, affiliateId);
  const hook = await client.post('/api/v1/webhook-endpoints', { url: `https://victim-hooks-${randomUUID().slice(0, 8)}.example.com/${mode}`, events: ['*'] });
  expect(hook.status).toBe(201);
  ids.webhookEndpoint = hook.body.id;
  const ping = await client.post(`/api/v1/webhook-endpoints/${hook.body.id}/test`);
  expect(ping.status).toBe(202);
  ids.webhookDelivery = ping.body.id;
  const joiner = await makeAffiliate(t);
  await t.platform.db
    .insert(campaignMemberships)
    .values({ campaignId: campaign.id, affiliateId: joiner.affiliateId, merchantId: victim.merchantId, status: 'PENDING' });
  ids.joinRequest = joiner.affiliateId;
  ids.apiKey = (await t.platform.db.select().from(apiKeys).where(eq(apiKeys.merchantId, victim.merchantId))).find((k) => k.livemode === livemode)!.id;
}

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  victim = await makeMerchant(t);
  attacker = await makeMerchant(t);
  victimSession = await signIn(t, victim.email);
  attackerSession = await signIn(t, attacker.email);
  adminSession = await signIn(t, (await makeAdmin(t)).email);
  const victimAffiliate = await makeAffiliate(t);
  victimAffiliateSession = await signIn(t, victimAffiliate.email);
  otherAffiliateSession = await signIn(t, (await makeAffiliate(t)).email);
  expect((await adminSession.request('PATCH', '/api/admin/settings', { minimumPayout: '10.00' })).status).toBe(200);

  for (const mode of MODES) await seedMode(mode, victimAffiliate.affiliateId);

  // Money for the victim affiliate: the live order is billed, the statement paid, and a payout asked for.
  const statement = await adminSession.request('POST', `/api/admin/merchants/${victim.merchantId}/statements`);
  expect(statement.status, JSON.stringify(statement.body)).toBe(201);
  merchantIds.live.statement = statement.body.id;
  const paid = await adminSession.request('POST', `/api/admin/statements/${statement.body.id}/payments`, {
    amount: statement.body.total,
    reference: 'BANK-ISOLATION',
  });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  const method = await victimAffiliateSession.request('POST', '/api/affiliate/payout-methods', {
    type: 'ESEWA',
    accountHolderName: 'Victim Affiliate',
    mobileNumber: '9812345678',
  });
  expect(method.status, JSON.stringify(method.body)).toBe(201);
  affiliateIds.payoutMethod = method.body.id;
  const payout = await victimAffiliateSession.request('POST', '/api/affiliate/payouts', {});
  expect(payout.status, JSON.stringify(payout.body)).toBe(201);
  affiliateIds.payout = payout.body.id;
  const { link, campaign } = await makeLink(t, victim, { affiliate: victimAffiliate });
  affiliateIds.link = link.id;
  affiliateIds.joinedCampaign = campaign.id;

  markers = [victim.email, victim.domain, ...MODES.flatMap((mode) => Object.values(merchantIds[mode])), ...Object.values(affiliateIds), link.code].filter(
    (m): m is string => Boolean(m),
  );
}, 180_000);
afterAll(() => t?.close());

const routes = (prefix: string) => t.app.routeTable.filter((r) => r.url.startsWith(prefix) && r.url.includes(':') && r.method !== 'HEAD');
const paramsOf = (url: string) => [...url.matchAll(/([^/]+)\/:([A-Za-z0-9_]+)/g)].map((m) => ({ key: `${m[1]}/:${m[2]}`, name: m[2]! }));
/** The route's path with a seeded id of the right kind in every parameter; null when this mode has no such record. */
function fill<K extends string>(url: string, kinds: Record<string, K | Shared>, ids: Partial<Record<K, string>>): string | null {
  let missing = false;
  const path = url.replace(/([^/]+)\/:([A-Za-z0-9_]+)/g, (_all, segment: string, name: string) => {
    const kind = kinds[`${segment}/:${name}`]!;
    const id = kind === 'none' ? 'products' : ids[kind as K];
    if (id === undefined) missing = true;
    return `${segment}/${encodeURIComponent(id ?? '')}`;
  });
  return missing ? null : path;
}
const ownedKinds = <K extends string>(url: string, kinds: Record<string, K | Shared>) =>
  paramsOf(url)
    .map((p) => kinds[p.key])
    .filter((k): k is K => k !== undefined && k !== 'none');
const bodyFor = (route: RouteSummary) => (route.schema?.body ? sampleFor(route.schema.body) : undefined);
const leaked = (body: unknown) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  return markers.filter((marker) => text.includes(marker));
};

type Caller = { label: string; call: (method: string, path: string, body: unknown) => Promise<{ status: number; body: unknown }> };
const keyCaller = (label: string, client: InfluencemartClient): Caller => ({
  label,
  call: (method, path, body) => client.request({ method: method as 'GET', path, body, idempotencyKey: null, retry: false }),
});
const sessionCaller = (label: string, session: SessionClient, mode?: Mode): Caller => ({
  label,
  call: (method, path, body) => session.request(method, path, body, mode ? { 'x-mode': mode } : {}),
});

describe(`isolation matrix on ${backend}`, () => {
  it('knows the kind of record every path parameter names', () => {
    const unknown = [
      ...[...routes('/api/v1/'), ...routes('/api/merchant/')].flatMap((r) =>
        paramsOf(r.url)
          .filter((p) => !(p.key in MERCHANT_PARAMS))
          .map((p) => `${r.method} ${r.url}: ${p.key}`),
      ),
      ...routes('/api/affiliate/').flatMap((r) =>
        paramsOf(r.url)
          .filter((p) => !(p.key in AFFILIATE_PARAMS))
          .map((p) => `${r.method} ${r.url}: ${p.key}`),
      ),
    ];
    expect(unknown).toEqual([]);
    for (const mode of MODES) {
      for (const kind of new Set(Object.values(MERCHANT_PARAMS))) {
        if (kind !== 'none' && !(mode === 'test' && LIVE_ONLY.has(kind))) expect(merchantIds[mode][kind], `${mode} ${kind}`).toBeTruthy();
      }
    }
    for (const kind of new Set(Object.values(AFFILIATE_PARAMS))) if (kind !== 'none') expect(affiliateIds[kind], kind).toBeTruthy();
  });

  it('the owner reaches each seeded record on every GET route, so every id is real and of its kind', async () => {
    const failures: string[] = [];
    for (const route of [...routes('/api/v1/'), ...routes('/api/merchant/')].filter((r) => r.method === 'GET')) {
      for (const mode of MODES) {
        const path = fill(route.url, MERCHANT_PARAMS, merchantIds[mode]);
        if (path === null) continue;
        const response = route.url.startsWith('/api/v1/')
          ? await victim[mode].get(path)
          : await victimSession.request('GET', path, undefined, { 'x-mode': mode });
        if (response.status !== 200) failures.push(`${mode} ${path} → ${response.status}`);
      }
    }
    for (const route of routes('/api/affiliate/').filter((r) => r.method === 'GET')) {
      const path = fill(route.url, AFFILIATE_PARAMS, affiliateIds)!;
      const response = await victimAffiliateSession.request('GET', path);
      if (response.status !== 200) failures.push(`affiliate ${path} → ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('another merchant, by key or session in either mode, is refused every record of the victim, and learns nothing of it', async () => {
    const callers = [
      keyCaller('attacker test key', attacker.test),
      keyCaller('attacker live key', attacker.live),
      sessionCaller('attacker session (test)', attackerSession, 'test'),
      sessionCaller('attacker session (live)', attackerSession, 'live'),
    ];
    const failures: string[] = [];
    for (const route of [...routes('/api/v1/'), ...routes('/api/merchant/')]) {
      if (ownedKinds(route.url, MERCHANT_PARAMS).length === 0) continue;
      for (const caller of route.url.startsWith('/api/v1/') ? callers : callers.slice(2)) {
        for (const mode of MODES) {
          const path = fill(route.url, MERCHANT_PARAMS, merchantIds[mode]);
          if (path === null) continue;
          const response = await caller.call(route.method, path, bodyFor(route));
          if (!REFUSED.includes(response.status)) failures.push(`${caller.label}: ${route.method} ${path} → ${response.status}`);
          const seen = leaked(response.body);
          if (seen.length > 0) failures.push(`${caller.label}: ${route.method} ${path} leaked ${seen.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the victim in one mode is refused its records of the other mode', async () => {
    const failures: string[] = [];
    for (const route of routes('/api/v1/')) {
      const kinds = ownedKinds(route.url, MERCHANT_PARAMS);
      if (kinds.length === 0 || !kinds.every((kind) => MODE_SCOPED.has(kind))) continue;
      for (const mode of MODES) {
        const other: Mode = mode === 'test' ? 'live' : 'test';
        const path = fill(route.url, MERCHANT_PARAMS, merchantIds[other])!;
        for (const caller of [keyCaller(`victim ${mode} key`, victim[mode]), sessionCaller(`victim session (${mode})`, victimSession, mode)]) {
          const response = await caller.call(route.method, path, bodyFor(route));
          if (!REFUSED.includes(response.status)) failures.push(`${caller.label} on ${other} data: ${route.method} ${path} → ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('another affiliate is refused every record of the victim affiliate; merchants and admins are refused affiliate routes', async () => {
    const failures: string[] = [];
    for (const route of routes('/api/affiliate/')) {
      const path = fill(route.url, AFFILIATE_PARAMS, affiliateIds)!;
      const callers = [sessionCaller('merchant session', victimSession), sessionCaller('admin session', adminSession)];
      if (ownedKinds(route.url, AFFILIATE_PARAMS).length > 0) callers.unshift(sessionCaller('other affiliate', otherAffiliateSession));
      for (const caller of callers) {
        const response = await caller.call(route.method, path, bodyFor(route));
        if (!REFUSED.includes(response.status)) failures.push(`${caller.label}: ${route.method} ${path} → ${response.status}`);
        const seen = leaked(response.body);
        if (seen.length > 0) failures.push(`${caller.label}: ${route.method} ${path} leaked ${seen.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('affiliates and admins are refused every merchant route that names a record, with the record’s real id', async () => {
    const failures: string[] = [];
    for (const route of [...routes('/api/v1/'), ...routes('/api/merchant/')]) {
      const path = fill(route.url, MERCHANT_PARAMS, merchantIds.live)!;
      for (const caller of [sessionCaller('victim affiliate', victimAffiliateSession), sessionCaller('admin', adminSession)]) {
        const response = await caller.call(route.method, path, bodyFor(route));
        if (response.status !== 403) failures.push(`${caller.label}: ${route.method} ${path} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('leaves every seeded record as it was', async () => {
    for (const mode of MODES) {
      const ids = merchantIds[mode];
      expect((await victim[mode].get(`/api/v1/campaigns/${ids.campaign}`)).body.status).toBe('ACTIVE');
      expect((await victim[mode].get(`/api/v1/products/${ids.product}`)).status).toBe(200);
      expect((await victim[mode].get(`/api/v1/webhook-endpoints/${ids.webhookEndpoint}`)).body.disabled).toBe(false);
    }
    const keys = await victimSession.request('GET', '/api/merchant/api-keys');
    expect(keys.body.data.every((k: { status: string }) => k.status === 'active')).toBe(true);
    const payouts = await victimAffiliateSession.request('GET', '/api/affiliate/payouts');
    expect(payouts.body.data.find((p: { id: string }) => p.id === affiliateIds.payout).status).not.toBe('cancelled');
    const methods = await victimAffiliateSession.request('GET', '/api/affiliate/payout-methods');
    expect(methods.body.data.map((m: { id: string }) => m.id)).toContain(affiliateIds.payoutMethod);
  });
});
