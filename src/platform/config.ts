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
  /** Let feed pulls and webhooks reach loopback and private addresses (local development and tests only). */
  outboundAllowPrivate: boolean;
  /** Delays before each webhook retry after a failed attempt (the first attempt is immediate); seconds, fractions allowed. */
  webhookRetryScheduleSeconds: number[];
  /** One webhook attempt (connect, send, answer) must finish within this time. */
  webhookTimeoutMs: number;
  /** After a webhook secret is rotated, the old secret keeps signing beside the new one this long. */
  webhookSecretGraceSeconds: number;
  /** Consecutive failed attempts after which an endpoint's circuit opens (its deliveries wait, unattempted) … */
  webhookCircuitFailures: number;
  /** … for this long; then one attempt probes it, and a success closes the circuit again. */
  webhookCircuitCooldownSeconds: number;
  jobPollIntervalMs: number;
  runWorkers: boolean;
  /** Secure cookies; on by default when the public base URL is https. */
  cookieSecure: boolean;
  /** Which proxies may set X-Forwarded-For/-Proto: `true`, `false`, or addresses/CIDRs/`loopback` (Fastify `trustProxy`). */
  trustProxy: boolean | string;
  /** How long a dashboard session lasts. */
  sessionTtlHours: number;
  /** Failed logins per email before it is locked out (then the lockout doubles with each further failure). */
  loginMaxFailuresPerEmail: number;
  /** Failed logins per client IP before it is locked out; higher, since many people can share one address. */
  loginMaxFailuresPerIp: number;
  /** The first lockout; each further failure doubles it, up to loginLockoutMaxSeconds. */
  loginLockoutSeconds: number;
  loginLockoutMaxSeconds: number;
  /** Failures are forgotten after this long without a new one. */
  loginFailureWindowSeconds: number;
  /** How long a rotated-out key pair keeps working after rotation. */
  apiKeyRotationGraceSeconds: number;
  /** How long a process trusts its cached view of a key; a revocation elsewhere takes effect within this. */
  apiKeyCacheSeconds: number;
  requestLogRetentionDays: number;
  /** The request log is written in batches: every this many milliseconds, or sooner when a batch is full. */
  requestLogFlushIntervalMs: number;
  requestLogFlushBatchSize: number;
  /** Requests per minute per API key, in each server process. */
  rateLimitPerMinute: number;
  clickFlushIntervalMs: number;
  clickFlushBatchSize: number;
  /** Where clicks wait on disk until stored (`off`: nowhere); unset: `click-spool` in the data directory. */
  clickSpoolDir: string | undefined;
  /** Product feed pulls: the whole exchange must finish within this time … */
  feedPullTimeoutMs: number;
  /** … and the feed body may not be larger than this. */
  feedMaxBytes: number;
  /** Attribution window for campaigns with cookieDurationDays = 0 (last click only). */
  lastClickWindowMinutes: number;
  /** Hold (return window) when neither the campaign nor the merchant sets one. */
  platformHoldDays: number;
  /** Conversions scoring at least this (0–100) wait for an admin decision before approval. */
  riskReviewThreshold: number;
  /** How long the redirect trusts a cached link before reading it again (other processes' changes show within twice this). */
  linkCacheTtlMs: number;
  /** A visitor (IP and user agent) clicking the same link again within this window reuses the first click. */
  clickRepeatWindowSeconds: number;
  /** Clicks per minute on one link, and from one IP, above which a click carries a velocity risk flag. */
  clickVelocityPerLink: number;
  clickVelocityPerIp: number;
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: emails go to the log and the admins' dev outbox. */
  smtpUrl: string | undefined;
  /** The From address of every email. */
  mailFrom: string;
  /** How long a password reset link works. */
  passwordResetTtlMinutes: number;
  /** How long an email verification link works. */
  emailVerificationTtlHours: number;
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
    webhookRetryScheduleSeconds: secondsList(env, 'WEBHOOK_RETRY_SCHEDULE', DEFAULT_WEBHOOK_RETRY_SCHEDULE),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000),
    webhookSecretGraceSeconds: int(env, 'WEBHOOK_SECRET_GRACE_SECONDS', 86_400),
    webhookCircuitFailures: int(env, 'WEBHOOK_CIRCUIT_FAILURES', 5),
    webhookCircuitCooldownSeconds: int(env, 'WEBHOOK_CIRCUIT_COOLDOWN_SECONDS', 300),
    jobPollIntervalMs: int(env, 'JOB_POLL_INTERVAL_MS', 500),
    runWorkers: flag(env, 'RUN_WORKERS', true),
    cookieSecure: flag(env, 'COOKIE_SECURE', publicBaseUrl?.startsWith('https://') ?? false),
    trustProxy: trustProxy(env.TRUST_PROXY),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 14 * 24),
    loginMaxFailuresPerEmail: int(env, 'LOGIN_MAX_FAILURES', 5),
    loginMaxFailuresPerIp: int(env, 'LOGIN_MAX_FAILURES_PER_IP', 50),
    loginLockoutSeconds: int(env, 'LOGIN_LOCKOUT_SECONDS', 60),
    loginLockoutMaxSeconds: int(env, 'LOGIN_LOCKOUT_MAX_SECONDS', 3600),
    loginFailureWindowSeconds: int(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 3600),
    apiKeyRotationGraceSeconds: int(env, 'API_KEY_ROTATION_GRACE_SECONDS', 86_400),
    apiKeyCacheSeconds: int(env, 'API_KEY_CACHE_SECONDS', 5),
    requestLogRetentionDays: int(env, 'REQUEST_LOG_RETENTION_DAYS', 30),
    requestLogFlushIntervalMs: int(env, 'REQUEST_LOG_FLUSH_INTERVAL_MS', 250),
    requestLogFlushBatchSize: int(env, 'REQUEST_LOG_FLUSH_BATCH_SIZE', 500),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600),
    clickFlushIntervalMs: int(env, 'CLICK_FLUSH_INTERVAL_MS', 40),
    clickFlushBatchSize: int(env, 'CLICK_FLUSH_BATCH_SIZE', 1000),
    clickSpoolDir: env.CLICK_SPOOL_DIR === 'off' ? 'off' : env.CLICK_SPOOL_DIR ? path.resolve(env.CLICK_SPOOL_DIR) : undefined,
    feedPullTimeoutMs: int(env, 'FEED_PULL_TIMEOUT_MS', 30_000),
    feedMaxBytes: int(env, 'FEED_MAX_BYTES', 25 * 1024 * 1024),
    lastClickWindowMinutes: int(env, 'LAST_CLICK_WINDOW_MINUTES', 60),
    platformHoldDays: int(env, 'PLATFORM_HOLD_DAYS', 14),
    riskReviewThreshold: int(env, 'RISK_REVIEW_THRESHOLD', 50),
    linkCacheTtlMs: int(env, 'LINK_CACHE_TTL_MS', 5000),
    clickRepeatWindowSeconds: int(env, 'CLICK_REPEAT_WINDOW_SECONDS', 30),
    clickVelocityPerLink: int(env, 'CLICK_VELOCITY_PER_LINK', 300),
    clickVelocityPerIp: int(env, 'CLICK_VELOCITY_PER_IP', 20),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Influencemart <no-reply@influencemart.local>',
    passwordResetTtlMinutes: int(env, 'PASSWORD_RESET_TTL_MINUTES', 60),
    emailVerificationTtlHours: int(env, 'EMAIL_VERIFICATION_TTL_HOURS', 72),
  };
  return { ...config, ...overrides };
}

/** Only loopback proxies are trusted by default, so a client cannot pick its own IP with X-Forwarded-For. */
function trustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '') return 'loopback';
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  return raw;
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

/** Comma-separated seconds; decimals such as `0.5` are allowed (short schedules for local testing). */
function secondsList(env: Env, name: string, fallback: string): number[] {
  const raw = env[name] || fallback;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) {
    throw new Error(`Setting ${name} must be comma-separated seconds (e.g. "5,300,1800"), got "${raw}"`);
  }
  return parts.map(Number);
}
