import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSummary } from '../src/platform/module.ts';
import { signRequest } from '../src/platform/auth/request-signature.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeAffiliate, makeMerchant, PASSWORD, type TestMerchant } from './support/factories.ts';
import { sampleFor } from './support/schema-sample.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Every string a route takes — body fields, query parameters, path parameters — refuses what the
 * database cannot store with 400 INVALID_CHARACTERS naming the field, and every page number past
 * any range is a 400: generated from the route table, so a new route is covered.
 */

let t: TestApp;
let merchant: TestMerchant;
const sessions: Record<string, { cookie: string; csrf: string }> = {};

beforeAll(async () => {
  t = await createTestApp({ listen: true, config: { rateLimitPerMinute: 0, loginMaxFailuresPerEmail: 1_000_000, loginMaxFailuresPerIp: 1_000_000 } });
  merchant = await makeMerchant(t);
  for (const [role, email] of [
    ['merchant', merchant.email],
    ['affiliate', (await makeAffiliate(t)).email],
    ['admin', (await makeAdmin(t)).email],
  ] as const) {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
    sessions[role] = { cookie: login.cookies.find((c) => c.name === 'im_session')!.value, csrf: login.json().csrfToken };
  }
});
afterAll(() => t.close());

const BAD = { nul: 'a\u0000b', surrogate: 'a\uD800b' };
const SKIP = (route: RouteSummary) =>
  route.method === 'HEAD' || route.method === 'OPTIONS' || route.url.includes('*') || route.url.startsWith('/r/') || route.url === '/api/auth/logout';

function call(route: RouteSummary, path: string, body?: unknown) {
  const principals = ((route.config as { principals?: readonly string[] }).principals ?? []) as readonly string[];
  // A route that takes only other body types (a CSV upload) gets a small body of its first type.
  const bodyTypes = (route.config as { bodyTypes?: readonly string[] }).bodyTypes;
  const type = body === undefined ? undefined : bodyTypes && !bodyTypes.includes('application/json') ? bodyTypes[0]! : 'application/json';
  const raw = body === undefined ? '' : type === 'application/json' ? JSON.stringify(body) : 'name\nx\n';
  const headers: Record<string, string> = type === undefined ? {} : { 'content-type': type };
  const cookies: Record<string, string> = {};
  const session = principals.find((p) => p.endsWith('Session'));
  if (principals.includes('merchantKey')) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    Object.assign(headers, {
      authorization: `Bearer ${merchant.keys.live.publishableKey}`,
      'x-timestamp': timestamp,
      'x-signature': signRequest(merchant.keys.live.signingSecret, timestamp, route.method, path, raw),
      'x-idempotency-key': `k-${Math.random()}`,
    });
  } else if (session) {
    const who = sessions[session.replace('Session', '')]!;
    cookies.im_session = who.cookie;
    headers['x-csrf-token'] = who.csrf;
  }
  return t.app.inject({ method: route.method as 'GET', url: path, headers, cookies, ...(body === undefined ? {} : { payload: raw }) });
}

const encode = (value: string) => [...value].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
const paramNames = (route: RouteSummary) => (route.url.match(/:[A-Za-z]+/g) ?? []).map((p: string) => p.slice(1));
const withParams = (route: RouteSummary, value: (name: string) => string) => route.url.replace(/:([A-Za-z]+)/g, (_: string, name: string) => value(name));
const propertiesOf = (schema: unknown) => ((schema ?? {}) as { properties?: Record<string, { type?: unknown; enum?: unknown }> }).properties ?? {};
/** Free-text properties (a fixed list of values refuses anything else already, with its own code). */
const textProperties = (schema: unknown) =>
  Object.entries(propertiesOf(schema))
    .filter(([, property]) => (Array.isArray(property.type) ? property.type : [property.type]).includes('string') && property.enum === undefined)
    .map(([name]) => name);

interface Problem {
  route: string;
  field: string;
  status: number;
  code: string | undefined;
}

