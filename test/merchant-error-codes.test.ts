import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src/platform/auth/request-signature.ts';
import Fastify from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode } from '../src/platform/errors.ts';
import { registerApiDocs, type UndocumentedError } from '../src/platform/http/api-docs.ts';
import { merchantErrorCodesByRoute } from '../src/platform/http/api-documents.ts';
import { installErrorHandling } from '../src/platform/http/error-handler.ts';
import { errorResponses } from '../src/platform/http/schemas.ts';
import type { RouteSummary } from '../src/platform/module.ts';
import { backend } from './support/database.ts';
import { makeMerchant, type TestMerchant } from './support/factories.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * The merchant API reference lists every error code each operation can answer with. Every test of
 * the signed API already checks that (createTestApp fails on an undocumented answer); this file
 * sends each signed route the same table of bad requests, so a new route is checked from the start.
 */

let t: TestApp;
let merchant: TestMerchant;
let document: any;
let documented: Map<string, Set<string>>;

beforeAll(async () => {
  // No rate limit: the table sends hundreds of requests with one key.
  t = await createTestApp({ config: { rateLimitPerMinute: 0 } });
  merchant = await makeMerchant(t);
  document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  documented = documentedErrorCodes(document);
  // What the server checks its answers against is what the document shows.
  expect(merchantErrorCodesByRoute(t.app.routeTable)).toEqual(documented);
});
afterAll(() => t?.close());

/** The error codes each operation of the document lists, by `METHOD /route/:param`. */
function documentedErrorCodes(doc: any): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, any>>))
    for (const [method, operation] of Object.entries(methods)) {
      const listed = Object.entries(operation.responses as Record<string, any>)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([, response]) => Object.keys(response.content['application/json'].examples));
      codes.set(`${method.toUpperCase()} ${path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}`, new Set(listed));
    }
  return codes;
}

const signedRoutes = () => t.app.routeTable.filter((r) => r.method !== 'HEAD' && r.config.principals?.includes('merchantKey'));
const nameOf = (route: RouteSummary) => `${route.method} ${route.url}`;
/** Path parameters filled with ids of nothing. */
const pathOf = (route: RouteSummary) => route.url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => (name === 'type' ? 'products' : randomUUID()));
const takesBody = (route: RouteSummary) => !['GET', 'DELETE'].includes(route.method);

let clock = Math.floor(Date.now() / 1000);
/** A request signed with the merchant's test keys; each gets its own timestamp so none is refused as a replay unless meant to. */
function signed(route: RouteSummary, options: { body?: string; contentType?: string; timestamp?: number; secret?: string; url?: string } = {}) {
  const url = options.url ?? pathOf(route);
  const timestamp = String(options.timestamp ?? (clock += 1) - 200);
  const body = options.body ?? '';
  const headers: Record<string, string> = {
    authorization: `Bearer ${merchant.keys.test.publishableKey}`,
    'x-timestamp': timestamp,
    'x-signature': signRequest(options.secret ?? merchant.keys.test.signingSecret, timestamp, route.method, url, body),
  };
  if (body !== '') headers['content-type'] = options.contentType ?? 'application/json';
  return { method: route.method as 'GET', url, headers, payload: body === '' ? undefined : body };
}

async function answer(request: { method: string; url: string; headers?: Record<string, string>; payload?: string }) {
  const response = await t.app.inject(request as never);
  return { status: response.statusCode, code: response.statusCode >= 400 ? (response.json().error?.code as string) : undefined };
}

