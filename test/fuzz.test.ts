import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSummary } from '../src/platform/module.ts';
import { signRequest } from '../src/platform/auth/request-signature.ts';
import { backend } from './support/database.ts';
import { makeAdmin, makeAffiliate, makeMerchant, PASSWORD, type TestMerchant } from './support/factories.ts';
import { sampleFor } from './support/schema-sample.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Hostile requests, generated from the route table, against every route of both APIs: strings the
 * database cannot store, numbers past any range, wrong types, unknown fields, odd headers. No
 * answer may be a 5xx; meanwhile /healthz keeps answering quickly and memory comes back down.
 */

// A full collection before each memory reading, so garbage not yet collected is not counted.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const settledRss = async () => {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 100));
  collectGarbage();
  return process.memoryUsage().rss;
};

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const SKIP = (route: RouteSummary) => route.method === 'HEAD' || route.method === 'OPTIONS' || route.url.includes('*') || route.url === '/api/auth/logout';

let t: TestApp;
let merchant: TestMerchant;
const cookies: Record<string, { cookie: string; csrf: string }> = {};

async function session(email: string) {
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
  expect(login.statusCode).toBe(200);
  return { cookie: login.cookies.find((c) => c.name === 'im_session')!.value, csrf: login.json().csrfToken as string };
}

beforeAll(async () => {
  t = await createTestApp({ listen: true, config: { rateLimitPerMinute: 0, loginMaxFailuresPerEmail: 1_000_000, loginMaxFailuresPerIp: 1_000_000 } });
  merchant = await makeMerchant(t);
  cookies.merchant = await session(merchant.email);
  cookies.affiliate = await session((await makeAffiliate(t)).email);
  cookies.admin = await session((await makeAdmin(t)).email);
});
afterAll(() => t.close());

const NASTY = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDBFF',
  'Infinity',
  '-Infinity',
  'NaN',
  '-1',
  '0',
  '1e400',
  '99999999999999999999',
  '1.5',
  '',
  ' ',
  '%00',
  "' or 1=1 --",
  '../../etc/passwd',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  'x'.repeat(3000),
  '2026-13-45T99:99:99Z',
];
const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ maxLength: 24 }));
// JSON text cannot say Infinity, but 1e400 parses to it: this marker is replaced in the body text.
const INFINITY_MARKER = '__fuzz_infinity__';
const number = fc.constantFrom(-1, 0, 1.5, 1e20, -1e20, 2 ** 53 + 2, Number.MAX_VALUE, INFINITY_MARKER);
const { value: jsonValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
}));

/** A body shaped like the route's schema, with some fields (or all of it) replaced by hostile values. */
function bodyFor(schema: unknown) {
  const sample = sampleFor(schema) as Record<string, unknown> | undefined;
  const properties = Object.keys(((schema ?? {}) as { properties?: object }).properties ?? {});
  if (properties.length === 0) return jsonValue;
  // Mostly a valid body with one field made hostile, so that the hostile value gets past the others.
  const oneField = fc.tuple(fc.constantFrom(...properties), jsonValue).map(([name, value]) => ({ ...sample, [name]: value }));
  return fc.oneof({ arbitrary: oneField, weight: 3 }, { arbitrary: jsonValue, weight: 1 });
}

function queryFor(schema: unknown) {
  const properties = Object.keys(((schema ?? {}) as { properties?: object }).properties ?? {});
  const names = fc.oneof({ arbitrary: fc.constantFrom(...properties, 'page', 'pageSize'), weight: 4 }, { arbitrary: text, weight: 1 });
  return fc.array(fc.tuple(names, text), { maxLength: 3 });
}

/** Percent-encode, writing an unpaired surrogate as the bytes a careless encoder would send. */
function encode(value: string): string {
  return [...value].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
}

/** How a route is called: with the merchant's signed key, with a dashboard session of a role, or as anyone. */
function callerOf(route: RouteSummary): { kind: 'key' } | { kind: 'session'; role: string } | { kind: 'none' } {
  const principals = ((route.config as { principals?: readonly string[] }).principals ?? []) as readonly string[];
  if (principals.includes('merchantKey')) return { kind: 'key' };
  const session = principals.find((p) => p.endsWith('Session'));
  return session ? { kind: 'session', role: session.replace('Session', '') } : { kind: 'none' };
}

