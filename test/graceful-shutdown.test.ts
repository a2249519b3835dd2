import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { approveMerchant, signUpMerchant } from '../src/modules/accounts/accounts.service.ts';
import { idempotencyKeys } from '../src/modules/api-keys/api-keys.tables.ts';
import { merchantDomains } from '../src/modules/merchants/merchants.tables.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createSecretBox } from '../src/platform/crypto/secret-box.ts';
import { migrateDatabase, openDatabase, type Database } from '../src/platform/db/client.ts';
import { backend, createScratchDatabase, postgresAdminUrl } from './support/database.ts';
import { startServerProcess } from './support/server-process.ts';
import { tempDir } from './support/test-app.ts';

const MASTER_KEY = 'ab'.repeat(32);

describe(`graceful shutdown on ${backend}`, () => {
  it('a server sent SIGTERM mid-traffic exits 0 and keeps every write it acknowledged, and nothing half-written', async () => {
    const scratch = postgresAdminUrl ? await createScratchDatabase(postgresAdminUrl) : undefined;
    const dir = tempDir();
    const env = scratch ? { DATABASE_URL: scratch.url, MASTER_KEY } : { DATA_DIR: dir.dir, MASTER_KEY };
    const open = async (): Promise<Database> => {
      const config = loadConfig(env);
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await migrateDatabase(database);
      return database;
    };
    try {
      // Prepare a merchant with keys, then hand the database to the server process.
      let database = await open();
      const { merchantId } = await signUpMerchant(database.db, {
        email: 'shutdown@example.com',
        password: 'correct horse battery',
        businessName: 'Shutdown Store',
        website: 'https://shutdown.example.com',
      });
      const { test } = await approveMerchant(database.db, createSecretBox(MASTER_KEY), merchantId, null);
      await database.close();

      const server = await startServerProcess(env);
      const client = new InfluencemartClient({ baseUrl: server.url, ...test, maxRetries: 0 });
      const acknowledged: string[] = [];
      let refused = 0;
      let sent = 0;
      let stop = false;
      const sender = async (lane: number) => {
        for (let i = 0; !stop; i++) {
          const domain = `d${lane}-${i}.example.net`;
          sent++;
          try {
            const response = await client.post('/api/v1/domains', { domain }, `key-${lane}-${i}`);
            if (response.status === 201) acknowledged.push(domain);
            else expect(response.status, JSON.stringify(response.body)).toBe(503);
          } catch {
            refused++; // connection refused or reset once the server stopped listening
            return;
          }
        }
      };
      const lanes = Array.from({ length: 8 }, (_, lane) => sender(lane));
      // Signal only once traffic is demonstrably flowing, however slow the machine is.
      while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      server.child.kill('SIGTERM');
      const code = await server.exited;
      stop = true;
      await Promise.all(lanes);

      console.info(`graceful shutdown: ${acknowledged.length} writes acknowledged of ${sent} sent, ${refused} lanes refused after close`);
      expect(code).toBe(0);
      expect(acknowledged.length).toBeGreaterThanOrEqual(20);

      database = await open();
      const stored = await database.db.select({ domain: merchantDomains.domain }).from(merchantDomains).where(eq(merchantDomains.merchantId, merchantId));
      const storedSet = new Set(stored.map((row) => row.domain));
      for (const domain of acknowledged) expect(storedSet.has(domain), domain).toBe(true);
      // Every idempotency key the server claimed was completed or released: none left in progress.
      const inProgress = await database.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.merchantId, merchantId), eq(idempotencyKeys.status, 'in_progress')));
      expect(inProgress).toEqual([]);
      await database.close();
    } finally {
      await scratch?.drop();
      dir.remove();
    }
  }, 60_000);
});
