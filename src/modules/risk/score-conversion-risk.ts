/** What the conversion checks look at (SPEC §8), gathered by the caller. */
export interface RiskSignals {
  /** Order time minus click time. */
  secondsFromClick: number;
  /** Other orders already attributed to the same click. */
  previousOrdersOnClick: number;
  /** The click came from an address the affiliate used the dashboard from lately. */
  selfReferral: boolean;
  amount: bigint;
  /** Median of the merchant's recent orders in the same currency and mode; null without history. */
  merchantMedianAmount: bigint | null;
  merchantOrderCount: number;
}

export const RISK_REASONS = ['CLICK_TO_ORDER_TOO_SHORT', 'MANY_ORDERS_ON_CLICK', 'SELF_REFERRAL', 'AMOUNT_OUTLIER'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** The rules and their weights, in one place. A score of 50 or more waits for review by default. */
export const RISK_RULES = {
  /** Faster than a person can land, choose and pay. */
  minSecondsFromClick: 20,
  fastOrderPoints: 40,
  /** Orders on one click before it looks like a shared or replayed click id. */
  manyOrdersOnClick: 2,
  manyOrdersPoints: 30,
  veryManyOrdersOnClick: 5,
  veryManyOrdersPoints: 60,
  selfReferralPoints: 60,
  /** History needed before an amount can be called an outlier. */
  minHistoryForOutliers: 20,
  outlierMultipleOfMedian: 10n,
  outlierPoints: 30,
} as const;

/**
 * Test mode is where a merchant tries the flow on one machine: clicking their own test link and
 * ordering seconds later is the point there, not fraud. So in test mode the timing and
 * self-referral checks do not count; every check counts in live mode.
 */
const LIVE_ONLY_REASONS: ReadonlySet<RiskReason> = new Set(['CLICK_TO_ORDER_TOO_SHORT', 'SELF_REFERRAL']);

export interface RiskScore {
  score: number;
  reasons: RiskReason[];
}

export function scoreConversionRisk(signals: RiskSignals, mode: { livemode: boolean } = { livemode: true }): RiskScore {
  const reasons = reasonsFor(signals).filter((reason) => mode.livemode || !LIVE_ONLY_REASONS.has(reason));
  const score = reasons.reduce((sum, reason) => sum + pointsOf(reason, signals), 0);
  return { score: Math.min(100, score), reasons };
}

function reasonsFor(signals: RiskSignals): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (signals.secondsFromClick < RISK_RULES.minSecondsFromClick) reasons.push('CLICK_TO_ORDER_TOO_SHORT');
  if (signals.previousOrdersOnClick >= RISK_RULES.manyOrdersOnClick) reasons.push('MANY_ORDERS_ON_CLICK');
  if (signals.selfReferral) reasons.push('SELF_REFERRAL');
  const median = signals.merchantMedianAmount;
  if (
    median !== null &&
    median > 0n &&
    signals.merchantOrderCount >= RISK_RULES.minHistoryForOutliers &&
    signals.amount >= median * RISK_RULES.outlierMultipleOfMedian
  ) {
    reasons.push('AMOUNT_OUTLIER');
  }
  return reasons;
}

function pointsOf(reason: RiskReason, signals: RiskSignals): number {
  switch (reason) {
    case 'CLICK_TO_ORDER_TOO_SHORT':
      return RISK_RULES.fastOrderPoints;
    case 'MANY_ORDERS_ON_CLICK':
      return signals.previousOrdersOnClick >= RISK_RULES.veryManyOrdersOnClick ? RISK_RULES.veryManyOrdersPoints : RISK_RULES.manyOrdersPoints;
    case 'SELF_REFERRAL':
      return RISK_RULES.selfReferralPoints;
    case 'AMOUNT_OUTLIER':
      return RISK_RULES.outlierPoints;
  }
}

export const needsReview = (score: number, threshold: number) => score >= threshold;
