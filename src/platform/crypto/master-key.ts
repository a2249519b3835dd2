import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * The master key that seals secrets at rest: MASTER_KEY when set; in embedded mode a key generated
 * once into the data directory; on PostgreSQL it must be configured, because several processes
 * (and restarts) must share it.
 */
export function resolveMasterKey(config: Config): string {
  if (config.masterKey) return config.masterKey;
  if (config.databaseUrl) {
    throw new Error('MASTER_KEY is required with DATABASE_URL: 64 hex characters, e.g. from `openssl rand -hex 32`');
  }
  if (config.dataDir.startsWith('memory://')) return randomBytes(32).toString('hex');
  const file = path.join(config.dataDir, 'master.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
