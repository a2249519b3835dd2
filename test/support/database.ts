import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the suite runs against, or undefined for the embedded PGlite database. */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL || undefined;
export const backend = postgresAdminUrl ? 'postgres' : 'pglite';

/** A fresh, empty PostgreSQL database for one test file; `drop` removes it afterwards. */
export async function createScratchDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `im_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
