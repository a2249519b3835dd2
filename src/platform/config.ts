import path from 'node:path';

/** Every setting the platform reads, with its default. README "Configuration" documents each one. */
export interface Config {
  port: number;
  host: string;
  /** PGlite data directory (embedded mode); ignored when databaseUrl is set. `memory://` keeps it in memory. */
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Hex master key that encrypts secrets at rest; embedded mode generates one in the data directory. */
  masterKey: string | undefined;
  publicBaseUrl: string | undefined;
  logLevel: string;
  outboundAllowPrivate: boolean;
  webhookRetryScheduleSeconds: number[];
  jobPollIntervalMs: number;
  runWorkers: boolean;
  /** Secure cookies; on by default when the public base URL is https. */
  cookieSecure: boolean;
  requestLogRetentionDays: number;
  rateLimitPerMinute: number;
  clickFlushIntervalMs: number;
  clickFlushBatchSize: number;
  /** How long the redirect trusts a cached link before reading it again (other processes' changes show within twice this). */
  linkCacheTtlMs: number;
  /** A visitor (IP and user agent) clicking the same link again within this window reuses the first click. */
  clickRepeatWindowSeconds: number;
  /** Clicks per minute on one link, and from one IP, above which a click carries a velocity risk flag. */
  clickVelocityPerLink: number;
  clickVelocityPerIp: number;
}

type Env = Record<string, string | undefined>;

const DEFAULT_WEBHOOK_RETRY_SCHEDULE = '5,300,1800,7200,18000,36000,50400,72000,86400';

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const publicBaseUrl = env.PUBLIC_BASE_URL || undefined;
  const config: Config = {
    port: int(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 10),
    masterKey: env.MASTER_KEY || undefined,
    publicBaseUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    outboundAllowPrivate: flag(env, 'OUTBOUND_ALLOW_PRIVATE', false),
    webhookRetryScheduleSeconds: intList(env, 'WEBHOOK_RETRY_SCHEDULE', DEFAULT_WEBHOOK_RETRY_SCHEDULE),
    jobPollIntervalMs: int(env, 'JOB_POLL_INTERVAL_MS', 500),
    runWorkers: flag(env, 'RUN_WORKERS', true),
    cookieSecure: flag(env, 'COOKIE_SECURE', publicBaseUrl?.startsWith('https://') ?? false),
    requestLogRetentionDays: int(env, 'REQUEST_LOG_RETENTION_DAYS', 30),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600),
    clickFlushIntervalMs: int(env, 'CLICK_FLUSH_INTERVAL_MS', 20),
    clickFlushBatchSize: int(env, 'CLICK_FLUSH_BATCH_SIZE', 500),
    linkCacheTtlMs: int(env, 'LINK_CACHE_TTL_MS', 5000),
    clickRepeatWindowSeconds: int(env, 'CLICK_REPEAT_WINDOW_SECONDS', 30),
    clickVelocityPerLink: int(env, 'CLICK_VELOCITY_PER_LINK', 300),
    clickVelocityPerIp: int(env, 'CLICK_VELOCITY_PER_IP', 20),
  };
  return { ...config, ...overrides };
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`Setting ${name} must be a non-negative integer, got "${raw}"`);
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`Setting ${name} must be 1 or 0, got "${raw}"`);
}

function intList(env: Env, name: string, fallback: string): number[] {
  const raw = env[name] || fallback;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) {
    throw new Error(`Setting ${name} must be comma-separated whole seconds, got "${raw}"`);
  }
  return parts.map(Number);
}
