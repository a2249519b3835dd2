import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import type { RouteSummary } from '../src/platform/module.ts';
import { apiKeys } from '../src/modules/api-keys/api-keys.tables.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeAffiliate, makeMerchant, signIn, type SessionClient, type TestMerchant } from './support/factories.ts';
import { sampleFor } from './support/schema-sample.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Tenant isolation, built from the app's own route table: every /api/v1 and /api/merchant route
 * (including ones added by modules written later) is called with another tenant's keys and session
 * (in both modes) and the victim's record ids, and must refuse, or answer without a trace of the victim's data.
 */

let t: TestApp;
let victim: TestMerchant;
let attacker: TestMerchant;
let victimSession: SessionClient;
let attackerSession: SessionClient;
let affiliateSession: SessionClient;
let adminSession: SessionClient;
/** Strings that appear only in the victim's data. */
let victimMarkers: string[];
/** Ids of the victim's records, to put into path parameters. */
let victimIds: string[];
/** The victim's test-mode-only records and markers, for calls with its own live key. */
let testModeIds: string[];
let testModeMarkers: string[];

const PUBLIC_V1 = new Set(['GET /api/v1/openapi.json']);
const REFUSED = [400, 401, 403, 404];

beforeAll(async () => {
  t = await createTestApp({ listen: true });
  victim = await makeMerchant(t, { businessName: `Victim Store ${randomUUID().slice(0, 8)}` });
  attacker = await makeMerchant(t);
  victimSession = await signIn(t, victim.email);
  attackerSession = await signIn(t, attacker.email);
  affiliateSession = await signIn(t, (await makeAffiliate(t)).email);
  adminSession = await signIn(t, (await makeAdmin(t)).email);

  // Give the victim data in both modes: domains, request log rows, idempotency keys, keys in use.
  const testDomain = await victim.test.post('/api/v1/domains', { domain: `victim-test-${randomUUID().slice(0, 8)}.example.com` }, 'victim-key-1');
  const liveDomain = await victim.live.post('/api/v1/domains', { domain: `victim-live-${randomUUID().slice(0, 8)}.example.com` }, 'victim-key-1');
  expect([testDomain.status, liveDomain.status]).toEqual([201, 201]);
  await victim.test.get('/api/v1/account');
  await victim.live.get('/api/v1/account');
  // Webhook endpoints in both modes, each with a delivery in its log.
  const testHook = await victim.test.post('/api/v1/webhook-endpoints', {
    url: `https://victim-hooks-${randomUUID().slice(0, 8)}.example.com/test`,
    events: ['*'],
    description: 'victim test hook',
  });
  const liveHook = await victim.live.post('/api/v1/webhook-endpoints', {
    url: `https://victim-hooks-${randomUUID().slice(0, 8)}.example.com/live`,
    events: ['*'],
  });
  expect([testHook.status, liveHook.status]).toEqual([201, 201]);
  const testPing = await victim.test.post(`/api/v1/webhook-endpoints/${testHook.body.id}/test`);
  const livePing = await victim.live.post(`/api/v1/webhook-endpoints/${liveHook.body.id}/test`);
  expect([testPing.status, livePing.status]).toEqual([202, 202]);

  const keys = await t.platform.db.select().from(apiKeys).where(eq(apiKeys.merchantId, victim.merchantId));
  const testKeyIds = keys.filter((k) => !k.livemode).map((k) => k.id);
  const hookIds = [testHook.body.id, liveHook.body.id, testPing.body.id, livePing.body.id];
  victimIds = [victim.merchantId, victim.userId, testDomain.body.id, liveDomain.body.id, ...keys.map((k) => k.id), ...hookIds];
  victimMarkers = [
    ...victimIds,
    victim.email,
    victim.domain,
    testDomain.body.domain,
    liveDomain.body.domain,
    ...keys.map((k) => k.publishableKey),
    victim.keys.test.signingSecret,
    victim.keys.live.signingSecret,
    testHook.body.url,
    liveHook.body.url,
    testHook.body.secret.slice(6),
    liveHook.body.secret.slice(6),
    testPing.body.eventId,
  ];
  testModeIds = [...testKeyIds, testHook.body.id, testPing.body.id];
  testModeMarkers = [
    ...testKeyIds,
    victim.keys.test.publishableKey,
    victim.keys.test.signingSecret,
    testHook.body.id,
    testHook.body.url,
    testHook.body.secret.slice(6),
    testPing.body.eventId,
  ];
});
afterAll(() => t.close());

const routesUnder = (prefix: string) =>
  t.app.routeTable.filter((r) => r.url.startsWith(prefix) && r.method !== 'HEAD' && !PUBLIC_V1.has(`${r.method} ${r.url}`));

