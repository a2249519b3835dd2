import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteThread } from './pglite-thread.ts';

// Queries are built from each module's tables (the query builder), so the client needs no schema:
// platform/ imports nothing from modules/.
type NoSchema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Anything a repository function can run a query on: the database itself or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs: a directory for PGlite, the host and database for PostgreSQL. */
  location: string;
  close(): Promise<void>;
  /** Run `fn` while holding a lock that other processes on the same database must wait for. */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}

const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../db/migrations');

// pg returns bigint (int8) columns as strings by default; money is bigint, so read it as bigint.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => BigInt(value));

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // At least two connections: `exclusively` holds one for its lock while the work uses another.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: Math.max(2, options.poolSize ?? 10) });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it, the next query reports real errors.
    });
    const db = drizzlePg(pool) as unknown as Db;
    const url = new URL(options.databaseUrl);
    const exclusively = async <T>(fn: () => Promise<T>): Promise<T> => {
      const lockClient = await pool.connect();
      try {
        await lockClient.query('select pg_advisory_lock($1)', [EXCLUSIVE_LOCK_KEY]);
        return await fn();
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [EXCLUSIVE_LOCK_KEY]).catch(() => undefined);
        lockClient.release();
      }
    };
    const location = `${url.hostname}:${url.port || 5432}${url.pathname}`;
    return { db, kind: 'postgres', location, close: () => pool.end(), exclusively };
  }
  const inMemory = options.dataDir.startsWith('memory://');
  let unlock = () => {};
  if (!inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  let client: PGliteThread;
  try {
    client = await PGliteThread.create(inMemory ? undefined : path.join(options.dataDir, 'pglite'));
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzlePglite(client as never) as unknown as Db;
  // PGlite is a single connection inside this process, so there is no one else to exclude.
  const exclusively = <T>(fn: () => Promise<T>) => fn();
  return {
    db,
    kind: 'pglite',
    location: inMemory ? 'memory' : options.dataDir,
    close: async () => {
      await client.close();
      unlock();
    },
    exclusively,
  };
}

/** Run `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

/** Rows of a raw SQL query, on either driver. */
export async function queryRows<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const EXCLUSIVE_LOCK_KEY = 7_245_113_001;

/**
 * Apply every pending migration in db/migrations. Several processes starting at once on PostgreSQL
 * take turns instead of racing on the same DDL.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const internals = database.db as unknown as { dialect: { migrate: Function }; session: unknown };
  await database.exclusively(() => internals.dialect.migrate(migrations, internals.session, { migrationsFolder: MIGRATIONS_FOLDER }));
}

/** The readiness probe: one round trip to the database (throws when it is unreachable). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
