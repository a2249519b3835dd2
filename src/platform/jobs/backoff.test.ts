import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './backoff.ts';

describe('retryDelaySeconds', () => {
  it('doubles per attempt without jitter at the midpoint', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelaySeconds(attempt, mid))).toEqual([2, 4, 8, 16, 32]);
  });

  it('caps at one hour', () => {
    expect(retryDelaySeconds(40, () => 0.5)).toBe(3600);
  });

  it('keeps jitter within ±20 %', () => {
    expect(retryDelaySeconds(5, () => 0)).toBe(26);
    expect(retryDelaySeconds(5, () => 0.999999)).toBe(38);
  });
});