function pathsFor(route: RouteSummary, ids: string[]): string[] {
  if (!route.url.includes(':')) return [route.url];
  // Every parameter gets each victim id in turn, plus a well-formed uuid for uuid-typed ids.
  return [...ids, randomUUID()].map((id) => route.url.replace(/:[A-Za-z0-9_]+/g, encodeURIComponent(id)));
}

const bodyFor = (route: RouteSummary) => (route.schema?.body ? sampleFor(route.schema.body) : undefined);

function leaked(body: unknown, markers: string[]): string[] {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  return markers.filter((marker) => marker && text.includes(marker));
}

function withoutEchoedPaths(body: unknown): unknown {
  const page = body as { data?: Array<Record<string, unknown>> };
  return Array.isArray(page?.data) ? { ...page, data: page.data.map(({ path: _path, ...rest }) => rest) } : body;
}

async function expectIsolated(label: string, route: RouteSummary, path: string, response: { status: number; body: unknown }, markers: string[]): Promise<void> {
  const where = `${label}: ${route.method} ${path}`;
  // The attacker's own request log echoes the paths the attacker typed, victim ids included;
  // that is the attacker's input, not the victim's data, so those fields are left out.
  if (route.url === '/api/merchant/request-log') response = { ...response, body: withoutEchoedPaths(response.body) };
  if (route.url.includes(':')) expect(REFUSED, `${where} answered ${response.status}`).toContain(response.status);
  expect(leaked(response.body, markers), `${where} leaked`).toEqual([]);
}

