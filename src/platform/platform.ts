import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import { migrateDatabase, openDatabase, type Database, type Db } from './db/client.ts';
import { JobWorker } from './jobs/worker.ts';
import { resolveMasterKey } from './crypto/master-key.ts';
import { createSecretBox, type SecretBox } from './crypto/secret-box.ts';
import { ChangeFeed } from './events/change-feed.ts';
import { systemClock, type Clock } from './clock.ts';

/** What every module is built from: settings, the database and the job worker. */
export interface Platform {
  config: Config;
  database: Database;
  db: Db;
  worker: JobWorker;
  /** Seals secrets at rest and hashes values that must never be stored in the clear. */
  secrets: SecretBox;
  /** Changes announced after commit, so that caches (the link cache) forget at once. */
  changes: ChangeFeed;
  /** The time as the app sees it (`src/platform/clock.ts`); tests may move it. */
  clock: Clock;
}

export async function openPlatform(config: Config, log: FastifyBaseLogger, options: { clock?: Clock } = {}): Promise<Platform> {
  const secrets = createSecretBox(resolveMasterKey(config));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const worker = new JobWorker({ db: database.db, log, pollIntervalMs: config.jobPollIntervalMs });
  return { config, database, db: database.db, worker, secrets, changes: new ChangeFeed(), clock: options.clock ?? systemClock };
}
