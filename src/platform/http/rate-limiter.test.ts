import { describe, expect, it } from 'vitest';
import { FixedWindowRateLimiter, rateLimitHeaders } from './rate-limiter.ts';

describe('FixedWindowRateLimiter', () => {
  it('allows `limit` hits per window per key, then refuses until the window ends', () => {
    let now = 120_000 + 15_000; // 15 s into a minute
    const limiter = new FixedWindowRateLimiter(60_000, () => now);
    expect(limiter.hit('a', 3)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 45 });
    expect(limiter.hit('a', 3)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.hit('a', 3)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.hit('a', 3)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 45 });
    // Another key has its own count.
    expect(limiter.hit('b', 3)).toMatchObject({ allowed: true, remaining: 2 });
    now += 44_500;
    expect(limiter.hit('a', 3)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 1 });
    now += 500; // the next minute starts
    expect(limiter.hit('a', 3)).toEqual({ allowed: true, limit: 3, remaining: 2, resetSeconds: 60 });
  });

  it('refused hits do not count against the next window', () => {
    let now = 0;
    const limiter = new FixedWindowRateLimiter(1000, () => now);
    for (let i = 0; i < 10; i++) limiter.hit('k', 1);
    now = 1000;
    expect(limiter.hit('k', 1).allowed).toBe(true);
  });

  it('renders the RateLimit headers, with Retry-After only when refused', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 10, remaining: 9, resetSeconds: 30 })).toEqual({
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '9',
      'RateLimit-Reset': '30',
    });
    expect(rateLimitHeaders({ allowed: false, limit: 10, remaining: 0, resetSeconds: 30 })).toMatchObject({ 'Retry-After': '30' });
  });
});