describe(`error codes of the merchant API on ${backend}`, () => {
  it('documents, for every signed operation, each code with an example body of that code and status', () => {
    expect(documented.size).toBe(signedRoutes().length);
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, any>>))
      for (const [method, operation] of Object.entries(methods))
        for (const [status, response] of Object.entries(operation.responses as Record<string, any>)) {
          if (Number(status) < 400) continue;
          const examples = response.content['application/json'].examples as Record<string, { value: any; description: string }>;
          expect(Object.keys(examples).length, `${method} ${path} ${status}`).toBeGreaterThan(0);
          for (const [code, example] of Object.entries(examples)) {
            // A real code, answered with the status the code → status table gives it.
            expect(ERROR_STATUS[code as ErrorCode], `${method} ${path}: ${code}`).toBe(Number(status));
            expect(example.value.error).toEqual({ code, message: expect.any(String), details: expect.any(Array) });
            expect(example.description.length, code).toBeGreaterThan(10);
            expect(response.description).toContain(`\`${code}\``);
          }
        }
  });

  it('names only real codes, with their real status, in the guides', () => {
    const guides = [
      'README.md',
      'sdk/README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const wrong: string[] = [];
    for (const guide of guides) {
      const text = readFileSync(guide, 'utf8');
      // "`409 INVALID_TRANSITION`", "401 STALE_TIMESTAMP" …
      for (const [said, status, code] of text.matchAll(/`?\b([1-5]\d\d)`? `?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`?/g))
        if (ERROR_STATUS[code as ErrorCode] !== Number(status)) wrong.push(`${guide}: ${said}`);
      // "with code `SIGNATURE_MISMATCH`" (a detail code is called one).
      for (const [said, code] of text.matchAll(/(?<!detail\s+)code `([A-Z][A-Z_]+)`/g))
        if (ERROR_STATUS[code as ErrorCode] === undefined) wrong.push(`${guide}: ${said}`);
    }
    expect(wrong).toEqual([]);
  });

  it('declares only real codes on any route, including the dashboard session routes', () => {
    for (const route of t.app.routeTable)
      for (const [status, schema] of Object.entries((route.schema?.response ?? {}) as Record<string, any>))
        for (const code of Object.keys(schema?.['x-examples'] ?? {})) expect(ERROR_STATUS[code as ErrorCode], `${nameOf(route)}: ${code}`).toBe(Number(status));
  });

  it('answers each signed route’s bad requests only with codes its operation documents', async () => {
    const undocumented: string[] = [];
    const expectDocumented = (route: RouteSummary, seen: { status: number; code?: string }, expected?: ErrorCode) => {
      if (expected) expect(seen, `${nameOf(route)} should answer ${expected}`).toEqual({ status: ERROR_STATUS[expected], code: expected });
      if (seen.code !== undefined && !documented.get(nameOf(route))?.has(seen.code)) undocumented.push(`${nameOf(route)} answered ${seen.status} ${seen.code}`);
    };
    for (const route of signedRoutes()) {
      const url = pathOf(route);
      const base = { method: route.method as 'GET', url };
      expectDocumented(route, await answer(base), 'MISSING_API_KEY');
      expectDocumented(route, await answer({ ...base, headers: { authorization: 'Bearer pk_test_nosuchkey' } }), 'INVALID_API_KEY');
      expectDocumented(route, await answer({ ...base, headers: { authorization: `Bearer ${merchant.keys.test.publishableKey}` } }), 'MISSING_SIGNATURE');
      expectDocumented(route, await answer(signed(route, { timestamp: Math.floor(Date.now() / 1000) - 3600 })), 'STALE_TIMESTAMP');
      expectDocumented(route, await answer(signed(route, { secret: 'sk_test_not_the_secret' })), 'SIGNATURE_MISMATCH');
      // Ids of nothing, and an empty object for a body: whatever the route makes of that.
      const bodyType = route.config.bodyTypes?.[0] ?? 'application/json';
      const bare = signed(route, takesBody(route) ? { body: bodyType === 'application/json' ? '{}' : 'sku\n', contentType: bodyType } : {});
      expectDocumented(route, await answer(bare));
      if (!takesBody(route)) continue;
      expectDocumented(route, await answer(bare), 'REQUEST_REPLAYED');
      expectDocumented(route, await answer(signed(route, { body: '{"title":', contentType: 'application/json' })));
      expectDocumented(route, await answer(signed(route, { body: '<a/>', contentType: 'application/xml' })), 'UNSUPPORTED_MEDIA_TYPE');
    }
    expect(undocumented).toEqual([]);
    expect(t.undocumentedErrors).toEqual([]);
  });

  it('reports an answer its operation does not list, so a route cannot quietly outgrow its reference', async () => {
    const reported: UndocumentedError[] = [];
    const app = Fastify();
    const routes: RouteSummary[] = [];
    app.decorate('routeTable', routes);
    app.addHook(
      'onRoute',
      (route) => void routes.push({ method: String(route.method), url: route.url, config: route.config ?? {}, schema: route.schema as never }),
    );
    installErrorHandling(app);
    await registerApiDocs(app as never, { onUndocumentedError: (error) => void reported.push(error) });
    const config = { principals: ['merchantKey'] as const };
    const response = { 404: errorResponses('NOT_FOUND')[404] };
    app.get('/api/v1/things/:id', { config, schema: { response } }, async (request) => {
      throw new AppError((request.params as { id: string }).id === 'busy' ? 'CONFLICT' : 'NOT_FOUND', 'no');
    });
    await app.ready();
    expect((await app.inject({ url: '/api/v1/things/gone' })).statusCode).toBe(404);
    expect(reported).toEqual([]);
    expect((await app.inject({ url: '/api/v1/things/busy' })).statusCode).toBe(409);
    expect(reported).toEqual([{ method: 'GET', url: '/api/v1/things/:id', status: 409, code: 'CONFLICT' }]);
    await app.close();
  });
});
