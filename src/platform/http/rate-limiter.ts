export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends and the count starts again. */
  resetSeconds: number;
}

/**
 * Fixed-window request counter per key, in this process only (see docs/decisions/rate-limits.md).
 * One map lookup and an increment per request; windows are aligned to the clock, so every key's
 * window ends at the same moment and stale entries can be dropped in one sweep.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private currentStart = 0;

  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string, limit: number): RateDecision {
    const now = this.now();
    const start = now - (now % this.windowMs);
    if (start !== this.currentStart) {
      // A new window began: every count from an older one is irrelevant.
      this.windows.clear();
      this.currentStart = start;
    }
    let window = this.windows.get(key);
    if (!window) {
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((start + this.windowMs - now) / 1000));
    if (window.count >= limit) return { allowed: false, limit, remaining: 0, resetSeconds };
    window.count++;
    return { allowed: true, limit, remaining: limit - window.count, resetSeconds };
  }
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), plus Retry-After when refused. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    ...(decision.allowed ? {} : { 'Retry-After': String(decision.resetSeconds) }),
  };
}
