import { readdirSync } from 'node:fs';
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { InfluencemartClient } from '../sdk/src/index.ts';
import { verifyLedger } from '../src/modules/ledger/verify-ledger.ts';
import { orders } from '../src/modules/orders/orders.tables.ts';
import { clicks } from '../src/modules/tracking/clicks.tables.ts';
import { backend } from './support/database.ts';
import { makeMerchant } from './support/factories.ts';
import { orderId } from './support/conversion-factories.ts';
import { makeLink } from './support/link-factories.ts';
import { startServerProcess } from './support/server-process.ts';
import { createTestApp, tempDir } from './support/test-app.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`clicks and conversions survive kill -9 on ${backend}`, () => {
  it('every redirect answered before the kill is stored after restart, and every acknowledged conversion', async () => {
    // Prepare a live link, then hand the database to a real server process.
    const t = await createTestApp({ onDisk: true });
    const merchant = await makeMerchant(t);
    const { link } = await makeLink(t, merchant, { campaign: { defaultCommissionType: 'PERCENTAGE', defaultCommissionValue: 1000 } });
    await t.close({ keepDatabase: true });
    const spool = tempDir('influencemart-spool-');
    const env = {
      ...(t.config.databaseUrl ? { DATABASE_URL: t.config.databaseUrl } : { DATA_DIR: t.config.dataDir }),
      MASTER_KEY: t.config.masterKey,
      CLICK_SPOOL_DIR: spool.dir,
      // Writes as slow as they get: a click waits a whole second in memory before its batch is written.
      CLICK_FLUSH_INTERVAL_MS: '1000',
      CLICK_FLUSH_BATCH_SIZE: '100000',
    };
    let reopened: Awaited<ReturnType<typeof createTestApp>> | undefined;
    try {
      const server = await startServerProcess(env);
      const answered: Array<{ clickId: string; at: number }> = [];
      const acknowledged: string[] = [];
      let stop = false;
      let visitor = 0;
      const clicker = async () => {
        while (!stop) {
          visitor += 1;
          try {
            const response = await fetch(`${server.url}/r/${link.code}`, {
              redirect: 'manual',
              headers: { 'user-agent': CHROME, 'x-forwarded-for': `10.9.${visitor >> 8}.${visitor & 255}` },
            });
            const at = Date.now();
            expect(response.status).toBe(302);
            answered.push({ clickId: new URL(response.headers.get('location')!).searchParams.get('affiliate_click_id')!, at });
          } catch {
            return; // the server is gone
          }
        }
      };
      const client = new InfluencemartClient({ baseUrl: server.url, ...merchant.keys.live, maxRetries: 0 });
      const converter = async () => {
        while (!stop) {
          const click = answered.at(-1);
          if (!click) {
            await sleep(10);
            continue;
          }
          const id = orderId('CRASH');
          try {
            const response = await client.post(
              '/api/v1/conversions',
              { orderId: id, clickId: click.clickId, amount: '20.00', items: [{ sku: 'S', qty: 1, price: '20.00' }] },
              id,
            );
            expect([200, 201], JSON.stringify(response.body)).toContain(response.status);
            acknowledged.push(id);
          } catch {
            return;
          }
        }
      };
      const lanes = [...Array.from({ length: 6 }, clicker), converter(), converter()];
      // Kill once clicks and conversions are flowing and some clicks have waited longer than a flush interval.
      const started = Date.now();
      while ((answered.length < 300 || acknowledged.length < 5 || Date.now() - started < 1500) && Date.now() - started < 30_000) await sleep(20);
      const killedAt = Date.now();
      server.child.kill('SIGKILL');
      await server.exited;
      stop = true;
      await Promise.all(lanes);

      // A restart stores what the killed process left in its spool; a graceful stop then leaves the spool empty.
      const restarted = await startServerProcess(env);
      expect(await restarted.stop()).toBe(0);
      expect(readdirSync(spool.dir)).toEqual([]);

      reopened = await createTestApp({ reopen: t });
      const db = reopened.platform.db;
      const ids = answered.map((a) => a.clickId);
      const stored = new Set<string>();
      for (let i = 0; i < ids.length; i += 1000) {
        for (const row of await db
          .select({ id: clicks.id })
          .from(clicks)
          .where(inArray(clicks.id, ids.slice(i, i + 1000))))
          stored.add(row.id);
      }
      const lost = answered.filter((a) => !stored.has(a.clickId));
      const worst = lost.length ? Math.max(...lost.map((a) => killedAt - a.at)) : 0;
      const storedOrders = acknowledged.length ? await db.select({ id: orders.orderId }).from(orders).where(inArray(orders.orderId, acknowledged)) : [];
      console.info(
        `kill -9 under load on ${backend}: ${answered.length} redirects answered, ${lost.length} not stored (oldest answered ${worst} ms before the kill); ` +
          `${acknowledged.length} conversions acknowledged, ${storedOrders.length} stored`,
      );
      expect(answered.length).toBeGreaterThanOrEqual(300);
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(storedOrders.map((o) => o.id).sort()).toEqual([...acknowledged].sort());
      expect((await verifyLedger(db)).mismatches).toEqual([]);
    } finally {
      await (reopened ?? t).close().catch(() => undefined);
      spool.remove();
    }
  }, 120_000);
});