describe(`tenant isolation on ${backend}`, () => {
  it('has routes to check, and every one of them declares the principals it accepts', () => {
    const v1 = routesUnder('/api/v1/');
    const dashboard = routesUnder('/api/merchant/');
    expect(v1.length).toBeGreaterThanOrEqual(2);
    expect(dashboard.length).toBeGreaterThanOrEqual(5);
    for (const route of v1) expect(route.config.principals, `${route.method} ${route.url}`).toEqual(['merchantKey', 'merchantSession']);
    for (const route of dashboard) expect(route.config.principals, `${route.method} ${route.url}`).toEqual(['merchantSession']);
    for (const route of routesUnder('/api/admin/')) expect(route.config.principals, `${route.method} ${route.url}`).toEqual(['adminSession']);
    for (const route of routesUnder('/api/affiliate/')) expect(route.config.principals, `${route.method} ${route.url}`).toEqual(['affiliateSession']);
  });

  it('another merchant’s keys, in either mode, never reach the victim’s data through /api/v1', async () => {
    for (const route of routesUnder('/api/v1/')) {
      for (const client of [attacker.test, attacker.live]) {
        for (const path of pathsFor(route, victimIds)) {
          const response = await client.request({ method: route.method as 'GET', path, body: bodyFor(route), idempotencyKey: null, retry: false });
          await expectIsolated(client.livemode ? 'attacker live key' : 'attacker test key', route, path, response, victimMarkers);
        }
      }
    }
  });

  it('the victim’s live key never reaches its test-mode data', async () => {
    // Writes without an id only create the caller's own live data; everything else is checked.
    for (const route of routesUnder('/api/v1/').filter((r) => r.method === 'GET' || r.url.includes(':'))) {
      for (const path of pathsFor(route, testModeIds)) {
        const response = await victim.live.request({ method: route.method as 'GET', path, body: bodyFor(route), idempotencyKey: null, retry: false });
        await expectIsolated('victim live key on test data', route, path, response, testModeMarkers);
      }
    }
  });

  it('a publishable key signed with another merchant’s secret gets 401 on every /api/v1 route, even beside a valid session cookie', async () => {
    const mixed = new InfluencemartClient({
      baseUrl: t.url,
      publishableKey: victim.keys.test.publishableKey,
      signingSecret: attacker.keys.test.signingSecret,
      maxRetries: 0,
    });
    for (const route of routesUnder('/api/v1/')) {
      for (const path of pathsFor(route, victimIds).slice(0, 1)) {
        const response = await mixed.request({ method: route.method as 'GET', path, body: bodyFor(route), idempotencyKey: null, retry: false });
        expect(response.status, `${route.method} ${path}`).toBe(401);
        // An Authorization header makes it a signed call: the victim's own cookie does not rescue a bad signature.
        const withCookie = await victimSession.request(route.method, path, bodyFor(route), { authorization: `Bearer ${victim.keys.test.publishableKey}` });
        expect(withCookie.status, `cookie + unsigned key on ${route.method} ${path}`).toBe(401);
        expect(leaked(withCookie.body, victimMarkers)).toEqual([]);
      }
    }
  });

  it('another merchant’s dashboard session, in either mode, never reaches the victim’s data through /api/v1', async () => {
    for (const route of routesUnder('/api/v1/')) {
      for (const mode of ['test', 'live']) {
        for (const path of pathsFor(route, victimIds)) {
          const response = await attackerSession.request(route.method, path, bodyFor(route), { 'x-mode': mode });
          await expectIsolated(`attacker session (${mode})`, route, path, response, victimMarkers);
        }
      }
    }
  });

  it('the victim’s own session in live mode never reaches its test-mode data', async () => {
    for (const route of routesUnder('/api/v1/').filter((r) => r.method === 'GET' || r.url.includes(':'))) {
      for (const path of pathsFor(route, testModeIds)) {
        const response = await victimSession.request(route.method, path, bodyFor(route), { 'x-mode': 'live' });
        await expectIsolated('victim live session on test data', route, path, response, testModeMarkers);
      }
    }
  });

  it('another merchant’s dashboard session never reaches the victim’s data through /api/merchant', async () => {
    for (const route of routesUnder('/api/merchant/')) {
      for (const path of pathsFor(route, victimIds)) {
        const response = await attackerSession.request(route.method, path, bodyFor(route));
        await expectIsolated('attacker session', route, path, response, victimMarkers);
      }
    }
  });

  it('affiliates, admins and anonymous callers are refused on every /api/merchant and /api/v1 route; non-admins on every /api/admin route', async () => {
    for (const route of [...routesUnder('/api/merchant/'), ...routesUnder('/api/v1/')]) {
      const path = pathsFor(route, victimIds)[0]!;
      expect((await affiliateSession.request(route.method, path, bodyFor(route))).status, `affiliate ${route.method} ${path}`).toBe(403);
      expect((await adminSession.request(route.method, path, bodyFor(route))).status, `admin ${route.method} ${path}`).toBe(403);
      const anonymous = await t.app.inject({
        method: route.method as 'GET',
        url: path,
        ...(bodyFor(route) === undefined ? {} : { payload: bodyFor(route) as object }),
      });
      expect(anonymous.statusCode, `anonymous ${route.method} ${path}`).toBe(401);
    }
    for (const route of routesUnder('/api/admin/')) {
      const path = pathsFor(route, victimIds)[0]!;
      for (const [who, session] of [
        ['merchant', attackerSession],
        ['affiliate', affiliateSession],
      ] as const) {
        const response = await session.request(route.method, path, bodyFor(route));
        expect(response.status, `${who} ${route.method} ${path}`).toBe(403);
        expect(leaked(response.body, victimMarkers)).toEqual([]);
      }
      expect((await t.app.inject({ method: route.method as 'GET', url: path })).statusCode, `anonymous ${route.method} ${path}`).toBe(401);
    }
  });

  it('merchants, admins and anonymous callers are refused on every /api/affiliate route', async () => {
    const routes = routesUnder('/api/affiliate/');
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      const path = pathsFor(route, victimIds)[0]!;
      for (const [who, session] of [
        ['merchant', attackerSession],
        ['admin', adminSession],
      ] as const) {
        expect((await session.request(route.method, path, bodyFor(route))).status, `${who} ${route.method} ${path}`).toBe(403);
      }
      expect((await t.app.inject({ method: route.method as 'GET', url: path })).statusCode, `anonymous ${route.method} ${path}`).toBe(401);
    }
  });

  it('leaves the victim exactly as it was', async () => {
    expect((await victim.test.get('/api/v1/account')).status).toBe(200);
    expect((await victim.live.get('/api/v1/account')).status).toBe(200);
    const keys = await victimSession.request('GET', '/api/merchant/api-keys');
    expect(keys.body.total).toBe(2);
    expect(keys.body.data.every((k: { status: string }) => k.status === 'active')).toBe(true);
    const account = await victimSession.request('GET', '/api/merchant/account');
    expect(account.body.domains).toHaveLength(3);
    expect(account.body.status).toBe('APPROVED');
    for (const client of [victim.test, victim.live]) {
      const hooks = await client.get('/api/v1/webhook-endpoints');
      expect(hooks.body.total).toBe(1);
      expect(hooks.body.data[0]).toMatchObject({ disabled: false, events: ['*'] });
      expect(hooks.body.data[0].url).toMatch(/^https:\/\/victim-hooks-/);
    }
  });

  it('does not replay another merchant’s answer for the same idempotency key', async () => {
    const body = { domain: `shared-${randomUUID().slice(0, 8)}.example.com` };
    const first = await victim.test.post('/api/v1/domains', body, 'shared-idempotency-key');
    const second = await attacker.test.post('/api/v1/domains', body, 'shared-idempotency-key');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.id).not.toBe(first.body.id);
  });
});
