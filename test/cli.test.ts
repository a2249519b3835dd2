import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createScratchDatabase, postgresAdminUrl } from './support/database.ts';
import { cli } from './support/cli.ts';
import { startServerProcess } from './support/server-process.ts';
import { tempDir } from './support/test-app.ts';
import { InfluencemartClient } from '../sdk/src/index.ts';

let env: Record<string, string>;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const scratch = postgresAdminUrl ? await createScratchDatabase(postgresAdminUrl) : undefined;
  const dir = tempDir();
  env = scratch ? { DATABASE_URL: scratch.url, MASTER_KEY: 'cd'.repeat(32) } : { DATA_DIR: dir.dir };
  cleanup = async () => {
    await scratch?.drop();
    dir.remove();
  };
});
afterAll(() => cleanup());

// Each command is a fresh process that starts Node, the TypeScript loader and the database: slow on a busy machine.
describe(`influencemart command on ${backend}`, { timeout: 120_000 }, () => {
  it('applies migrations and says so in one JSON object', async () => {
    const result = await cli(['migrate'], env);
    expect(result).toMatchObject({ code: 0, json: { migrated: true } });
  });

  it('seeds demo data once, and a second run changes nothing', async () => {
    const first = await cli(['seed', '--demo'], env);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ created: true, logins: { merchant: 'merchant@example.com' } });
    expect(first.json.testKeys.publishableKey).toMatch(/^pk_test_/);
    expect(first.json.catalog.map((c: { products: number }) => c.products)).toEqual([3, 2]);
    const second = await cli(['seed', '--demo'], env);
    expect(second.json).toMatchObject({ created: false });
  });

  it('refuses an unknown command with a usage message and exit code 2', async () => {
    const result = await cli(['frobnicate'], env).catch((error) => error);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
  });

  it('exits with an error when the port is taken, instead of running on without a server', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((blocker.address() as AddressInfo).port);
      const result = await cli(['serve', '--port', port], { ...env, HOST: '127.0.0.1', RUN_WORKERS: '1' });
      expect(result.code).toBe(1);
      expect(result.json.error.message).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });

  it('serves the seeded data: the demo merchant can sign in', async () => {
    const server = await startServerProcess(env);
    try {
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'merchant@example.com', password: 'demo-password-123' }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: { role: string } }).user.role).toBe('merchant');
      const listing = (await (await fetch(`${server.url}/api/public/campaigns`)).json()) as { data: Array<{ title: string }> };
      expect(listing.data.map((c) => c.title).sort()).toEqual(['Dashain Sale', 'Winter Wear']);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it("serve --demo prints the demo merchant's test keys on every start, and they sign requests", async () => {
    for (let start = 0; start < 2; start++) {
      const server = await startServerProcess(env, 60_000, ['--demo']);
      try {
        const demo = server.printed.demo as { testKeys: { publishableKey: string; signingSecret: string } };
        expect(demo.testKeys.publishableKey).toMatch(/^pk_test_/);
        expect(demo.testKeys.signingSecret).toMatch(/^sk_test_/);
        const client = new InfluencemartClient({ baseUrl: server.url, ...demo.testKeys });
        const campaigns = await client.get<{ total: number }>('/api/v1/campaigns');
        expect(campaigns.status).toBe(200);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    }
  });

  it.runIf(backend === 'pglite')('refuses to open the embedded database while a server holds it', async () => {
    const server = await startServerProcess(env);
    try {
      const result = await cli(['migrate'], env);
      expect(result.code).toBe(1);
      expect(result.json.error.message).toMatch(/in use by process \d+/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
