import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp, type App } from '../../src/app.ts';
import type { UndocumentedError } from '../../src/platform/http/api-docs.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import type { Clock } from '../../src/platform/clock.ts';
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
  /** Close the app and remove its database, or keep it (`keepDatabase`) for `createTestApp({ reopen })`. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
  /** Signed calls answered with an error code the merchant API reference does not list for them; close() fails on any. */
  undocumentedErrors: UndocumentedError[];
}

export interface TestAppOptions {
  config?: Partial<Config>;
  /** Listen on a free loopback port, for tests that need real HTTP. */
  listen?: boolean;
  /** Start the background job worker (off by default: tests drain jobs with runDueJobs). */
  workers?: boolean;
  /** PGlite: keep the data in a temporary directory instead of memory, so it can be reopened. */
  onDisk?: boolean;
  /** Open a new app on the database of one closed with `keepDatabase` (it then owns the cleanup). */
  reopen?: TestApp;
  /** The app's clock (default: the system's); a `TestClock` lets a test move time forward. */
  clock?: Clock;
}

/** The whole app on a fresh database of the backend under test. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const reopened = options.reopen;
  const scratch = reopened ? undefined : postgresAdminUrl ? await createScratchDatabase(postgresAdminUrl) : undefined;
  const databaseUrl = reopened ? reopened.config.databaseUrl : scratch?.url;
  const disk = !reopened && !databaseUrl && options.onDisk ? tempDir('influencemart-test-') : undefined;
  const dataDir = reopened ? reopened.config.dataDir : databaseUrl ? '' : (disk?.dir ?? 'memory://');
  const config = loadConfig(
    { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' },
    { dataDir, databaseUrl, masterKey: '00'.repeat(32), port: 0, host: '127.0.0.1', ...options.config },
  );
  const log = pino({ level: config.logLevel });
  const platform = await openPlatform(config, log, { clock: options.clock });
  const undocumentedErrors: UndocumentedError[] = [];
  const app = await buildApp(platform, {
    logger: log,
    onUndocumentedError: (error) => void undocumentedErrors.push(error),
  });
  if (options.workers) platform.worker.start();
  let url = '';
  if (options.listen) url = await app.listen({ port: 0, host: '127.0.0.1' });
  const cleanup = reopened
    ? (reopened as TestApp & { cleanup?: () => Promise<void> }).cleanup
    : async () => {
        await scratch?.drop();
        disk?.remove();
      };
  const testApp: TestApp & { cleanup?: () => Promise<void> } = {
    app,
    platform,
    config,
    url,
    databaseUrl,
    cleanup,
    undocumentedErrors,
    async close(closeOptions = {}) {
      await app.close();
      if (!closeOptions.keepDatabase) await cleanup?.();
      // Every test of the signed API doubles as a check that its reference lists the codes it answers.
      if (undocumentedErrors.length > 0) {
        const lines = [...new Set(undocumentedErrors.map((e) => `${e.method} ${e.url} answered ${e.status} ${e.code}`))];
        throw new Error(`The merchant API reference does not list these error codes; declare them on the route (errorResponses):\n${lines.join('\n')}`);
      }
    },
  };
  return testApp;
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(prefix = 'influencemart-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
