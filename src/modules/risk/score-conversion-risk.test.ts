import { describe, expect, it } from 'vitest';
import { needsReview, scoreConversionRisk, type RiskSignals } from './score-conversion-risk.ts';

const calm: RiskSignals = {
  secondsFromClick: 600,
  previousOrdersOnClick: 0,
  selfReferral: false,
  amount: 5000n,
  merchantMedianAmount: 4000n,
  merchantOrderCount: 100,
};

describe('scoreConversionRisk', () => {
  const cases: Array<[string, Partial<RiskSignals>, number, string[]]> = [
    ['an ordinary order', {}, 0, []],
    ['an order 5 s after the click', { secondsFromClick: 5 }, 40, ['CLICK_TO_ORDER_TOO_SHORT']],
    ['an order exactly 20 s after the click', { secondsFromClick: 20 }, 0, []],
    ['a second order on one click is normal', { previousOrdersOnClick: 1 }, 0, []],
    ['a third order on one click', { previousOrdersOnClick: 2 }, 30, ['MANY_ORDERS_ON_CLICK']],
    ['a sixth order on one click', { previousOrdersOnClick: 5 }, 60, ['MANY_ORDERS_ON_CLICK']],
    ["a click from the affiliate's own address", { selfReferral: true }, 60, ['SELF_REFERRAL']],
    ['ten times the median', { amount: 40000n }, 30, ['AMOUNT_OUTLIER']],
    ['just under ten times the median', { amount: 39999n }, 0, []],
    ['a big order without enough history is not an outlier', { amount: 400000n, merchantOrderCount: 19 }, 0, []],
    ['a big order for a merchant with no history', { amount: 400000n, merchantMedianAmount: null, merchantOrderCount: 0 }, 0, []],
    [
      'everything at once is capped at 100',
      { secondsFromClick: 1, previousOrdersOnClick: 9, selfReferral: true, amount: 10_000_000n },
      100,
      ['CLICK_TO_ORDER_TOO_SHORT', 'MANY_ORDERS_ON_CLICK', 'SELF_REFERRAL', 'AMOUNT_OUTLIER'],
    ],
  ];
  for (const [name, change, score, reasons] of cases) {
    it(`${name}: ${score}`, () => {
      expect(scoreConversionRisk({ ...calm, ...change })).toEqual({ score, reasons });
    });
  }

  it('sends a score at or above the threshold to review', () => {
    expect(needsReview(49, 50)).toBe(false);
    expect(needsReview(50, 50)).toBe(true);
    expect(needsReview(scoreConversionRisk({ ...calm, selfReferral: true }).score, 50)).toBe(true);
    expect(needsReview(scoreConversionRisk({ ...calm, secondsFromClick: 1 }).score, 50)).toBe(false);
  });

  it('in test mode ignores the timing and self-referral checks, which a merchant trying the flow alone always trips', () => {
    const selfTestOrder = { ...calm, secondsFromClick: 3, selfReferral: true };
    expect(scoreConversionRisk(selfTestOrder, { livemode: true })).toEqual({ score: 100, reasons: ['CLICK_TO_ORDER_TOO_SHORT', 'SELF_REFERRAL'] });
    expect(scoreConversionRisk(selfTestOrder, { livemode: false })).toEqual({ score: 0, reasons: [] });
    // The other checks still count in test mode.
    expect(scoreConversionRisk({ ...selfTestOrder, previousOrdersOnClick: 5, amount: 40000n }, { livemode: false })).toEqual({
      score: 90,
      reasons: ['MANY_ORDERS_ON_CLICK', 'AMOUNT_OUTLIER'],
    });
  });
});