function check(problems: Problem[], route: RouteSummary, field: string, response: { statusCode: number; body: string }) {
  let body: any;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  const named = (body?.error?.details ?? []).some((d: { field?: string; code?: string }) => d.code === 'INVALID_CHARACTERS' && d.field === field);
  const bulkItem = (body?.errors ?? []).some((e: { code?: string }) => e.code === 'INVALID_CHARACTERS');
  if (!(response.statusCode === 400 && body?.error?.code === 'INVALID_CHARACTERS' && named) && !bulkItem) {
    problems.push({ route: `${route.method} ${route.url}`, field, status: response.statusCode, code: body?.error?.code });
  }
}

describe(`strings the database cannot store, on ${backend}`, () => {
  for (const [kind, bad] of Object.entries(BAD)) {
    it(`a ${kind} in any body field, query parameter or path parameter is 400 INVALID_CHARACTERS naming the field`, { timeout: 120_000 }, async () => {
      const problems: Problem[] = [];
      const routes = t.app.routeTable.filter((route) => !SKIP(route));
      for (const route of routes) {
        const goodPath = withParams(route, () => 'x');
        // In a URL an unpaired surrogate can only be sent as bytes that are not UTF-8: the path as a
        // whole is refused; the query parser keeps such bytes as they were written.
        const fixedParams = new Set(
          Object.entries(propertiesOf(route.schema?.params))
            .filter(([, property]) => property.enum !== undefined)
            .map(([name]) => name),
        );
        for (const name of paramNames(route).filter((n) => !fixedParams.has(n))) {
          const path = withParams(route, (n) => (n === name ? encode(bad) : 'x'));
          const response = await call(route, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : sampleFor(route.schema?.body));
          check(problems, route, kind === 'nul' ? `path.${name}` : 'path', response);
        }
        for (const name of kind === 'nul' ? textProperties(route.schema?.querystring) : []) {
          check(
            problems,
            route,
            `query.${name}`,
            await call(route, `${goodPath}?${name}=${encode(bad)}`, route.method === 'GET' ? undefined : sampleFor(route.schema?.body)),
          );
        }
        const sample = sampleFor(route.schema?.body) as Record<string, unknown>;
        for (const name of textProperties(route.schema?.body)) {
          check(problems, route, name, await call(route, goodPath, { ...sample, [name]: bad }));
        }
      }
      expect(problems.map((p) => `${p.route} ${p.field} → ${p.status} ${p.code}`)).toEqual([]);
    });
  }

  it('a nested string is named by its path (a conversion item SKU)', async () => {
    const route = t.app.routeTable.find((r) => r.method === 'POST' && r.url === '/api/v1/conversions')!;
    const sample = sampleFor(route.schema?.body) as Record<string, unknown>;
    const response = await call(route, route.url, {
      ...sample,
      items: [
        { sku: 'ok', quantity: 1, price: '1.00' },
        { sku: 'bad\u0000', quantity: 1, price: '1.00' },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'INVALID_CHARACTERS',
      details: expect.arrayContaining([expect.objectContaining({ field: 'items[1].sku', code: 'INVALID_CHARACTERS' })]),
    });
  });

  it('a bulk item with such a string fails alone, with INVALID_CHARACTERS; the others are stored', async () => {
    const products = Array.from({ length: 20 }, (_, i) => ({
      externalProductId: `sku-${i}`,
      name: i === 7 ? 'bad\u0000name' : `Product ${i}`,
      productUrl: `https://${merchant.domain}/p/${i}`,
      price: '10.00',
    }));
    const response = await merchant.live.post('/api/v1/products/upsert', { products });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ received: 20, failed: 1 });
    expect(response.body.errors).toEqual([expect.objectContaining({ index: 7, code: 'INVALID_CHARACTERS', status: 400 })]);
  });

  it.each(['Infinity', '-1', '0', '1.5', '99999999999999999999', '1e400', 'NaN'])('page=%s on any paginated route is 400, never a 500', async (page) => {
    const problems: string[] = [];
    for (const route of t.app.routeTable.filter((r) => !SKIP(r) && 'page' in propertiesOf(r.schema?.querystring))) {
      for (const key of ['page', 'pageSize']) {
        const response = await call(route, `${withParams(route, () => 'x')}?${key}=${page}`);
        if (response.statusCode !== 400) problems.push(`${route.method} ${route.url}?${key}=${page} → ${response.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
