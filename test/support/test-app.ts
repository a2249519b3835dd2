import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { openPlatform, type Platform } from '../../src/platform/platform.ts';
import { createScratchDatabase, postgresAdminUrl } from './database.ts';

export interface TestApp {
  app: App;
  platform: Platform;
  config: Config;
  /** Base URL when started with `listen: true`. */
  url: string;
  /** The database URL (PostgreSQL) or data directory (PGlite), for child processes. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<Config>;
  /** Listen on a free loopback port, for tests that need real HTTP. */
  listen?: boolean;
  /** Start the background job worker (off by default: tests drain jobs with runDueJobs). */
  workers?: boolean;
}

/** The whole app on a fresh database of the backend under test. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const scratch = postgresAdminUrl ? await createScratchDatabase(postgresAdminUrl) : undefined;
  const dataDir = scratch ? '' : 'memory://';
  const config = loadConfig(
    { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' },
    { dataDir, databaseUrl: scratch?.url, masterKey: '00'.repeat(32), port: 0, host: '127.0.0.1', ...options.config },
  );
  const log = pino({ level: config.logLevel });
  const platform = await openPlatform(config, log);
  const app = await buildApp(platform, { logger: log });
  if (options.workers) platform.worker.start();
  let url = '';
  if (options.listen) url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    platform,
    config,
    url,
    databaseUrl: scratch?.url,
    async close() {
      await app.close();
      await scratch?.drop();
    },
  };
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(prefix = 'influencemart-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
