import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { cli as runCli } from './support/cli.ts';
import { backend, createScratchDatabase, postgresAdminUrl } from './support/database.ts';
import { PASSWORD, signIn } from './support/factories.ts';
import { createTestApp, tempDir, type TestApp } from './support/test-app.ts';

const MASTER_KEY = 'ab'.repeat(32);

/** The real `influencemart` command against this run's database. */
let database: { env: Record<string, string>; args: string[]; drop(): Promise<void> };
const cli = (...args: string[]) => runCli([...args, ...database.args], { LOG_LEVEL: 'silent', ...database.env });

const stamp = Date.now().toString(36);
const results: Record<string, Awaited<ReturnType<typeof cli>>> = {};

beforeAll(async () => {
  if (postgresAdminUrl) {
    const scratch = await createScratchDatabase(postgresAdminUrl);
    database = { env: { DATABASE_URL: scratch.url, MASTER_KEY }, args: [], drop: scratch.drop };
  } else {
    const dir = tempDir('influencemart-cli-');
    database = { env: { DATABASE_URL: '', MASTER_KEY: '' }, args: ['--data-dir', dir.dir], drop: async () => dir.remove() };
  }
  // PGlite allows one process at a time, so the commands run one after another.
  results.admin = await cli('admin', 'create', '--email', `admin-${stamp}@example.com`, '--password', PASSWORD);
  results.pending = await cli(
    'merchant',
    'create',
    '--name',
    'Pending Shop',
    '--email',
    `pending-${stamp}@example.com`,
    '--password',
    PASSWORD,
    '--domain',
    'pending-shop.example.com',
  );
  results.approved = await cli(
    'merchant',
    'create',
    '--name',
    'Approved Shop',
    '--email',
    `approved-${stamp}@example.com`,
    '--password',
    PASSWORD,
    '--domain',
    'https://Approved-Shop.example.com/',
    '--approve',
  );
  results.affiliate = await cli('affiliate', 'create', '--email', `creator-${stamp}@example.com`, '--password', PASSWORD, '--name', 'Creator Name');
  results.duplicate = await cli('affiliate', 'create', '--email', `ADMIN-${stamp}@example.com`, '--password', PASSWORD);
  results.missing = await cli('merchant', 'create', '--name', 'No Email', '--password', PASSWORD, '--domain', 'x.example.com');
}, 180_000);
afterAll(() => database?.drop());

describe(`command line on ${backend}`, () => {
  it('admin create prints { userId }', () => {
    expect(results.admin!.code).toBe(0);
    expect(results.admin!.json).toEqual({ userId: expect.stringMatching(/^usr_/) });
  });

  it('merchant create prints the merchant, with key pairs only when approved', () => {
    expect(results.pending!.code).toBe(0);
    expect(results.pending!.json).toMatchObject({ merchantId: expect.stringMatching(/^mer_/), status: 'PENDING_REVIEW' });
    expect(results.pending!.json.test).toBeUndefined();
    expect(results.pending!.json.live).toBeUndefined();
    expect(results.approved!.code).toBe(0);
    expect(results.approved!.json).toMatchObject({
      merchantId: expect.stringMatching(/^mer_/),
      test: { publishableKey: expect.stringMatching(/^pk_test_/), signingSecret: expect.stringMatching(/^sk_test_/) },
      live: { publishableKey: expect.stringMatching(/^pk_live_/), signingSecret: expect.stringMatching(/^sk_live_/) },
    });
  });

  it('affiliate create prints { affiliateId }', () => {
    expect(results.affiliate!.code).toBe(0);
    expect(results.affiliate!.json).toMatchObject({ affiliateId: expect.stringMatching(/^aff_/) });
  });

  it('fails with one JSON error line and a non-zero exit for a taken email or a missing flag', () => {
    expect(results.duplicate!.code).toBe(1);
    expect(results.duplicate!.json.error.message).toMatch(/already exists/);
    expect(results.missing!.code).toBe(1);
    expect(results.missing!.json.error.message).toMatch(/--email/);
  });

  describe('what the commands created', () => {
    let t: TestApp;
    beforeAll(async () => {
      const masterKey = postgresAdminUrl ? MASTER_KEY : readFileSync(path.join(database.args[1]!, 'master.key'), 'utf8').trim();
      t = await createTestApp({
        listen: true,
        config: postgresAdminUrl ? { databaseUrl: database.env.DATABASE_URL, masterKey } : { dataDir: database.args[1]!, masterKey },
      });
    }, 60_000);
    afterAll(() => t?.close());

    it('works: the printed keys sign API calls, the accounts sign in with their roles', async () => {
      for (const mode of ['test', 'live'] as const) {
        const client = new InfluencemartClient({ baseUrl: t.url, ...results.approved!.json[mode], maxRetries: 0 });
        const account = await client.get('/api/v1/account');
        expect(account.status).toBe(200);
        expect(account.body).toMatchObject({
          merchantId: results.approved!.json.merchantId,
          livemode: mode === 'live',
          status: 'APPROVED',
          businessName: 'Approved Shop',
          domains: [{ domain: 'approved-shop.example.com', status: 'APPROVED' }],
        });
      }
      expect((await signIn(t, `admin-${stamp}@example.com`)).user).toMatchObject({ id: results.admin!.json.userId, role: 'admin' });
      expect((await signIn(t, `creator-${stamp}@example.com`)).user).toMatchObject({ role: 'affiliate', affiliateId: results.affiliate!.json.affiliateId });
      const pending = await signIn(t, `pending-${stamp}@example.com`);
      expect((await pending.request('GET', '/api/merchant/account')).body).toMatchObject({ status: 'PENDING_REVIEW', businessName: 'Pending Shop' });
      // Secrets printed by the command were their one showing: they cannot be revealed again.
      const approved = await signIn(t, `approved-${stamp}@example.com`);
      const keys = (await approved.request('GET', '/api/merchant/api-keys')).body.data as Array<{ secretRevealable: boolean }>;
      expect(keys.map((k) => k.secretRevealable)).toEqual([false, false]);
    });
  });
});
