import { describe, expect, it } from 'vitest';
import { holdUntil, resolveHoldDays } from './hold-period.ts';

describe('hold period', () => {
  const cases: Array<[number | null, number | null, number, number]> = [
    [7, 21, 14, 7],
    [0, 21, 14, 0],
    [null, 21, 14, 21],
    [null, null, 14, 14],
  ];
  for (const [campaign, merchant, platform, expected] of cases) {
    it(`campaign ${campaign}, merchant ${merchant}, platform ${platform} → ${expected} days`, () => {
      expect(resolveHoldDays(campaign, merchant, platform)).toBe(expected);
    });
  }
  it('ends holdDays after delivery', () => {
    expect(holdUntil(new Date('2026-06-01T10:00:00Z'), 14).toISOString()).toBe('2026-06-15T10:00:00.000Z');
  });
});
