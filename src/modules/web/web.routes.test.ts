import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from '../../platform/http/error-handler.ts';
import { createWebRegister } from './web.routes.ts';

async function appServing(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  installErrorHandling(app);
  app.get('/api/ping', async () => ({ ok: true }));
  app.get('/r/:code', async (request) => ({ code: (request.params as { code: string }).code }));
  await createWebRegister(distDir)(app);
  await app.ready();
  return app;
}

describe('dashboard serving with a built web/dist', () => {
  let dir: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await appServing(dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const response = await app.inject('/assets/index-AbC123.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log(1)');
  });

  it('serves other built files and index.html with no-cache', async () => {
    const favicon = await app.inject('/favicon.svg');
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
    const root = await app.inject('/');
    expect(root.statusCode).toBe(200);
    expect(root.headers['content-type']).toMatch(/^text\/html/);
    expect(root.headers['cache-control']).toBe('no-cache');
    expect(root.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(root.body).toContain('<div id="root">');
  });

  it('answers index.html for client routes, with or without a query string', async () => {
    for (const url of ['/campaigns', '/affiliate/links', '/login?next=%2Faffiliate%2Fwallet']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('keeps JSON 404s for unknown server paths and missing files', async () => {
    for (const url of ['/api/nope', '/api', '/r/a/b', '/js/missing.js', '/docs/nope', '/healthz/x', '/assets/gone.js', '/missing.png']) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    const post = await app.inject({ method: 'POST', url: '/campaigns' });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('leaves real server routes alone', async () => {
    expect((await app.inject('/api/ping')).json()).toEqual({ ok: true });
    expect((await app.inject('/r/abc')).json()).toEqual({ code: 'abc' });
  });
});

describe('dashboard serving before the dashboard is built', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await appServing(path.join(tmpdir(), 'influencemart-no-such-web-dist'));
  });
  afterAll(() => app.close());

  it('answers a page that says how to build it, and still 404s unknown API paths', async () => {
    const root = await app.inject('/');
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('npm run build');
    expect((await app.inject('/affiliate/wallet')).body).toContain('npm run build');
    const api = await app.inject('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
