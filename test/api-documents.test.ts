import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_OPENAPI_PATH } from '../src/platform/http/api-docs.ts';
import { backend } from './support/database.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** The merchant API reference describes only the signed API; the dashboard's session API has its own document. */

let t: TestApp;
let merchant: any;
let session: any;

beforeAll(async () => {
  t = await createTestApp();
  merchant = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  session = (await t.app.inject({ method: 'GET', url: SESSION_OPENAPI_PATH })).json();
});
afterAll(() => t.close());

const operations = (doc: any) =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

describe(`API documents on ${backend}`, () => {
  it('publishes every signed route, and nothing else, in the merchant API document', () => {
    const documented = new Set(operations(merchant).map(({ path, method }) => `${method.toUpperCase()} ${path}`));
    const signed = t.app.routeTable
      .filter((r) => r.method !== 'HEAD' && r.config.principals?.includes('merchantKey'))
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
    expect([...documented].sort()).toEqual([...new Set(signed)].sort());
    for (const path of Object.keys(merchant.paths)) expect(path).toMatch(/^\/api\/v1\//);
    const text = JSON.stringify(merchant);
    for (const foreign of ['/api/admin', '/api/merchant/', '/api/affiliate', '/api/auth', 'SessionResponse', 'WalletResponse'])
      expect(text, foreign).not.toContain(foreign);
  });

  it('gives the signing recipe and the error codes of every operation', () => {
    expect(merchant.info.description).toContain('<X-Timestamp>.<METHOD>.<path with query>.<raw body>');
    expect(merchant.info.description).toContain('HMAC-SHA256');
    const refs = JSON.stringify(merchant).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    for (const ref of refs) expect(merchant.components.schemas[ref.split('/').pop()!.slice(0, -1)], ref).toBeDefined();
    const codes = (op: any, status: string) => Object.keys(op.responses[status]?.content['application/json'].examples ?? {});
    for (const { path, method, op } of operations(merchant)) {
      expect(op.security, `${method} ${path}`).toEqual([{ apiKey: [] }]);
      expect(op.responses['401'].content['application/json'].schema, `${method} ${path}`).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
      expect(codes(op, '401'), `${method} ${path}`).toEqual([
        'MISSING_API_KEY',
        'INVALID_API_KEY',
        'MISSING_SIGNATURE',
        'STALE_TIMESTAMP',
        'SIGNATURE_MISMATCH',
      ]);
      expect(op.responses['401'].description).toContain('- `SIGNATURE_MISMATCH`: ');
      expect(codes(op, '429')).toEqual(['RATE_LIMITED']);
      expect(codes(op, '500')).toEqual(['INTERNAL']);
    }
    expect(merchant.components.schemas.ErrorResponse.properties.error.required).toEqual(['code', 'message', 'details']);
    const create = merchant.paths['/api/v1/campaigns'].post;
    expect(create.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'X-Idempotency-Key' }));
    expect(codes(create, '422')).toContain('IDEMPOTENCY_KEY_REUSED');
    expect(codes(create, '409')).toEqual(expect.arrayContaining(['IDEMPOTENCY_IN_PROGRESS', 'REQUEST_REPLAYED']));
    expect(codes(create, '400')).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'INVALID_JSON']));
    expect(codes(create, '413')).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(codes(create, '415')).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    // A read takes no body: no body errors, no replay refusal.
    const get = merchant.paths['/api/v1/campaigns/{id}'].get;
    expect(codes(get, '404')).toEqual(['NOT_FOUND']);
    expect(get.responses['404'].description).toBe('- `NOT_FOUND`: No campaign with this id in this mode.');
    for (const status of ['409', '413', '415', '422']) expect(get.responses[status], status).toBeUndefined();
    // A route's own wording and example win over the shared ones.
    const activate = merchant.paths['/api/v1/campaigns/{id}/activate'].post;
    expect(codes(activate, '422')).toEqual(['CAMPAIGN_APPROVAL_REQUIRED']);
    expect(activate.responses['422'].content['application/json'].examples.CAMPAIGN_APPROVAL_REQUIRED.value).toEqual({
      error: { code: 'CAMPAIGN_APPROVAL_REQUIRED', message: expect.stringContaining('requires approval'), details: [] },
    });
    const imports = merchant.paths['/api/v1/imports'].post.responses;
    expect(imports['415'].content['application/json'].examples.UNSUPPORTED_MEDIA_TYPE.value.error.message).toContain('text/csv');
  });

  it('serves the same merchant document to the /docs page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual(merchant);
  });

  it('describes the session API for the dashboard, with the mode header on shared merchant routes', () => {
    for (const path of [
      '/api/auth/login',
      '/api/auth/me',
      '/api/affiliate/wallet',
      '/api/admin/merchants',
      '/api/merchant/api-keys',
      '/api/v1/campaigns',
      '/api/public/campaigns',
    ]) {
      expect(session.paths[path], path).toBeDefined();
    }
    expect(session.paths['/api/v1/campaigns'].get.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'X-Mode' }));
    expect(session.paths['/api/v1/campaigns'].get.security).toBeUndefined();
    expect(session.components.securitySchemes).toBeUndefined();
    expect(session.paths['/api/v1/openapi.json']).toBeUndefined();
  });
});