async function send(route: RouteSummary, params: string[], query: Array<[string, string]>, body: unknown, header: string) {
  let path = route.url;
  for (const [i, name] of (route.url.match(/:[A-Za-z]+/g) ?? []).entries()) path = path.replace(name, encode(params[i % params.length] ?? 'x'));
  if (query.length > 0) path += `?${query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}`;
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const raw = hasBody ? JSON.stringify(body ?? null).replaceAll(`"${INFINITY_MARKER}"`, '1e400') : '';
  const headers: Record<string, string> = { 'x-forwarded-for': header, 'x-idempotency-key': header || 'k' };
  if (hasBody) headers['content-type'] = 'application/json';
  const caller = callerOf(route);
  const cookieJar: Record<string, string> = {};
  if (caller.kind === 'key') {
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers.authorization = `Bearer ${merchant.keys.live.publishableKey}`;
    headers['x-timestamp'] = timestamp;
    headers['x-signature'] = signRequest(merchant.keys.live.signingSecret, timestamp, route.method, path, raw);
  } else if (caller.kind === 'session') {
    const who = cookies[caller.role]!;
    cookieJar.im_session = who.cookie;
    headers['x-csrf-token'] = who.csrf;
  }
  const response = await t.app.inject({ method: route.method as 'GET', url: path, headers, cookies: cookieJar, ...(hasBody ? { payload: raw } : {}) });
  return { status: response.statusCode, path: path.length > 160 ? `${path.slice(0, 160)}…` : path, body: response.body.slice(0, 200) };
}

describe(`hostile requests to every route, on ${backend}`, () => {
  it('never answer 5xx; /healthz stays quick and memory returns near its start', { timeout: 240_000 }, async () => {
    const routes = t.app.routeTable.filter((route) => !SKIP(route));
    expect(routes.length).toBeGreaterThan(50);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const healthz: number[] = [];
    const run = async (route: RouteSummary, numRuns: number, seed: number) =>
      fc.assert(
        fc.asyncProperty(
          fc.array(text, { minLength: 1, maxLength: 2 }),
          queryFor(route.schema?.querystring),
          bodyFor(route.schema?.body),
          fc.string({ unit: 'binary-ascii', maxLength: 20 }),
          async (params, query, body, header) => {
            const answer = await send(route, params, query, body, header.replace(/[^\x20-\x7e]/g, ''));
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            if (answer.status >= 500) failures.push(`${route.method} ${answer.path} → ${answer.status} ${answer.body}`);
          },
        ),
        { numRuns, seed, endOnFailure: true },
      );
    // One whole pass first (other inputs), so that compiling every route's code and the allocator
    // growing to the size of the largest bodies are not counted as growth: what the measured pass
    // adds on top of that is what it keeps.
    for (const route of routes) await run(route, RUNS_PER_ROUTE, SEED + 1);
    const rssBefore = await settledRss();
    const started = Date.now();
    let running = true;
    const probe = (async () => {
      while (running) {
        const started = performance.now();
        await fetch(`${t.url}/healthz`);
        healthz.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    for (const route of routes) await run(route, RUNS_PER_ROUTE, SEED);

    running = false;
    await probe;
    const seconds = (Date.now() - started) / 1000;
    const rssGrowthMb = ((await settledRss()) - rssBefore) / 2 ** 20;
    // The first answer includes opening the connection. The 95th percentile rather than the worst:
    // on a machine shared with other work the scheduler alone can delay one answer.
    const sorted = healthz.slice(1).sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)]!;
    const worst = sorted[sorted.length - 1]!;
    console.log(
      `fuzz: ${routes.length} routes × ${RUNS_PER_ROUTE} in ${seconds.toFixed(1)} s; /healthz p95 ${p95.toFixed(1)} ms, worst ${worst.toFixed(1)} ms over ${healthz.length}; RSS ${rssGrowthMb.toFixed(0)} MB over start`,
      Object.fromEntries(statuses),
    );
    expect(failures).toEqual([]);
    expect(p95).toBeLessThan(100);
    expect(worst).toBeLessThan(1000);
    expect(rssGrowthMb).toBeLessThan(100);
  });
});
